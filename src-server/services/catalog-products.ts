// Products: the API representation (with barcodes, tax band and, per store, stock on hand), barcode
// validation with the shared GS1 rules, and the barcode writes of a product.
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { checkGtin } from '../../src-shared/domain/barcode.js';
import { TAX_CLASS_CODES, TAX_CLASSES, type TaxClassCode } from '../../src-shared/domain/tax.js';
import type { Db } from '../db/client.js';
import { barcodes, products } from '../db/schema/catalog.js';
import { stockLevels } from '../db/schema/stock.js';
import type { Tx } from '../db/transaction.js';
import { fieldError, validationError } from '../http/errors.js';
import { moneyOut, quantityOut, timestampOut, toMoney, toQuantity, toTimestamp } from '../http/fields.js';

export type ProductRow = typeof products.$inferSelect;

const TAX_CODES = TAX_CLASS_CODES as unknown as readonly [TaxClassCode, ...TaxClassCode[]];
export const taxClassField = z.enum(TAX_CODES);
export const MAX_BARCODES = 20;

export const productOut = z.object({
  id: z.uuid(),
  name: z.string(),
  sku: z.string(),
  barcode: z.string().nullable().meta({ description: 'The primary barcode' }),
  barcodes: z.array(z.string()).meta({ description: 'All barcodes, the primary first' }),
  category: z.uuid().nullable(),
  unit: z.uuid().nullable(),
  price: moneyOut,
  cost: moneyOut,
  tax_class: taxClassField,
  tax_band: z
    .enum(['A', 'B', 'C', 'D', 'E'])
    .meta({ description: 'KRA eTIMS band of tax_class (read-only)' }),
  reorder_level: quantityOut,
  track_stock: z.boolean(),
  is_active: z.boolean(),
  sold_by_weight: z.boolean(),
  plu: z.string().nullable().meta({ description: 'Item code in in-store weighed-item EAN-13 labels' }),
  stock_on_hand: quantityOut
    .nullable()
    .meta({ description: 'On hand in the ?store= given (read-only); null without ?store=' }),
  created_at: timestampOut,
  updated_at: timestampOut,
});
export type ProductOut = z.infer<typeof productOut>;

export interface ProductBarcodes {
  primary: string | null;
  /** Primary first, then in the order they were added. */
  all: string[];
}

const NO_BARCODES: ProductBarcodes = { primary: null, all: [] };

export function toApiProduct(
  row: ProductRow,
  codes: ProductBarcodes = NO_BARCODES,
  onHandMilli: number | null = null,
): ProductOut {
  return {
    id: row.id,
    name: row.name,
    sku: row.sku,
    barcode: codes.primary,
    barcodes: codes.all,
    category: row.categoryId,
    unit: row.unitId,
    price: toMoney(row.price),
    cost: toMoney(row.cost),
    tax_class: row.taxClass,
    tax_band: TAX_CLASSES[row.taxClass].band,
    reorder_level: toQuantity(row.reorderLevel),
    track_stock: row.trackStock,
    is_active: row.isActive,
    sold_by_weight: row.soldByWeight,
    plu: row.plu,
    stock_on_hand: onHandMilli === null ? null : toQuantity(onHandMilli),
    created_at: toTimestamp(row.createdAt),
    updated_at: toTimestamp(row.updatedAt),
  };
}

/** The barcodes of a batch of products. */
export async function barcodesOf(db: Db | Tx, productIds: string[]): Promise<Map<string, ProductBarcodes>> {
  const result = new Map<string, ProductBarcodes>(productIds.map((id) => [id, { primary: null, all: [] }]));
  if (productIds.length === 0) return result;
  const rows = await db
    .select({ productId: barcodes.productId, code: barcodes.code, isPrimary: barcodes.isPrimary })
    .from(barcodes)
    .where(inArray(barcodes.productId, productIds))
    .orderBy(desc(barcodes.isPrimary), asc(barcodes.id));
  for (const r of rows) {
    const entry = result.get(r.productId);
    if (!entry) continue;
    if (r.isPrimary) entry.primary = r.code;
    entry.all.push(r.code);
  }
  // Rows written elsewhere without a primary flag: the oldest barcode stands in.
  for (const entry of result.values()) entry.primary ??= entry.all[0] ?? null;
  return result;
}

/** qtyMilli on hand in `storeId` per product (0 for a product never stocked there). */
export async function onHandOf(
  db: Db | Tx,
  storeId: string,
  productIds: string[],
): Promise<Map<string, number>> {
  const result = new Map<string, number>(productIds.map((id) => [id, 0]));
  if (productIds.length === 0) return result;
  const rows = await db
    .select({ productId: stockLevels.productId, quantity: stockLevels.quantity })
    .from(stockLevels)
    .where(and(eq(stockLevels.storeId, storeId), inArray(stockLevels.productId, productIds)));
  for (const r of rows) result.set(r.productId, r.quantity);
  return result;
}

