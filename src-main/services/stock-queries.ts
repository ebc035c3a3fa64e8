// On-hand levels for many products in ONE SQL statement: products ⟕ stock_levels ⟕ (sum of unacknowledged
// movements per product). Nothing is loaded into JS but the page asked for.
import { count, eq, sql, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/sqlite-core';
import type { StockLevelView } from '../../src-shared/contract/stock.js';
import type { ReadDb } from '../ledger/connection.js';
import { products } from '../ledger/schema/catalog.js';
import { stockLevels, stockMovements } from '../ledger/schema/stock.js';
import { TillError } from '../../src-shared/contract/errors.js';
import { onHandMilli, productForStock, stockAlertKind } from './stock-levels.js';

const qb = new QueryBuilder();

/** Per product: the sum of local movements the cloud has not acknowledged yet (uses the partial index). */
const unacked = qb
  .select({
    productId: stockMovements.productId,
    delta: sql<number>`sum(${stockMovements.qtyDeltaMilli})`.as('unacked_delta'),
  })
  .from(stockMovements)
  .where(eq(stockMovements.pending, true))
  .groupBy(stockMovements.productId)
  .as('unacked');

/** On hand = last pulled level + unacknowledged movements (both may be missing → 0). */
export function onHandSql(): SQL<number> {
  return sql<number>`(coalesce(${stockLevels.qtyMilli}, 0) + coalesce(${unacked.delta}, 0))`;
}

export function selectLevels(db: ReadDb, where: SQL | undefined) {
  return db
    .select({
      productId: products.id,
      sku: products.sku,
      name: products.name,
      onHandMilli: onHandSql(),
      reorderLevelMilli: products.reorderLevel,
      trackStock: products.trackStock,
      /** Rows matching `where` across all pages (computed in the same pass as the page). */
      total: sql<number>`count(*) over ()`,
    })
    .from(products)
    .leftJoin(stockLevels, eq(stockLevels.productId, products.id))
    .leftJoin(unacked, eq(unacked.productId, products.id))
    .where(where);
}

export function countLevels(db: ReadDb, where: SQL | undefined): number {
  return (
    db
      .select({ n: count() })
      .from(products)
      .leftJoin(stockLevels, eq(stockLevels.productId, products.id))
      .leftJoin(unacked, eq(unacked.productId, products.id))
      .where(where)
      .get()?.n ?? 0
  );
}

export function toLevelView(row: Omit<StockLevelView, 'status'> & { total?: number }): StockLevelView {
  return {
    productId: row.productId,
    sku: row.sku,
    name: row.name,
    onHandMilli: row.onHandMilli,
    reorderLevelMilli: row.reorderLevelMilli,
    trackStock: row.trackStock,
    status: row.trackStock ? (stockAlertKind(row.onHandMilli, row.reorderLevelMilli) ?? 'ok') : 'ok',
  };
}

/** A product's level now (any product, tracked or not, active or not), or NOT_FOUND. */
export function stockLevelOf(db: ReadDb, productId: string): StockLevelView {
  const product = productForStock(db, productId);
  if (!product) throw new TillError('NOT_FOUND', 'No such product.', { details: { productId } });
  return toLevelView({
    productId: product.id,
    sku: product.sku,
    name: product.name,
    onHandMilli: onHandMilli(db, productId),
    reorderLevelMilli: product.reorderLevel,
    trackStock: product.trackStock,
  });
}
