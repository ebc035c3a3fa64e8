// /api/cash-sessions/: drawer shifts of the caller's stores. Anyone opens one (one open session per
// terminal, else per user); employees close their own, managers and owners any in their stores.
import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requestStoreIds, requireStoreAccess } from '../auth/scope.js';
import { writeAudit } from '../db/audit.js';
import { isDuplicateKey } from '../db/errors.js';
import { cashSessions } from '../db/schema/cash.js';
import { terminals } from '../db/schema/stores.js';
import { withTransaction } from '../db/transaction.js';
import { fieldError, invalidPk, notFound, permissionDenied, validationError } from '../http/errors.js';
import { idParams, moneyIn, uuidField } from '../http/fields.js';
import { pageOf, pageQuery, paginate } from '../http/pagination.js';
import { currentUser, hasRole } from '../http/permissions.js';
import type { AppContext, RouteModule } from '../http/types.js';
import {
  cashSessionOut,
  reconcileSession,
  toApiCashSession,
  type CashSessionRow,
} from './cash-sessions-data.js';

const openIn = z.strictObject({
  store: uuidField,
  terminal: uuidField.nullable().optional(),
  opening_float: moneyIn('nonNegative'),
});

const alreadyOpen = (terminal: boolean) =>
  validationError({
    non_field_errors: [
      terminal ? 'This terminal already has an open cash session.' : 'You already have an open cash session.',
    ],
  });

async function visibleSession(request: FastifyRequest, ctx: AppContext, id: string): Promise<CashSessionRow> {
  const ids = await requestStoreIds(request, ctx.db);
  const [row] = await ctx.db.select().from(cashSessions).where(eq(cashSessions.id, id));
  if (!row || !ids.includes(row.storeId)) throw notFound();
  return row;
}

