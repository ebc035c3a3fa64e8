// Catalog replica: pulled from the cloud (cloud-authoritative), read-mostly at the till.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const stores = sqliteTable('stores', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  currency: text('currency').notNull().default('KES'),
  pricesIncludeTax: integer('prices_include_tax', { mode: 'boolean' }).notNull().default(true),
  /** Cash rounding step in minor units: 0 none, 100 = 1 shilling, 500 = 5 shillings. */
  cashRoundingStep: integer('cash_rounding_step').notNull().default(0),
  address: text('address'),
  phone: text('phone'),
  kraPin: text('kra_pin'),
  receiptFooter: text('receipt_footer'),
  /** JSON WeighedBarcodeLayout; null = the domain default (prefixes 20–29, item 5, weight 5). */
  weighedLayout: text('weighed_layout', { mode: 'json' }),
  updatedAt: text('updated_at').notNull(),
});

export const terminals = sqliteTable('terminals', {
  id: text('id').primaryKey(),
  storeId: text('store_id')
    .notNull()
    .references(() => stores.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id'),
    name: text('name').notNull(),
    phone: text('phone').notNull().unique(),
    role: text('role', { enum: ['owner', 'manager', 'employee'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    pinHash: text('pin_hash'),
    /** The screen language this user chose ('en' | 'sw'); null = the till's default. Local to this till. */
    locale: text('locale'),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('users_store_idx').on(t.storeId)],
);

export const taxClasses = sqliteTable('tax_classes', {
  code: text('code').primaryKey(),
  band: text('band').notNull(),
  rateBp: integer('rate_bp').notNull(),
  label: text('label').notNull(),
});

export const categories = sqliteTable('categories', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  parentId: text('parent_id'),
  updatedAt: text('updated_at').notNull(),
});

export const units = sqliteTable('units', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  symbol: text('symbol').notNull(),
  /** Weighed/measured goods: quantities may have 3 decimals. */
  allowsFraction: integer('allows_fraction', { mode: 'boolean' }).notNull().default(false),
  updatedAt: text('updated_at').notNull(),
});

export const products = sqliteTable(
  'products',
  {
    id: text('id').primaryKey(),
    sku: text('sku').notNull().unique(),
    name: text('name').notNull(),
    categoryId: text('category_id').references(() => categories.id),
    unitId: text('unit_id').references(() => units.id),
    /** Minor units; tax-inclusive when the store prices include tax. */
    price: integer('price').notNull(),
    cost: integer('cost').notNull().default(0),
    taxClass: text('tax_class').notNull().default('standard'),
    /** qtyMilli */
    reorderLevel: integer('reorder_level').notNull().default(0),
    trackStock: integer('track_stock', { mode: 'boolean' }).notNull().default(true),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    soldByWeight: integer('sold_by_weight', { mode: 'boolean' }).notNull().default(false),
    /** Item code embedded in in-store weighed/priced EAN-13 barcodes (prefix 20–29). */
    plu: text('plu'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('products_plu_idx')
      .on(t.plu)
      .where(sql`${t.plu} is not null`),
    index('products_category_idx').on(t.categoryId),
  ],
);

export const barcodes = sqliteTable(
  'barcodes',
  {
    code: text('code').primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
  },
  (t) => [index('barcodes_product_idx').on(t.productId)],
);

export const clients = sqliteTable('clients', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  phone: text('phone'),
  email: text('email'),
  kraPin: text('kra_pin'),
  /** Minor units; 0 = no credit allowed. */
  creditLimit: integer('credit_limit').notNull().default(0),
  /** Outstanding credit balance as last pulled from the cloud (minor units). */
  creditBalance: integer('credit_balance').notNull().default(0),
  updatedAt: text('updated_at').notNull(),
});

export const suppliers = sqliteTable('suppliers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  phone: text('phone'),
  email: text('email'),
  updatedAt: text('updated_at').notNull(),
});
