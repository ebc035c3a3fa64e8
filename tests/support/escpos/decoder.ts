// ESC/POS bytes → what a customer would see: lines of text (codepage-aware: ESC t selects the table),
// cuts, drawer pulses with pin and timing, barcode and QR payloads, raster images, status requests.
// No maintained npm ESC/POS parser fits (escpos-parser and npos are unmaintained and ignore codepages),
// so this decodes the subset the till emits (see src-main/hardware/escpos) plus the common neighbours.
import CodepageEncoder, { type Codepage } from '@point-of-sale/codepage-encoder';

/** ESC t n → codepage on Epson-compatible printers (the encoder's 'epson' mapping). */
const EPSON_CODEPAGES: Record<number, Codepage> = {
  0: 'cp437',
  2: 'cp850',
  3: 'cp860',
  4: 'cp863',
  5: 'cp865',
  13: 'cp857',
  14: 'cp737',
  16: 'windows1252',
  17: 'cp866',
  18: 'cp852',
  19: 'cp858',
};

export interface DecodedPulse {
  pin: 2 | 5;
  onMs: number;
  offMs: number;
}
export interface DecodedBarcode {
  /** GS k m (0x49 = CODE128). */
  type: number;
  data: string;
}

export type PrintEvent =
  | { kind: 'line'; text: string; bold: boolean; doubleHeight: boolean }
  | { kind: 'cut'; type: 'full' | 'partial' }
  | { kind: 'pulse'; pulse: DecodedPulse }
  | { kind: 'barcode'; barcode: DecodedBarcode }
  | { kind: 'qr'; data: string }
  | { kind: 'image'; width: number; height: number }
  | { kind: 'status'; n: number };

export interface Printout {
  events: PrintEvent[];
  /** Every printed line, trailing spaces trimmed. */
  lines: string[];
  text: string;
  cuts: ('full' | 'partial')[];
  pulses: DecodedPulse[];
  barcodes: DecodedBarcode[];
  qrCodes: string[];
  /** Raster and column images in dots (a receipt logo is one GS v 0 raster image), in print order. */
  images: { width: number; height: number }[];
  /** The documents between cuts, each as its lines (a trailing part with no cut is included when non-empty). */
  documents: string[][];
  codepages: Codepage[];
  /** Bytes it did not understand (offset + byte), so a test can insist on none. */
  unknown: { offset: number; byte: number }[];
}

function codepoints(cp: Codepage): number[] {
  return CodepageEncoder.getCodepoints(cp, true);
}

