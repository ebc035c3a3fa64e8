// /api/stores/: the shops of this business. Everyone sees the stores they belong to; owners create,
// change and delete them (the creator becomes a member).
import { and, asc, count, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { currencyInfo } from '../../src-shared/domain/money.js';
import { forgetStoreIds, requestStoreIds } from '../auth/scope.js';
import { writeAudit } from '../db/audit.js';
import { isDuplicateKey } from '../db/errors.js';
import { receiptCounters, stores } from '../db/schema/stores.js';
import { storeMembers } from '../db/schema/users.js';
import { withTransaction } from '../db/transaction.js';
import { fieldError, notFound } from '../http/errors.js';
import {
  idParams,
  moneyIn,
  moneyOut,
  queryBool,
  timestampOut,
  toMoney,
  toTimestamp,
} from '../http/fields.js';
import { pageOf, pageQuery, paginate } from '../http/pagination.js';
import { currentUser } from '../http/permissions.js';
import type { AppContext, RouteModule } from '../http/types.js';
import { noteChanges } from '../services/sync-changes.js';

export const storeOut = z.object({
  id: z.uuid(),
  name: z.string(),
  code: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  kra_pin: z.string().nullable(),
  currency: z.string(),
  prices_include_tax: z.boolean(),
  cash_rounding_step: moneyOut,
  receipt_footer: z.string().nullable(),
  is_active: z.boolean(),
  created_at: timestampOut,
  updated_at: timestampOut,
});
type StoreRow = typeof stores.$inferSelect;

export function toApiStore(row: StoreRow): z.infer<typeof storeOut> {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    address: row.address,
    phone: row.phone,
    kra_pin: row.kraPin,
    currency: row.currency,
    prices_include_tax: row.pricesIncludeTax,
    cash_rounding_step: toMoney(row.cashRoundingStep),
    receipt_footer: row.receiptFooter,
    is_active: row.isActive,
    created_at: toTimestamp(row.createdAt),
    updated_at: toTimestamp(row.updatedAt),
  };
}

const nullableText = (max: number) => z.string().trim().max(max).nullable().optional();
const storeFields = {
  name: z.string().trim().min(1).max(150),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,20}$/, 'Use 1 to 20 letters, digits or dashes.'),
  address: nullableText(255),
  phone: nullableText(20),
  kra_pin: nullableText(20),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((c) => {
      try {
        currencyInfo(c);
        return true;
      } catch {
        return false;
      }
    }, 'Unsupported currency.')
    .optional(),
  prices_include_tax: z.boolean().optional(),
  cash_rounding_step: moneyIn('nonNegative').optional(),
  receipt_footer: nullableText(500),
  is_active: z.boolean().optional(),
};
const storeBody = z.strictObject(storeFields);
const storePatch = storeBody.partial();
type StoreWrite = z.infer<typeof storePatch>;

const DUPLICATE_CODE = 'store with this code already exists.';

function columnsOf(body: StoreWrite) {
  return {
    ...(body.name !== undefined && { name: body.name }),
    ...(body.code !== undefined && { code: body.code }),
    ...(body.address !== undefined && { address: body.address }),
    ...(body.phone !== undefined && { phone: body.phone }),
    ...(body.kra_pin !== undefined && { kraPin: body.kra_pin }),
    ...(body.currency !== undefined && { currency: body.currency }),
    ...(body.prices_include_tax !== undefined && { pricesIncludeTax: body.prices_include_tax }),
    ...(body.cash_rounding_step !== undefined && { cashRoundingStep: body.cash_rounding_step }),
    ...(body.receipt_footer !== undefined && { receiptFooter: body.receipt_footer }),
    ...(body.is_active !== undefined && { isActive: body.is_active }),
  };
}

const rethrowDuplicateCode = (error: unknown): never => {
  throw isDuplicateKey(error, 'stores_code_uq') ? fieldError('code', DUPLICATE_CODE) : error;
};

async function visibleStore(request: FastifyRequest, ctx: AppContext, id: string): Promise<StoreRow> {
  const ids = await requestStoreIds(request, ctx.db);
  if (!ids.includes(id)) throw notFound();
  const [row] = await ctx.db.select().from(stores).where(eq(stores.id, id));
  if (!row) throw notFound();
  return row;
}

