// /api/audit-logs/: who did what, read-only, for managers and owners. A manager sees the entries of the
// stores they belong to; an owner also sees the entries tied to no store (users, catalog, ...).
import { and, eq, gte, inArray, isNull, like, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requestStoreIds } from '../auth/scope.js';
import { auditLogs } from '../db/schema/audit.js';
import { notFound } from '../http/errors.js';
import { idParams, timestampOut, toTimestamp, uuidField } from '../http/fields.js';
import { newestFirst } from '../http/page-sources.js';
import { pageOf, pageQuery, paginate } from '../http/pagination.js';
import { currentUser, hasRole } from '../http/permissions.js';
import type { AppContext, RouteModule } from '../http/types.js';

const auditOut = z.object({
  id: z.uuid(),
  action: z.string(),
  model_name: z.string(),
  object_id: z.string().nullable(),
  store: z.uuid().nullable(),
  user: z.uuid().nullable(),
  reason: z.string().nullable(),
  before_data: z.unknown().nullable(),
  after_data: z.unknown().nullable(),
  request_id: z.string().nullable(),
  created_at: timestampOut,
});
type AuditRow = typeof auditLogs.$inferSelect;

function toApiAudit(row: AuditRow): z.infer<typeof auditOut> {
  return {
    id: row.id,
    action: row.action,
    model_name: row.modelName,
    object_id: row.objectId,
    store: row.storeId,
    user: row.userId,
    reason: row.reason,
    before_data: row.beforeData ?? null,
    after_data: row.afterData ?? null,
    request_id: row.requestId,
    created_at: toTimestamp(row.createdAt),
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const instantField = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: 'Enter a date (YYYY-MM-DD) or an ISO-8601 date-time.',
  })
  .meta({ description: 'A UTC day (YYYY-MM-DD, whole day) or an ISO-8601 date-time' });

/** Entries `request`'s user may see: of their stores, plus store-less ones for owners. */
async function visibility(request: FastifyRequest, ctx: AppContext): Promise<SQL> {
  const storeIds = await requestStoreIds(request, ctx.db);
  const ofStores = inArray(auditLogs.storeId, storeIds);
  if (!hasRole(currentUser(request), 'owner')) return ofStores;
  return or(ofStores, isNull(auditLogs.storeId)) ?? sql`false`;
}

export const auditLogsRoutes: RouteModule = (app, ctx) => {
  app.route({
    method: 'GET',
    url: '/api/audit-logs/',
    config: { permission: 'manager' },
    schema: {
      summary: 'The audit trail, newest first',
      querystring: z.object({
        ...pageQuery,
        action: z.string().trim().max(40).optional(),
        model_name: z.string().trim().max(60).optional(),
        object_id: z.string().trim().max(64).optional(),
        user: uuidField.optional(),
        store: uuidField.optional(),
        date_from: instantField.optional(),
        date_to: instantField.optional(),
        search: z.string().trim().max(100).optional().meta({ description: 'In the reason and the action' }),
      }),
      response: { 200: pageOf(auditOut) },
    },
    handler: async (request) => {
      const q = request.query;
      const filters: SQL[] = [await visibility(request, ctx)];
      if (q.action) filters.push(eq(auditLogs.action, q.action));
      if (q.model_name) filters.push(eq(auditLogs.modelName, q.model_name));
      if (q.object_id) filters.push(eq(auditLogs.objectId, q.object_id));
      if (q.user) filters.push(eq(auditLogs.userId, q.user));
      if (q.store) filters.push(eq(auditLogs.storeId, q.store));
      if (q.date_from) {
        const from = DAY.test(q.date_from) ? `${q.date_from}T00:00:00.000Z` : q.date_from;
        filters.push(gte(auditLogs.createdAt, new Date(from)));
      }
      if (q.date_to) {
        filters.push(
          DAY.test(q.date_to)
            ? lt(auditLogs.createdAt, new Date(Date.parse(`${q.date_to}T00:00:00.000Z`) + 86_400_000))
            : lte(auditLogs.createdAt, new Date(q.date_to)),
        );
      }
      if (q.search) {
        const pattern = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        const found = or(like(auditLogs.reason, pattern), like(auditLogs.action, pattern));
        if (found) filters.push(found);
      }
      const where = and(...filters);
      return paginate(request, q, newestFirst(ctx.db, auditLogs, where), toApiAudit);
    },
  });

  app.route({
    method: 'GET',
    url: '/api/audit-logs/:id/',
    config: { permission: 'manager' },
    schema: { summary: 'One audit entry', params: idParams, response: { 200: auditOut } },
    handler: async (request) => {
      const [row] = await ctx.db
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.id, request.params.id), await visibility(request, ctx)));
      if (!row) throw notFound();
      return toApiAudit(row);
    },
  });
};
