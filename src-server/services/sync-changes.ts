// The per-store change log the tills pull (DESIGN.md "Sync" → Pull). Every write path that changes something a
// till replicates notes it here inside its transaction; flushChanges allocates the versions at the end of the
// transaction under the store's locked counter row, so versions become visible in commit order: a transaction
// that takes version v holds the counter row until it commits, so every version below v is committed (or was
// never taken) before v can be read. withTransaction (db/transaction.ts) flushes whatever is still noted
// before it commits, so a write path that forgets to flush cannot lose a change.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { PullEntity } from '../../src-shared/contract/sync.js';
import { stores } from '../db/schema/stores.js';
import { syncChanges, syncStoreVersions } from '../db/schema/sync.js';
import { storeMembers, users } from '../db/schema/users.js';
import type { Tx } from '../db/transaction.js';

/** Which stores see a change: the listed ones, or every store of the deployment (business-wide catalog). */
export type ChangeScope = readonly string[] | 'all';

type Op = 'upsert' | 'delete';

/** "entity\u0000id" → op, in the order noted (a later note of the same entity replaces the op). */
type Changes = Map<string, Op>;

interface Pending {
  all: Changes;
  byStore: Map<string, Changes>;
}

/**
 * The changes noted per top-level transaction. Keyed by drizzle's session object, which is created for each
 * top-level transaction and shared by its savepoints (tx.transaction), so a change noted in a savepoint is
 * flushed with its transaction. (A change noted in a savepoint that rolls back stays noted: harmless, the pull
 * sends the entity as it is then — or as deleted when it does not exist.) A retried transaction has a new
 * session, so nothing noted by a rolled-back attempt survives.
 */
const pending = new WeakMap<object, Pending>();

function keyOf(tx: Tx): object {
  return (tx as unknown as { session?: object }).session ?? tx;
}

const SEP = '\u0000';

/** Notes, in `tx`, that entities changed; nothing is written until flushChanges (or the commit). */
export function noteChanges(
  tx: Tx,
  scope: ChangeScope,
  entity: PullEntity,
  ids: readonly string[],
  op: Op = 'upsert',
): void {
  if (ids.length === 0 || (scope !== 'all' && scope.length === 0)) return;
  const key = keyOf(tx);
  let p = pending.get(key);
  if (!p) {
    p = { all: new Map(), byStore: new Map() };
    pending.set(key, p);
  }
  const targets: Changes[] = [];
  if (scope === 'all') targets.push(p.all);
  else {
    for (const storeId of scope) {
      let changes = p.byStore.get(storeId);
      if (!changes) {
        changes = new Map();
        p.byStore.set(storeId, changes);
      }
      targets.push(changes);
    }
  }
  for (const changes of targets) {
    for (const id of ids) {
      const k = entity + SEP + id;
      changes.delete(k); // re-noted: its version follows the later note
      changes.set(k, op);
    }
  }
}

/** Forgets what `tx` noted (its transaction rolled back). */
export function discardChanges(tx: Tx): void {
  pending.delete(keyOf(tx));
}

/** Whether `tx` has changes noted and not flushed yet. */
export function hasPendingChanges(tx: Tx): boolean {
  return pending.has(keyOf(tx));
}

/** Rows per multi-row INSERT into the log. */
const CHUNK = 2000;

/**
 * Creates the counter rows of `storeIds` if missing and locks them, in store-id order; returns each one's
 * version and whether its log was initialised.
 */
export async function lockStoreCounters(
  tx: Tx,
  storeIds: readonly string[],
): Promise<Map<string, { version: number; initialized: boolean }>> {
  const sorted = [...new Set(storeIds)].sort();
  const now = new Date();
  for (let i = 0; i < sorted.length; i += CHUNK) {
    // A no-op update on an existing row; it takes the rows' exclusive locks in id order.
    await tx
      .insert(syncStoreVersions)
      .values(
        sorted
          .slice(i, i + CHUNK)
          .map((storeId) => ({ storeId, version: 0, initialized: false, updatedAt: now })),
      )
      .onDuplicateKeyUpdate({ set: { storeId: sql`${syncStoreVersions.storeId}` } });
  }
  const rows = await tx
    .select({
      storeId: syncStoreVersions.storeId,
      version: syncStoreVersions.version,
      initialized: syncStoreVersions.initialized,
    })
    .from(syncStoreVersions)
    .where(inArray(syncStoreVersions.storeId, sorted))
    .orderBy(asc(syncStoreVersions.storeId))
    .for('update');
  return new Map(rows.map((r) => [r.storeId, { version: r.version, initialized: r.initialized }]));
}

