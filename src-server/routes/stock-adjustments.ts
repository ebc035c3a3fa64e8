// /api/stock-adjustments/: corrections to stock (breakage, counts, theft) that wait for a manager.
// Any employee of the store may request one ("pending"); a manager or owner approves it — which books
// the movement (reason "adjustment") exactly once through services/stock.ts — or rejects it. Deciding
// an adjustment that is already decided is a 400. Every step is audited.
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requestStoreIds, requireStoreAccess } from '../auth/scope.js';
import { writeAudit } from '../db/audit.js';
import { products } from '../db/schema/catalog.js';
import { ADJUSTMENT_STATUSES, stockAdjustments, stockMovements } from '../db/schema/stock.js';
import { withTransaction, type Tx } from '../db/transaction.js';
import { fieldError, invalidPk, notFound } from '../http/errors.js';
import {
  idParams,
  quantityIn,
  quantityOut,
  timestampOut,
  toQuantity,
  toTimestamp,
  toTimestampOrNull,
  uuidField,
} from '../http/fields.js';
import { newestFirst } from '../http/page-sources.js';
import { pageOf, pageQuery, paginate } from '../http/pagination.js';
import { currentUser } from '../http/permissions.js';
import type { AppContext, RouteModule } from '../http/types.js';
import { applyStockMovements } from '../services/stock.js';
import { noteChanges } from '../services/sync-changes.js';

const adjustmentOut = z.object({
  id: z.uuid(),
  store: z.uuid(),
  product: z.uuid(),
  quantity: quantityOut.meta({ description: 'Signed: negative removes stock, positive adds it' }),
  reason: z.string(),
  status: z.enum(ADJUSTMENT_STATUSES),
  requested_by: z.uuid(),
  decided_by: z.uuid().nullable(),
  decided_at: timestampOut.nullable(),
  movement: z.uuid().nullable().meta({ description: 'The stock movement booked by the approval' }),
  created_at: timestampOut,
  updated_at: timestampOut,
});
type AdjustmentRow = typeof stockAdjustments.$inferSelect;
type AdjustmentOut = z.infer<typeof adjustmentOut>;

function toApiAdjustment(row: AdjustmentRow): AdjustmentOut {
  return {
    id: row.id,
    store: row.storeId,
    product: row.productId,
    quantity: toQuantity(row.quantity),
    reason: row.reason,
    status: row.status,
    requested_by: row.requestedBy,
    decided_by: row.decidedBy,
    decided_at: toTimestampOrNull(row.decidedAt),
    movement: row.movementId,
    created_at: toTimestamp(row.createdAt),
    updated_at: toTimestamp(row.updatedAt),
  };
}

const createBody = z.strictObject({
  store: uuidField,
  product: uuidField,
  quantity: quantityIn('any')
    .refine((q) => q !== 0, 'Ensure this value is not zero.')
    .meta({ description: 'Signed change, e.g. "-2.000" for two broken items' }),
  reason: z
    .string()
    .trim()
    .min(3, 'Ensure this field has at least 3 characters.')
    .max(500)
    .meta({ description: 'Why (damaged, expired, stock count, ...); this is the only free-text field' }),
});
const decisionBody = z
  .strictObject({
    reason: z.string().trim().max(500).optional().meta({ description: 'For the audit trail' }),
  })
  .nullish();

