// The receipt logo: a PNG file decoded once (pngjs), flattened onto white, scaled down to fit the paper's
// dot width and the height bound, padded to multiples of 8 dots, then dithered and turned into one
// GS v 0 raster image by the encoder library. The resulting bytes are what each receipt copies in, so
// the logo costs nothing per receipt.
import { readFileSync, statSync } from 'node:fs';
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { PNG } from 'pngjs';
import { z } from 'zod';
import type { LogoDither } from '../../../src-shared/contract/device.js';

/** Printable dots per line: 58 mm paper (32 columns of 12-dot font A) and 80 mm (48 columns). */
export function paperDots(columns: number): number {
  return columns * 12;
}

/** A logo is scaled down to at most this many dots tall (30 mm at 203 dpi). */
export const LOGO_MAX_HEIGHT_DOTS = 240;
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_SOURCE_SIDE = 4096;
const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** Why a logo cannot be used, in words for the configuration screen. */
export class LogoError extends Error {}

/** RGBA pixels on white, opaque, both sides multiples of 8. */
export interface LogoImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

function readPngFile(path: string): Buffer {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new LogoError(`${path} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof LogoError) throw error;
    throw new LogoError(`no file at ${path}`);
  }
  if (size > MAX_FILE_BYTES) throw new LogoError('the logo file is larger than 2 MB');
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new LogoError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (bytes.length < 24 || !PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
    throw new LogoError('the logo is not a PNG file');
  }
  // IHDR width and height, checked before decoding so a huge image is refused without inflating it.
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 1 || height < 1) throw new LogoError('the logo PNG has no pixels');
  if (width > MAX_SOURCE_SIDE || height > MAX_SOURCE_SIDE) {
    throw new LogoError(`the logo is ${String(width)}×${String(height)} pixels; at most 4096 on a side`);
  }
  return bytes;
}

/** Averages each target pixel's source box, with transparency flattened onto white. */
function fitOnWhite(src: PNG, width: number, height: number): LogoImage {
  const paddedWidth = Math.ceil(width / 8) * 8;
  const paddedHeight = Math.ceil(height / 8) * 8;
  const data = new Uint8ClampedArray(paddedWidth * paddedHeight * 4).fill(255);
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor((y * src.height) / height);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * src.height) / height));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor((x * src.width) / width);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * src.width) / width));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const k = (sy * src.width + sx) * 4;
          const a = src.data[k + 3] ?? 255;
          r += ((src.data[k] ?? 255) * a + 255 * (255 - a)) / 255;
          g += ((src.data[k + 1] ?? 255) * a + 255 * (255 - a)) / 255;
          b += ((src.data[k + 2] ?? 255) * a + 255 * (255 - a)) / 255;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * paddedWidth + x) * 4;
      data[o] = r / n;
      data[o + 1] = g / n;
      data[o + 2] = b / n;
    }
  }
  return { width: paddedWidth, height: paddedHeight, data };
}

/** Reads and decodes a logo PNG for paper of `columns`; throws LogoError with the reason. */
export function readLogo(path: string, columns: number): LogoImage {
  const bytes = readPngFile(path);
  let png: PNG;
  try {
    png = PNG.sync.read(bytes);
  } catch (error) {
    throw new LogoError(`the logo PNG cannot be decoded (${error instanceof Error ? error.message : ''})`);
  }
  const scale = Math.min(1, paperDots(columns) / png.width, LOGO_MAX_HEIGHT_DOTS / png.height);
  const width = Math.max(1, Math.floor(png.width * scale));
  const height = Math.max(1, Math.floor(png.height * scale));
  return fitOnWhite(png, width, height);
}

/** The logo as ESC/POS bytes: centred GS v 0 raster image, dithered by the encoder, then a line feed. */
export function encodeLogo(image: LogoImage, columns: number, dither: LogoDither = 'atkinson'): Uint8Array {
  return new ReceiptPrinterEncoder({ language: 'esc-pos', columns, imageMode: 'raster', newline: '\n' })
    .align('center')
    .image(image, image.width, image.height, dither, 128)
    .align('left')
    .encode();
}

/** device.configure's check of a printer's logo path: the file exists and is a PNG that can be decoded. */
export function logoFileSchema(columns: number): z.ZodType<string> {
  return z.string().superRefine((path, ctx) => {
    try {
      readLogo(path, columns);
    } catch (error) {
      if (!(error instanceof LogoError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
    }
  });
}

export interface PrinterLogo {
  /** The raster image bytes to put at the top of a receipt; null without a (readable) logo. */
  bytes: Uint8Array | null;
  /** Why a configured logo is not printed; null when it is fine or none is configured. */
  problem: string | null;
}

/** The printer's logo for its settings, or the reason it cannot be printed (never throws). */
export function loadPrinterLogo(settings: {
  columns: number;
  logoPath?: string | undefined;
  logoDither?: LogoDither | undefined;
}): PrinterLogo {
  if (!settings.logoPath) return { bytes: null, problem: null };
  try {
    const image = readLogo(settings.logoPath, settings.columns);
    return { bytes: encodeLogo(image, settings.columns, settings.logoDither), problem: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { bytes: null, problem: `Logo not printed: ${reason}.` };
  }
}
