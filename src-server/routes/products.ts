// /api/products/: the business-wide catalog. Employees read it (with stock on hand for ?store= one of
// their stores); managers and owners write it, audited with before/after. Barcodes: GS1 check digits
// verified for 8/12/13-digit codes, internal codes allowed, a code belongs to one product. Search is
// indexed (services/catalog-search.ts). Low/out-of-stock lists: routes/products-stock.ts.
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireStoreAccess } from '../auth/scope.js';
import { writeAudit } from '../db/audit.js';
import { isDuplicateKey } from '../db/errors.js';
import { categories, products, units } from '../db/schema/catalog.js';
import { withTransaction, type Tx } from '../db/transaction.js';
import { fieldError, notFound } from '../http/errors.js';
import { idParams, moneyIn, quantityIn, queryBool, uuidField } from '../http/fields.js';
import { pageOf, pageQuery, paginate } from '../http/pagination.js';
import { currentUser } from '../http/permissions.js';
import type { AppContext, RouteModule } from '../http/types.js';
import { requireRow, rethrowInUse } from '../services/catalog-common.js';
import {
  barcodeField,
  barcodesOf,
  DUPLICATE_BARCODE,
  MAX_BARCODES,
  onHandOf,
  planBarcodes,
  productOut,
  representProducts,
  saveBarcodes,
  taxClassField,
  toApiProduct,
  type ProductOut,
  type ProductRow,
} from '../services/catalog-products.js';
import { productPageSource } from '../services/catalog-search.js';
import { bumpCatalogVersion } from '../services/catalog-version.js';
import { noteChanges } from '../services/sync-changes.js';

const productFields = {
  name: z.string().trim().min(1).max(200),
  sku: z.string().trim().min(1).max(64),
  barcode: barcodeField.nullable().optional().meta({ description: 'The primary barcode' }),
  barcodes: z
    .array(barcodeField)
    .max(MAX_BARCODES)
    .optional()
    .meta({ description: 'Replaces the list of barcodes (the primary is always kept among them)' }),
  category: uuidField.nullable().optional(),
  unit: uuidField.nullable().optional(),
  price: moneyIn('nonNegative'),
  cost: moneyIn('nonNegative').optional(),
  tax_class: taxClassField.optional(),
  reorder_level: quantityIn('nonNegative').optional(),
  track_stock: z.boolean().optional(),
  is_active: z.boolean().optional(),
  sold_by_weight: z.boolean().optional(),
  plu: z
    .string()
    .trim()
    .regex(/^\d{1,10}$/, 'A PLU is 1 to 10 digits.')
    .nullable()
    .optional(),
};
const productBody = z.strictObject(productFields);
const productPatch = productBody.partial();
type ProductWrite = z.infer<typeof productPatch>;

const storeQuery = uuidField
  .optional()
  .meta({ description: 'One of your stores: fills stock_on_hand (null without it)' });

const DUPLICATE_SKU = 'product with this sku already exists.';
const IN_USE =
  'This product has sales, purchases or stock records and cannot be deleted; deactivate it instead (is_active: false).';

function columnsOf(body: ProductWrite) {
  return {
    ...(body.name !== undefined && { name: body.name }),
    ...(body.sku !== undefined && { sku: body.sku }),
    ...(body.category !== undefined && { categoryId: body.category }),
    ...(body.unit !== undefined && { unitId: body.unit }),
    ...(body.price !== undefined && { price: body.price }),
    ...(body.cost !== undefined && { cost: body.cost }),
    ...(body.tax_class !== undefined && { taxClass: body.tax_class }),
    ...(body.reorder_level !== undefined && { reorderLevel: body.reorder_level }),
    ...(body.track_stock !== undefined && { trackStock: body.track_stock }),
    ...(body.is_active !== undefined && { isActive: body.is_active }),
    ...(body.sold_by_weight !== undefined && { soldByWeight: body.sold_by_weight }),
    ...(body.plu !== undefined && { plu: body.plu }),
  };
}

const rethrowDuplicate = (error: unknown): never => {
  if (isDuplicateKey(error, 'products_sku_uq')) throw fieldError('sku', DUPLICATE_SKU);
  if (isDuplicateKey(error, 'barcodes_code_uq')) throw fieldError('barcodes', DUPLICATE_BARCODE);
  throw error;
};

async function checkReferences(tx: Tx, body: ProductWrite): Promise<void> {
  if (body.category) await requireRow(tx, categories, categories.id, body.category, 'category');
  if (body.unit) await requireRow(tx, units, units.id, body.unit, 'unit');
}

