// /api/receipts/: money received from account clients, lowering what they owe. Managers and owners only:
// wiping a client's debt is a money-of-record change, so a cashier takes payments through sales
// payments, not here. Receipts are facts: never changed or deleted (rules in services/finance.ts).
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { requestStoreIds, requireStoreAccess, visibleRow } from '../auth/scope.js';
import { createAudited } from '../db/create-audited.js';
import { clientReceipts } from '../db/schema/finance.js';
import {
  idParams,
  moneyIn,
  moneyOut,
  timestampOut,
  toMoney,
  toTimestamp,
  uuidField,
} from '../http/fields.js';
import { newestFirst } from '../http/page-sources.js';
import { pageOf, pageQuery, paginate } from '../http/pagination.js';
import { currentUser } from '../http/permissions.js';
import type { RouteModule } from '../http/types.js';
import { receiveFromClient } from '../services/finance.js';
import { OUTGOING_METHODS } from './payments.js';

const receiptOut = z.object({
  id: z.uuid(),
  client: z.uuid(),
  store: z.uuid().nullable(),
  session: z.uuid().nullable(),
  amount: moneyOut,
  method: z.string(),
  reference: z.string().nullable(),
  user: z.uuid(),
  created_at: timestampOut,
});
type ReceiptRow = typeof clientReceipts.$inferSelect;

function toApiReceipt(row: ReceiptRow): z.infer<typeof receiptOut> {
  return {
    id: row.id,
    client: row.clientId,
    store: row.storeId,
    session: row.sessionId,
    amount: toMoney(row.amount),
    method: row.method,
    reference: row.reference,
    user: row.userId,
    created_at: toTimestamp(row.createdAt),
  };
}

const createBody = z.strictObject({
  client: uuidField,
  store: uuidField,
  amount: moneyIn('positive'),
  method: z.enum(OUTGOING_METHODS),
  reference: z.string().trim().max(100).nullable().optional(),
  session: uuidField
    .nullable()
    .optional()
    .meta({ description: 'The OPEN cash session of this store that took the money (CASH: a paid-in)' }),
});

export const receiptsRoutes: RouteModule = (app, ctx) => {
  app.route({
    method: 'GET',
    url: '/api/receipts/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Money received from clients in your stores, newest first',
      querystring: z.object({
        ...pageQuery,
        client: uuidField.optional(),
        store: uuidField.optional(),
        session: uuidField.optional(),
        method: z.enum(OUTGOING_METHODS).optional(),
      }),
      response: { 200: pageOf(receiptOut) },
    },
    handler: async (request) => {
      const q = request.query;
      const filters: SQL[] = [inArray(clientReceipts.storeId, await requestStoreIds(request, ctx.db))];
      if (q.client) filters.push(eq(clientReceipts.clientId, q.client));
      if (q.store) filters.push(eq(clientReceipts.storeId, q.store));
      if (q.session) filters.push(eq(clientReceipts.sessionId, q.session));
      if (q.method) filters.push(eq(clientReceipts.method, q.method));
      const where = and(...filters);
      return paginate(request, q, newestFirst(ctx.db, clientReceipts, where), toApiReceipt);
    },
  });

  app.route({
    method: 'GET',
    url: '/api/receipts/:id/',
    config: { permission: 'manager' },
    schema: { summary: 'One client receipt', params: idParams, response: { 200: receiptOut } },
    handler: async (request) =>
      toApiReceipt(await visibleRow(request, ctx.db, clientReceipts, request.params.id)),
  });

  app.route({
    method: 'POST',
    url: '/api/receipts/',
    config: { permission: 'manager' },
    schema: {
      summary: "Receive money from a client: lowers the client's balance (never below zero)",
      body: createBody,
      response: { 201: receiptOut },
    },
    handler: async (request, reply) => {
      const actor = { userId: currentUser(request).id, requestId: request.id };
      const body = request.body;
      await requireStoreAccess(request, ctx.db, body.store, 'store');
      const created = await createAudited(ctx.db, actor, {
        table: clientReceipts,
        modelName: 'client_receipt',
        toApi: toApiReceipt,
        create: async (tx) => {
          const { id, balanceBefore, balanceAfter } = await receiveFromClient(tx, {
            clientId: body.client,
            storeId: body.store,
            sessionId: body.session ?? null,
            amount: body.amount,
            method: body.method,
            reference: body.reference ?? null,
            userId: actor.userId,
          });
          return {
            id,
            storeId: body.store,
            before: { client_balance: toMoney(balanceBefore) },
            alsoAfter: { client_balance: toMoney(balanceAfter) },
          };
        },
      });
      return reply.code(201).send(created);
    },
  });
};
