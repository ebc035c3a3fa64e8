// /api/purchaseheaders/: purchase orders from suppliers, with nested lines. Managers and owners only
// (purchasing and cost prices are not a sales operation). POST .../{id}/receive/ books the stock in
// exactly once; the rules on stock and supplier balances are in services/purchases.ts.
import { and, eq, inArray, like, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requestStoreIds, requireStoreAccess } from '../auth/scope.js';
import { writeAudit } from '../db/audit.js';
import { PURCHASE_STATUSES, purchaseHeaders } from '../db/schema/purchases.js';
import { withTransaction, type Tx } from '../db/transaction.js';
import {
  idParams,
  moneyIn,
  moneyOut,
  quantityIn,
  quantityOut,
  timestampOut,
  toMoney,
  toQuantity,
  toTimestamp,
  toTimestampOrNull,
  uuidField,
} from '../http/fields.js';
import { newestFirst, pageWith } from '../http/page-sources.js';
import { pageOf, pageQuery, paginate } from '../http/pagination.js';
import { currentUser } from '../http/permissions.js';
import type { RouteModule } from '../http/types.js';
import {
  cancelPurchase,
  changePurchase,
  createPurchase,
  findPurchase,
  loadDetails,
  receivePurchase,
  type Purchase,
} from '../services/purchases.js';

const detailOut = z.object({
  id: z.uuid(),
  product: z.uuid(),
  quantity: quantityOut,
  unit_cost: moneyOut,
  line_total: moneyOut,
});

export const purchaseOut = z.object({
  id: z.uuid(),
  store: z.uuid(),
  supplier: z.uuid(),
  reference: z.string().nullable(),
  notes: z.string().nullable(),
  status: z.enum(PURCHASE_STATUSES),
  total: moneyOut,
  paid_total: moneyOut,
  balance_due: moneyOut,
  payment_status: z.enum(['unpaid', 'partial', 'paid']),
  details: z.array(detailOut),
  user: z.uuid(),
  received_at: timestampOut.nullable(),
  received_by: z.uuid().nullable(),
  created_at: timestampOut,
  updated_at: timestampOut,
});
type PurchaseOut = z.infer<typeof purchaseOut>;

export function toApiPurchase({ header: h, details }: Purchase): PurchaseOut {
  return {
    id: h.id,
    store: h.storeId,
    supplier: h.supplierId,
    reference: h.reference,
    notes: h.notes,
    status: h.status,
    total: toMoney(h.total),
    paid_total: toMoney(h.paidTotal),
    balance_due: toMoney(h.total - h.paidTotal),
    payment_status: h.paidTotal === 0 && h.total > 0 ? 'unpaid' : h.paidTotal < h.total ? 'partial' : 'paid',
    details: details.map((d) => ({
      id: d.id,
      product: d.productId,
      quantity: toQuantity(d.quantity),
      unit_cost: toMoney(d.unitCost),
      line_total: toMoney(d.lineTotal),
    })),
    user: h.userId,
    received_at: toTimestampOrNull(h.receivedAt),
    received_by: h.receivedBy,
    created_at: toTimestamp(h.createdAt),
    updated_at: toTimestamp(h.updatedAt),
  };
}

