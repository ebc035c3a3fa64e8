// /api/notifications/: the signed-in user's own notifications (stock alerts, quarantined sync events, ...).
// Nobody sees anyone else's: another user's notification is a 404. Mark one read with
// POST .../{id}/read/ (or PATCH {"is_read": ...}), or all of them with POST .../read_all/.
import { and, eq, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notifications } from '../db/schema/audit.js';
import { withTransaction } from '../db/transaction.js';
import { notFound } from '../http/errors.js';
import {
  idParams,
  queryBool,
  timestampOut,
  toTimestamp,
  toTimestampOrNull,
  uuidField,
} from '../http/fields.js';
import { newestFirst } from '../http/page-sources.js';
import { pageOf, pageQuery, paginate } from '../http/pagination.js';
import { currentUser } from '../http/permissions.js';
import type { RouteModule } from '../http/types.js';

const notificationOut = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  data: z.unknown().nullable(),
  store: z.uuid().nullable(),
  is_read: z.boolean(),
  read_at: timestampOut.nullable(),
  created_at: timestampOut,
});
type NotificationRow = typeof notifications.$inferSelect;
type NotificationOut = z.infer<typeof notificationOut>;

function toApiNotification(row: NotificationRow): NotificationOut {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    data: row.data ?? null,
    store: row.storeId,
    is_read: row.readAt !== null,
    read_at: toTimestampOrNull(row.readAt),
    created_at: toTimestamp(row.createdAt),
  };
}

export const notificationsRoutes: RouteModule = (app, ctx) => {
  /** Sets or clears read_at on one of the caller's notifications. */
  const mark = async (request: FastifyRequest<{ Params: { id: string } }>, read: boolean) => {
    const own = and(
      eq(notifications.id, request.params.id),
      eq(notifications.userId, currentUser(request).id),
    );
    return withTransaction(ctx.db, async (tx) => {
      const [row] = await tx.select().from(notifications).where(own).for('update');
      if (!row) throw notFound();
      // Marking read again keeps the first read time.
      if (read !== (row.readAt !== null)) {
        const now = new Date();
        await tx
          .update(notifications)
          .set({ readAt: read ? now : null, updatedAt: now })
          .where(eq(notifications.id, row.id));
      }
      const [saved] = await tx.select().from(notifications).where(own);
      if (!saved) throw notFound();
      return toApiNotification(saved);
    });
  };

  app.route({
    method: 'GET',
    url: '/api/notifications/',
    config: { permission: 'authenticated' },
    schema: {
      summary: 'Your notifications, newest first',
      querystring: z.object({
        ...pageQuery,
        is_read: queryBool.optional(),
        kind: z.string().trim().max(40).optional(),
        store: uuidField.optional(),
      }),
      response: { 200: pageOf(notificationOut) },
    },
    handler: async (request) => {
      const q = request.query;
      const filters: SQL[] = [eq(notifications.userId, currentUser(request).id)];
      if (q.is_read !== undefined) {
        filters.push(q.is_read ? isNotNull(notifications.readAt) : isNull(notifications.readAt));
      }
      if (q.kind) filters.push(eq(notifications.kind, q.kind));
      if (q.store) filters.push(eq(notifications.storeId, q.store));
      const where = and(...filters);
      return paginate(request, q, newestFirst(ctx.db, notifications, where), toApiNotification);
    },
  });

  app.route({
    method: 'GET',
    url: '/api/notifications/:id/',
    config: { permission: 'authenticated' },
    schema: { summary: 'One of your notifications', params: idParams, response: { 200: notificationOut } },
    handler: async (request) => {
      const [row] = await ctx.db
        .select()
        .from(notifications)
        .where(
          and(eq(notifications.id, request.params.id), eq(notifications.userId, currentUser(request).id)),
        );
      if (!row) throw notFound();
      return toApiNotification(row);
    },
  });

  app.route({
    method: 'PATCH',
    url: '/api/notifications/:id/',
    config: { permission: 'authenticated' },
    schema: {
      summary: 'Mark one of your notifications read or unread',
      params: idParams,
      body: z.strictObject({ is_read: z.boolean() }),
      response: { 200: notificationOut },
    },
    handler: (request) => mark(request, request.body.is_read),
  });

  app.route({
    method: 'POST',
    url: '/api/notifications/:id/read/',
    config: { permission: 'authenticated' },
    schema: {
      summary: 'Mark one of your notifications read',
      params: idParams,
      body: z.strictObject({}).nullish(),
      response: { 200: notificationOut },
    },
    handler: (request) => mark(request, true),
  });

  app.route({
    method: 'POST',
    url: '/api/notifications/read_all/',
    config: { permission: 'authenticated' },
    schema: {
      summary: 'Mark all your unread notifications read',
      body: z.strictObject({}).nullish(),
      response: { 200: z.object({ detail: z.string(), updated: z.number().int() }) },
    },
    handler: async (request) => {
      const userId = currentUser(request).id;
      const updated = await withTransaction(ctx.db, async (tx) => {
        const unread = await tx
          .select({ id: notifications.id })
          .from(notifications)
          .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
          .for('update');
        if (unread.length === 0) return 0;
        const now = new Date();
        await tx
          .update(notifications)
          .set({ readAt: now, updatedAt: now })
          .where(
            inArray(
              notifications.id,
              unread.map((r) => r.id),
            ),
          );
        return unread.length;
      });
      return { detail: `${updated} notification(s) marked read.`, updated };
    },
  });
};
