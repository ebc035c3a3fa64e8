// /api/stock-movements/: the stock ledger of your stores, read-only (movements are immutable facts,
// written only by services/stock.ts). Any employee may read it: it carries no money.
import { and, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { requestStoreIds, visibleRow } from '../auth/scope.js';
import { STOCK_MOVEMENT_REASONS, stockMovements } from '../db/schema/stock.js';
import { idParams, quantityOut, timestampOut, toQuantity, toTimestamp, uuidField } from '../http/fields.js';
import { newestFirst } from '../http/page-sources.js';
import { pageOf, pageQuery, paginate } from '../http/pagination.js';
import type { RouteModule } from '../http/types.js';

const movementOut = z.object({
  id: z.uuid(),
  store: z.uuid(),
  product: z.uuid(),
  quantity: quantityOut.meta({ description: 'Signed: negative left the store, positive came in' }),
  reason: z.enum(STOCK_MOVEMENT_REASONS),
  reference_type: z.string().nullable(),
  reference_id: z.string().nullable(),
  user: z.uuid().nullable(),
  note: z.string().nullable(),
  created_at: timestampOut,
});
type MovementRow = typeof stockMovements.$inferSelect;

function toApiMovement(row: MovementRow): z.infer<typeof movementOut> {
  return {
    id: row.id,
    store: row.storeId,
    product: row.productId,
    quantity: toQuantity(row.quantity),
    reason: row.reason,
    reference_type: row.referenceType,
    reference_id: row.referenceId,
    user: row.userId,
    note: row.note,
    created_at: toTimestamp(row.createdAt),
  };
}

const dayField = z.iso.date({
  error: 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.',
});
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000);

export const stockMovementsRoutes: RouteModule = (app, ctx) => {
  app.route({
    method: 'GET',
    url: '/api/stock-movements/',
    config: { permission: 'employee' },
    schema: {
      summary: 'Stock movements of your stores, newest first',
      querystring: z.object({
        ...pageQuery,
        product: uuidField.optional(),
        store: uuidField.optional(),
        reason: z.enum(STOCK_MOVEMENT_REASONS).optional(),
        reference_type: z.string().trim().max(40).optional(),
        reference_id: uuidField.optional(),
        date_from: dayField.optional().meta({ description: 'From this UTC day (inclusive)' }),
        date_to: dayField.optional().meta({ description: 'Up to this UTC day (inclusive)' }),
      }),
      response: { 200: pageOf(movementOut) },
    },
    handler: async (request) => {
      const q = request.query;
      const filters: SQL[] = [inArray(stockMovements.storeId, await requestStoreIds(request, ctx.db))];
      if (q.product) filters.push(eq(stockMovements.productId, q.product));
      if (q.store) filters.push(eq(stockMovements.storeId, q.store));
      if (q.reason) filters.push(eq(stockMovements.reason, q.reason));
      if (q.reference_type) filters.push(eq(stockMovements.referenceType, q.reference_type));
      if (q.reference_id) filters.push(eq(stockMovements.referenceId, q.reference_id));
      if (q.date_from) filters.push(gte(stockMovements.createdAt, new Date(`${q.date_from}T00:00:00.000Z`)));
      if (q.date_to) filters.push(lt(stockMovements.createdAt, nextDay(q.date_to)));
      const where = and(...filters);
      return paginate(request, q, newestFirst(ctx.db, stockMovements, where), toApiMovement);
    },
  });

  app.route({
    method: 'GET',
    url: '/api/stock-movements/:id/',
    config: { permission: 'employee' },
    schema: { summary: 'One stock movement', params: idParams, response: { 200: movementOut } },
    handler: async (request) =>
      toApiMovement(await visibleRow(request, ctx.db, stockMovements, request.params.id)),
  });
};
