// sale.*: ringing up a sale at the till — the open cart (persisted on every change, survives restarts),
// discounts and overrides with manager approval, hold/recall, tenders, completion (one transaction) and
// voids. Every mutating method returns the whole SaleView and emits 'sale.updated'.
import { z } from 'zod';
import type { Discount } from '../domain/cart.js';
import type { TaxBreakdownRow, TaxClassCode, EtimsBand } from '../domain/tax.js';
import { tenderNeedsReference, type TenderMethod, type TenderSummary } from '../domain/tender.js';
import {
  approvalSchema,
  discountSchema,
  idSchema,
  nonNegativeMoneySchema,
  positiveMoneySchema,
  qtyMilliSchema,
  reasonSchema,
  tenderMethodSchema,
} from './common.js';
import { defineMethod } from './method.js';
import type { ReceiptModel } from './receipt.js';

export type SaleStatus = 'open' | 'held' | 'completed' | 'voided' | 'cancelled';

export interface SaleLineView {
  id: string;
  /** 1-based position on the receipt. */
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  qtyMilli: number;
  unit: string | null;
  soldByWeight: boolean;
  /** The code scanned to add the line (null when added by product id). */
  scannedCode: string | null;
  listUnitPrice: number;
  /** The override when there is one, else the list price. */
  unitPrice: number;
  overridden: boolean;
  overrideReason: string | null;
  /** The line discount as given (amount or percent); null for none, and on completed sales. */
  discount: Discount | null;
  discountReason: string | null;
  extended: number;
  lineDiscount: number;
  cartDiscountShare: number;
  discountTotal: number;
  taxClass: TaxClassCode;
  band: EtimsBand;
  rateBp: number;
  net: number;
  tax: number;
  /** What the customer pays for this line. */
  gross: number;
  /** Completed sales: quantity already refunded on this line (0 otherwise). */
  refundedQtyMilli: number;
}

export interface TenderView {
  id: string;
  method: TenderMethod;
  amount: number;
  reference: string | null;
  createdAt: string;
}

export interface SaleTotals {
  subtotal: number;
  lineDiscountTotal: number;
  cartDiscountTotal: number;
  discountTotal: number;
  netTotal: number;
  taxTotal: number;
  /** Σ line gross (before cash rounding; see payment.due). */
  total: number;
  taxBreakdown: TaxBreakdownRow[];
}

export interface SaleClientView {
  id: string;
  name: string;
  phone: string | null;
  kraPin: string | null;
  creditLimit: number;
  creditBalance: number;
}

export interface SaleVoidView {
  id: string;
  reason: string;
  userId: string;
  approvedBy: string;
  createdAt: string;
}

export interface SaleView {
  /** The cart id, which becomes the sale id on completion (UUIDv7). */
  id: string;
  status: SaleStatus;
  /** Set on completion (T01-000123). */
  receiptNumber: string | null;
  terminalId: string;
  sessionId: string;
  /** Who rings (cart) or rang (completed sale) the sale. */
  userId: string;
  currency: string;
  pricesIncludeTax: boolean;
  client: SaleClientView | null;
  lines: SaleLineView[];
  cartDiscount: Discount | null;
  cartDiscountReason: string | null;
  tenders: TenderView[];
  totals: SaleTotals;
  /** Due (with cash rounding), paid, balance, change — from the domain's summarizeTenders. */
  payment: TenderSummary;
  holdNote: string | null;
  startedAt: string;
  updatedAt: string;
  completedAt: string | null;
  businessDate: string | null;
  void: SaleVoidView | null;
}

/** A sale with its receipt (null while the sale is an open or held cart). */
export interface SaleDetail {
  sale: SaleView;
  receipt: ReceiptModel | null;
}

export interface SaleCompleted {
  sale: SaleView;
  receipt: ReceiptModel;
}

export interface HeldSaleSummary {
  id: string;
  holdNote: string | null;
  userId: string;
  cashierName: string | null;
  clientName: string | null;
  lineCount: number;
  total: number;
  startedAt: string;
  heldAt: string;
}

const saleId = idSchema;
const lineId = idSchema;

const withReasonForDiscount = (
  v: { discount: unknown; reason?: string | undefined },
  ctx: z.RefinementCtx,
): void => {
  if (v.discount !== null && v.reason === undefined) {
    ctx.addIssue({ code: 'custom', path: ['reason'], message: 'give a reason for the discount' });
  }
};