/**
 * Writes the changes noted in `tx`: locks the counter row of each store concerned (in id order), takes
 * consecutive versions and upserts the log rows. Returns each touched store's head version after the flush.
 * Call it last in the transaction, so the counter lock is held only until the commit that follows.
 */
export async function flushChanges(tx: Tx): Promise<Map<string, number>> {
  const key = keyOf(tx);
  const p = pending.get(key);
  const heads = new Map<string, number>();
  if (!p) return heads;
  pending.delete(key);

  const storeIds = new Set(p.byStore.keys());
  if (p.all.size > 0) {
    for (const s of await tx.select({ id: stores.id }).from(stores)) storeIds.add(s.id);
  }
  if (storeIds.size === 0) return heads;
  const counters = await lockStoreCounters(tx, [...storeIds]);

  const now = new Date();
  const logRows: (typeof syncChanges.$inferInsert)[] = [];
  const counterRows: (typeof syncStoreVersions.$inferInsert)[] = [];
  for (const storeId of [...storeIds].sort()) {
    const counter = counters.get(storeId);
    if (!counter) throw new Error(`sync counter of store ${storeId} missing after upsert`);
    // Store-specific notes after the business-wide ones; a key in both keeps its store-specific op.
    const changes = new Map(p.all);
    for (const [k, op] of p.byStore.get(storeId) ?? []) {
      changes.delete(k);
      changes.set(k, op);
    }
    let version = counter.version;
    for (const [k, op] of changes) {
      const at = k.indexOf(SEP);
      version += 1;
      logRows.push({
        storeId,
        entity: k.slice(0, at),
        entityId: k.slice(at + 1),
        version,
        op,
        changedAt: now,
      });
    }
    heads.set(storeId, version);
    counterRows.push({ storeId, version, initialized: counter.initialized, updatedAt: now });
  }
  await tx
    .insert(syncStoreVersions)
    .values(counterRows)
    .onDuplicateKeyUpdate({
      set: {
        version: sql`values(${syncStoreVersions.version})`,
        updatedAt: sql`values(${syncStoreVersions.updatedAt})`,
      },
    });
  for (let i = 0; i < logRows.length; i += CHUNK) {
    await tx
      .insert(syncChanges)
      .values(logRows.slice(i, i + CHUNK))
      .onDuplicateKeyUpdate({
        set: {
          version: sql`values(${syncChanges.version})`,
          op: sql`values(${syncChanges.op})`,
          changedAt: sql`values(${syncChanges.changedAt})`,
        },
      });
  }
  return heads;
}

/** The store's current head version (0 when it has no change yet), read in `tx`. */
export async function storeHeadVersion(tx: Tx, storeId: string): Promise<number> {
  const [row] = await tx
    .select({ version: syncStoreVersions.version })
    .from(syncStoreVersions)
    .where(eq(syncStoreVersions.storeId, storeId));
  return row?.version ?? 0;
}

/**
 * Notes that users changed, in the stores that see them: every store for an owner, the stores a user belongs
 * to otherwise, plus `alsoStores` (stores that saw them before: a membership removed, a role changed from
 * owner). Read after the change, in `tx`; the pull sends a user no longer visible to a store as a delete.
 */
export async function noteUsers(
  tx: Tx,
  userIds: readonly string[],
  alsoStores: ChangeScope = [],
): Promise<void> {
  if (userIds.length === 0) return;
  const rows = await tx
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(inArray(users.id, [...userIds]));
  const owners = rows.filter((r) => r.role === 'owner').map((r) => r.id);
  const others = rows.filter((r) => r.role !== 'owner').map((r) => r.id);
  noteChanges(tx, 'all', 'user', alsoStores === 'all' ? userIds : owners);
  if (alsoStores === 'all' || others.length === 0) return;
  const memberships = await tx
    .select({ userId: storeMembers.userId, storeId: storeMembers.storeId })
    .from(storeMembers)
    .where(inArray(storeMembers.userId, others));
  for (const userId of others) {
    const storeIds = new Set(alsoStores);
    for (const m of memberships) if (m.userId === userId) storeIds.add(m.storeId);
    noteChanges(tx, [...storeIds], 'user', [userId]);
  }
}
