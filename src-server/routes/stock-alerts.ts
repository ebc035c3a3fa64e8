// /api/stock-alerts/: low ("low": 0 < on hand ≤ reorder level) and out-of-stock ("out": ≤ 0) alerts of
// your stores, read-only. services/stock.ts opens them when a movement crosses the level and resolves them
// when stock is replenished; any employee may read them.
import { and, eq, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { requestStoreIds, visibleRow } from '../auth/scope.js';
import { STOCK_ALERT_KINDS, stockAlerts } from '../db/schema/stock.js';
import {
  idParams,
  queryBool,
  quantityOut,
  timestampOut,
  toQuantity,
  toTimestamp,
  toTimestampOrNull,
  uuidField,
} from '../http/fields.js';
import { newestFirst } from '../http/page-sources.js';
import { pageOf, pageQuery, paginate } from '../http/pagination.js';
import type { RouteModule } from '../http/types.js';

const alertOut = z.object({
  id: z.uuid(),
  store: z.uuid(),
  product: z.uuid(),
  kind: z.enum(STOCK_ALERT_KINDS),
  quantity: quantityOut.meta({ description: 'On hand when the alert was raised' }),
  reorder_level: quantityOut,
  resolved: z.boolean(),
  resolved_at: timestampOut.nullable(),
  created_at: timestampOut,
});
type AlertRow = typeof stockAlerts.$inferSelect;

function toApiAlert(row: AlertRow): z.infer<typeof alertOut> {
  return {
    id: row.id,
    store: row.storeId,
    product: row.productId,
    kind: row.kind,
    quantity: toQuantity(row.quantity),
    reorder_level: toQuantity(row.reorderLevel),
    resolved: row.resolvedAt !== null,
    resolved_at: toTimestampOrNull(row.resolvedAt),
    created_at: toTimestamp(row.createdAt),
  };
}

export const stockAlertsRoutes: RouteModule = (app, ctx) => {
  app.route({
    method: 'GET',
    url: '/api/stock-alerts/',
    config: { permission: 'employee' },
    schema: {
      summary: 'Stock alerts of your stores, newest first',
      querystring: z.object({
        ...pageQuery,
        store: uuidField.optional(),
        product: uuidField.optional(),
        kind: z.enum(STOCK_ALERT_KINDS).optional(),
        resolved: queryBool.optional(),
      }),
      response: { 200: pageOf(alertOut) },
    },
    handler: async (request) => {
      const q = request.query;
      const filters: SQL[] = [inArray(stockAlerts.storeId, await requestStoreIds(request, ctx.db))];
      if (q.store) filters.push(eq(stockAlerts.storeId, q.store));
      if (q.product) filters.push(eq(stockAlerts.productId, q.product));
      if (q.kind) filters.push(eq(stockAlerts.kind, q.kind));
      if (q.resolved !== undefined) {
        filters.push(q.resolved ? isNotNull(stockAlerts.resolvedAt) : isNull(stockAlerts.resolvedAt));
      }
      const where = and(...filters);
      return paginate(request, q, newestFirst(ctx.db, stockAlerts, where), toApiAlert);
    },
  });

  app.route({
    method: 'GET',
    url: '/api/stock-alerts/:id/',
    config: { permission: 'employee' },
    schema: { summary: 'One stock alert', params: idParams, response: { 200: alertOut } },
    handler: async (request) => toApiAlert(await visibleRow(request, ctx.db, stockAlerts, request.params.id)),
  });
};
