// Tenancy: a user sees only the stores they belong to (store_members); an owner belongs to the stores
// they created. Every store-scoped query filters by these ids.
import { and, eq, inArray } from 'drizzle-orm';
import type { MySqlColumn, MySqlTable } from 'drizzle-orm/mysql-core';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import { storeMembers } from '../db/schema/users.js';
import { fieldError, invalidPk, notAuthenticated, notFound } from '../http/errors.js';
import type { AuthUser } from '../http/types.js';

/** The ids of the stores `user` belongs to. */
export async function userStoreIds(db: Db, user: Pick<AuthUser, 'id'>): Promise<string[]> {
  const rows = await db
    .select({ storeId: storeMembers.storeId })
    .from(storeMembers)
    .where(eq(storeMembers.userId, user.id));
  return rows.map((r) => r.storeId);
}

const cache = new WeakMap<FastifyRequest, Promise<string[]>>();

/** The caller's store ids, looked up once per request (the auth hook hands them over with the user). */
export function requestStoreIds(request: FastifyRequest, db: Db): Promise<string[]> {
  let found = cache.get(request);
  if (!found) {
    if (!request.user) throw notAuthenticated();
    found = userStoreIds(db, request.user);
    cache.set(request, found);
  }
  return found;
}

/** Store ids of the signed-in user read along with them (http/permissions.ts): no second query. */
export function rememberStoreIds(request: FastifyRequest, ids: string[]): void {
  cache.set(request, Promise.resolve(ids));
}

/** Forget the cached ids (after the request itself changed memberships). */
export function forgetStoreIds(request: FastifyRequest): void {
  cache.delete(request);
}

/**
 * Refuses a store the caller does not belong to: as a 400 on `field` when the id came in a body or
 * query field ({"store": ["Invalid pk ..."]}), else 404 (the store is not visible to them).
 */
export async function requireStoreAccess(
  request: FastifyRequest,
  db: Db,
  storeId: string,
  field?: string,
): Promise<void> {
  const ids = await requestStoreIds(request, db);
  if (ids.includes(storeId)) return;
  throw field ? fieldError(field, invalidPk(storeId)) : notFound();
}

type StoreScopedTable = MySqlTable & { id: MySqlColumn; storeId: MySqlColumn };

/** Row `id` of `table` when it belongs to one of the caller's stores, else 404 (not visible to them). */
export async function visibleRow<T extends StoreScopedTable>(
  request: FastifyRequest,
  db: Db,
  table: T,
  id: string,
): Promise<T['$inferSelect']> {
  const storeIds = await requestStoreIds(request, db);
  const [row] = await db
    .select()
    .from(table)
    .where(and(eq(table.id, id), inArray(table.storeId, storeIds)));
  if (!row) throw notFound();
  return row;
}