const lineIn = z.strictObject({
  product: uuidField,
  quantity: quantityIn('positive'),
  unit_cost: moneyIn('nonNegative'),
});
const linesIn = z.array(lineIn).min(1, 'This list may not be empty.').max(500);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const createBody = z.strictObject({
  store: uuidField,
  supplier: uuidField,
  reference: optionalText(100),
  notes: optionalText(2000),
  status: z
    .enum(['ordered', 'received'])
    .optional()
    .meta({ description: '"ordered" (default) or "received": creating as received books the stock at once' }),
  details: linesIn,
});
const patchBody = z.strictObject({
  supplier: uuidField.optional(),
  reference: optionalText(100),
  notes: optionalText(2000),
  details: linesIn
    .optional()
    .meta({ description: 'Replaces every line (ordered and unpaid purchases only)' }),
});
const decisionBody = z.strictObject({ reason: z.string().trim().max(500).optional() }).nullish();

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const purchaseheadersRoutes: RouteModule = (app, ctx) => {
  /** Loads, locks, changes and audits one purchase in a transaction; returns its new representation. */
  const mutate = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    action: string,
    reason: string | undefined,
    change: (tx: Tx, purchase: Purchase) => Promise<void>,
  ): Promise<PurchaseOut> => {
    const actor = { userId: currentUser(request).id, requestId: request.id };
    const storeIds = await requestStoreIds(request, ctx.db);
    return withTransaction(ctx.db, async (tx) => {
      const purchase = await findPurchase(tx, request.params.id, storeIds, true);
      const before = toApiPurchase(purchase);
      await change(tx, purchase);
      const after = toApiPurchase(await findPurchase(tx, purchase.header.id, storeIds));
      await writeAudit(tx, actor, {
        action,
        modelName: 'purchase_header',
        objectId: purchase.header.id,
        storeId: purchase.header.storeId,
        reason: reason ?? null,
        before,
        after,
      });
      return after;
    });
  };

  app.route({
    method: 'GET',
    url: '/api/purchaseheaders/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Purchases of your stores, newest first',
      querystring: z.object({
        ...pageQuery,
        store: uuidField.optional(),
        supplier: uuidField.optional(),
        status: z.enum(PURCHASE_STATUSES).optional(),
        search: z.string().trim().max(100).optional().meta({ description: 'In the reference' }),
      }),
      response: { 200: pageOf(purchaseOut) },
    },
    handler: async (request) => {
      const q = request.query;
      const filters: SQL[] = [inArray(purchaseHeaders.storeId, await requestStoreIds(request, ctx.db))];
      if (q.store) filters.push(eq(purchaseHeaders.storeId, q.store));
      if (q.supplier) filters.push(eq(purchaseHeaders.supplierId, q.supplier));
      if (q.status) filters.push(eq(purchaseHeaders.status, q.status));
      if (q.search) filters.push(like(purchaseHeaders.reference, `%${escapeLike(q.search)}%`));
      const where = and(...filters);
      const withLines = async (headers: (typeof purchaseHeaders.$inferSelect)[]) => {
        const details = await loadDetails(
          ctx.db,
          headers.map((h) => h.id),
        );
        return headers.map((header) => ({ header, details: details.get(header.id) ?? [] }));
      };
      return paginate(
        request,
        q,
        pageWith(newestFirst(ctx.db, purchaseHeaders, where), withLines),
        toApiPurchase,
      );
    },
  });

  app.route({
    method: 'GET',
    url: '/api/purchaseheaders/:id/',
    config: { permission: 'manager' },
    schema: { summary: 'One purchase with its lines', params: idParams, response: { 200: purchaseOut } },
    handler: async (request) =>
      toApiPurchase(await findPurchase(ctx.db, request.params.id, await requestStoreIds(request, ctx.db))),
  });

  app.route({
    method: 'POST',
    url: '/api/purchaseheaders/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Order (or directly receive) goods from a supplier',
      body: createBody,
      response: { 201: purchaseOut },
    },
    handler: async (request, reply) => {
      const body = request.body;
      const actor = { userId: currentUser(request).id, requestId: request.id };
      await requireStoreAccess(request, ctx.db, body.store, 'store');
      const created = await withTransaction(ctx.db, async (tx) => {
        const id = await createPurchase(tx, actor.userId, {
          storeId: body.store,
          supplierId: body.supplier,
          reference: body.reference ?? null,
          notes: body.notes ?? null,
          lines: body.details,
        });
        if (body.status === 'received') {
          await receivePurchase(tx, actor, await findPurchase(tx, id, [body.store], true));
        }
        const after = toApiPurchase(await findPurchase(tx, id, [body.store]));
        await writeAudit(tx, actor, {
          action: 'create',
          modelName: 'purchase_header',
          objectId: id,
          storeId: body.store,
          after,
        });
        return after;
      });
      return reply.code(201).send(created);
    },
  });

  app.route({
    method: 'PATCH',
    url: '/api/purchaseheaders/:id/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Change a purchase (supplier and lines only while ordered and unpaid)',
      params: idParams,
      body: patchBody,
      response: { 200: purchaseOut },
    },
    handler: (request) =>
      mutate(request, 'update', undefined, (tx, purchase) =>
        changePurchase(tx, purchase, {
          supplierId: request.body.supplier,
          reference: request.body.reference,
          notes: request.body.notes,
          lines: request.body.details,
        }),
      ),
  });

  app.route({
    method: 'DELETE',
    url: '/api/purchaseheaders/:id/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Cancel an ordered, unpaid purchase (it stays on record as "cancelled")',
      params: idParams,
      response: { 204: z.undefined() },
    },
    handler: async (request, reply) => {
      await mutate(request, 'cancel', undefined, cancelPurchase);
      return reply.code(204).send();
    },
  });

  app.route({
    method: 'POST',
    url: '/api/purchaseheaders/:id/receive/',
    config: { permission: 'manager' },
    schema: {
      summary: 'Receive the goods: books every line into stock and adds the total to the supplier balance',
      description: 'Exactly once: receiving a purchase that is already received (or cancelled) is a 400.',
      params: idParams,
      body: decisionBody,
      response: { 200: purchaseOut },
    },
    handler: (request) =>
      mutate(request, 'receive', request.body?.reason, (tx, purchase) =>
        receivePurchase(tx, { userId: currentUser(request).id, requestId: request.id }, purchase),
      ),
  });
};
