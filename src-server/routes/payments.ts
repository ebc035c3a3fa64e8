// /api/payments/: payments to suppliers, each against one purchase of your stores. Managers and owners.
// A payment is a fact: it is never changed or deleted (rules in services/finance.ts).
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { requestStoreIds, visibleRow } from '../auth/scope.js';
import { createAudited } from '../db/create-audited.js';
import { supplierPayments } from '../db/schema/purchases.js';
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
import { paySupplier } from '../services/finance.js';

/** How we pay a supplier (CREDIT and VOUCHER are customer tenders, not ways to pay a supplier). */
export const OUTGOING_METHODS = ['CASH', 'CARD', 'MPESA'] as const;

const paymentOut = z.object({
  id: z.uuid(),
  purchase: z.uuid().nullable(),
  supplier: z.uuid(),
  store: z.uuid().nullable(),
  amount: moneyOut,
  method: z.string(),
  reference: z.string().nullable(),
  user: z.uuid(),
  created_at: timestampOut,
});
type PaymentRow = typeof supplierPayments.$inferSelect;

function toApiPayment(row: PaymentRow): z.infer<typeof paymentOut> {
  return {
    id: row.id,
    purchase: row.purchaseHeaderId,
    supplier: row.supplierId,
    store: row.storeId,
    amount: toMoney(row.amount),
    method: row.method,
    reference: row.reference,
    user: row.userId,
    created_at: toTimestamp(row.createdAt),
  };
}

const createBody = z.strictObject({
  purchase: uuidField,
  amount: moneyIn('positive'),
  method: z.enum(OUTGOING_METHODS),
  reference: z.string().trim().max(100).nullable().optional(),
});

export const paymentsRoutes: RouteModule = (app, ctx) => {
  app.route({
    method: 'GET',
    url: '/api/payments/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Payments to suppliers made by your stores, newest first',
      querystring: z.object({
        ...pageQuery,
        purchase: uuidField.optional(),
        supplier: uuidField.optional(),
        store: uuidField.optional(),
        method: z.enum(OUTGOING_METHODS).optional(),
      }),
      response: { 200: pageOf(paymentOut) },
    },
    handler: async (request) => {
      const q = request.query;
      const filters: SQL[] = [inArray(supplierPayments.storeId, await requestStoreIds(request, ctx.db))];
      if (q.purchase) filters.push(eq(supplierPayments.purchaseHeaderId, q.purchase));
      if (q.supplier) filters.push(eq(supplierPayments.supplierId, q.supplier));
      if (q.store) filters.push(eq(supplierPayments.storeId, q.store));
      if (q.method) filters.push(eq(supplierPayments.method, q.method));
      const where = and(...filters);
      return paginate(request, q, newestFirst(ctx.db, supplierPayments, where), toApiPayment);
    },
  });

  app.route({
    method: 'GET',
    url: '/api/payments/:id/',
    config: { permission: 'manager' },
    schema: { summary: 'One supplier payment', params: idParams, response: { 200: paymentOut } },
    handler: async (request) =>
      toApiPayment(await visibleRow(request, ctx.db, supplierPayments, request.params.id)),
  });

  app.route({
    method: 'POST',
    url: '/api/payments/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Pay a supplier against a purchase (at most what is still owed on it)',
      body: createBody,
      response: { 201: paymentOut },
    },
    handler: async (request, reply) => {
      const actor = { userId: currentUser(request).id, requestId: request.id };
      const storeIds = await requestStoreIds(request, ctx.db);
      const body = request.body;
      const created = await createAudited(ctx.db, actor, {
        table: supplierPayments,
        modelName: 'supplier_payment',
        toApi: toApiPayment,
        create: (tx) =>
          paySupplier(tx, storeIds, {
            purchaseId: body.purchase,
            amount: body.amount,
            method: body.method,
            reference: body.reference ?? null,
            userId: actor.userId,
          }),
      });
      return reply.code(201).send(created);
    },
  });
};
