// /api/sales-payments/: payments taken for sales of the caller's stores, one at a time or split (all or
// none in one transaction). Rules come from src-shared/domain/tender.ts.
import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requestStoreIds } from '../auth/scope.js';
import { salesHeaders, salesPayments, TENDER_METHODS } from '../db/schema/sales.js';
import { withTransaction } from '../db/transaction.js';
import { fieldError, invalidPk } from '../http/errors.js';
import { idParams, moneyIn, moneyOut, toMoney, uuidField } from '../http/fields.js';
import { pageOf, pageQuery, paginate } from '../http/pagination.js';
import { currentUser } from '../http/permissions.js';
import type { AppContext, RouteModule } from '../http/types.js';
import { addPayments, type TenderInput } from '../services/sales-payments.js';
import {
  headerApi,
  salesHeaderOut,
  salesPaymentOut,
  toApiPayment,
  visiblePayment,
} from '../services/sales-read.js';

const tenderFields = {
  method: z.enum(TENDER_METHODS),
  amount: moneyIn('positive'),
  reference: z.string().trim().max(100).nullable().optional(),
};
const paymentIn = z.strictObject({ sales_header: uuidField, session: uuidField, ...tenderFields });
const splitIn = z.strictObject({
  sales_header: uuidField,
  session: uuidField,
  payments: z.array(z.strictObject(tenderFields)).min(1, 'Give at least one payment.').max(20),
});
const splitOut = z.object({
  sales_header: salesHeaderOut,
  payments: z.array(salesPaymentOut),
  change_due: moneyOut,
});

/** The sale named in a body must be one of the caller's stores' (else a 400 on `sales_header`). */
async function checkHeader(request: FastifyRequest, ctx: AppContext, headerId: string): Promise<void> {
  const ids = await requestStoreIds(request, ctx.db);
  const [row] = await ctx.db
    .select({ storeId: salesHeaders.storeId })
    .from(salesHeaders)
    .where(eq(salesHeaders.id, headerId));
  if (!row || !ids.includes(row.storeId)) throw fieldError('sales_header', invalidPk(headerId));
}

export const salesPaymentsRoutes: RouteModule = (app, ctx) => {
  const take = async (
    request: FastifyRequest,
    body: { sales_header: string; session: string },
    tenders: TenderInput[],
    fieldOf: (i: number, field: string) => string,
  ) => {
    const actor = currentUser(request);
    await checkHeader(request, ctx, body.sales_header);
    return withTransaction(ctx.db, async (tx) => {
      const result = await addPayments(
        tx,
        { headerId: body.sales_header, sessionId: body.session, tenders, fieldOf },
        { userId: actor.id, requestId: request.id },
      );
      return { ...result, header: await headerApi(tx, body.sales_header) };
    });
  };

  app.route({
    method: 'GET',
    url: '/api/sales-payments/',
    config: { permission: 'employee' },
    schema: {
      summary: 'Payments for sales of your stores, newest first',
      querystring: z.object({
        ...pageQuery,
        sales_header: uuidField.optional(),
        session: uuidField.optional(),
        method: z.enum(TENDER_METHODS).optional(),
        store: uuidField.optional(),
      }),
      response: { 200: pageOf(salesPaymentOut) },
    },
    handler: async (request) => {
      const q = request.query;
      const filters: SQL[] = [inArray(salesHeaders.storeId, await requestStoreIds(request, ctx.db))];
      if (q.sales_header) filters.push(eq(salesPayments.headerId, q.sales_header));
      if (q.session) filters.push(eq(salesPayments.sessionId, q.session));
      if (q.method) filters.push(eq(salesPayments.method, q.method));
      if (q.store) filters.push(eq(salesHeaders.storeId, q.store));
      const where = and(...filters);
      return paginate(
        request,
        q,
        {
          count: async () =>
            (
              await ctx.db
                .select({ n: count() })
                .from(salesPayments)
                .innerJoin(salesHeaders, eq(salesHeaders.id, salesPayments.headerId))
                .where(where)
            )[0]?.n ?? 0,
          rows: (limit, offset) =>
            ctx.db
              .select({ payment: salesPayments })
              .from(salesPayments)
              .innerJoin(salesHeaders, eq(salesHeaders.id, salesPayments.headerId))
              .where(where)
              .orderBy(desc(salesPayments.createdAt), asc(salesPayments.id))
              .limit(limit)
              .offset(offset),
        },
        (row) => toApiPayment(row.payment),
      );
    },
  });

  app.route({
    method: 'GET',
    url: '/api/sales-payments/:id/',
    config: { permission: 'employee' },
    schema: { summary: 'One payment', params: idParams, response: { 200: salesPaymentOut } },
    handler: async (request) => toApiPayment(await visiblePayment(request, ctx.db, request.params.id)),
  });

  app.route({
    method: 'POST',
    url: '/api/sales-payments/',
    config: { permission: 'employee' },
    schema: {
      summary: 'Take a payment for a sale',
      description:
        'Non-cash payments may not exceed the balance due; cash may, and `change_due` is the change to ' +
        "hand back. The session must be an open cash session of the sale's store. CREDIT needs a sale " +
        "with a client whose credit limit − balance covers it, and adds to the client's balance.",
      body: paymentIn,
      response: { 201: salesPaymentOut },
    },
    handler: async (request, reply) => {
      const { method, amount, reference } = request.body;
      const result = await take(request, request.body, [{ method, amount, reference }], (_i, f) => f);
      const [payment] = result.payments;
      if (!payment) throw new Error('no payment recorded');
      return reply.code(201).send(toApiPayment(payment));
    },
  });

  app.route({
    method: 'POST',
    url: '/api/sales-payments/split/',
    config: { permission: 'employee' },
    schema: {
      summary: 'Take several payments for a sale at once (all or none)',
      description:
        'Each payment is checked in order as if taken one after the other; if any is refused, none is ' +
        'recorded (the error names it, e.g. `payments.1.amount`).',
      body: splitIn,
      response: { 201: splitOut },
    },
    handler: async (request, reply) => {
      const result = await take(request, request.body, request.body.payments, (i, f) => `payments.${i}.${f}`);
      return reply.code(201).send({
        sales_header: result.header,
        payments: result.payments.map(toApiPayment),
        change_due: toMoney(result.changeDue),
      });
    },
  });
};
