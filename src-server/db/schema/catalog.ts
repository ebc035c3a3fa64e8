// The catalog, business-wide (shared by every store of this deployment): categories, units, products,
// barcodes. Tax classes are the constant TAX_CLASSES of src-shared/domain/tax.ts (no table).
import { bigint, index, mysqlTable, tinyint, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { TAX_CLASS_CODES } from '../../../src-shared/domain/tax.js';
import type { TaxClassCode } from '../../../src-shared/domain/tax.js';
import { code, flag, idPk, money, qty, ref, timestamps, utc } from '../columns.js';

const TAX_CODES = TAX_CLASS_CODES as unknown as readonly [TaxClassCode, ...TaxClassCode[]];

export const categories = mysqlTable(
  'categories',
  {
    id: idPk(),
    name: varchar('name', { length: 100 }).notNull(),
    parentId: ref('parent_id'),
    isActive: flag('is_active', true),
    ...timestamps(),
  },
  (t) => [uniqueIndex('categories_name_uq').on(t.name)],
);

export const units = mysqlTable(
  'units',
  {
    id: idPk(),
    name: varchar('name', { length: 50 }).notNull(),
    symbol: varchar('symbol', { length: 10 }).notNull(),
    /** Weighed/measured goods: quantities may have 3 decimals. */
    allowsFraction: flag('allows_fraction', false),
    ...timestamps(),
  },
  (t) => [uniqueIndex('units_name_uq').on(t.name)],
);

export const products = mysqlTable(
  'products',
  {
    id: idPk(),
    sku: varchar('sku', { length: 64 }).notNull(),
    name: varchar('name', { length: 200 }).notNull(),
    categoryId: ref('category_id').references(() => categories.id),
    unitId: ref('unit_id').references(() => units.id),
    /** Minor units; tax-inclusive when the store's prices include tax. */
    price: money('price').notNull(),
    cost: money('cost').notNull().default(0),
    taxClass: code('tax_class', TAX_CODES).notNull().default('standard'),
    /** qtyMilli; an alert is raised when stock falls to or below it. */
    reorderLevel: qty('reorder_level').notNull().default(0),
    trackStock: flag('track_stock', true),
    isActive: flag('is_active', true),
    soldByWeight: flag('sold_by_weight', false),
    /** Item code embedded in in-store weighed/priced EAN-13 barcodes (prefix 20–29). */
    plu: varchar('plu', { length: 10 }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('products_sku_uq').on(t.sku),
    index('products_name_idx').on(t.name),
    index('products_category_idx').on(t.categoryId),
    index('products_plu_idx').on(t.plu),
  ],
);

export const barcodes = mysqlTable(
  'barcodes',
  {
    id: idPk(),
    code: varchar('code', { length: 64 }).notNull(),
    productId: ref('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** The product's `barcode` field in the API; the others are listed in `barcodes`. */
    isPrimary: flag('is_primary', false),
    ...timestamps(),
  },
  (t) => [uniqueIndex('barcodes_code_uq').on(t.code), index('barcodes_product_idx').on(t.productId)],
);

/**
 * One row (id 1) counting changes to products and barcodes: every transaction that writes them bumps it
 * (services/catalog-version.ts), so cached product searches (services/catalog-search-cache.ts) on every API
 * node see that they are stale. No row yet = version 0.
 */
export const catalogVersion = mysqlTable('catalog_version', {
  id: tinyint('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
  updatedAt: utc('updated_at').notNull(),
});
