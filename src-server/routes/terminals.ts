// /api/terminals/: the tills of a store. Members of a store list and read its tills; managers and owners
// create, change and delete them. A till keeps its store for life (its receipt numbers carry its code).
// Creating a till registers its device (and builds its store's sync change log if this is the store's first
// till, so the till's first pull only reads it): the answer carries `device_secret` (shown once; only a hash is
// kept) and the `epoch` its sync uses. POST …/{id}/register/ registers the device again (new secret, next
// epoch: a reinstalled till's seq restarting at 1 is never a duplicate); POST …/{id}/revoke/ stops it at
// once. The device fields (registered, epoch, revoked, last seen) are read-only through PUT/PATCH.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { newId } from '../../src-shared/domain/ids.js';
import { requestStoreIds, requireStoreAccess } from '../auth/scope.js';
import { writeAudit } from '../db/audit.js';
import { isDuplicateKey } from '../db/errors.js';
import { terminals } from '../db/schema/stores.js';
import { withTransaction } from '../db/transaction.js';
import { fieldError, notFound } from '../http/errors.js';
import {
  idParams,
  queryBool,
  timestampOut,
  toTimestamp,
  toTimestampOrNull,
  uuidField,
} from '../http/fields.js';
import { pageQuery } from '../http/pagination.js';
import { currentUser } from '../http/permissions.js';
import type { AppContext, RouteModule } from '../http/types.js';
import { containsAll, searchQuery } from '../services/catalog-common.js';
import { registerCrud } from '../services/catalog-crud.js';
import { registerDevice, revokeDevice, type DeviceRegistration } from '../services/sync-devices.js';
import { initializeStoreLog } from '../services/sync-pull.js';

export const terminalOut = z.object({
  id: z.uuid(),
  store: z.uuid(),
  code: z.string().meta({ description: 'Prefix of the till\'s receipt numbers, e.g. "T01"' }),
  name: z.string(),
  is_active: z.boolean(),
  is_registered: z.boolean().meta({ description: 'A device is registered for this till and not revoked' }),
  epoch: z.number().int().meta({ description: 'The current registration: bumped by each re-registration' }),
  registered_at: timestampOut.nullable(),
  revoked_at: timestampOut.nullable(),
  last_seen_at: timestampOut.nullable(),
  created_at: timestampOut,
  updated_at: timestampOut,
});
type TerminalRow = typeof terminals.$inferSelect;

export function toApiTerminal(row: TerminalRow): z.infer<typeof terminalOut> {
  return {
    id: row.id,
    store: row.storeId,
    code: row.code,
    name: row.name,
    is_active: row.isActive,
    is_registered: row.deviceSecretHash !== null,
    epoch: row.epoch,
    registered_at: toTimestampOrNull(row.registeredAt),
    revoked_at: toTimestampOrNull(row.revokedAt),
    last_seen_at: toTimestampOrNull(row.lastSeenAt),
    created_at: toTimestamp(row.createdAt),
    updated_at: toTimestamp(row.updatedAt),
  };
}

const terminalBody = z.strictObject({
  store: uuidField,
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{1,10}$/, 'Use 1 to 10 letters or digits, e.g. "T01".'),
  name: z.string().trim().min(1).max(100),
  is_active: z.boolean().optional(),
});
type TerminalWrite = z.infer<typeof terminalBody>;

function columnsOf(body: Partial<TerminalWrite>) {
  return {
    ...(body.store !== undefined && { storeId: body.store }),
    ...(body.code !== undefined && { code: body.code }),
    ...(body.name !== undefined && { name: body.name }),
    ...(body.is_active !== undefined && { isActive: body.is_active }),
  };
}

export const registeredTerminalOut = terminalOut.extend({
  device_secret: z.string().meta({
    description:
      "The till's device secret, shown this once (the cloud keeps only a hash): sync calls send " +
      '"Authorization: Device <terminal id>:<device secret>"',
  }),
});

function registeredOf(registration: DeviceRegistration): z.infer<typeof registeredTerminalOut> {
  return { ...toApiTerminal(registration.terminal), device_secret: registration.deviceSecret };
}

const codeTaken = 'terminal with this code already exists in this store.';

/** POST /api/terminals/: creates the till and registers its device, in one transaction. */
async function createAndRegister(
  ctx: AppContext,
  request: FastifyRequest,
): Promise<z.infer<typeof registeredTerminalOut>> {
  const actor = currentUser(request);
  const body = request.body as TerminalWrite;
  await requireStoreAccess(request, ctx.db, body.store, 'store');
  const registered = await withTransaction(ctx.db, async (tx) => {
    const id = newId();
    await tx.insert(terminals).values({
      id,
      storeId: body.store,
      code: body.code,
      name: body.name,
      ...(body.is_active !== undefined && { isActive: body.is_active }),
    });
    const [row] = await tx.select().from(terminals).where(eq(terminals.id, id));
    if (!row) throw new Error('created terminal not found');
    const who = { userId: actor.id, requestId: request.id };
    await writeAudit(tx, who, {
      action: 'create',
      modelName: 'terminal',
      objectId: row.id,
      storeId: row.storeId,
      after: toApiTerminal(row),
    });
    return registeredOf(await registerDevice(tx, row.id, who));
  }).catch((error: unknown) => {
    throw isDuplicateKey(error, 'terminals_store_code_uq') ? fieldError('code', codeTaken) : error;
  });
  await initializeStoreLog(ctx.db, body.store);
  return registered;
}

