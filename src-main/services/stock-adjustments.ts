// Stock adjustments: an employee requests a correction (a pending request, audited — no stock moves);
// a manager approves it (the stock movement, the decision, the audit entry and the outbox event commit
// together) or rejects it. A decision is final: deciding again is a CONFLICT.
// Separation of duties: nobody approves their own request — except the owner, who has nobody above them.
// Anyone with manager access may reject (withdraw) a request, their own included: that moves nothing.
import { asc, count, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { TillError } from '../../src-shared/contract/errors.js';
import type { MethodParsedInput } from '../../src-shared/contract/method.js';
import type {
  StockAdjustmentDecision,
  StockAdjustmentView,
  StockPage,
  stockMethods,
} from '../../src-shared/contract/stock.js';
import { newId } from '../../src-shared/domain/ids.js';
import type { ReadDb } from '../ledger/connection.js';
import { products, users } from '../ledger/schema/catalog.js';
import { stockAdjustments, stockMovements } from '../ledger/schema/stock.js';
import type { CommandContext } from './context.js';
import { appendOutbox, writeAudit } from './ledger-writes.js';
import { onHandMilli, productForStock } from './stock-levels.js';
import { stockLevelOf } from './stock-queries.js';

type Methods = typeof stockMethods;
type AdjustmentRow = typeof stockAdjustments.$inferSelect;
type MovementRow = Omit<typeof stockMovements.$inferSelect, 'pending' | 'ackedVersion'>;

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

function selectAdjustments(db: ReadDb) {
  return db
    .select({
      id: stockAdjustments.id,
      productId: stockAdjustments.productId,
      sku: products.sku,
      name: products.name,
      qtyDeltaMilli: stockAdjustments.qtyDeltaMilli,
      reason: stockAdjustments.reason,
      note: stockAdjustments.note,
      status: stockAdjustments.status,
      requestedBy: stockAdjustments.requestedBy,
      requestedByName: requester.name,
      requestedAt: stockAdjustments.requestedAt,
      decidedBy: stockAdjustments.decidedBy,
      decidedByName: decider.name,
      decidedAt: stockAdjustments.decidedAt,
      decisionNote: stockAdjustments.decisionNote,
      movementId: stockAdjustments.movementId,
    })
    .from(stockAdjustments)
    .leftJoin(products, eq(products.id, stockAdjustments.productId))
    .leftJoin(requester, eq(requester.id, stockAdjustments.requestedBy))
    .leftJoin(decider, eq(decider.id, stockAdjustments.decidedBy));
}

function adjustmentView(db: ReadDb, id: string): StockAdjustmentView {
  const view = selectAdjustments(db).where(eq(stockAdjustments.id, id)).get();
  if (!view)
    throw new TillError('NOT_FOUND', 'No such stock adjustment request.', { details: { adjustmentId: id } });
  return view;
}

export function listPendingAdjustments(
  db: ReadDb,
  page: { limit: number; offset: number },
): StockPage<StockAdjustmentView> {
  const pending = eq(stockAdjustments.status, 'pending');
  const items = selectAdjustments(db)
    .where(pending)
    .orderBy(asc(stockAdjustments.requestedAt), asc(stockAdjustments.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  const total = db.select({ n: count() }).from(stockAdjustments).where(pending).get()?.n ?? 0;
  return { items, total, limit: page.limit, offset: page.offset };
}

export function requestAdjustment(
  ctx: CommandContext,
  input: MethodParsedInput<Methods['stock.requestAdjustment']>,
): StockAdjustmentView {
  const { storeId } = ctx.identity();
  const product = productForStock(ctx.db, input.productId);
  if (!product)
    throw new TillError('NOT_FOUND', 'No such product.', { details: { productId: input.productId } });
  if (!product.trackStock) {
    throw new TillError(
      'VALIDATION_FAILED',
      `${product.name} is not stock-tracked: there is no stock to adjust.`,
      {
        fieldErrors: { productId: ['this product is not stock-tracked'] },
      },
    );
  }
  const row: AdjustmentRow = {
    id: newId(),
    storeId,
    productId: product.id,
    qtyDeltaMilli: input.qtyDeltaMilli,
    reason: input.reason,
    note: input.note ?? null,
    status: 'pending',
    requestedBy: ctx.operator.id,
    requestedAt: ctx.now,
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
    movementId: null,
  };
  ctx.db.insert(stockAdjustments).values(row).run();
  writeAudit(ctx, {
    action: 'stock_adjustment_request',
    model: 'stock_adjustment',
    objectId: row.id,
    reason: row.reason,
    after: { productId: row.productId, qtyDeltaMilli: row.qtyDeltaMilli, note: row.note, status: row.status },
  });
  return adjustmentView(ctx.db, row.id);
}

/** The request, still pending — else NOT_FOUND / CONFLICT. */
function pendingRequest(ctx: CommandContext, adjustmentId: string): AdjustmentRow {
  const row = ctx.db.select().from(stockAdjustments).where(eq(stockAdjustments.id, adjustmentId)).get();
  if (!row)
    throw new TillError('NOT_FOUND', 'No such stock adjustment request.', { details: { adjustmentId } });
  if (row.status !== 'pending') {
    throw new TillError(
      'CONFLICT',
      `This adjustment request was already ${row.status} at ${row.decidedAt ?? '?'}.`,
      {
        details: { adjustmentId, status: row.status, decidedBy: row.decidedBy, decidedAt: row.decidedAt },
      },
    );
  }
  return row;
}

function saveDecision(ctx: CommandContext, decided: AdjustmentRow): void {
  ctx.db
    .update(stockAdjustments)
    .set({
      status: decided.status,
      decidedBy: decided.decidedBy,
      decidedAt: decided.decidedAt,
      decisionNote: decided.decisionNote,
      movementId: decided.movementId,
    })
    .where(eq(stockAdjustments.id, decided.id))
    .run();
}

export function approveAdjustment(
  ctx: CommandContext,
  input: MethodParsedInput<Methods['stock.approveAdjustment']>,
): StockAdjustmentDecision {
  const request = pendingRequest(ctx, input.adjustmentId);
  if (request.requestedBy === ctx.operator.id && ctx.operator.role !== 'owner') {
    throw new TillError(
      'FORBIDDEN',
      'You cannot approve your own stock adjustment: another manager or the owner must approve it.',
    );
  }
  const product = productForStock(ctx.db, request.productId);
  if (!product)
    throw new TillError('NOT_FOUND', 'The product of this request no longer exists; reject it instead.');
  const before = onHandMilli(ctx.db, product.id);
  const movement: MovementRow = {
    id: newId(),
    storeId: request.storeId,
    productId: product.id,
    qtyDeltaMilli: request.qtyDeltaMilli,
    reason: 'adjustment',
    referenceType: 'stock_adjustment',
    referenceId: request.id,
    userId: ctx.operator.id,
    createdAt: ctx.now,
    ackedAt: null,
  };
  ctx.db.insert(stockMovements).values(movement).run();
  const decided: AdjustmentRow = {
    ...request,
    status: 'approved',
    decidedBy: ctx.operator.id,
    decidedAt: ctx.now,
    decisionNote: input.note ?? null,
    movementId: movement.id,
  };
  saveDecision(ctx, decided);
  const level = stockLevelOf(ctx.db, product.id);
  writeAudit(ctx, {
    action: 'stock_adjustment_approve',
    model: 'stock_adjustment',
    objectId: request.id,
    reason: input.note ?? request.reason,
    approvedBy: ctx.operator.id,
    before: { status: 'pending', onHandMilli: before },
    after: {
      status: 'approved',
      movementId: movement.id,
      qtyDeltaMilli: movement.qtyDeltaMilli,
      onHandMilli: level.onHandMilli,
    },
  });
  appendOutbox(ctx, {
    eventId: movement.id,
    type: 'stock.adjusted',
    payload: { adjustment: decided, movement },
  });
  if (level.trackStock && level.status !== 'ok') {
    ctx.emit('stock.alert', {
      productId: level.productId,
      sku: level.sku,
      name: level.name,
      onHandMilli: level.onHandMilli,
      reorderLevelMilli: level.reorderLevelMilli,
      kind: level.status,
    });
  }
  return { adjustment: adjustmentView(ctx.db, request.id), level };
}

export function rejectAdjustment(
  ctx: CommandContext,
  input: MethodParsedInput<Methods['stock.rejectAdjustment']>,
): StockAdjustmentDecision {
  const request = pendingRequest(ctx, input.adjustmentId);
  const decided: AdjustmentRow = {
    ...request,
    status: 'rejected',
    decidedBy: ctx.operator.id,
    decidedAt: ctx.now,
    decisionNote: input.note ?? null,
  };
  saveDecision(ctx, decided);
  writeAudit(ctx, {
    action: 'stock_adjustment_reject',
    model: 'stock_adjustment',
    objectId: request.id,
    reason: input.note ?? null,
    before: { status: 'pending' },
    after: { status: 'rejected', productId: request.productId, qtyDeltaMilli: request.qtyDeltaMilli },
  });
  const level = stockLevelOf(ctx.db, request.productId);
  return { adjustment: adjustmentView(ctx.db, request.id), level };
}