/** Represents a page of product rows: one query for their barcodes, one for stock when a store is given. */
export async function representProducts(
  db: Db | Tx,
  rows: ProductRow[],
  storeId: string | undefined,
): Promise<ProductOut[]> {
  const ids = rows.map((r) => r.id);
  const [codes, stock] = await Promise.all([
    barcodesOf(db, ids),
    storeId === undefined ? Promise.resolve(undefined) : onHandOf(db, storeId, ids),
  ]);
  return rows.map((r) => toApiProduct(r, codes.get(r.id), stock ? (stock.get(r.id) ?? 0) : null));
}

/**
 * A barcode as entered: 1–64 printable characters without spaces. All-digit codes of GTIN length (8, 12,
 * 13) must carry a right GS1 check digit (src-shared/domain/barcode.ts); other codes (internal, Code 128
 * text, GTIN-14) are kept as they are.
 */
export const barcodeField = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\x21-\x7E]+$/, 'A barcode is printable characters without spaces.')
  .superRefine((code, ctx) => {
    if (!/^\d+$/.test(code) || ![8, 12, 13].includes(code.length)) return;
    const check = checkGtin(code);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason });
  });

export interface BarcodeInput {
  barcode?: string | null | undefined;
  barcodes?: string[] | undefined;
}

/**
 * The barcodes a product ends up with. `barcodes` replaces the list; `barcode` is the primary and always
 * among them (sent alone it is added if new); `barcode: null` alone drops the current primary. The first
 * remaining barcode becomes primary when none is named.
 */
export function planBarcodes(current: ProductBarcodes, input: BarcodeInput): ProductBarcodes {
  let all = [...current.all];
  let primary = current.primary;
  if (input.barcodes !== undefined) {
    all = [...new Set(input.barcodes)];
    if (primary !== null && !all.includes(primary)) primary = null;
  }
  if (typeof input.barcode === 'string') {
    if (!all.includes(input.barcode)) all = [input.barcode, ...all];
    primary = input.barcode;
  } else if (input.barcode === null) {
    if (input.barcodes === undefined && primary !== null) all = all.filter((c) => c !== primary);
    primary = null;
  }
  primary ??= all[0] ?? null;
  if (all.length > MAX_BARCODES) {
    throw fieldError('barcodes', `Ensure this field has no more than ${MAX_BARCODES} elements.`);
  }
  return { primary, all: primary === null ? all : [primary, ...all.filter((c) => c !== primary)] };
}

export const DUPLICATE_BARCODE = 'product with this barcode already exists.';

/** The request field a code came from, for its error (codes compare case-insensitively, as MySQL does). */
function fieldOf(code: string, input: BarcodeInput): string {
  const same = (c: string | null | undefined) => c?.toLowerCase() === code.toLowerCase();
  if (same(input.barcode)) return 'barcode';
  const i = input.barcodes?.findIndex(same) ?? -1;
  return i >= 0 ? `barcodes.${i}` : 'barcodes';
}

/** Writes `plan` for product `productId` whose barcodes were `current`; another product's code → 400. */
export async function saveBarcodes(
  tx: Tx,
  productId: string,
  current: ProductBarcodes,
  plan: ProductBarcodes,
  input: BarcodeInput,
): Promise<void> {
  const added = plan.all.filter((c) => !current.all.includes(c));
  const removed = current.all.filter((c) => !plan.all.includes(c));
  if (added.length) {
    const taken = await tx
      .select({ code: barcodes.code })
      .from(barcodes)
      .where(and(inArray(barcodes.code, added), ne(barcodes.productId, productId)));
    if (taken.length) {
      throw validationError(
        Object.fromEntries(taken.map((t) => [fieldOf(t.code, input), [DUPLICATE_BARCODE]])),
      );
    }
  }
  if (removed.length) {
    await tx.delete(barcodes).where(and(eq(barcodes.productId, productId), inArray(barcodes.code, removed)));
  }
  if (added.length) {
    await tx.insert(barcodes).values(added.map((code) => ({ code, productId, isPrimary: false })));
  }
  if (plan.primary !== current.primary || added.length) {
    await tx.update(barcodes).set({ isPrimary: false }).where(eq(barcodes.productId, productId));
    if (plan.primary !== null) {
      await tx
        .update(barcodes)
        .set({ isPrimary: true })
        .where(and(eq(barcodes.productId, productId), eq(barcodes.code, plan.primary)));
    }
  }
}
