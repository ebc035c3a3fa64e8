// Users: the API representation, visibility (tenancy) and membership writes, used by routes/users.ts.
import { and, asc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Role } from '../../src-shared/contract/common.js';
import type { Db } from '../db/client.js';
import { storeMembers, users } from '../db/schema/users.js';
import type { Tx } from '../db/transaction.js';
import { timestampOut, toTimestamp, toTimestampOrNull, uuidField } from '../http/fields.js';

export const userOut = z.object({
  id: z.uuid(),
  phone_number: z.string(),
  name: z.string(),
  role: z.enum(['owner', 'manager', 'employee']),
  is_active: z.boolean(),
  stores: z.array(z.uuid()).meta({ description: 'Ids of the stores the user belongs to' }),
  has_pin: z.boolean(),
  last_login: timestampOut.nullable(),
  created_at: timestampOut,
  updated_at: timestampOut,
});
export type UserOut = z.infer<typeof userOut>;

export type UserRow = typeof users.$inferSelect;

export function toApiUser(row: UserRow, stores: string[]): UserOut {
  return {
    id: row.id,
    phone_number: row.phoneNumber,
    name: row.name,
    role: row.role,
    is_active: row.isActive,
    stores,
    has_pin: row.pinHash !== null,
    last_login: toTimestampOrNull(row.lastLogin),
    created_at: toTimestamp(row.createdAt),
    updated_at: toTimestamp(row.updatedAt),
  };
}

/** Store ids per user, for a batch of users. */
export async function membershipsOf(db: Db | Tx, userIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return result;
  const rows = await db
    .select({ userId: storeMembers.userId, storeId: storeMembers.storeId })
    .from(storeMembers)
    .where(inArray(storeMembers.userId, userIds))
    .orderBy(asc(storeMembers.storeId));
  for (const r of rows) result.get(r.userId)?.push(r.storeId);
  return result;
}

/** Users `viewer` may see: themselves, those they created, and members of any store they belong to. */
export function visibleUsers(viewerId: string, viewerStoreIds: string[]): SQL {
  const conditions: SQL[] = [eq(users.id, viewerId), eq(users.createdBy, viewerId)];
  if (viewerStoreIds.length) {
    conditions.push(
      inArray(
        users.id,
        sql`(select ${storeMembers.userId} from ${storeMembers} where ${inArray(storeMembers.storeId, viewerStoreIds)})`,
      ),
    );
  }
  return or(...conditions) ?? sql`false`;
}

export interface UserFilters {
  search?: string | undefined;
  role?: Role | undefined;
  is_active?: boolean | undefined;
  store?: string | undefined;
}

export function userFilters(f: UserFilters): SQL[] {
  const where: SQL[] = [];
  if (f.search) {
    const pattern = `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const found = or(like(users.name, pattern), like(users.phoneNumber, pattern));
    if (found) where.push(found);
  }
  if (f.role) where.push(eq(users.role, f.role));
  if (f.is_active !== undefined) where.push(eq(users.isActive, f.is_active));
  if (f.store) {
    where.push(
      inArray(
        users.id,
        sql`(select ${storeMembers.userId} from ${storeMembers} where ${eq(storeMembers.storeId, f.store)})`,
      ),
    );
  }
  return where;
}

export async function findVisibleUser(db: Db | Tx, id: string, visible: SQL): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), visible))
    .limit(1);
  return row;
}

/**
 * Sets the user's memberships among `manageable` stores to exactly `wanted` (memberships in stores the
 * editor does not belong to are left alone).
 */
export async function setMemberships(
  tx: Tx,
  userId: string,
  wanted: string[],
  manageable: string[],
): Promise<void> {
  const keep = new Set(wanted);
  const removable = manageable.filter((s) => !keep.has(s));
  if (removable.length) {
    await tx
      .delete(storeMembers)
      .where(and(eq(storeMembers.userId, userId), inArray(storeMembers.storeId, removable)));
  }
  const existing = new Set(
    (
      await tx
        .select({ storeId: storeMembers.storeId })
        .from(storeMembers)
        .where(eq(storeMembers.userId, userId))
    ).map((r) => r.storeId),
  );
  const added = [...keep].filter((s) => !existing.has(s));
  if (added.length) await tx.insert(storeMembers).values(added.map((storeId) => ({ storeId, userId })));
}

export const storesField = z.array(uuidField).max(100);