async function loadProduct(db: AppContext['db'] | Tx, id: string, lock = false): Promise<ProductRow> {
  const query = db.select().from(products).where(eq(products.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

async function represent(tx: Tx, id: string): Promise<ProductOut> {
  const row = await loadProduct(tx, id);
  return toApiProduct(row, (await barcodesOf(tx, [id])).get(id));
}

/** The ?store= of a product read: one of the caller's stores (400 otherwise). */
async function storeParam(request: FastifyRequest, ctx: AppContext, store: string | undefined) {
  if (store !== undefined) await requireStoreAccess(request, ctx.db, store, 'store');
  return store;
}

export const productsRoutes: RouteModule = (app, ctx) => {
  app.route({
    method: 'GET',
    url: '/api/products/',
    config: { permission: 'employee' },
    schema: {
      summary: 'List products',
      description:
        'search: each word of 3+ letters is a prefix of a word of the name (shorter words: contained in ' +
        'the name, or, alone, its start); or the whole search is the start of the SKU or of a barcode.\n\n' +
        '`count` is always exact. Each API node keeps, per catalog version, the count and the order of the ' +
        'first 500 matches of a query (search and filters): any product change through the API makes the ' +
        'next list on every node count again; a change made directly in the database, not through the API, ' +
        'shows in counts and order within 60 seconds. Product fields and stock_on_hand are always read fresh.',
      querystring: z.object({
        ...pageQuery,
        search: z.string().trim().max(100).optional(),
        barcode: z.string().trim().min(1).max(64).optional().meta({ description: 'Exact barcode' }),
        category: uuidField.optional(),
        is_active: queryBool.optional(),
        store: storeQuery,
      }),
      response: { 200: pageOf(productOut) },
    },
    handler: async (request) => {
      const q = request.query;
      const store = await storeParam(request, ctx, q.store);
      const source = productPageSource(ctx.db, ctx.productLists, {
        search: q.search,
        barcode: q.barcode,
        category: q.category,
        isActive: q.is_active,
      });
      const page = await paginate(request, q, source, (r) => r);
      return { ...page, results: await representProducts(ctx.db, page.results, store) };
    },
  });

  app.route({
    method: 'GET',
    url: '/api/products/:id/',
    config: { permission: 'employee' },
    schema: {
      summary: 'One product',
      params: idParams,
      querystring: z.object({ store: storeQuery }),
      response: { 200: productOut },
    },
    handler: async (request) => {
      const store = await storeParam(request, ctx, request.query.store);
      const row = await loadProduct(ctx.db, request.params.id);
      const codes = (await barcodesOf(ctx.db, [row.id])).get(row.id);
      const onHand =
        store === undefined ? null : ((await onHandOf(ctx.db, store, [row.id])).get(row.id) ?? 0);
      return toApiProduct(row, codes, onHand);
    },
  });

  app.route({
    method: 'POST',
    url: '/api/products/',
    config: { permission: 'manager' },
    schema: { summary: 'Create a product', body: productBody, response: { 201: productOut } },
    handler: async (request, reply) => {
      const actor = currentUser(request);
      const body = request.body;
      const created = await withTransaction(ctx.db, async (tx) => {
        await checkReferences(tx, body);
        const [inserted] = await tx
          .insert(products)
          .values({ ...columnsOf(body), name: body.name, sku: body.sku, price: body.price })
          .$returningId();
        if (!inserted) throw new Error('insert returned no id');
        const none = { primary: null, all: [] };
        await saveBarcodes(tx, inserted.id, none, planBarcodes(none, body), body);
        const after = await represent(tx, inserted.id);
        await writeAudit(
          tx,
          { userId: actor.id, requestId: request.id },
          { action: 'create', modelName: 'product', objectId: inserted.id, after },
        );
        await bumpCatalogVersion(tx);
        noteChanges(tx, 'all', 'product', [inserted.id]);
        return after;
      }).catch(rethrowDuplicate);
      return reply.code(201).send(created);
    },
  });

  const update = (request: FastifyRequest<{ Params: { id: string } }>, body: ProductWrite) => {
    const actor = currentUser(request);
    return withTransaction(ctx.db, async (tx) => {
      const current = await loadProduct(tx, request.params.id, true);
      const codes = (await barcodesOf(tx, [current.id])).get(current.id) ?? { primary: null, all: [] };
      await checkReferences(tx, body);
      await tx
        .update(products)
        .set({ ...columnsOf(body), updatedAt: new Date() })
        .where(eq(products.id, current.id));
      if (body.barcode !== undefined || body.barcodes !== undefined) {
        await saveBarcodes(tx, current.id, codes, planBarcodes(codes, body), body);
      }
      const after = await represent(tx, current.id);
      await writeAudit(
        tx,
        { userId: actor.id, requestId: request.id },
        {
          action: 'update',
          modelName: 'product',
          objectId: current.id,
          before: toApiProduct(current, codes),
          after,
        },
      );
      await bumpCatalogVersion(tx);
      noteChanges(tx, 'all', 'product', [current.id]);
      return after;
    }).catch(rethrowDuplicate);
  };

  app.route({
    method: 'PUT',
    url: '/api/products/:id/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Replace a product',
      params: idParams,
      body: productBody,
      response: { 200: productOut },
    },
    handler: (request) => update(request, request.body),
  });

  app.route({
    method: 'PATCH',
    url: '/api/products/:id/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Change some fields of a product',
      params: idParams,
      body: productPatch,
      response: { 200: productOut },
    },
    handler: (request) => update(request, request.body),
  });

  app.route({
    method: 'DELETE',
    url: '/api/products/:id/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Delete a product nothing refers to (409 otherwise: deactivate it instead)',
      params: idParams,
      response: { 204: z.undefined() },
    },
    handler: async (request, reply) => {
      const actor = currentUser(request);
      await withTransaction(ctx.db, async (tx) => {
        const current = await loadProduct(tx, request.params.id, true);
        const before = toApiProduct(current, (await barcodesOf(tx, [current.id])).get(current.id));
        await tx.delete(products).where(eq(products.id, current.id));
        await writeAudit(
          tx,
          { userId: actor.id, requestId: request.id },
          { action: 'delete', modelName: 'product', objectId: current.id, before },
        );
        await bumpCatalogVersion(tx);
        noteChanges(tx, 'all', 'product', [current.id], 'delete');
      }).catch(rethrowInUse(IN_USE));
      return reply.code(204).send();
    },
  });
};
