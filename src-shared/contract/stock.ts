// stock.*: levels on hand at this till, low/out-of-stock lists, the movement history, and stock adjustments
// (an employee requests, a manager approves or rejects; only an approved request moves stock).
import { z } from 'zod';
import { idSchema, isoDateSchema, pageSchema, reasonSchema } from './common.js';
import { defineMethod } from './method.js';

/** ok = above the reorder level (or not stock-tracked); low = at/below it but > 0; out = 0; oversold = below 0. */
export type StockStatus = 'ok' | 'low' | 'out' | 'oversold';

export interface StockLevelView {
  productId: string;
  sku: string;
  name: string;
  /** Cloud level as of the last pull + local movements the cloud has not acknowledged yet (qtyMilli). */
  onHandMilli: number;
  reorderLevelMilli: number;
  trackStock: boolean;
  status: StockStatus;
}

export type StockMovementReason = 'sale' | 'refund' | 'void' | 'adjustment' | 'receipt';

export interface StockMovementView {
  id: string;
  productId: string;
  sku: string | null;
  name: string | null;
  /** Signed: negative left the store. */
  qtyDeltaMilli: number;
  reason: StockMovementReason;
  referenceType: string;
  referenceId: string;
  userId: string;
  userName: string | null;
  createdAt: string;
  /** When the cloud acknowledged it (its level then includes it); null = still counted locally. */
  ackedAt: string | null;
}

export type StockAdjustmentStatus = 'pending' | 'approved' | 'rejected';

export interface StockAdjustmentView {
  id: string;
  productId: string;
  sku: string | null;
  name: string | null;
  qtyDeltaMilli: number;
  reason: string;
  note: string | null;
  status: StockAdjustmentStatus;
  requestedBy: string;
  requestedByName: string | null;
  requestedAt: string;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /** The stock movement an approval wrote. */
  movementId: string | null;
}

/** What a manager's decision returns: the decided request and the product's level afterwards. */
export interface StockAdjustmentDecision {
  adjustment: StockAdjustmentView;
  level: StockLevelView;
}

export interface StockPage<T> {
  items: T[];
  /** Rows matching the filter (all pages). */
  total: number;
  limit: number;
  offset: number;
}

const noteSchema = z.string().trim().min(1, 'leave the note out or write something').max(1000);

/** Signed, non-zero qtyMilli: +10 pcs received/found = 10000; -2 pcs damaged = -2000. */
export const qtyDeltaMilliSchema = z
  .number()
  .int({ message: 'must be whole thousandths of a unit' })
  .refine((v) => v !== 0, 'must not be zero (use a negative number to remove stock)')
  .refine((v) => Math.abs(v) <= 1e9, 'is too large');

const decisionSchema = z.strictObject({ adjustmentId: idSchema, note: noteSchema.optional() });

export const stockMethods = {
  'stock.level': defineMethod<StockLevelView>()(z.strictObject({ productId: idSchema })),
  /** Stock-tracked active products at/below their reorder level but above 0, by name. */
  'stock.lowStock': defineMethod<StockPage<StockLevelView>>()(pageSchema),
  /** Stock-tracked active products at or below 0 (out or oversold), by name. */
  'stock.outOfStock': defineMethod<StockPage<StockLevelView>>()(pageSchema),
  /** Any employee asks for a correction (count, damage, expiry, found goods …); nothing moves until approved. */
  'stock.requestAdjustment': defineMethod<StockAdjustmentView>()(
    z.strictObject({
      productId: idSchema,
      qtyDeltaMilli: qtyDeltaMilliSchema,
      reason: reasonSchema,
      note: noteSchema.optional(),
    }),
  ),
  'stock.approveAdjustment': defineMethod<StockAdjustmentDecision>()(decisionSchema),
  'stock.rejectAdjustment': defineMethod<StockAdjustmentDecision>()(decisionSchema),
  /** The manager's approvals queue, oldest request first. */
  'stock.pendingAdjustments': defineMethod<StockPage<StockAdjustmentView>>()(pageSchema),
  /** Stock movement history, newest first. */
  'stock.movements': defineMethod<StockPage<StockMovementView>>()(
    pageSchema
      .extend({
        productId: idSchema.optional(),
        /** from ≤ createdAt < to (ISO-8601 with offset; compared in UTC). */
        from: isoDateSchema.optional(),
        to: isoDateSchema.optional(),
      })
      .refine((v) => !v.from || !v.to || Date.parse(v.from) <= Date.parse(v.to), {
        message: '"from" must not be after "to"',
        path: ['from'],
      }),
  ),
};
