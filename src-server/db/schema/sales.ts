// Sales made through the API or pushed by tills: header, lines (details) and payments. Totals are
// computed with src-shared/domain/cart.ts and tender.ts, never here.
import {
  date,
  index,
  int,
  mysqlTable,
  text,
  uniqueIndex,
  varchar,
  char,
  boolean,
} from 'drizzle-orm/mysql-core';
import { TAX_CLASS_CODES } from '../../../src-shared/domain/tax.js';
import type { TaxClassCode } from '../../../src-shared/domain/tax.js';
import { code, flag, idPk, money, qty, ref, timestamps, utc } from '../columns.js';
import { cashSessions } from './cash.js';
import { products } from './catalog.js';
import { clients } from './parties.js';
import { stores, terminals } from './stores.js';
import { users } from './users.js';

const TAX_CODES = TAX_CLASS_CODES as unknown as readonly [TaxClassCode, ...TaxClassCode[]];
export const SALE_STATUSES = ['completed', 'voided'] as const;
export const PAYMENT_STATUSES = ['unpaid', 'partial', 'paid'] as const;
export const TENDER_METHODS = ['CASH', 'CARD', 'MPESA', 'CREDIT', 'VOUCHER'] as const;
export const LINE_STATUSES = ['active', 'voided'] as const;

export const salesHeaders = mysqlTable(
  'sales_headers',
  {
    id: idPk(),
    storeId: ref('store_id')
      .notNull()
      .references(() => stores.id),
    terminalId: ref('terminal_id').references(() => terminals.id),
    sessionId: ref('session_id').references(() => cashSessions.id),
    clientId: ref('client_id').references(() => clients.id),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    /** "T01-000123" from a till, or "<store code>-000123" from receipt_counters. */
    receiptNumber: varchar('receipt_number', { length: 40 }).notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    currency: char('currency', { length: 3 }).notNull().default('KES'),
    pricesIncludeTax: boolean('prices_include_tax').notNull(),
    subtotal: money('subtotal').notNull(),
    discountTotal: money('discount_total').notNull().default(0),
    netTotal: money('net_total').notNull(),
    taxTotal: money('tax_total').notNull(),
    roundingAdjustment: money('rounding_adjustment').notNull().default(0),
    total: money('total').notNull(),
    paidTotal: money('paid_total').notNull().default(0),
    changeGiven: money('change_given').notNull().default(0),
    balanceDue: money('balance_due').notNull(),
    paymentStatus: code('payment_status', PAYMENT_STATUSES).notNull().default('unpaid'),
    status: code('status', SALE_STATUSES).notNull().default('completed'),
    voidedAt: utc('voided_at'),
    voidedBy: ref('voided_by').references(() => users.id),
    voidReason: text('void_reason'),
    /** Set when the sale came from a till's outbox (sync): the till's event id. */
    sourceEventId: ref('source_event_id'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('sales_headers_receipt_uq').on(t.storeId, t.receiptNumber),
    index('sales_headers_store_date_idx').on(t.storeId, t.businessDate),
    index('sales_headers_session_idx').on(t.sessionId),
    index('sales_headers_client_idx').on(t.clientId),
    index('sales_headers_created_idx').on(t.createdAt),
  ],
);

export const salesDetails = mysqlTable(
  'sales_details',
  {
    id: idPk(),
    headerId: ref('header_id')
      .notNull()
      .references(() => salesHeaders.id),
    lineNo: int('line_no').notNull(),
    productId: ref('product_id')
      .notNull()
      .references(() => products.id),
    sku: varchar('sku', { length: 64 }).notNull(),
    name: varchar('name', { length: 200 }).notNull(),
    /** qtyMilli */
    quantity: qty('quantity').notNull(),
    listUnitPrice: money('list_unit_price').notNull(),
    unitPrice: money('unit_price').notNull(),
    discount: money('discount').notNull().default(0),
    taxClass: code('tax_class', TAX_CODES).notNull(),
    taxRateBp: int('tax_rate_bp').notNull(),
    net: money('net').notNull(),
    tax: money('tax').notNull(),
    /** The line's total as the customer pays it. */
    gross: money('gross').notNull(),
    status: code('status', LINE_STATUSES).notNull().default('active'),
    overridden: flag('overridden', false),
    voidedAt: utc('voided_at'),
    voidedBy: ref('voided_by').references(() => users.id),
    voidReason: text('void_reason'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('sales_details_header_line_uq').on(t.headerId, t.lineNo),
    index('sales_details_product_idx').on(t.productId),
  ],
);

export const salesPayments = mysqlTable(
  'sales_payments',
  {
    id: idPk(),
    headerId: ref('header_id')
      .notNull()
      .references(() => salesHeaders.id),
    sessionId: ref('session_id').references(() => cashSessions.id),
    method: code('method', TENDER_METHODS).notNull(),
    /** Amount tendered (for cash, before change). */
    amount: money('amount').notNull(),
    changeDue: money('change_due').notNull().default(0),
    reference: varchar('reference', { length: 100 }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    index('sales_payments_header_idx').on(t.headerId),
    index('sales_payments_session_idx').on(t.sessionId),
  ],
);
