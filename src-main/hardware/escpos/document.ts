// Print payload → ESC/POS bytes for one printer's settings.
import { renderReceipt } from './receipt.js';
import { renderSessionClose, renderTestPage, renderXReport, renderZReport } from './report.js';
import type { PrinterSettings } from './encoder.js';
import type { PrintPayload } from './print-payload.js';

export function encodePayload(payload: PrintPayload, settings: PrinterSettings): Uint8Array {
  switch (payload.type) {
    case 'receipt':
      return renderReceipt(payload.receipt, settings);
    case 'x_report':
      return renderXReport(payload.report, payload.context, payload.copy, settings);
    case 'z_report':
      return renderZReport(payload.report, payload.context, payload.copy, settings);
    case 'session_close':
      return renderSessionClose(payload.report, payload.context, payload.copy, settings);
    case 'test':
      return renderTestPage(payload.printerName, payload.at, settings);
  }
}
