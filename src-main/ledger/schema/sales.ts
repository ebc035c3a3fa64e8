// Sale facts. A completed sale, its lines and payments are immutable; a void or refund is a new document.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { cashSessions } from './cash.js';

/** An unfinished sale (open or held). Mutable working state, not a fact; survives restarts. */
export const carts = sqliteTable(
  'carts',
  {
    id: text('id').primaryKey(),
    terminalId: text('terminal_id').notNull(),
    sessionId: text('session_id')
      .notNull()
      .references(() => cashSessions.id),
    userId: text('user_id').notNull(),
    status: text('status', { enum: ['open', 'held'] }).notNull(),
    clientId: text('client_id'),
    /** JSON CartState: lines, cart discount, tenders (see services/cart-state.ts). */
    state: text('state', { mode: 'json' }).notNull(),
    holdNote: text('hold_note'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('carts_status_idx').on(t.status, t.updatedAt)],
);

export const sales = sqliteTable(
  'sales',
  {
    id: text('id').primaryKey(),
    receiptNumber: text('receipt_number').notNull().unique(),
    storeId: text('store_id').notNull(),
    terminalId: text('terminal_id').notNull(),
    sessionId: text('session_id')
      .notNull()
      .references(() => cashSessions.id),
    businessDate: text('business_date').notNull(),
    userId: text('user_id').notNull(),
    clientId: text('client_id'),
    currency: text('currency').notNull(),
    pricesIncludeTax: integer('prices_include_tax', { mode: 'boolean' }).notNull(),
    subtotal: integer('subtotal').notNull(),
    lineDiscountTotal: integer('line_discount_total').notNull(),
    cartDiscountTotal: integer('cart_discount_total').notNull(),
    discountTotal: integer('discount_total').notNull(),
    netTotal: integer('net_total').notNull(),
    taxTotal: integer('tax_total').notNull(),
    roundingAdjustment: integer('rounding_adjustment').notNull().default(0),
    /** What the customer owes: Σ line gross + rounding adjustment. */
    total: integer('total').notNull(),
    paidTotal: integer('paid_total').notNull(),
    changeGiven: integer('change_given').notNull(),
    startedAt: text('started_at').notNull(),
    completedAt: text('completed_at').notNull(),
  },
  (t) => [index('sales_session_idx').on(t.sessionId), index('sales_completed_idx').on(t.completedAt)],
);

export const saleLines = sqliteTable(
  'sale_lines',
  {
    id: text('id').primaryKey(),
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id),
    lineNo: integer('line_no').notNull(),
    productId: text('product_id').notNull(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    qtyMilli: integer('qty_milli').notNull(),
    listUnitPrice: integer('list_unit_price').notNull(),
    unitPrice: integer('unit_price').notNull(),
    overridden: integer('overridden', { mode: 'boolean' }).notNull(),
    overrideReason: text('override_reason'),
    overrideApprovedBy: text('override_approved_by'),
    extended: integer('extended').notNull(),
    lineDiscount: integer('line_discount').notNull(),
    cartDiscountShare: integer('cart_discount_share').notNull(),
    discountTotal: integer('discount_total').notNull(),
    taxClass: text('tax_class').notNull(),
    band: text('band').notNull(),
    rateBp: integer('rate_bp').notNull(),
    net: integer('net').notNull(),
    tax: integer('tax').notNull(),
    gross: integer('gross').notNull(),
  },
  (t) => [
    uniqueIndex('sale_lines_sale_line_no').on(t.saleId, t.lineNo),
    index('sale_lines_product_idx').on(t.productId),
  ],
);

export const salePayments = sqliteTable(
  'sale_payments',
  {
    id: text('id').primaryKey(),
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id),
    method: text('method', { enum: ['CASH', 'CARD', 'MPESA', 'CREDIT', 'VOUCHER'] }).notNull(),
    /** Amount tendered (for cash, before change). */
    amount: integer('amount').notNull(),
    reference: text('reference'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('sale_payments_sale_idx').on(t.saleId)],
);

export const saleVoids = sqliteTable('sale_voids', {
  id: text('id').primaryKey(),
  saleId: text('sale_id')
    .notNull()
    .unique()
    .references(() => sales.id),
  sessionId: text('session_id').notNull(),
  reason: text('reason').notNull(),
  userId: text('user_id').notNull(),
  approvedBy: text('approved_by').notNull(),
  createdAt: text('created_at').notNull(),
});

export const refunds = sqliteTable(
  'refunds',
  {
    id: text('id').primaryKey(),
    refundNumber: text('refund_number').notNull().unique(),
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id),
    storeId: text('store_id').notNull(),
    terminalId: text('terminal_id').notNull(),
    sessionId: text('session_id')
      .notNull()
      .references(() => cashSessions.id),
    businessDate: text('business_date').notNull(),
    userId: text('user_id').notNull(),
    approvedBy: text('approved_by').notNull(),
    reason: text('reason').notNull(),
    netTotal: integer('net_total').notNull(),
    taxTotal: integer('tax_total').notNull(),
    total: integer('total').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('refunds_sale_idx').on(t.saleId), index('refunds_session_idx').on(t.sessionId)],
);

export const refundLines = sqliteTable(
  'refund_lines',
  {
    id: text('id').primaryKey(),
    refundId: text('refund_id')
      .notNull()
      .references(() => refunds.id),
    saleLineId: text('sale_line_id')
      .notNull()
      .references(() => saleLines.id),
    productId: text('product_id').notNull(),
    qtyMilli: integer('qty_milli').notNull(),
    taxClass: text('tax_class').notNull(),
    net: integer('net').notNull(),
    tax: integer('tax').notNull(),
    gross: integer('gross').notNull(),
  },
  (t) => [
    index('refund_lines_refund_idx').on(t.refundId),
    index('refund_lines_sale_line_idx').on(t.saleLineId),
  ],
);

export const refundPayments = sqliteTable(
  'refund_payments',
  {
    id: text('id').primaryKey(),
    refundId: text('refund_id')
      .notNull()
      .references(() => refunds.id),
    method: text('method', { enum: ['CASH', 'CARD', 'MPESA', 'CREDIT', 'VOUCHER'] }).notNull(),
    amount: integer('amount').notNull(),
    reference: text('reference'),
  },
  (t) => [index('refund_payments_refund_idx').on(t.refundId)],
);
