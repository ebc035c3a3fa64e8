// One place that drives the ESC/POS encoder (@point-of-sale/receipt-printer-encoder) for a printer's
// settings. Commands — styles, size, barcodes, QR codes, images, cut, drawer pulse — come from the
// library. Text lines are laid out here in fixed columns (receipts are tables of 32 or 48 characters)
// and turned into bytes with the library's own codepage tables (@point-of-sale/codepage-encoder), built
// once per codepage: the library's line composer costs ~50 µs a line (3 ms for a 60-line receipt, over
// the 2 ms budget), a table lookup costs nothing.
import CodepageEncoder from '@point-of-sale/codepage-encoder';
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { PrinterCodepage, PrinterConfig } from '../../../src-shared/contract/device.js';
import type { ReceiptStoreHeader } from '../../../src-shared/contract/receipt.js';
import { wrap } from './layout.js';

export type PrinterSettings = PrinterConfig['settings'];

/** ESC t n on Epson-compatible printers (the library's 'epson' codepage mapping). */
const ESC_T: Record<PrinterCodepage, number> = { cp437: 0, cp850: 2, windows1252: 16, cp858: 19 };
const tables = new Map<PrinterCodepage, Map<number, number>>();

function tableOf(codepage: PrinterCodepage): Map<number, number> {
  let table = tables.get(codepage);
  if (!table) {
    table = new Map();
    const points = CodepageEncoder.getCodepoints(codepage, true);
    for (let byte = 0x80; byte < 0x100; byte++) {
      const cp = points[byte];
      if (cp !== undefined && cp !== 0xfffd && !table.has(cp)) table.set(cp, byte);
    }
    tables.set(codepage, table);
  }
  return table;
}

/** A printout being composed: text lines in fixed columns, commands through the encoder library. */
export class Sheet {
  readonly encoder: ReceiptPrinterEncoder;
  readonly width: number;
  #scale = 1;
  readonly #table: Map<number, number>;
  readonly #logo: Uint8Array | null;

  /**
   * `logo`: the printer's logo as raster image bytes (encoded once per configuration, see logo.ts),
   * printed first. It is spliced in after the set-up bytes when the sheet is finished: handing ~7 KB to
   * the encoder would cost more than the rest of the receipt.
   */
  constructor(settings: Pick<PrinterSettings, 'columns' | 'codepage'>, logo: Uint8Array | null = null) {
    this.width = settings.columns;
    this.#logo = logo;
    this.#table = tableOf(settings.codepage);
    this.encoder = new ReceiptPrinterEncoder({
      language: 'esc-pos',
      columns: settings.columns,
      codepageMapping: 'epson',
      newline: '\n',
      feedBeforeCut: 4,
    }).initialize();
    this.encoder.raw([0x1b, 0x74, ESC_T[settings.codepage]]);
  }

  /** Characters per line at the current text size. */
  get columns(): number {
    return Math.floor(this.width / this.#scale);
  }

  #bytes(text: string): Uint8Array {
    const out = new Uint8Array(text.length + 1);
    let n = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0x3f;
      out[n++] = cp >= 0x20 && cp < 0x80 ? cp : (this.#table.get(cp) ?? 0x3f);
    }
    out[n++] = 0x0a;
    return out.subarray(0, n);
  }

  line(text: string): this {
    this.encoder.raw(this.#bytes(text));
    return this;
  }

  /** Centred in software, so the paper and the decoded text look the same. */
  center(text: string): this {
    for (const l of wrap(text, this.columns)) {
      this.line(' '.repeat(Math.floor((this.columns - l.length) / 2)) + l);
    }
    return this;
  }

  newline(count = 1): this {
    for (let i = 0; i < count; i++) this.encoder.raw([0x0a]);
    return this;
  }

  bold(on: boolean): this {
    this.encoder.bold(on);
    return this;
  }

  size(width: 1 | 2, height: 1 | 2): this {
    this.encoder.size(width, height);
    this.#scale = width;
    return this;
  }

  barcode(data: string): this {
    this.encoder
      .align('center')
      .barcode(data, 'code128', { height: 60, width: 2, text: 'below' })
      .align('left');
    return this;
  }

  qrcode(data: string, size: number): this {
    this.encoder.align('center').qrcode(data, { model: 2, size, errorlevel: 'm' }).align('left');
    return this;
  }

  finish(cut: PrinterSettings['cut']): Uint8Array {
    if (cut === 'none') this.newline(4);
    else this.encoder.cut(cut);
    const bytes = this.encoder.encode();
    if (!this.#logo) return bytes;
    // ESC @ then ESC t n open every sheet; the logo goes right after them.
    const head = bytes[0] === 0x1b && bytes[1] === 0x40 && bytes[2] === 0x1b && bytes[3] === 0x74 ? 5 : 0;
    const out = new Uint8Array(bytes.length + this.#logo.length);
    out.set(bytes.subarray(0, head));
    out.set(this.#logo, head);
    out.set(bytes.subarray(head), head + this.#logo.length);
    return out;
  }
}

/** Store name (bold, double height), address, phone, KRA PIN — centred. */
export function storeHeader(sheet: Sheet, store: ReceiptStoreHeader): void {
  sheet.bold(true).size(1, 2).center(store.name).size(1, 1).bold(false);
  if (store.address) sheet.center(store.address);
  if (store.phone) sheet.center(`Tel: ${store.phone}`);
  if (store.kraPin) sheet.center(`PIN: ${store.kraPin}`);
}

/** A heavy banner line (bold, double size): "*** COPY ***", "REFUND". */
export function banner(sheet: Sheet, text: string): void {
  sheet.bold(true).size(2, 2).center(text).size(1, 1).bold(false);
}
