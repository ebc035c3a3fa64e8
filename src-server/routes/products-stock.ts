// GET /api/products/low_stock/ and /api/products/out_of_stock/: tracked, active products of one store
// (?store=, or the caller's only store) whose stock on hand is low (0 < on hand ≤ reorder_level) or out
// (on hand ≤ 0; a product never stocked in the store counts as 0). Read from stock_levels directly.
import { and, asc, count, eq, gt, lte, sql, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requestStoreIds, requireStoreAccess } from '../auth/scope.js';
import { products } from '../db/schema/catalog.js';
import { stockLevels } from '../db/schema/stock.js';
import { fieldError } from '../http/errors.js';
import { uuidField } from '../http/fields.js';
import { pageOf, pageQuery, paginate } from '../http/pagination.js';
import type { AppContext, RouteModule } from '../http/types.js';
import { barcodesOf, productOut, toApiProduct, type ProductRow } from '../services/catalog-products.js';

const stockQuery = z.object({
  ...pageQuery,
  store: uuidField
    .optional()
    .meta({ description: 'One of your stores; may be left out if you have only one' }),
  category: uuidField.optional(),
});

/** The store asked for, or the caller's only store. */
async function storeOf(request: FastifyRequest, ctx: AppContext, store: string | undefined): Promise<string> {
  if (store !== undefined) {
    await requireStoreAccess(request, ctx.db, store, 'store');
    return store;
  }
  const ids = await requestStoreIds(request, ctx.db);
  if (ids.length === 1 && ids[0] !== undefined) return ids[0];
  throw fieldError('store', 'This field is required.');
}

type Kind = 'low' | 'out';

export const productsStockRoutes: RouteModule = (app, ctx) => {
  const list = async (request: FastifyRequest, q: z.infer<typeof stockQuery>, kind: Kind) => {
    const store = await storeOf(request, ctx, q.store);
    const onHand = sql<number | string>`coalesce(${stockLevels.quantity}, 0)`;
    const filters: SQL[] = [
      eq(products.trackStock, true),
      eq(products.isActive, true),
      ...(kind === 'low' ? [gt(onHand, 0), lte(onHand, products.reorderLevel)] : [lte(onHand, 0)]),
      ...(q.category === undefined ? [] : [eq(products.categoryId, q.category)]),
    ];
    const where = and(...filters);
    const joined = and(eq(stockLevels.productId, products.id), eq(stockLevels.storeId, store));
    const page = await paginate(
      request,
      q,
      {
        count: async () =>
          (await ctx.db.select({ n: count() }).from(products).leftJoin(stockLevels, joined).where(where))[0]
            ?.n ?? 0,
        rows: (limit, offset) =>
          ctx.db
            .select({ product: products, onHand })
            .from(products)
            .leftJoin(stockLevels, joined)
            .where(where)
            .orderBy(asc(products.name), asc(products.id))
            .limit(limit)
            .offset(offset),
      },
      (r: { product: ProductRow; onHand: number | string }) => r,
    );
    const codes = await barcodesOf(
      ctx.db,
      page.results.map((r) => r.product.id),
    );
    return {
      ...page,
      results: page.results.map((r) => toApiProduct(r.product, codes.get(r.product.id), Number(r.onHand))),
    };
  };

  app.route({
    method: 'GET',
    url: '/api/products/low_stock/',
    config: { permission: 'employee' },
    schema: {
      summary: 'Tracked active products running low in a store (0 < on hand ≤ reorder level)',
      querystring: stockQuery,
      response: { 200: pageOf(productOut) },
    },
    handler: (request) => list(request, request.query, 'low'),
  });

  app.route({
    method: 'GET',
    url: '/api/products/out_of_stock/',
    config: { permission: 'employee' },
    schema: {
      summary: 'Tracked active products out of stock in a store (on hand ≤ 0)',
      querystring: stockQuery,
      response: { 200: pageOf(productOut) },
    },
    handler: (request) => list(request, request.query, 'out'),
  });
};
