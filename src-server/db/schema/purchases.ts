// Buying stock: purchase orders and their lines, and payments to suppliers.
import { index, mysqlTable, text, varchar } from 'drizzle-orm/mysql-core';
import { code, idPk, money, qty, ref, timestamps, utc } from '../columns.js';
import { products } from './catalog.js';
import { suppliers } from './parties.js';
import { stores } from './stores.js';
import { users } from './users.js';
import { TENDER_METHODS } from './sales.js';

export const PURCHASE_STATUSES = ['ordered', 'received', 'cancelled'] as const;

export const purchaseHeaders = mysqlTable(
  'purchase_headers',
  {
    id: idPk(),
    storeId: ref('store_id')
      .notNull()
      .references(() => stores.id),
    supplierId: ref('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    reference: varchar('reference', { length: 100 }),
    status: code('status', PURCHASE_STATUSES).notNull().default('ordered'),
    total: money('total').notNull().default(0),
    paidTotal: money('paid_total').notNull().default(0),
    notes: text('notes'),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    receivedAt: utc('received_at'),
    receivedBy: ref('received_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    index('purchase_headers_store_idx').on(t.storeId, t.status),
    index('purchase_headers_supplier_idx').on(t.supplierId),
  ],
);

export const purchaseDetails = mysqlTable(
  'purchase_details',
  {
    id: idPk(),
    headerId: ref('header_id')
      .notNull()
      .references(() => purchaseHeaders.id),
    productId: ref('product_id')
      .notNull()
      .references(() => products.id),
    /** qtyMilli */
    quantity: qty('quantity').notNull(),
    unitCost: money('unit_cost').notNull(),
    lineTotal: money('line_total').notNull(),
    ...timestamps(),
  },
  (t) => [index('purchase_details_header_idx').on(t.headerId)],
);

export const supplierPayments = mysqlTable(
  'supplier_payments',
  {
    id: idPk(),
    supplierId: ref('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    purchaseHeaderId: ref('purchase_header_id').references(() => purchaseHeaders.id),
    storeId: ref('store_id').references(() => stores.id),
    amount: money('amount').notNull(),
    method: code('method', TENDER_METHODS).notNull(),
    reference: varchar('reference', { length: 100 }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    index('supplier_payments_supplier_idx').on(t.supplierId),
    index('supplier_payments_purchase_idx').on(t.purchaseHeaderId),
  ],
);
