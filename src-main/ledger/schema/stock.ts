// Stock: the level last pulled from the cloud plus local movements its pulled levels do not count yet.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const stockLevels = sqliteTable('stock_levels', {
  productId: text('product_id').primaryKey(),
  /** qtyMilli as of the last pull. */
  qtyMilli: integer('qty_milli').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    productId: text('product_id').notNull(),
    /** Signed qtyMilli: negative leaves the store (sale), positive returns (refund, void). */
    qtyDeltaMilli: integer('qty_delta_milli').notNull(),
    reason: text('reason', { enum: ['sale', 'refund', 'void', 'adjustment', 'receipt'] }).notNull(),
    referenceType: text('reference_type').notNull(),
    referenceId: text('reference_id').notNull(),
    userId: text('user_id').notNull(),
    createdAt: text('created_at').notNull(),
    /** Set when the cloud has acknowledged the movement (its level then includes it). */
    ackedAt: text('acked_at'),
    /** The push answer's storeVersion: the cloud's levels include this movement from that version on. */
    ackedVersion: integer('acked_version'),
    /**
     * Counted on top of the pulled level (1) until a pull reaches ackedVersion (or the cloud quarantined
     * the event: it never counts it). Stock on hand = level + Σ pending movements.
     */
    pending: integer('pending', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    index('stock_movements_pending_idx')
      .on(t.productId)
      .where(sql`${t.pending} = 1`),
    index('stock_movements_product_time_idx').on(t.productId, t.createdAt),
    index('stock_movements_reference_idx').on(t.referenceId),
  ],
);

export const stockAdjustments = sqliteTable(
  'stock_adjustments',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    productId: text('product_id').notNull(),
    qtyDeltaMilli: integer('qty_delta_milli').notNull(),
    reason: text('reason').notNull(),
    note: text('note'),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] }).notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: text('requested_at').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: text('decided_at'),
    decisionNote: text('decision_note'),
    movementId: text('movement_id'),
  },
  (t) => [index('stock_adjustments_status_idx').on(t.status, t.requestedAt)],
);
