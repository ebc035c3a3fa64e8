// Who hears about a store's problems (stock alerts, quarantined till events): its active managers and owners.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { storeMembers, users } from '../db/schema/users.js';
import type { Tx } from '../db/transaction.js';

/** The active managers and owners of each of `storeIds`, in user-id order. */
export async function storeManagers(
  tx: Tx,
  storeIds: readonly string[],
): Promise<{ storeId: string; id: string }[]> {
  if (storeIds.length === 0) return [];
  return tx
    .select({ storeId: storeMembers.storeId, id: users.id })
    .from(storeMembers)
    .innerJoin(users, eq(users.id, storeMembers.userId))
    .where(
      and(
        inArray(storeMembers.storeId, [...storeIds]),
        inArray(users.role, ['manager', 'owner']),
        eq(users.isActive, true),
      ),
    )
    .orderBy(asc(users.id));
}
