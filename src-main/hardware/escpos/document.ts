// Print payload → ESC/POS bytes for one printer's settings (and its logo: sale and refund receipts and the
// test page start with it).
import { renderReceipt } from './receipt.js';
import { renderSessionClose, renderTestPage, renderXReport, renderZReport } from './report.js';
import type { PrinterSettings } from './encoder.js';
import type { PrintPayload } from './print-payload.js';

export function encodePayload(
  payload: PrintPayload,
  settings: PrinterSettings,
  logo: Uint8Array | null = null,
): Uint8Array {
  switch (payload.type) {
    case 'receipt':
      return renderReceipt(payload.receipt, settings, logo);
    case 'x_report':
      return renderXReport(payload.report, payload.context, payload.copy, settings);
    case 'z_report':
      return renderZReport(payload.report, payload.context, payload.copy, settings);
    case 'session_close':
      return renderSessionClose(payload.report, payload.context, payload.copy, settings);
    case 'test':
      return renderTestPage(payload.printerName, payload.at, settings, logo);
  }
}
