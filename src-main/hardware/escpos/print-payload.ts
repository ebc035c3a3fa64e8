// What a print job carries: the rendered model of its document (stored as JSON on the job row), so the
// bytes are produced at print time for whichever printer (paper width, codepage) the job ends up on.
import type { ReceiptModel, ReceiptStoreHeader } from '../../../src-shared/contract/receipt.js';
import type { XReport, ZReport } from '../../../src-shared/contract/report.js';

export interface ReportContext {
  store: ReceiptStoreHeader;
  currency: string;
  minorDigits: number;
}

export type PrintPayload =
  | { type: 'receipt'; receipt: ReceiptModel }
  | { type: 'x_report'; report: XReport; context: ReportContext; copy: boolean }
  | { type: 'z_report'; report: ZReport; context: ReportContext; copy: boolean }
  /** The cash-session close slip (count, expected, variance, signatures) followed by the Z report. */
  | { type: 'session_close'; report: ZReport; context: ReportContext; copy: boolean }
  | { type: 'test'; printerName: string; at: string };
