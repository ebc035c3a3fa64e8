// /api/salesdetails/: the lines of the caller's stores' sales. PATCH overrides a line's price and DELETE
// voids the line (managers and up, with a reason); both reprice the sale and are audited.
import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { requestStoreIds } from '../auth/scope.js';
import { salesDetails, salesHeaders } from '../db/schema/sales.js';
import { withTransaction } from '../db/transaction.js';
import { idParams, moneyIn, uuidField } from '../http/fields.js';
import { pageOf, pageQuery, paginate } from '../http/pagination.js';
import { currentUser } from '../http/permissions.js';
import type { RouteModule } from '../http/types.js';
import { overridePrice, voidLine } from '../services/sales-changes.js';
import { salesDetailOut, toApiDetail, visibleDetail } from '../services/sales-read.js';

const reasonField = z.string().trim().min(1).max(500);

const listQuery = z.object({
  ...pageQuery,
  sales_header: uuidField.optional(),
  product: uuidField.optional(),
  store: uuidField.optional(),
  status: z.enum(['active', 'voided']).optional(),
});

export const salesdetailsRoutes: RouteModule = (app, ctx) => {
  app.route({
    method: 'GET',
    url: '/api/salesdetails/',
    config: { permission: 'employee' },
    schema: {
      summary: 'Sale lines of your stores, newest sale first',
      querystring: listQuery,
      response: { 200: pageOf(salesDetailOut) },
    },
    handler: async (request) => {
      const q = request.query;
      const filters: SQL[] = [inArray(salesHeaders.storeId, await requestStoreIds(request, ctx.db))];
      if (q.sales_header) filters.push(eq(salesDetails.headerId, q.sales_header));
      if (q.product) filters.push(eq(salesDetails.productId, q.product));
      if (q.store) filters.push(eq(salesHeaders.storeId, q.store));
      if (q.status) filters.push(eq(salesDetails.status, q.status));
      const where = and(...filters);
      const joined = () =>
        ctx.db
          .select({ line: salesDetails })
          .from(salesDetails)
          .innerJoin(salesHeaders, eq(salesHeaders.id, salesDetails.headerId))
          .where(where);
      return paginate(
        request,
        q,
        {
          count: async () =>
            (
              await ctx.db
                .select({ n: count() })
                .from(salesDetails)
                .innerJoin(salesHeaders, eq(salesHeaders.id, salesDetails.headerId))
                .where(where)
            )[0]?.n ?? 0,
          rows: (limit, offset) =>
            joined()
              .orderBy(desc(salesHeaders.createdAt), asc(salesDetails.headerId), asc(salesDetails.lineNo))
              .limit(limit)
              .offset(offset),
        },
        (row) => toApiDetail(row.line),
      );
    },
  });

  app.route({
    method: 'GET',
    url: '/api/salesdetails/:id/',
    config: { permission: 'employee' },
    schema: { summary: 'One sale line', params: idParams, response: { 200: salesDetailOut } },
    handler: async (request) => toApiDetail((await visibleDetail(request, ctx.db, request.params.id)).line),
  });

  app.route({
    method: 'PATCH',
    url: '/api/salesdetails/:id/',
    config: { permission: 'manager' },
    schema: {
      summary: "Override a line's price",
      description:
        "Sets the line's unit price (the product's list price clears the override), reprices the " +
        'sale (totals, tax, balance due) and audits a `price_override` with before/after. A voided sale ' +
        'or line, or a price that would leave more paid than the new total, is a 400.',
      params: idParams,
      body: z.strictObject({ unit_price: moneyIn('nonNegative'), reason: reasonField }),
      response: { 200: salesDetailOut },
    },
    handler: async (request) => {
      const actor = currentUser(request);
      const { line } = await visibleDetail(request, ctx.db, request.params.id);
      return withTransaction(ctx.db, (tx) =>
        overridePrice(tx, line.id, request.body.unit_price, request.body.reason, {
          userId: actor.id,
          requestId: request.id,
        }),
      );
    },
  });

  app.route({
    method: 'DELETE',
    url: '/api/salesdetails/:id/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Void a sale line (?reason= required)',
      description:
        'The line\'s stock comes back (movement reason "void"), the sale is repriced and a `void` is ' +
        "audited. The sale's last active line cannot be voided: void the sale instead.",
      params: idParams,
      querystring: z.object({ reason: reasonField }),
      response: { 204: z.undefined() },
    },
    handler: async (request, reply) => {
      const actor = currentUser(request);
      const { line } = await visibleDetail(request, ctx.db, request.params.id);
      await withTransaction(ctx.db, (tx) =>
        voidLine(tx, line.id, request.query.reason, { userId: actor.id, requestId: request.id }),
      );
      return reply.code(204).send();
    },
  });
};
