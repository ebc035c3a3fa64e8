// X and Z reports, the cash-session close slip and the printer test page.
import type { SessionFigures, XReport, ZReport } from '../../../src-shared/contract/report.js';
import { TENDER_LABELS } from '../../services/receipt.js';
import { banner, Sheet, storeHeader, type PrinterSettings } from './encoder.js';
import { money, receiptTime, rule, twoColumns } from './layout.js';
import type { ReportContext } from './print-payload.js';

function figures(enc: Sheet, f: SessionFigures, width: number, d: number): void {
  const row = (label: string, amount: number) => enc.line(twoColumns(label, money(amount, d), width));
  enc.line(twoColumns(`Till: ${f.terminalCode}`, `Business date: ${f.businessDate}`, width));
  enc.line(`Opened: ${receiptTime(f.openedAt)} by ${f.openedBy.name}`);
  enc.line(rule(width));
  enc.bold(true).line('SALES').bold(false);
  enc.line(twoColumns('Sales count', String(f.sales.count), width));
  row('Gross sales', f.sales.subtotal);
  row('Discounts', -f.sales.discounts);
  if (f.sales.rounding !== 0) row('Cash rounding', f.sales.rounding);
  row('Sales total', f.sales.total);
  row(`Voids (${String(f.voids.count)})`, -f.voids.total);
  row(`Refunds (${String(f.refunds.count)})`, -f.refunds.total);
  enc.bold(true);
  row('NET SALES', f.netSales);
  enc.bold(false);
  enc.line(rule(width));
  enc.bold(true).line('TAX BY CLASS').bold(false);
  for (const t of f.taxBreakdown) row(`${t.band} ${t.label} tax`, t.tax);
  row('Total tax', f.sales.tax);
  enc.line(rule(width));
  enc.bold(true).line('TENDERS (net)').bold(false);
  for (const t of f.tenders) row(TENDER_LABELS[t.method], t.net);
  enc.line(rule(width));
  enc.bold(true).line('CASH DRAWER').bold(false);
  row('Opening float', f.drawer.openingFloat);
  row('Cash sales', f.drawer.cashSales);
  if (f.drawer.cashVoids !== 0) row('Cash voids', -f.drawer.cashVoids);
  if (f.drawer.cashRefunds !== 0) row('Cash refunds', -f.drawer.cashRefunds);
  if (f.drawer.paidIn !== 0) row(`Paid in (${String(f.drawer.paidInCount)})`, f.drawer.paidIn);
  if (f.drawer.paidOut !== 0) row(`Paid out (${String(f.drawer.paidOutCount)})`, -f.drawer.paidOut);
  enc.bold(true);
  row('Expected in drawer', f.drawer.expected);
  enc.bold(false);
}

export function renderXReport(
  report: XReport,
  context: ReportContext,
  copy: boolean,
  settings: PrinterSettings,
): Uint8Array {
  const width = settings.columns;
  const enc = new Sheet(settings);
  storeHeader(enc, context.store);
  enc.newline();
  banner(enc, 'X REPORT');
  if (copy) banner(enc, '*** COPY ***');
  enc.line(`Printed: ${receiptTime(report.generatedAt)}`);
  enc.line('Session still open: figures so far');
  figures(enc, report, width, context.minorDigits);
  return enc.finish(settings.cut);
}

function zBody(enc: Sheet, report: ZReport, context: ReportContext, width: number): void {
  const d = context.minorDigits;
  enc.line(twoColumns(`Z report ${report.zLabel}`, receiptTime(report.closedAt), width));
  enc.line(`Closed by: ${report.closedBy.name}`);
  figures(enc, report, width, d);
  enc.line(rule(width));
  enc.line(twoColumns('Counted', money(report.counted, d), width));
  enc.bold(true);
  enc.line(twoColumns(`Variance (${report.varianceStatus})`, money(report.variance, d), width));
  enc.bold(false);
}

export function renderZReport(
  report: ZReport,
  context: ReportContext,
  copy: boolean,
  settings: PrinterSettings,
): Uint8Array {
  const width = settings.columns;
  const enc = new Sheet(settings);
  storeHeader(enc, context.store);
  enc.newline();
  banner(enc, 'Z REPORT');
  if (copy) banner(enc, '*** COPY ***');
  zBody(enc, report, context, width);
  return enc.finish(settings.cut);
}

/** The slip signed at close: the count (by denomination when counted so), expected, variance; then the Z. */
export function renderSessionClose(
  report: ZReport,
  context: ReportContext,
  copy: boolean,
  settings: PrinterSettings,
): Uint8Array {
  const width = settings.columns;
  const d = context.minorDigits;
  const enc = new Sheet(settings);
  storeHeader(enc, context.store);
  enc.newline();
  banner(enc, 'SESSION CLOSE');
  if (copy) banner(enc, '*** COPY ***');
  enc.line(twoColumns(`Till: ${report.terminalCode}`, receiptTime(report.closedAt), width));
  enc.line(`Cashier: ${report.openedBy.name}`);
  enc.line(`Closed by: ${report.closedBy.name}${report.blind ? ' (blind count)' : ''}`);
  enc.line(rule(width));
  if (report.denominations) {
    for (const den of report.denominations) {
      const label = `${String(den.count)} x ${money(den.value, d)}`;
      enc.line(twoColumns(label, money(den.value * den.count, d), width));
    }
    enc.line(rule(width));
  }
  enc.line(twoColumns('Counted', money(report.counted, d), width));
  enc.line(twoColumns('Expected', money(report.expected, d), width));
  enc.bold(true);
  enc.line(twoColumns(`Variance (${report.varianceStatus})`, money(report.variance, d), width));
  enc.bold(false);
  enc.newline(2);
  enc.line('Cashier signature: ____________________'.slice(0, width));
  enc.newline();
  enc.line('Manager signature: ____________________'.slice(0, width));
  enc.newline();
  enc.line(rule(width, '='));
  banner(enc, 'Z REPORT');
  zBody(enc, report, context, width);
  return enc.finish(settings.cut);
}

export function renderTestPage(
  printerName: string,
  at: string,
  settings: PrinterSettings,
  logo: Uint8Array | null = null,
): Uint8Array {
  const width = settings.columns;
  const enc = new Sheet(settings, logo);
  banner(enc, 'TEST PAGE');
  enc.line(`Printer: ${printerName}`);
  enc.line(`Time: ${receiptTime(at)}`);
  enc.line(`Paper: ${String(width)} columns, codepage ${settings.codepage}`);
  enc.line(rule(width));
  enc.line('Crème brûlée · Señor Ñandú · 5 €');
  enc.line('0123456789'.repeat(Math.ceil(width / 10)).slice(0, width));
  enc.bold(true).line('Bold text').bold(false);
  enc.size(2, 2).line('Large').size(1, 1);
  if (settings.barcode) enc.barcode('TEST-0001');
  if (settings.qr) enc.qrcode('asiria://test', 4);
  enc.line('If you can read this, the printer works.');
  return enc.finish(settings.cut);
}
