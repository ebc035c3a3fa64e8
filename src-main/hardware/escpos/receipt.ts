// Sale and refund receipts from the ReceiptModel (the same model the screen preview shows): the printer's
// logo when it has one, store header, COPY/VOID/REFUND banners, lines with quantities, overrides and
// discounts, totals, tax by class, each tender, change, client, footer, the receipt number as a CODE128
// barcode and the verification QR.
import type { ReceiptLine, ReceiptModel } from '../../../src-shared/contract/receipt.js';
import { banner, Sheet, storeHeader, type PrinterSettings } from './encoder.js';
import { columnsRow, money, receiptTime, rule, twoColumns, wrap } from './layout.js';

function lineBlock(enc: Sheet, l: ReceiptLine, width: number, digits: number): void {
  const band = ` ${l.band}`;
  for (const [i, text] of wrap(l.name, width - band.length).entries()) {
    enc.line(i === 0 ? twoColumns(text, band.trim(), width) : text);
  }
  const qty = `  ${l.qtyDisplay} x ${money(l.unitPrice, digits)}`;
  enc.line(twoColumns(qty, money(l.extended, digits), width));
  if (l.overridden) enc.line(`  Price override (was ${money(l.listUnitPrice, digits)})`);
  if (l.discount !== 0) enc.line(twoColumns('  Discount', money(-l.discount, digits), width));
}

function taxTable(enc: Sheet, model: ReceiptModel, width: number): void {
  const d = model.minorDigits;
  const amountWidth = width >= 48 ? 11 : 8;
  const widths = [width - 3 * (amountWidth + 1), amountWidth, amountWidth, amountWidth];
  enc.line(columnsRow(['Tax', 'Net', 'Tax', 'Gross'], widths));
  for (const t of model.taxes) {
    enc.line(
      columnsRow([`${t.band} ${t.label}`, money(t.net, d), money(t.tax, d), money(t.gross, d)], widths),
    );
  }
}

/** `logo`: the printer's logo as raster image bytes (printed first), or null. */
export function renderReceipt(
  model: ReceiptModel,
  settings: PrinterSettings,
  logo: Uint8Array | null = null,
): Uint8Array {
  const width = settings.columns;
  const d = model.minorDigits;
  const enc = new Sheet(settings, logo);
  storeHeader(enc, model.store);
  enc.newline();
  if (model.copy) banner(enc, '*** COPY ***');
  if (model.voided) banner(enc, '*** VOID ***');
  if (model.kind === 'refund') banner(enc, 'REFUND');
  const numberLabel = model.kind === 'refund' ? 'Refund' : 'Receipt';
  enc.line(twoColumns(`${numberLabel}: ${model.receiptNumber}`, receiptTime(model.timestamp), width));
  if (model.originalReceiptNumber) enc.line(`Original receipt: ${model.originalReceiptNumber}`);
  enc.line(twoColumns(`Till: ${model.terminalCode}`, `Cashier: ${model.cashier}`, width));
  enc.line(rule(width));
  for (const l of model.lines) lineBlock(enc, l, width, d);
  enc.line(rule(width));
  enc.line(twoColumns('Subtotal', money(model.subtotal, d), width));
  if (model.discountTotal !== 0) enc.line(twoColumns('Discounts', money(-model.discountTotal, d), width));
  if (model.rounding !== 0) {
    enc.line(twoColumns('Total before rounding', money(model.total, d), width));
    enc.line(twoColumns('Rounding', money(model.rounding, d), width));
  }
  const totalLabel = model.kind === 'refund' ? 'REFUND TOTAL' : 'TOTAL';
  enc.bold(true).size(1, 2);
  enc.line(twoColumns(`${totalLabel} ${model.currency}`, money(model.totalDue, d), width));
  enc.size(1, 1).bold(false);
  for (const t of model.tenders) {
    const label = t.reference ? `${t.label} ${t.reference}` : t.label;
    enc.line(twoColumns(label, money(t.amount, d), width));
  }
  if (model.change !== 0) {
    enc
      .bold(true)
      .line(twoColumns('Change', money(model.change, d), width))
      .bold(false);
  }
  enc.line(rule(width));
  taxTable(enc, model, width);
  enc.line(
    twoColumns(model.pricesIncludeTax ? 'Prices include VAT' : 'VAT', money(model.taxTotal, d), width),
  );
  if (model.client) {
    enc.line(rule(width));
    enc.line(`Client: ${model.client.name}`);
    if (model.client.phone) enc.line(`Phone: ${model.client.phone}`);
    if (model.client.kraPin) enc.line(`Client PIN: ${model.client.kraPin}`);
  }
  enc.newline();
  if (model.footer) enc.center(model.footer);
  if (settings.barcode) enc.barcode(model.barcode);
  if (settings.qr) {
    enc.qrcode(model.qr, width >= 48 ? 6 : 4);
    enc.center('Scan to verify this receipt');
  }
  if (model.copy) enc.center('*** COPY ***');
  return enc.finish(settings.cut);
}
