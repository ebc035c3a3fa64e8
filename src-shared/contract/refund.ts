// refund.*: money (and goods) back against a completed sale, line by line, in the current cash session.
import { z } from 'zod';
import type { TaxBreakdownRow } from '../domain/tax.js';
import type { TenderMethod } from '../domain/tender.js';
import { approvalSchema, idSchema, qtyMilliSchema, reasonSchema } from './common.js';
import { defineMethod } from './method.js';
import type { ReceiptModel } from './receipt.js';

export interface RefundLineView {
  id: string;
  saleLineId: string;
  productId: string;
  sku: string;
  name: string;
  qtyMilli: number;
  /** The unit price the line was sold at. */
  unitPrice: number;
  taxClass: string;
  band: string;
  rateBp: number;
  net: number;
  tax: number;
  gross: number;
}

export interface RefundPaymentView {
  id: string;
  method: TenderMethod;
  amount: number;
  /** The original payment's reference (M-Pesa receipt, card approval) when refunded to it. */
  reference: string | null;
}

/** A refund document, shaped for the screen and the refund receipt. */
export interface RefundView {
  id: string;
  /** T01-R000001 */
  refundNumber: string;
  saleId: string;
  /** The original sale's receipt number. */
  receiptNumber: string;
  sessionId: string;
  businessDate: string;
  createdAt: string;
  cashier: { id: string; name: string };
  approvedBy: { id: string; name: string };
  reason: string;
  terminalCode: string;
  lines: RefundLineView[];
  payments: RefundPaymentView[];
  taxBreakdown: TaxBreakdownRow[];
  netTotal: number;
  taxTotal: number;
  total: number;
  /** The refund receipt (kind 'refund', numbered T01-R…, naming the original receipt). */
  receipt: ReceiptModel;
}

const refundLineInputSchema = z.strictObject({ saleLineId: idSchema, qtyMilli: qtyMilliSchema });

export const refundMethods = {
  /**
   * Refunds part or all of a completed sale, found by `receiptNumber` or `saleId` (one of them).
   * `tender`: 'original' pays back over the sale's own tenders (cash to cash, M-Pesa to M-Pesa with its
   * reference), 'cash' pays everything in cash. Employees need a manager's `approval`.
   */
  'refund.create': defineMethod<RefundView>()(
    z
      .strictObject({
        receiptNumber: z.string().trim().min(1).max(40).optional(),
        saleId: idSchema.optional(),
        lines: z
          .array(refundLineInputSchema)
          .min(1, 'choose at least one line to refund')
          .max(500)
          .refine((lines) => new Set(lines.map((l) => l.saleLineId)).size === lines.length, {
            message: 'each sale line may appear only once',
          }),
        tender: z.enum(['original', 'cash']).default('original'),
        reason: reasonSchema,
        approval: approvalSchema.optional(),
      })
      .refine((v) => (v.receiptNumber === undefined) !== (v.saleId === undefined), {
        message: 'give the receipt number or the sale id (one of them)',
        path: ['receiptNumber'],
      }),
  ),
};