/** The terminal `id` if it belongs to one of the caller's stores (else 404). */
async function visibleTerminalId(ctx: AppContext, request: FastifyRequest, id: string): Promise<string> {
  const ids = await requestStoreIds(request, ctx.db);
  const [row] = await ctx.db
    .select({ id: terminals.id })
    .from(terminals)
    .where(and(eq(terminals.id, id), ids.length ? inArray(terminals.storeId, ids) : sql`false`));
  if (!row) throw notFound();
  return row.id;
}

export const terminalsRoutes: RouteModule = (app, ctx) => {
  // The generic create below becomes "create and register": same body, validation and unique-code answer,
  // plus the device secret and epoch in the 201. (This hook sees only this module's routes.)
  app.addHook('onRoute', (route) => {
    if (route.method !== 'POST' || route.url !== '/api/terminals/') return;
    route.schema = {
      ...route.schema,
      summary: 'Create a till and register its device (the device secret is shown once)',
      response: { 201: registeredTerminalOut },
    };
    route.handler = async (request, reply) => reply.code(201).send(await createAndRegister(ctx, request));
  });

  app.route({
    method: 'POST',
    url: '/api/terminals/:id/register/',
    config: { permission: 'manager' },
    schema: {
      summary: "Register the till's device again: a new secret (shown once) and the next epoch",
      description:
        'For a reinstalled till: the old secret stops working, a revoked device is allowed back, and ' +
        "the till's outbox seq restarts at 1 under the new epoch.",
      params: idParams,
      response: { 200: registeredTerminalOut },
    },
    handler: async (request) => {
      const actor = currentUser(request);
      const id = await visibleTerminalId(ctx, request, request.params.id);
      const registration = await withTransaction(ctx.db, (tx) =>
        registerDevice(tx, id, { userId: actor.id, requestId: request.id }),
      );
      await initializeStoreLog(ctx.db, registration.terminal.storeId);
      return registeredOf(registration);
    },
  });

  app.route({
    method: 'POST',
    url: '/api/terminals/:id/revoke/',
    config: { permission: 'manager' },
    schema: {
      summary: "Revoke the till's device at once: its next sync call is a 401 saying so",
      params: idParams,
      response: { 200: terminalOut },
    },
    handler: async (request) => {
      const actor = currentUser(request);
      const id = await visibleTerminalId(ctx, request, request.params.id);
      const row = await withTransaction(ctx.db, (tx) =>
        revokeDevice(tx, id, { userId: actor.id, requestId: request.id }),
      );
      return toApiTerminal(row);
    },
  });

  registerCrud(app, ctx, {
    url: '/api/terminals/',
    modelName: 'terminal',
    noun: 'terminal',
    plural: 'terminals of your stores',
    table: terminals,
    id: terminals.id,
    orderBy: [terminals.storeId, terminals.code],
    out: terminalOut,
    toApi: toApiTerminal,
    body: terminalBody,
    patch: terminalBody.partial(),
    query: z.object({
      ...pageQuery,
      search: searchQuery.meta({ description: 'Code or name' }),
      store: uuidField.optional(),
      is_active: queryBool.optional(),
    }),
    filters: (q) => [
      ...containsAll(q.search, [terminals.code, terminals.name]),
      ...(q.store === undefined ? [] : [eq(terminals.storeId, q.store)]),
      ...(q.is_active === undefined ? [] : [eq(terminals.isActive, q.is_active)]),
    ],
    columns: columnsOf,
    visible: async (request) => {
      const ids = await requestStoreIds(request, ctx.db);
      return ids.length ? inArray(terminals.storeId, ids) : sql`false`;
    },
    validate: async (_tx, request, body, current) => {
      if (current === null) {
        if (body.store !== undefined) await requireStoreAccess(request, ctx.db, body.store, 'store');
      } else if (body.store !== undefined && body.store !== current.storeId) {
        throw fieldError('store', 'The store of a terminal cannot be changed.');
      }
    },
    unique: [
      {
        index: 'terminals_store_code_uq',
        field: 'code',
        message: codeTaken,
      },
    ],
    storeIdOf: (row) => row.storeId,
    inUse:
      'This terminal has cash sessions or sales and cannot be deleted; deactivate it instead (is_active: false).',
    read: 'employee',
    write: 'manager',
  });
};
