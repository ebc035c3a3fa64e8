// Stock on hand at this till = the cloud's level as of the last pull + the local movements that level does not
// count yet (pending: not acknowledged, or acknowledged at a store version the pull cursor has not reached).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ReadDb } from '../ledger/connection.js';
import { products } from '../ledger/schema/catalog.js';
import { stockLevels, stockMovements } from '../ledger/schema/stock.js';

export function onHandMilli(db: ReadDb, productId: string): number {
  return onHandMilliMany(db, [productId]).get(productId) ?? 0;
}

export function onHandMilliMany(db: ReadDb, productIds: readonly string[]): Map<string, number> {
  const result = new Map<string, number>(productIds.map((id) => [id, 0]));
  if (productIds.length === 0) return result;
  const ids = [...new Set(productIds)];
  for (const row of db.select().from(stockLevels).where(inArray(stockLevels.productId, ids)).all()) {
    result.set(row.productId, row.qtyMilli);
  }
  const pending = db
    .select({ productId: stockMovements.productId, delta: sql<number>`sum(${stockMovements.qtyDeltaMilli})` })
    .from(stockMovements)
    .where(and(inArray(stockMovements.productId, ids), eq(stockMovements.pending, true)))
    .groupBy(stockMovements.productId)
    .all();
  for (const row of pending) result.set(row.productId, (result.get(row.productId) ?? 0) + row.delta);
  return result;
}

export type StockAlertKind = 'low' | 'out' | 'oversold';

/** The alert a product's level deserves, if any (only for stock-tracked products). */
export function stockAlertKind(onHand: number, reorderLevel: number): StockAlertKind | null {
  if (onHand < 0) return 'oversold';
  if (onHand === 0) return 'out';
  if (onHand <= reorderLevel) return 'low';
  return null;
}

export function productForStock(db: ReadDb, productId: string) {
  return db
    .select({
      id: products.id,
      sku: products.sku,
      name: products.name,
      reorderLevel: products.reorderLevel,
      trackStock: products.trackStock,
    })
    .from(products)
    .where(eq(products.id, productId))
    .get();
}
