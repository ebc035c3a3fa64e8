// Stock per store: levels (a cache of Σ movements), the movements themselves (immutable facts),
// adjustments awaiting approval, and low/out-of-stock alerts.
import { index, mysqlTable, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { code, idPk, qty, ref, timestamps, utc } from '../columns.js';
import { products } from './catalog.js';
import { stores } from './stores.js';
import { users } from './users.js';

export const STOCK_MOVEMENT_REASONS = ['sale', 'refund', 'purchase', 'adjustment', 'void'] as const;
export const ADJUSTMENT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const STOCK_ALERT_KINDS = ['low', 'out'] as const;

export const stockLevels = mysqlTable(
  'stock_levels',
  {
    id: idPk(),
    storeId: ref('store_id')
      .notNull()
      .references(() => stores.id),
    productId: ref('product_id')
      .notNull()
      .references(() => products.id),
    /** qtyMilli on hand; may go negative (overselling across offline tills is allowed). */
    quantity: qty('quantity').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('stock_levels_store_product_uq').on(t.storeId, t.productId),
    index('stock_levels_product_idx').on(t.productId),
  ],
);

export const stockMovements = mysqlTable(
  'stock_movements',
  {
    id: idPk(),
    storeId: ref('store_id')
      .notNull()
      .references(() => stores.id),
    productId: ref('product_id')
      .notNull()
      .references(() => products.id),
    /** Signed qtyMilli: negative leaves the store (sale), positive comes in (purchase, refund, void). */
    quantity: qty('quantity').notNull(),
    reason: code('reason', STOCK_MOVEMENT_REASONS).notNull(),
    /** The document that caused it, e.g. "sales_header" + its id. */
    referenceType: varchar('reference_type', { length: 40 }),
    referenceId: ref('reference_id'),
    userId: ref('user_id').references(() => users.id),
    note: varchar('note', { length: 255 }),
    createdAt: utc('created_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    index('stock_movements_store_product_idx').on(t.storeId, t.productId, t.createdAt),
    index('stock_movements_product_idx').on(t.productId),
    index('stock_movements_reference_idx').on(t.referenceType, t.referenceId),
    index('stock_movements_created_idx').on(t.createdAt),
  ],
);

export const stockAdjustments = mysqlTable(
  'stock_adjustments',
  {
    id: idPk(),
    storeId: ref('store_id')
      .notNull()
      .references(() => stores.id),
    productId: ref('product_id')
      .notNull()
      .references(() => products.id),
    /** Signed qtyMilli to book when approved. */
    quantity: qty('quantity').notNull(),
    reason: text('reason').notNull(),
    status: code('status', ADJUSTMENT_STATUSES).notNull().default('pending'),
    requestedBy: ref('requested_by')
      .notNull()
      .references(() => users.id),
    decidedBy: ref('decided_by').references(() => users.id),
    decidedAt: utc('decided_at'),
    /** The movement booked by approval (exactly once). */
    movementId: ref('movement_id'),
    ...timestamps(),
  },
  (t) => [index('stock_adjustments_store_status_idx').on(t.storeId, t.status)],
);

export const stockAlerts = mysqlTable(
  'stock_alerts',
  {
    id: idPk(),
    storeId: ref('store_id')
      .notNull()
      .references(() => stores.id),
    productId: ref('product_id')
      .notNull()
      .references(() => products.id),
    kind: code('kind', STOCK_ALERT_KINDS).notNull(),
    /** qtyMilli when the alert was raised, and the reorder level then. */
    quantity: qty('quantity').notNull(),
    reorderLevel: qty('reorder_level').notNull(),
    /**
     * "<store>:<product>:<kind>" while unresolved, NULL once resolved: the unique index makes
     * "at most one open alert per store, product and kind" a database guarantee.
     */
    openKey: varchar('open_key', { length: 100 }),
    resolvedAt: utc('resolved_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('stock_alerts_open_key_uq').on(t.openKey),
    index('stock_alerts_store_idx').on(t.storeId, t.resolvedAt),
  ],
);
