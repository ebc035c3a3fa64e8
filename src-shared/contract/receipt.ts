// The receipt model: the one shape every receipt is rendered from — the screen preview now, ESC/POS
// printing later, reprints (copy: true). Amounts are integer minor units of `currency`; nothing here is
// computed by a renderer: every figure (tax per band, rounding, change) comes from src-shared/domain.
import type { EtimsBand, TaxClassCode } from '../domain/tax.js';
import type { TenderMethod } from '../domain/tender.js';

export interface ReceiptStoreHeader {
  name: string;
  address: string | null;
  phone: string | null;
  /** KRA PIN printed on every fiscal receipt. */
  kraPin: string | null;
}

export interface ReceiptLine {
  name: string;
  sku: string;
  qtyMilli: number;
  /** "2", "1.235 kg". */
  qtyDisplay: string;
  unit: string | null;
  /** The price actually charged per unit (the override when there is one). */
  unitPrice: number;
  listUnitPrice: number;
  /** True when a manager changed the price: printed as "price override". */
  overridden: boolean;
  /** unitPrice × qty before discounts. */
  extended: number;
  /** The line's own discount plus its share of the cart discount. */
  discount: number;
  /** What the customer pays for the line (tax-inclusive when the store's prices are). */
  lineTotal: number;
  taxClass: TaxClassCode;
  /** eTIMS band letter printed next to the line (A exempt, B 16 %, C zero, D non-VAT, E 8 %). */
  band: EtimsBand;
}

export interface ReceiptTaxRow {
  taxClass: TaxClassCode;
  band: EtimsBand;
  rateBp: number;
  label: string;
  net: number;
  tax: number;
  gross: number;
}

export interface ReceiptTender {
  method: TenderMethod;
  /** "Cash", "M-Pesa", … */
  label: string;
  amount: number;
  reference: string | null;
}

export interface ReceiptClient {
  name: string;
  phone: string | null;
  kraPin: string | null;
}

export interface ReceiptModel {
  kind: 'sale' | 'refund';
  /** The document's id (sale id, refund id). */
  documentId: string;
  /** T01-000123 (sale) or T01-R000012 (refund). */
  receiptNumber: string;
  /** A refund's original sale receipt number; null for a sale. */
  originalReceiptNumber: string | null;
  /** Reprints say COPY. */
  copy: boolean;
  /** Printed as VOID when the sale was voided after completion. */
  voided: boolean;
  currency: string;
  minorDigits: number;
  store: ReceiptStoreHeader;
  terminalCode: string;
  cashier: string;
  /** ISO-8601 UTC of the document. */
  timestamp: string;
  businessDate: string;
  pricesIncludeTax: boolean;
  lines: ReceiptLine[];
  /** Σ extended (before discounts). */
  subtotal: number;
  discountTotal: number;
  netTotal: number;
  taxTotal: number;
  /** One row per tax class present (THE TAX RULE: sums of the per-line figures). */
  taxes: ReceiptTaxRow[];
  /** Σ line totals. */
  total: number;
  /** Cash rounding (+/−) when paid in cash with a rounding step. */
  rounding: number;
  /** total + rounding: what was paid. */
  totalDue: number;
  tenders: ReceiptTender[];
  paid: number;
  change: number;
  client: ReceiptClient | null;
  footer: string | null;
  /** Printed as a barcode (CODE128) so a return can scan it: the receipt number. */
  barcode: string;
  /** QR content: e-receipt / verification link placeholder. */
  qr: string;
}
