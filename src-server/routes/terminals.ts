// /api/terminals/: the tills of a store. Members of a store list and read its tills; managers and owners
// create, change and delete them. A till keeps its store for life (its receipt numbers carry its code).
// Registering a device (its secret, epoch, last seen) is the sync issue's: those fields are read-only here.
import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { requestStoreIds, requireStoreAccess } from '../auth/scope.js';
import { terminals } from '../db/schema/stores.js';
import { fieldError } from '../http/errors.js';
import { queryBool, timestampOut, toTimestamp, toTimestampOrNull, uuidField } from '../http/fields.js';
import { pageQuery } from '../http/pagination.js';
import type { RouteModule } from '../http/types.js';
import { containsAll, searchQuery } from '../services/catalog-common.js';
import { registerCrud } from '../services/catalog-crud.js';

export const terminalOut = z.object({
  id: z.uuid(),
  store: z.uuid(),
  code: z.string().meta({ description: 'Prefix of the till\'s receipt numbers, e.g. "T01"' }),
  name: z.string(),
  is_active: z.boolean(),
  is_registered: z.boolean().meta({ description: 'A device has been registered for this till (read-only)' }),
  registered_at: timestampOut.nullable(),
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
    registered_at: toTimestampOrNull(row.registeredAt),
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

export const terminalsRoutes: RouteModule = (app, ctx) => {
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
        message: 'terminal with this code already exists in this store.',
      },
    ],
    storeIdOf: (row) => row.storeId,
    inUse:
      'This terminal has cash sessions or sales and cannot be deleted; deactivate it instead (is_active: false).',
    read: 'employee',
    write: 'manager',
  });
};