export function decodeEscPos(input: Uint8Array): Printout {
  const b = input;
  const events: PrintEvent[] = [];
  const unknown: Printout['unknown'] = [];
  const codepages: Codepage[] = [];
  let table = codepoints('cp437');
  let line = '';
  let bold = false;
  let doubleHeight = false;
  let qrData = '';
  let i = 0;

  const byte = (k: number) => b[k] ?? 0;
  const newline = () => {
    events.push({ kind: 'line', text: line.replace(/\s+$/, ''), bold, doubleHeight });
    line = '';
  };
  const flushPartial = () => {
    if (line.trim()) newline();
    line = '';
  };
  const text = (bytes: Uint8Array) => {
    let s = '';
    for (const c of bytes) s += c < 0x80 ? String.fromCharCode(c) : String.fromCodePoint(table[c] ?? 0xfffd);
    return s;
  };

  while (i < b.length) {
    const c = byte(i);
    if (c === 0x0a) {
      newline();
      i += 1;
    } else if (c === 0x0d) {
      i += 1;
    } else if (c === 0x1b) {
      const f = byte(i + 1);
      switch (f) {
        case 0x40: // ESC @
          table = codepoints('cp437');
          bold = false;
          doubleHeight = false;
          i += 2;
          break;
        case 0x74: {
          // ESC t n
          const cp = EPSON_CODEPAGES[byte(i + 2)];
          if (cp) {
            table = codepoints(cp);
            codepages.push(cp);
          } else unknown.push({ offset: i, byte: byte(i + 2) });
          i += 3;
          break;
        }
        case 0x45: // ESC E n bold
          bold = (byte(i + 2) & 1) === 1;
          i += 3;
          break;
        case 0x21: // ESC ! n
          bold = (byte(i + 2) & 0x08) !== 0;
          doubleHeight = (byte(i + 2) & 0x10) !== 0;
          i += 3;
          break;
        case 0x70: {
          // ESC p m t1 t2
          const m = byte(i + 2);
          events.push({
            kind: 'pulse',
            pulse: { pin: (m & 1) === 1 ? 5 : 2, onMs: byte(i + 3) * 2, offMs: byte(i + 4) * 2 },
          });
          i += 5;
          break;
        }
        case 0x64: // ESC d n: feed n lines
          flushPartial();
          for (let k = 0; k < byte(i + 2); k++) newline();
          i += 3;
          break;
        case 0x24: // ESC $ nL nH
        case 0x5c: // ESC \ nL nH
          i += 4;
          break;
        case 0x2a: {
          // ESC * m nL nH data (column image)
          const m = byte(i + 2);
          const n = byte(i + 3) + byte(i + 4) * 256;
          i += 5 + n * (m >= 32 ? 3 : 1);
          events.push({ kind: 'image', width: n, height: m >= 32 ? 24 : 8 });
          break;
        }
        case 0x32: // ESC 2
          i += 2;
          break;
        case 0x2d: // ESC - n underline
        case 0x33: // ESC 3 n line spacing
        case 0x34: // ESC 4 n italic
        case 0x47: // ESC G n double strike
        case 0x4a: // ESC J n feed dots
        case 0x4d: // ESC M n font
        case 0x52: // ESC R n international set
        case 0x56: // ESC V n rotate
        case 0x61: // ESC a n align
        case 0x72: // ESC r n colour
        case 0x7b: // ESC { n upside down
        case 0x20: // ESC SP n
          i += 3;
          break;
        default:
          unknown.push({ offset: i, byte: f });
          i += 2;
      }
    } else if (c === 0x1d) {
      const f = byte(i + 1);
      switch (f) {
        case 0x21: {
          // GS ! n: size
          const n = byte(i + 2);
          doubleHeight = (n & 0x0f) > 0;
          i += 3;
          break;
        }
        case 0x56: {
          // GS V m [n]
          const m = byte(i + 2);
          flushPartial();
          events.push({ kind: 'cut', type: m === 0 || m === 48 || m === 65 ? 'full' : 'partial' });
          i += m >= 65 ? 4 : 3;
          break;
        }
        case 0x6b: {
          // GS k m ...
          const m = byte(i + 2);
          flushPartial();
          if (m <= 6) {
            let end = i + 3;
            while (end < b.length && byte(end) !== 0) end++;
            events.push({ kind: 'barcode', barcode: { type: m, data: text(b.subarray(i + 3, end)) } });
            i = end + 1;
          } else {
            const n = byte(i + 3);
            let data = text(b.subarray(i + 4, i + 4 + n));
            if (m === 0x49 && /^\{[ABC]/.test(data)) data = data.slice(2);
            events.push({ kind: 'barcode', barcode: { type: m, data } });
            i += 4 + n;
          }
          break;
        }
        case 0x28: {
          // GS ( k pL pH cn fn ...
          const len = byte(i + 3) + byte(i + 4) * 256;
          const body = b.subarray(i + 5, i + 5 + len);
          if (byte(i + 2) === 0x6b && body[0] === 0x31) {
            if (body[1] === 0x50) qrData = text(body.subarray(3));
            if (body[1] === 0x51) {
              flushPartial();
              events.push({ kind: 'qr', data: qrData });
            }
          }
          i += 5 + len;
          break;
        }
        case 0x76: {
          // GS v 0 m xL xH yL yH d1…dk: raster bit image, xL+xH·256 bytes (8 dots each) by yL+yH·256 dots
          if (byte(i + 2) !== 0x30 && byte(i + 2) !== 0) {
            unknown.push({ offset: i, byte: f });
            i += 2;
            break;
          }
          const width = byte(i + 4) + byte(i + 5) * 256;
          const height = byte(i + 6) + byte(i + 7) * 256;
          flushPartial();
          events.push({ kind: 'image', width: width * 8, height });
          i += 8 + width * height;
          break;
        }
        case 0x42: // GS B n invert
        case 0x48: // GS H n HRI position
        case 0x66: // GS f n HRI font
        case 0x68: // GS h n barcode height
        case 0x77: // GS w n barcode width
        case 0x62: // GS b n smoothing
          i += 3;
          break;
        case 0x4c: // GS L nL nH
        case 0x57: // GS W nL nH
        case 0x50: // GS P x y
          i += 4;
          break;
        default:
          unknown.push({ offset: i, byte: f });
          i += 2;
      }
    } else if (c === 0x10 && byte(i + 1) === 0x04) {
      events.push({ kind: 'status', n: byte(i + 2) });
      i += 3;
    } else if (c === 0x1c) {
      // FS . (cancel Kanji) and FS & (Kanji on)
      i += 2;
    } else if (c < 0x20) {
      unknown.push({ offset: i, byte: c });
      i += 1;
    } else {
      let end = i;
      while (end < b.length && byte(end) >= 0x20) end++;
      line += text(b.subarray(i, end));
      i = end;
    }
  }
  flushPartial();

  const lines: string[] = [];
  const documents: string[][] = [];
  let current: string[] = [];
  for (const e of events) {
    if (e.kind === 'line') {
      lines.push(e.text);
      current.push(e.text);
    } else if (e.kind === 'cut') {
      documents.push(current);
      current = [];
    }
  }
  if (current.some((l) => l.trim() !== '')) documents.push(current);
  return {
    events,
    lines,
    text: lines.join('\n'),
    cuts: events.flatMap((e) => (e.kind === 'cut' ? [e.type] : [])),
    pulses: events.flatMap((e) => (e.kind === 'pulse' ? [e.pulse] : [])),
    barcodes: events.flatMap((e) => (e.kind === 'barcode' ? [e.barcode] : [])),
    qrCodes: events.flatMap((e) => (e.kind === 'qr' ? [e.data] : [])),
    images: events.flatMap((e) => (e.kind === 'image' ? [{ width: e.width, height: e.height }] : [])),
    documents,
    codepages,
    unknown,
  };
}

/** A human-readable rendering (the simulator's .txt): text, then [CUT], [DRAWER pin 2 100/500 ms], [QR …]. */
export function printoutText(p: Printout): string {
  const out: string[] = [];
  for (const e of p.events) {
    switch (e.kind) {
      case 'line':
        out.push(e.text);
        break;
      case 'cut':
        out.push(`[CUT ${e.type}]`);
        break;
      case 'pulse':
        out.push(
          `[DRAWER KICK pin ${String(e.pulse.pin)} on ${String(e.pulse.onMs)} ms off ${String(e.pulse.offMs)} ms]`,
        );
        break;
      case 'barcode':
        out.push(
          `[BARCODE ${e.barcode.type === 0x49 ? 'CODE128' : String(e.barcode.type)}: ${e.barcode.data}]`,
        );
        break;
      case 'qr':
        out.push(`[QR: ${e.data}]`);
        break;
      case 'image':
        out.push(`[IMAGE ${String(e.width)}x${String(e.height)}]`);
        break;
      case 'status':
        break;
    }
  }
  return `${out.join('\n')}\n`;
}
