// The per-store change log the tills pull (DESIGN.md "Sync" → Pull). STUB: the signatures are fixed, the
// implementation is being written (see the sync issue). Every write path that changes something a till
// replicates notes it here inside its transaction; flushChanges allocates the versions at the end of the
// transaction under the store's locked counter row, so versions become visible in commit order.
import type { PullEntity } from '../../src-shared/contract/sync.js';
import type { Tx } from '../db/transaction.js';

/** Which stores see a change: the listed ones, or every store of the deployment (business-wide catalog). */
export type ChangeScope = readonly string[] | 'all';

/** Notes, in `tx`, that entities changed; nothing is written until flushChanges (or the commit). */
export function noteChanges(
  _tx: Tx,
  _scope: ChangeScope,
  _entity: PullEntity,
  _ids: readonly string[],
  _op: 'upsert' | 'delete' = 'upsert',
): void {
  // stub
}

/**
 * Writes the changes noted in `tx`: locks the counter row of each store concerned (in id order), takes
 * consecutive versions and upserts the log rows. Returns each touched store's head version after the flush.
 * Call it last in the transaction, so the counter lock is held only until the commit that follows.
 */
export async function flushChanges(_tx: Tx): Promise<Map<string, number>> {
  return Promise.resolve(new Map<string, number>());
}

/** The store's current head version (0 when it has no change yet), read in `tx`. */
export async function storeHeadVersion(_tx: Tx, _storeId: string): Promise<number> {
  return Promise.resolve(0);
}
