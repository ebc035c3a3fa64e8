// /api/salesheaders/: sales of the caller's stores. Employees and up create them (nested lines, priced
// by priceCart, stock out, gapless receipt number); managers and up void them.
import { and, asc, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { requestStoreIds, requireStoreAccess } from '../auth/scope.js';
import { salesHeaders } from '../db/schema/sales.js';
import { withTransaction } from '../db/transaction.js';
import { idParams, moneyIn, quantityIn, uuidField } from '../http/fields.js';
import { pageOf, pageQuery, paginate } from '../http/pagination.js';
import { currentUser, hasRole } from '../http/permissions.js';
import type { RouteModule } from '../http/types.js';
import { voidSale } from '../services/sales-changes.js';
import { createSale } from '../services/sales-create.js';
import { detailsOf, salesHeaderOut, toApiHeader, visibleHeader } from '../services/sales-read.js';

const saleLineIn = z.strictObject({
  product: uuidField,
  quantity: quantityIn('positive'),
  unit_price: moneyIn('nonNegative')
    .optional()
    .meta({ description: "Defaults to the product's price; a different price needs a manager or owner" }),
  discount: moneyIn('nonNegative').optional().meta({ description: 'Discount amount on the line' }),
});

const saleIn = z.strictObject({
  store: uuidField,
  session: uuidField.nullable().optional().meta({ description: 'An open cash session of the store' }),
  client: uuidField.nullable().optional(),
  details: z.array(saleLineIn).min(1, 'A sale needs at least one line.').max(500),
});

export const reasonIn = z.strictObject({ reason: z.string().trim().min(1).max(500) });

const listQuery = z.object({
  ...pageQuery,
  store: uuidField.optional(),
  session: uuidField.optional(),
  client: uuidField.optional(),
  status: z.enum(['completed', 'voided']).optional(),
  payment_status: z.enum(['unpaid', 'partial', 'paid']).optional(),
  receipt_number: z.string().trim().max(40).optional(),
  date_from: z.iso.date().optional().meta({ description: 'Business date on or after (YYYY-MM-DD)' }),
  date_to: z.iso.date().optional().meta({ description: 'Business date on or before (YYYY-MM-DD)' }),
});

export const salesheadersRoutes: RouteModule = (app, ctx) => {
  app.route({
    method: 'GET',
    url: '/api/salesheaders/',
    config: { permission: 'employee' },
    schema: {
      summary: 'Sales of your stores, newest first, with their lines',
      querystring: listQuery,
      response: { 200: pageOf(salesHeaderOut) },
    },
    handler: async (request) => {
      const q = request.query;
      const filters: SQL[] = [inArray(salesHeaders.storeId, await requestStoreIds(request, ctx.db))];
      if (q.store) filters.push(eq(salesHeaders.storeId, q.store));
      if (q.session) filters.push(eq(salesHeaders.sessionId, q.session));
      if (q.client) filters.push(eq(salesHeaders.clientId, q.client));
      if (q.status) filters.push(eq(salesHeaders.status, q.status));
      if (q.payment_status) filters.push(eq(salesHeaders.paymentStatus, q.payment_status));
      if (q.receipt_number) filters.push(eq(salesHeaders.receiptNumber, q.receipt_number));
      if (q.date_from) filters.push(gte(salesHeaders.businessDate, q.date_from));
      if (q.date_to) filters.push(lte(salesHeaders.businessDate, q.date_to));
      const where = and(...filters);
      return paginate(
        request,
        q,
        {
          count: async () => (await ctx.db.select({ n: count() }).from(salesHeaders).where(where))[0]?.n ?? 0,
          rows: async (limit, offset) => {
            const rows = await ctx.db
              .select()
              .from(salesHeaders)
              .where(where)
              .orderBy(desc(salesHeaders.createdAt), asc(salesHeaders.id))
              .limit(limit)
              .offset(offset);
            const details = await detailsOf(
              ctx.db,
              rows.map((r) => r.id),
            );
            return rows.map((row) => toApiHeader(row, details.get(row.id) ?? []));
          },
        },
        (out) => out,
      );
    },
  });

  app.route({
    method: 'GET',
    url: '/api/salesheaders/:id/',
    config: { permission: 'employee' },
    schema: { summary: 'One sale with its lines', params: idParams, response: { 200: salesHeaderOut } },
    handler: async (request) => {
      const row = await visibleHeader(request, ctx.db, request.params.id);
      return toApiHeader(row, (await detailsOf(ctx.db, [row.id])).get(row.id) ?? []);
    },
  });

  app.route({
    method: 'POST',
    url: '/api/salesheaders/',
    config: { permission: 'employee' },
    schema: {
      summary: 'Make a sale',
      description:
        "Lines are priced at the product's price unless `unit_price` is given; a price other than the " +
        "product's needs a manager or owner (else 403). Totals follow the store's prices_include_tax. " +
        'The receipt number is the store code and a gapless per-store counter ("TST-000123"). Stock ' +
        'leaves the store at once (overselling is allowed and raises an out-of-stock alert).',
      body: saleIn,
      response: { 201: salesHeaderOut },
    },
    handler: async (request, reply) => {
      const actor = currentUser(request);
      await requireStoreAccess(request, ctx.db, request.body.store, 'store');
      const out = await withTransaction(ctx.db, (tx) =>
        createSale(tx, request.body, {
          userId: actor.id,
          requestId: request.id,
          mayOverridePrice: hasRole(actor, 'manager'),
        }),
      );
      return reply.code(201).send(out);
    },
  });

  app.route({
    method: 'POST',
    url: '/api/salesheaders/:id/void/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Void a sale',
      description:
        'Stock of its active lines comes back (movement reason "void"); CREDIT paid on it leaves the ' +
        "client's balance; its payments stay on record but its cash no longer counts in the session. " +
        'Voiding twice is a 400.',
      params: idParams,
      body: reasonIn,
      response: { 200: salesHeaderOut },
    },
    handler: async (request) => {
      const actor = currentUser(request);
      const header = await visibleHeader(request, ctx.db, request.params.id);
      return withTransaction(ctx.db, (tx) =>
        voidSale(tx, header.id, request.body.reason, { userId: actor.id, requestId: request.id }),
      );
    },
  });
};
