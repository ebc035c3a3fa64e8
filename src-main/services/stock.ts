// stock.* handlers: levels (cloud level + unacknowledged local movements), low/out-of-stock lists computed in
// SQL (they must stay fast on 100k products), the movement history, and the adjustment request → approval flow.
import { and, asc, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { stockMethods, type StockMovementView } from '../../src-shared/contract/stock.js';
import type { ReadDb } from '../ledger/connection.js';
import { products, users } from '../ledger/schema/catalog.js';
import { stockMovements } from '../ledger/schema/stock.js';
import { handlersFor } from './handler.js';
import {
  approveAdjustment,
  listPendingAdjustments,
  rejectAdjustment,
  requestAdjustment,
} from './stock-adjustments.js';
import { countLevels, onHandSql, selectLevels, stockLevelOf, toLevelView } from './stock-queries.js';

/** Tracked, active products whose on-hand level matches `condition`, by name, one page, plus the total. */
function levelsWhere(db: ReadDb, condition: SQL, page: { limit: number; offset: number }) {
  const where = and(eq(products.trackStock, true), eq(products.isActive, true), condition);
  const rows = selectLevels(db, where)
    .orderBy(asc(products.name), asc(products.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  // The page carries the total (a window count); past the last page there is no row to carry it.
  const total = rows[0]?.total ?? (page.offset > 0 ? countLevels(db, where) : 0);
  return { items: rows.map(toLevelView), total, limit: page.limit, offset: page.offset };
}

function toIso(value: string): string {
  return new Date(value).toISOString();
}

export const stockHandlers = handlersFor(stockMethods)({
  'stock.level': {
    kind: 'query',
    access: 'employee',
    run(ctx, input) {
      return stockLevelOf(ctx.db, input.productId);
    },
  },
  'stock.lowStock': {
    kind: 'query',
    access: 'employee',
    run(ctx, input) {
      const onHand = onHandSql();
      return levelsWhere(ctx.db, sql`${onHand} > 0 and ${onHand} <= ${products.reorderLevel}`, input);
    },
  },
  'stock.outOfStock': {
    kind: 'query',
    access: 'employee',
    run(ctx, input) {
      return levelsWhere(ctx.db, sql`${onHandSql()} <= 0`, input);
    },
  },
  'stock.requestAdjustment': {
    kind: 'command',
    access: 'employee',
    run: requestAdjustment,
  },
  'stock.approveAdjustment': {
    kind: 'command',
    access: 'manager',
    run: approveAdjustment,
  },
  'stock.rejectAdjustment': {
    kind: 'command',
    access: 'manager',
    run: rejectAdjustment,
  },
  'stock.pendingAdjustments': {
    kind: 'query',
    access: 'manager',
    run(ctx, input) {
      return listPendingAdjustments(ctx.db, input);
    },
  },
  'stock.movements': {
    kind: 'query',
    access: 'manager',
    run(ctx, input) {
      const where = and(
        input.productId ? eq(stockMovements.productId, input.productId) : undefined,
        input.from ? gte(stockMovements.createdAt, toIso(input.from)) : undefined,
        input.to ? lt(stockMovements.createdAt, toIso(input.to)) : undefined,
      );
      const rows = ctx.db
        .select({
          id: stockMovements.id,
          productId: stockMovements.productId,
          sku: products.sku,
          name: products.name,
          qtyDeltaMilli: stockMovements.qtyDeltaMilli,
          reason: stockMovements.reason,
          referenceType: stockMovements.referenceType,
          referenceId: stockMovements.referenceId,
          userId: stockMovements.userId,
          userName: users.name,
          createdAt: stockMovements.createdAt,
          ackedAt: stockMovements.ackedAt,
        })
        .from(stockMovements)
        .leftJoin(products, eq(products.id, stockMovements.productId))
        .leftJoin(users, eq(users.id, stockMovements.userId))
        .where(where)
        .orderBy(desc(stockMovements.createdAt), desc(stockMovements.id))
        .limit(input.limit)
        .offset(input.offset)
        .all();
      const total = ctx.db.select({ n: count() }).from(stockMovements).where(where).get()?.n ?? 0;
      const items: StockMovementView[] = rows;
      return { items, total, limit: input.limit, offset: input.offset };
    },
  },
});