export const saleMethods = {
  /**
   * Starts a sale (needs an open cash session). If the operator already has an open sale on this till,
   * that sale is returned instead of a second one: one open cart per operator per till.
   */
  'sale.start': defineMethod<SaleView>()(z.strictObject({})),
  /**
   * Adds a product by id or by code (barcode, SKU, weighed-item label). qtyMilli defaults to one unit,
   * except weighed products, which need a weight (from the label or given). The same counted product
   * added again increments its line.
   */
  'sale.addItem': defineMethod<SaleView>()(
    z
      .strictObject({
        saleId,
        productId: idSchema.optional(),
        code: z.string().trim().min(1).max(64).optional(),
        qtyMilli: qtyMilliSchema.optional(),
      })
      .refine((v) => (v.productId === undefined) !== (v.code === undefined), {
        message: 'give a product id or a code (one of them)',
        path: ['code'],
      }),
  ),
  'sale.setQuantity': defineMethod<SaleView>()(z.strictObject({ saleId, lineId, qtyMilli: qtyMilliSchema })),
  /** Employees need a manager's approval; null removes the discount (no approval needed). */
  'sale.setLineDiscount': defineMethod<SaleView>()(
    z
      .strictObject({
        saleId,
        lineId,
        discount: discountSchema.nullable(),
        reason: reasonSchema.optional(),
        approval: approvalSchema.optional(),
      })
      .superRefine(withReasonForDiscount),
  ),
  'sale.setCartDiscount': defineMethod<SaleView>()(
    z
      .strictObject({
        saleId,
        discount: discountSchema.nullable(),
        reason: reasonSchema.optional(),
        approval: approvalSchema.optional(),
      })
      .superRefine(withReasonForDiscount),
  ),
  /** A new unit price for a line (null = back to the list price). Needs a manager (or approval) and a reason. */
  'sale.overridePrice': defineMethod<SaleView>()(
    z.strictObject({
      saleId,
      lineId,
      unitPrice: nonNegativeMoneySchema.nullable(),
      reason: reasonSchema,
      approval: approvalSchema.optional(),
    }),
  ),
  /** Removes a line from the open sale. Employees need a manager's approval. */
  'sale.voidLine': defineMethod<SaleView>()(
    z.strictObject({ saleId, lineId, reason: reasonSchema, approval: approvalSchema.optional() }),
  ),
  'sale.attachClient': defineMethod<SaleView>()(z.strictObject({ saleId, clientId: idSchema.nullable() })),
  'sale.hold': defineMethod<SaleView>()(
    z.strictObject({ saleId, note: z.string().trim().min(1).max(200).optional() }),
  ),
  /** Held sales at this till, oldest first. */
  'sale.listHeld': defineMethod<HeldSaleSummary[]>()(z.strictObject({})),
  /** Held → open for the operator; CONFLICT if they already have an open sale with lines. */
  'sale.recall': defineMethod<SaleView>()(z.strictObject({ saleId })),
  /** CARD and MPESA need a reference; CREDIT needs an attached client within their credit limit. */
  'sale.tender': defineMethod<SaleView>()(
    z
      .strictObject({
        saleId,
        method: tenderMethodSchema,
        amount: positiveMoneySchema,
        reference: z.string().trim().min(1).max(64).optional(),
      })
      .superRefine((v, ctx) => {
        if (tenderNeedsReference(v.method) && v.reference === undefined) {
          const what = v.method === 'MPESA' ? 'the M-Pesa confirmation code' : 'the card approval code';
          ctx.addIssue({ code: 'custom', path: ['reference'], message: `enter ${what}` });
        }
      }),
  ),
  'sale.removeTender': defineMethod<SaleView>()(z.strictObject({ saleId, tenderId: idSchema })),
  /** Writes the sale (one transaction) once fully paid: SALE_NOT_PAID while a balance is due. */
  'sale.complete': defineMethod<SaleCompleted>()(z.strictObject({ saleId })),
  /**
   * A completed sale: voided by a new sale_voids document (goods back to stock), manager or approval.
   * An open or held cart: cancelled (deleted; audited when it had lines, which needs approval too).
   */
  'sale.void': defineMethod<SaleView>()(
    z.strictObject({ saleId, reason: reasonSchema, approval: approvalSchema.optional() }),
  ),
  /** A sale by id (cart or completed, with its receipt marked COPY); without id the operator's open sale or null. */
  'sale.get': defineMethod<SaleDetail | null>()(z.strictObject({ saleId: idSchema.optional() })),
  /** A completed sale by receipt number (T01-000123), with quantities already refunded per line. */
  'sale.findByReceipt': defineMethod<SaleDetail>()(
    z.strictObject({ receiptNumber: z.string().trim().min(1).max(40) }),
  ),
};