export const storesRoutes: RouteModule = (app, ctx) => {
  app.route({
    method: 'GET',
    url: '/api/stores/',
    config: { permission: 'authenticated' },
    schema: {
      summary: 'The stores you belong to',
      querystring: z.object({
        ...pageQuery,
        search: z.string().trim().max(100).optional(),
        is_active: queryBool.optional(),
      }),
      response: { 200: pageOf(storeOut) },
    },
    handler: async (request) => {
      const ids = await requestStoreIds(request, ctx.db);
      const q = request.query;
      const filters: SQL[] = [inArray(stores.id, ids)];
      if (q.search) {
        const pattern = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        const found = or(like(stores.name, pattern), like(stores.code, pattern));
        if (found) filters.push(found);
      }
      if (q.is_active !== undefined) filters.push(eq(stores.isActive, q.is_active));
      const where = and(...filters);
      return paginate(
        request,
        q,
        {
          count: async () => (await ctx.db.select({ n: count() }).from(stores).where(where))[0]?.n ?? 0,
          rows: (limit, offset) =>
            ctx.db
              .select()
              .from(stores)
              .where(where)
              .orderBy(asc(stores.name), asc(stores.id))
              .limit(limit)
              .offset(offset),
        },
        toApiStore,
      );
    },
  });

  app.route({
    method: 'GET',
    url: '/api/stores/:id/',
    config: { permission: 'authenticated' },
    schema: { summary: 'One of your stores', params: idParams, response: { 200: storeOut } },
    handler: async (request) => toApiStore(await visibleStore(request, ctx, request.params.id)),
  });

  app.route({
    method: 'POST',
    url: '/api/stores/',
    config: { permission: 'owner' },
    schema: { summary: 'Open a store (you become a member)', body: storeBody, response: { 201: storeOut } },
    handler: async (request, reply) => {
      const actor = currentUser(request);
      const created = await withTransaction(ctx.db, async (tx) => {
        const [taken] = await tx
          .select({ id: stores.id })
          .from(stores)
          .where(eq(stores.code, request.body.code));
        if (taken) throw fieldError('code', DUPLICATE_CODE);
        const [row] = await tx
          .insert(stores)
          .values({
            name: request.body.name,
            code: request.body.code,
            ...columnsOf(request.body),
            createdBy: actor.id,
          })
          .$returningId();
        if (!row) throw new Error('insert returned no id');
        await tx.insert(storeMembers).values({ storeId: row.id, userId: actor.id });
        await tx.insert(receiptCounters).values({ storeId: row.id });
        const [saved] = await tx.select().from(stores).where(eq(stores.id, row.id));
        if (!saved) throw new Error('created store not found');
        const out = toApiStore(saved);
        await writeAudit(
          tx,
          { userId: actor.id, requestId: request.id },
          { action: 'create', modelName: 'store', objectId: row.id, storeId: row.id, after: out },
        );
        return out;
      }).catch(rethrowDuplicateCode);
      forgetStoreIds(request);
      return reply.code(201).send(created);
    },
  });

  const update = async (request: FastifyRequest<{ Params: { id: string } }>, body: StoreWrite) => {
    const actor = currentUser(request);
    const current = await visibleStore(request, ctx, request.params.id);
    return withTransaction(ctx.db, async (tx) => {
      if (body.code !== undefined && body.code !== current.code) {
        const [taken] = await tx.select({ id: stores.id }).from(stores).where(eq(stores.code, body.code));
        if (taken) throw fieldError('code', DUPLICATE_CODE);
      }
      await tx
        .update(stores)
        .set({ ...columnsOf(body), updatedAt: new Date() })
        .where(eq(stores.id, current.id));
      noteChanges(tx, [current.id], 'store_settings', [current.id]);
      const [saved] = await tx.select().from(stores).where(eq(stores.id, current.id));
      if (!saved) throw notFound();
      const after = toApiStore(saved);
      await writeAudit(
        tx,
        { userId: actor.id, requestId: request.id },
        {
          action: 'update',
          modelName: 'store',
          objectId: current.id,
          storeId: current.id,
          before: toApiStore(current),
          after,
        },
      );
      return after;
    }).catch(rethrowDuplicateCode);
  };

  app.route({
    method: 'PUT',
    url: '/api/stores/:id/',
    config: { permission: 'owner' },
    schema: { summary: 'Replace a store', params: idParams, body: storeBody, response: { 200: storeOut } },
    handler: (request) => update(request, request.body),
  });

  app.route({
    method: 'PATCH',
    url: '/api/stores/:id/',
    config: { permission: 'owner' },
    schema: {
      summary: 'Change some fields of a store',
      params: idParams,
      body: storePatch,
      response: { 200: storeOut },
    },
    handler: (request) => update(request, request.body),
  });

  app.route({
    method: 'DELETE',
    url: '/api/stores/:id/',
    config: { permission: 'owner' },
    schema: {
      summary: 'Delete a store that has no records yet (409 otherwise: deactivate it instead)',
      params: idParams,
      response: { 204: z.undefined() },
    },
    handler: async (request, reply) => {
      const actor = currentUser(request);
      const current = await visibleStore(request, ctx, request.params.id);
      await withTransaction(ctx.db, async (tx) => {
        await tx.delete(storeMembers).where(eq(storeMembers.storeId, current.id));
        await tx.delete(receiptCounters).where(eq(receiptCounters.storeId, current.id));
        await tx.delete(stores).where(eq(stores.id, current.id));
        await writeAudit(
          tx,
          { userId: actor.id, requestId: request.id },
          { action: 'delete', modelName: 'store', objectId: current.id, before: toApiStore(current) },
        );
      });
      forgetStoreIds(request);
      return reply.code(204).send();
    },
  });
};
