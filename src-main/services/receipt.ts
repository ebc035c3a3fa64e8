// Builds the ReceiptModel (src-shared/contract/receipt.ts) every receipt is rendered from. The figures
// come from the document (priced by the domain); this only arranges them. buildReceiptModel is generic
// (sales, refunds); saleReceipt maps a completed SaleView.
import type {
  ReceiptClient,
  ReceiptLine,
  ReceiptModel,
  ReceiptStoreHeader,
  ReceiptTaxRow,
} from '../../src-shared/contract/receipt.js';
import type { SaleView } from '../../src-shared/contract/sale.js';
import { sumMinor } from '../../src-shared/domain/money.js';
import { formatQuantityDisplay, QTY_ONE } from '../../src-shared/domain/quantity.js';
import type { TenderMethod } from '../../src-shared/domain/tender.js';

export const TENDER_LABELS: Readonly<Record<TenderMethod, string>> = {
  CASH: 'Cash',
  CARD: 'Card',
  MPESA: 'M-Pesa',
  CREDIT: 'On account',
  VOUCHER: 'Voucher',
};

/** "2" for counted goods, "1.235 kg" for weighed or fractional quantities. */
export function receiptQtyDisplay(qtyMilli: number, unit: string | null, soldByWeight: boolean): string {
  const qty = formatQuantityDisplay(qtyMilli);
  return unit && (soldByWeight || qtyMilli % QTY_ONE !== 0) ? `${qty} ${unit}` : qty;
}

/** The e-receipt / verification link a receipt's QR code carries (placeholder scheme until the cloud serves it). */
export function receiptQr(documentId: string): string {
  return `asiria://receipt/${documentId}`;
}

export interface ReceiptStoreInfo {
  header: ReceiptStoreHeader;
  footer: string | null;
  currency: string;
  minorDigits: number;
}

export interface ReceiptModelInput {
  kind: ReceiptModel['kind'];
  documentId: string;
  receiptNumber: string;
  originalReceiptNumber?: string | null;
  copy: boolean;
  voided?: boolean;
  store: ReceiptStoreInfo;
  terminalCode: string;
  cashier: string;
  timestamp: string;
  businessDate: string;
  pricesIncludeTax: boolean;
  lines: ReceiptLine[];
  subtotal: number;
  discountTotal: number;
  netTotal: number;
  taxTotal: number;
  taxes: ReceiptTaxRow[];
  total: number;
  rounding: number;
  tenders: { method: TenderMethod; amount: number; reference: string | null }[];
  change: number;
  client: ReceiptClient | null;
}

export function buildReceiptModel(input: ReceiptModelInput): ReceiptModel {
  return {
    kind: input.kind,
    documentId: input.documentId,
    receiptNumber: input.receiptNumber,
    originalReceiptNumber: input.originalReceiptNumber ?? null,
    copy: input.copy,
    voided: input.voided ?? false,
    currency: input.store.currency,
    minorDigits: input.store.minorDigits,
    store: input.store.header,
    terminalCode: input.terminalCode,
    cashier: input.cashier,
    timestamp: input.timestamp,
    businessDate: input.businessDate,
    pricesIncludeTax: input.pricesIncludeTax,
    lines: input.lines,
    subtotal: input.subtotal,
    discountTotal: input.discountTotal,
    netTotal: input.netTotal,
    taxTotal: input.taxTotal,
    taxes: input.taxes,
    total: input.total,
    rounding: input.rounding,
    totalDue: input.total + input.rounding,
    tenders: input.tenders.map((t) => ({
      method: t.method,
      label: TENDER_LABELS[t.method],
      amount: t.amount,
      reference: t.reference,
    })),
    paid: sumMinor(input.tenders.map((t) => t.amount)),
    change: input.change,
    client: input.client,
    footer: input.store.footer,
    barcode: input.receiptNumber,
    qr: receiptQr(input.documentId),
  };
}

export interface SaleReceiptContext {
  store: ReceiptStoreInfo;
  terminalCode: string;
  cashierName: string;
  copy: boolean;
}

/** The receipt of a completed (possibly voided) sale. */
export function saleReceipt(sale: SaleView, context: SaleReceiptContext): ReceiptModel {
  if (sale.receiptNumber === null || sale.completedAt === null || sale.businessDate === null) {
    throw new Error(`sale ${sale.id} is not completed: it has no receipt yet`);
  }
  return buildReceiptModel({
    kind: 'sale',
    documentId: sale.id,
    receiptNumber: sale.receiptNumber,
    copy: context.copy,
    voided: sale.status === 'voided',
    store: context.store,
    terminalCode: context.terminalCode,
    cashier: context.cashierName,
    timestamp: sale.completedAt,
    businessDate: sale.businessDate,
    pricesIncludeTax: sale.pricesIncludeTax,
    lines: sale.lines.map((l) => ({
      name: l.name,
      sku: l.sku,
      qtyMilli: l.qtyMilli,
      qtyDisplay: receiptQtyDisplay(l.qtyMilli, l.unit, l.soldByWeight),
      unit: l.unit,
      unitPrice: l.unitPrice,
      listUnitPrice: l.listUnitPrice,
      overridden: l.overridden,
      extended: l.extended,
      discount: l.discountTotal,
      lineTotal: l.gross,
      taxClass: l.taxClass,
      band: l.band,
    })),
    subtotal: sale.totals.subtotal,
    discountTotal: sale.totals.discountTotal,
    netTotal: sale.totals.netTotal,
    taxTotal: sale.totals.taxTotal,
    taxes: sale.totals.taxBreakdown,
    total: sale.totals.total,
    rounding: sale.payment.roundingAdjustment,
    tenders: sale.tenders,
    change: sale.payment.change,
    client: sale.client
      ? { name: sale.client.name, phone: sale.client.phone, kraPin: sale.client.kraPin }
      : null,
  });
}
