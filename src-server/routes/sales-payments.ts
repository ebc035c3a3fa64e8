// /api/sales-payments/: payments taken for sales of the caller's stores, one at a time or split (all or
// none in one transaction). Rules come from src-shared/domain/tender.ts.
import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requestStoreIds } from '../auth/scope.js';
import { salesHeaders, salesPayments, TENDER_METHODS } from '../db/schema/sales.js';
import { withTransaction, type Tx } from '../db/transaction.js';
import { idParams, moneyIn, moneyOut, toMoney, uuidField } from '../http/fields.js';
import { pageOf, pageQuery, paginate } from '../http/pagination.js';
import { currentUser } from '../http/permissions.js';
import type { RouteModule } from '../http/types.js';
import { addPayments, type PaymentsResult, type TenderInput } from '../services/sales-payments.js';
import {
  detailsOf,
  salesHeaderOut,
  salesPaymentOut,
  toApiHeader,
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

export const salesPaymentsRoutes: RouteModule = (app, ctx) => {
  /** Takes `tenders` for the body's sale (one of the caller's stores') in one transaction. */
  const take = async <T>(
    request: FastifyRequest,
    body: { sales_header: string; session: string },
    tenders: TenderInput[],
    fieldOf: (i: number, field: string) => string,
    respond: (tx: Tx, result: PaymentsResult) => Promise<T> | T,
  ): Promise<T> => {
    const actor = currentUser(request);
    const storeIds = await requestStoreIds(request, ctx.db);
    return withTransaction(ctx.db, async (tx) => {
      const result = await addPayments(
        tx,
        { headerId: body.sales_header, storeIds, sessionId: body.session, tenders, fieldOf },
        { userId: actor.id, requestId: request.id },
      );
      return respond(tx, result);
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
      const payment = await take(
        request,
        request.body,
        [{ method, amount, reference }],
        (_i, f) => f,
        (_tx, result) => result.payments[0],
      );
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
      const split = await take(
        request,
        request.body,
        request.body.payments,
        (i, f) => `payments.${i}.${f}`,
        async (tx, result) => ({
          sales_header: toApiHeader(
            result.header,
            (await detailsOf(tx, [result.header.id])).get(result.header.id) ?? [],
          ),
          payments: result.payments.map(toApiPayment),
          change_due: toMoney(result.changeDue),
        }),
      );
      return reply.code(201).send(split);
    },
  });
};