async function visibleAdjustment(db: Tx | AppContext['db'], storeIds: string[], id: string, lock = false) {
  const query = db
    .select()
    .from(stockAdjustments)
    .where(and(eq(stockAdjustments.id, id), inArray(stockAdjustments.storeId, storeIds)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

export const stockAdjustmentsRoutes: RouteModule = (app, ctx) => {
  const decide = async (
    request: FastifyRequest<{
      Params: { id: string };
      Body: { reason?: string | undefined } | null | undefined;
    }>,
    decision: 'approved' | 'rejected',
  ): Promise<AdjustmentOut> => {
    const actor = { userId: currentUser(request).id, requestId: request.id };
    const storeIds = await requestStoreIds(request, ctx.db);
    return withTransaction(ctx.db, async (tx) => {
      const current = await visibleAdjustment(tx, storeIds, request.params.id, true);
      if (current.status !== 'pending') {
        throw fieldError('non_field_errors', `This adjustment has already been ${current.status}.`);
      }
      let movementId: string | null = null;
      if (decision === 'approved') {
        await applyStockMovements(tx, [
          {
            storeId: current.storeId,
            productId: current.productId,
            qtyMilli: current.quantity,
            reason: 'adjustment',
            referenceType: 'stock_adjustment',
            referenceId: current.id,
            userId: actor.userId,
          },
        ]);
        const [movement] = await tx
          .select({ id: stockMovements.id })
          .from(stockMovements)
          .where(
            and(
              eq(stockMovements.referenceType, 'stock_adjustment'),
              eq(stockMovements.referenceId, current.id),
            ),
          );
        movementId = movement?.id ?? null;
      }
      const now = new Date();
      await tx
        .update(stockAdjustments)
        .set({ status: decision, decidedBy: actor.userId, decidedAt: now, movementId, updatedAt: now })
        .where(eq(stockAdjustments.id, current.id));
      noteChanges(tx, [current.storeId], 'approval', [current.id]);
      const after = toApiAdjustment(await visibleAdjustment(tx, storeIds, current.id));
      await writeAudit(tx, actor, {
        action: decision === 'approved' ? 'approve' : 'reject',
        modelName: 'stock_adjustment',
        objectId: current.id,
        storeId: current.storeId,
        reason: request.body?.reason ?? null,
        before: toApiAdjustment(current),
        after,
      });
      return after;
    });
  };

  app.route({
    method: 'GET',
    url: '/api/stock-adjustments/',
    config: { permission: 'employee' },
    schema: {
      summary: 'Stock adjustments of your stores, newest first',
      querystring: z.object({
        ...pageQuery,
        store: uuidField.optional(),
        product: uuidField.optional(),
        status: z.enum(ADJUSTMENT_STATUSES).optional(),
      }),
      response: { 200: pageOf(adjustmentOut) },
    },
    handler: async (request) => {
      const q = request.query;
      const filters: SQL[] = [inArray(stockAdjustments.storeId, await requestStoreIds(request, ctx.db))];
      if (q.store) filters.push(eq(stockAdjustments.storeId, q.store));
      if (q.product) filters.push(eq(stockAdjustments.productId, q.product));
      if (q.status) filters.push(eq(stockAdjustments.status, q.status));
      const where = and(...filters);
      return paginate(request, q, newestFirst(ctx.db, stockAdjustments, where), toApiAdjustment);
    },
  });

  app.route({
    method: 'GET',
    url: '/api/stock-adjustments/:id/',
    config: { permission: 'employee' },
    schema: { summary: 'One stock adjustment', params: idParams, response: { 200: adjustmentOut } },
    handler: async (request) =>
      toApiAdjustment(
        await visibleAdjustment(ctx.db, await requestStoreIds(request, ctx.db), request.params.id),
      ),
  });

  app.route({
    method: 'POST',
    url: '/api/stock-adjustments/',
    config: { permission: 'employee' },
    schema: {
      summary: 'Request a stock adjustment (pending until a manager approves it)',
      body: createBody,
      response: { 201: adjustmentOut },
    },
    handler: async (request, reply) => {
      const actor = { userId: currentUser(request).id, requestId: request.id };
      const body = request.body;
      await requireStoreAccess(request, ctx.db, body.store, 'store');
      const created = await withTransaction(ctx.db, async (tx) => {
        const [product] = await tx
          .select({ trackStock: products.trackStock })
          .from(products)
          .where(eq(products.id, body.product));
        if (!product) throw fieldError('product', invalidPk(body.product));
        if (!product.trackStock) throw fieldError('product', 'This product does not track stock.');
        const [row] = await tx
          .insert(stockAdjustments)
          .values({
            storeId: body.store,
            productId: body.product,
            quantity: body.quantity,
            reason: body.reason,
            requestedBy: actor.userId,
          })
          .$returningId();
        if (!row) throw new Error('insert returned no id');
        noteChanges(tx, [body.store], 'approval', [row.id]);
        const after = toApiAdjustment(await visibleAdjustment(tx, [body.store], row.id));
        await writeAudit(tx, actor, {
          action: 'create',
          modelName: 'stock_adjustment',
          objectId: row.id,
          storeId: body.store,
          reason: body.reason,
          after,
        });
        return after;
      });
      return reply.code(201).send(created);
    },
  });

  for (const [path, decision] of [
    ['approve', 'approved'],
    ['reject', 'rejected'],
  ] as const) {
    app.route({
      method: 'POST',
      url: `/api/stock-adjustments/:id/${path}/`,
      config: { permission: 'manager' },
      schema: {
        summary:
          decision === 'approved'
            ? 'Approve a pending adjustment: books the stock movement (once)'
            : 'Reject a pending adjustment: nothing is booked',
        params: idParams,
        body: decisionBody,
        response: { 200: adjustmentOut },
      },
      handler: (request) => decide(request, decision),
    });
  }
};