export const cashSessionsRoutes: RouteModule = (app, ctx) => {
  app.route({
    method: 'GET',
    url: '/api/cash-sessions/',
    config: { permission: 'employee' },
    schema: {
      summary: 'Cash sessions of your stores, newest first',
      querystring: z.object({
        ...pageQuery,
        store: uuidField.optional(),
        terminal: uuidField.optional(),
        user: uuidField.optional(),
        status: z.enum(['open', 'closed']).optional(),
      }),
      response: { 200: pageOf(cashSessionOut) },
    },
    handler: async (request) => {
      const q = request.query;
      const filters: SQL[] = [inArray(cashSessions.storeId, await requestStoreIds(request, ctx.db))];
      if (q.store) filters.push(eq(cashSessions.storeId, q.store));
      if (q.terminal) filters.push(eq(cashSessions.terminalId, q.terminal));
      if (q.user) filters.push(eq(cashSessions.userId, q.user));
      if (q.status) filters.push(eq(cashSessions.status, q.status));
      const where = and(...filters);
      return paginate(
        request,
        q,
        {
          count: async () => (await ctx.db.select({ n: count() }).from(cashSessions).where(where))[0]?.n ?? 0,
          rows: (limit, offset) =>
            ctx.db
              .select()
              .from(cashSessions)
              .where(where)
              .orderBy(desc(cashSessions.openedAt), asc(cashSessions.id))
              .limit(limit)
              .offset(offset),
        },
        toApiCashSession,
      );
    },
  });

  app.route({
    method: 'GET',
    url: '/api/cash-sessions/:id/',
    config: { permission: 'employee' },
    schema: { summary: 'One cash session', params: idParams, response: { 200: cashSessionOut } },
    handler: async (request) => toApiCashSession(await visibleSession(request, ctx, request.params.id)),
  });

  app.route({
    method: 'POST',
    url: '/api/cash-sessions/',
    config: { permission: 'employee' },
    schema: {
      summary: 'Open a cash session',
      description:
        'One open session per terminal when `terminal` is given, else one per user: a second open is a 400.',
      body: openIn,
      response: { 201: cashSessionOut },
    },
    handler: async (request, reply) => {
      const actor = currentUser(request);
      const body = request.body;
      await requireStoreAccess(request, ctx.db, body.store, 'store');
      const terminalId = body.terminal ?? null;
      const openKey = terminalId ? `terminal:${terminalId}` : `user:${actor.id}`;
      const out = await withTransaction(ctx.db, async (tx) => {
        if (terminalId) {
          const [terminal] = await tx.select().from(terminals).where(eq(terminals.id, terminalId));
          if (!terminal || terminal.storeId !== body.store)
            throw fieldError('terminal', invalidPk(terminalId));
          if (!terminal.isActive) throw fieldError('terminal', 'This terminal is inactive.');
        }
        const [open] = await tx
          .select({ id: cashSessions.id })
          .from(cashSessions)
          .where(eq(cashSessions.openKey, openKey));
        if (open) throw alreadyOpen(terminalId !== null);
        const [created] = await tx
          .insert(cashSessions)
          .values({
            storeId: body.store,
            terminalId,
            userId: actor.id,
            businessDate: new Date().toISOString().slice(0, 10),
            openingFloat: body.opening_float,
            openKey,
          })
          .$returningId();
        if (!created) throw new Error('insert returned no id');
        const [row] = await tx.select().from(cashSessions).where(eq(cashSessions.id, created.id));
        if (!row) throw new Error('created session not found');
        const after = toApiCashSession(row);
        await writeAudit(
          tx,
          { userId: actor.id, requestId: request.id },
          { action: 'open', modelName: 'cash_session', objectId: row.id, storeId: row.storeId, after },
        );
        return after;
      }).catch((error: unknown) => {
        throw isDuplicateKey(error, 'cash_sessions_open_key_uq') ? alreadyOpen(terminalId !== null) : error;
      });
      return reply.code(201).send(out);
    },
  });

  app.route({
    method: 'POST',
    url: '/api/cash-sessions/:id/close/',
    config: { permission: 'employee' },
    schema: {
      summary: 'Close a cash session with the cash counted',
      description:
        'expected_total = opening float + cash payments (net of change, voided sales left out) − cash ' +
        'refunds + cash received on client accounts (paid-in) − expenses paid from the session ' +
        '(paid-out); variance = closing_total − expected_total. Employees close only their own ' +
        'sessions. Closing twice is a 400.',
      params: idParams,
      body: z.strictObject({ closing_total: moneyIn('nonNegative') }),
      response: { 200: cashSessionOut },
    },
    handler: async (request) => {
      const actor = currentUser(request);
      const session = await visibleSession(request, ctx, request.params.id);
      if (!hasRole(actor, 'manager') && session.userId !== actor.id) {
        throw permissionDenied('You may close only your own cash session.');
      }
      return withTransaction(ctx.db, async (tx) => {
        const [current] = await tx
          .select()
          .from(cashSessions)
          .where(eq(cashSessions.id, session.id))
          .for('update');
        if (!current) throw notFound();
        if (current.status === 'closed') {
          throw validationError({ non_field_errors: ['This cash session is already closed.'] });
        }
        const result = await reconcileSession(tx, current, request.body.closing_total);
        const now = new Date();
        await tx
          .update(cashSessions)
          .set({
            status: 'closed',
            closedAt: now,
            closedBy: actor.id,
            closingTotal: result.counted,
            expectedTotal: result.expected,
            variance: result.variance,
            openKey: null,
            updatedAt: now,
          })
          .where(eq(cashSessions.id, current.id));
        const [row] = await tx.select().from(cashSessions).where(eq(cashSessions.id, current.id));
        if (!row) throw notFound();
        const after = toApiCashSession(row);
        await writeAudit(
          tx,
          { userId: actor.id, requestId: request.id },
          {
            action: 'close',
            modelName: 'cash_session',
            objectId: row.id,
            storeId: row.storeId,
            before: toApiCashSession(current),
            after,
          },
        );
        return after;
      });
    },
  });
};
