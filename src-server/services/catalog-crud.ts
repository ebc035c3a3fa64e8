// One catalog resource's six routes (list, retrieve, create, replace, change, delete) from a spec, for the
// simple business-wide tables (clients, suppliers, units, categories) and store-scoped terminals. Every
// write runs in one retried transaction with its audit row; DELETE removes the row, or answers 409 when
// other records still use it (deactivate it instead, as stores do).
import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { MySqlColumn, MySqlTable } from 'drizzle-orm/mysql-core';
import { z } from 'zod';
import type { PullEntity } from '../../src-shared/contract/sync.js';
import { writeAudit } from '../db/audit.js';
import { isDuplicateKey } from '../db/errors.js';
import { withTransaction, type Tx } from '../db/transaction.js';
import { fieldError, notFound } from '../http/errors.js';
import { idParams } from '../http/fields.js';
import { paginate, pageOf } from '../http/pagination.js';
import { currentUser } from '../http/permissions.js';
import type { ApiApp, AppContext, Permission } from '../http/types.js';
import { rethrowInUse } from './catalog-common.js';
import { noteChanges } from './sync-changes.js';

interface PageParams {
  page: number;
  page_size: number;
}

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

export interface CrudSpec<Row extends { id: string }, Out, Write, Query extends PageParams> {
  /** The list URL, e.g. "/api/clients/"; the detail URL appends ":id/". */
  url: string;
  /** Audit model name, snake_case singular ("client"). */
  modelName: string;
  /** For summaries: "client" / "clients". */
  noun: string;
  plural: string;
  table: MySqlTable;
  id: MySqlColumn;
  /** List order (the id is appended). */
  orderBy: readonly MySqlColumn[];
  out: z.ZodType<Out>;
  toApi: (row: Row) => Out;
  /** POST and PUT body (required fields required); PATCH uses `patch`. */
  body: z.ZodType<Write>;
  patch: z.ZodType<Partial<Write>>;
  query: z.ZodType<Query>;
  filters: (query: Query) => SQL[];
  /** Table columns (camelCase keys) for the given fields. */
  columns: (body: Partial<Write>) => Record<string, unknown>;
  /** Cross-row rules (references, cycles, scope); `current` is null on create. Throw field errors. */
  validate?: (tx: Tx, request: FastifyRequest, body: Partial<Write>, current: Row | null) => Promise<void>;
  /** Unique indexes → the field error their violation means. */
  unique?: readonly { index: string; field: string; message: string }[];
  /** Rows the caller may see (e.g. their stores' terminals); undefined = all. */
  visible?: (request: FastifyRequest) => Promise<SQL | undefined>;
  /** The store an audit entry belongs to, if any. */
  storeIdOf?: (row: Row) => string | null;
  /** Refuse a delete with a 409 before trying (e.g. a category with subcategories). */
  beforeDelete?: (tx: Tx, row: Row) => Promise<void>;
  /** 409 detail when other records still reference the row. */
  inUse: string;
  read: Permission;
  write: Permission;
  /** The entity the tills pull for this table (business-wide: every store sees it); none if not pulled. */
  pulled?: PullEntity;
}

export function registerCrud<Row extends { id: string }, Out, Write, Query extends PageParams>(
  app: ApiApp,
  ctx: AppContext,
  spec: CrudSpec<Row, Out, Write, Query>,
): void {
  const detailUrl = `${spec.url}:id/`;
  // (a generic output type would leave fastify's reply type unresolved)
  const out: z.ZodType = spec.out;
  const order = [...spec.orderBy.map((c) => asc(c)), asc(spec.id)];

  const rethrowUnique = (error: unknown): never => {
    for (const u of spec.unique ?? []) {
      if (isDuplicateKey(error, u.index)) throw fieldError(u.field, u.message);
    }
    throw error;
  };

  const scope = async (request: FastifyRequest, extra: SQL[]): Promise<SQL | undefined> => {
    const visible = spec.visible ? await spec.visible(request) : undefined;
    return and(...(visible ? [visible] : []), ...extra);
  };

  const find = async (db: AppContext['db'] | Tx, request: IdRequest, lock: boolean): Promise<Row> => {
    const where = await scope(request, [eq(spec.id, request.params.id)]);
    const query = db.select().from(spec.table).where(where).limit(1);
    const [row] = (lock ? await query.for('update') : await query) as unknown as Row[];
    if (!row) throw notFound();
    return row;
  };

  const reread = async (tx: Tx, id: string): Promise<Row> => {
    const [row] = (await tx.select().from(spec.table).where(eq(spec.id, id))) as unknown as Row[];
    if (!row) throw notFound();
    return row;
  };

  app.route({
    method: 'GET',
    url: spec.url,
    config: { permission: spec.read },
    schema: { summary: `List ${spec.plural}`, querystring: spec.query, response: { 200: pageOf(spec.out) } },
    handler: async (request) => {
      const query = request.query as Query;
      const where = await scope(request, spec.filters(query));
      return paginate(
        request,
        query,
        {
          count: async () => (await ctx.db.select({ n: count() }).from(spec.table).where(where))[0]?.n ?? 0,
          rows: async (limit, offset) =>
            (await ctx.db
              .select()
              .from(spec.table)
              .where(where)
              .orderBy(...order)
              .limit(limit)
              .offset(offset)) as unknown as Row[],
        },
        spec.toApi,
      );
    },
  });

  app.route({
    method: 'GET',
    url: detailUrl,
    config: { permission: spec.read },
    schema: { summary: `One ${spec.noun}`, params: idParams, response: { 200: out } },
    handler: async (request) => spec.toApi(await find(ctx.db, request, false)),
  });

  app.route({
    method: 'POST',
    url: spec.url,
    config: { permission: spec.write },
    schema: { summary: `Create a ${spec.noun}`, body: spec.body, response: { 201: out } },
    handler: async (request, reply) => {
      const actor = currentUser(request);
      const body = request.body as Write;
      const created = await withTransaction(ctx.db, async (tx) => {
        await spec.validate?.(tx, request, body, null);
        const [inserted] = (await tx.insert(spec.table).values(spec.columns(body)).$returningId()) as {
          id?: unknown;
        }[];
        const id = inserted?.id;
        if (typeof id !== 'string') throw new Error('insert returned no id');
        const row = await reread(tx, id);
        if (spec.pulled) noteChanges(tx, 'all', spec.pulled, [id]);
        const after = spec.toApi(row);
        await writeAudit(
          tx,
          { userId: actor.id, requestId: request.id },
          {
            action: 'create',
            modelName: spec.modelName,
            objectId: id,
            storeId: spec.storeIdOf?.(row) ?? null,
            after,
          },
        );
        return after;
      }).catch(rethrowUnique);
      return reply.code(201).send(created);
    },
  });

  const update = (request: IdRequest, body: Partial<Write>) => {
    const actor = currentUser(request);
    return withTransaction(ctx.db, async (tx) => {
      const current = await find(tx, request, true);
      await spec.validate?.(tx, request, body, current);
      await tx
        .update(spec.table)
        .set({ ...spec.columns(body), updatedAt: new Date() })
        .where(eq(spec.id, current.id));
      const row = await reread(tx, current.id);
      if (spec.pulled) noteChanges(tx, 'all', spec.pulled, [current.id]);
      const after = spec.toApi(row);
      await writeAudit(
        tx,
        { userId: actor.id, requestId: request.id },
        {
          action: 'update',
          modelName: spec.modelName,
          objectId: current.id,
          storeId: spec.storeIdOf?.(row) ?? null,
          before: spec.toApi(current),
          after,
        },
      );
      return after;
    }).catch(rethrowUnique);
  };

  app.route({
    method: 'PUT',
    url: detailUrl,
    config: { permission: spec.write },
    schema: { summary: `Replace a ${spec.noun}`, params: idParams, body: spec.body, response: { 200: out } },
    handler: (request) => update(request, request.body as Write),
  });

  app.route({
    method: 'PATCH',
    url: detailUrl,
    config: { permission: spec.write },
    schema: {
      summary: `Change some fields of a ${spec.noun}`,
      params: idParams,
      body: spec.patch,
      response: { 200: out },
    },
    handler: (request) => update(request, request.body as Partial<Write>),
  });

  app.route({
    method: 'DELETE',
    url: detailUrl,
    config: { permission: spec.write },
    schema: {
      summary: `Delete a ${spec.noun} nothing refers to (409 otherwise)`,
      params: idParams,
      response: { 204: z.undefined() },
    },
    handler: async (request, reply) => {
      const actor = currentUser(request);
      await withTransaction(ctx.db, async (tx) => {
        const current = await find(tx, request, true);
        await spec.beforeDelete?.(tx, current);
        await tx.delete(spec.table).where(eq(spec.id, current.id));
        if (spec.pulled) noteChanges(tx, 'all', spec.pulled, [current.id], 'delete');
        await writeAudit(
          tx,
          { userId: actor.id, requestId: request.id },
          {
            action: 'delete',
            modelName: spec.modelName,
            objectId: current.id,
            storeId: spec.storeIdOf?.(current) ?? null,
            before: spec.toApi(current),
          },
        );
      }).catch(rethrowInUse(spec.inUse));
      return reply.code(204).send();
    },
  });
}
