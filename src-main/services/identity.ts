// This till's identity (store, terminal, epoch), stored in the single till_identity row.
import { eq } from 'drizzle-orm';
import { TillError } from '../../src-shared/contract/errors.js';
import type { ReadDb, WriteDb } from '../ledger/connection.js';
import { tillIdentity } from '../ledger/schema/till.js';
import type { TillIdentityInfo } from './context.js';

export function loadIdentity(db: ReadDb): TillIdentityInfo {
  const row = db.select().from(tillIdentity).where(eq(tillIdentity.id, 1)).get();
  if (!row) {
    throw new TillError(
      'TILL_NOT_PROVISIONED',
      'This till is not set up yet: register it with a store or seed the demo store.',
    );
  }
  return {
    storeId: row.storeId,
    terminalId: row.terminalId,
    terminalCode: row.terminalCode,
    epoch: row.epoch,
  };
}

export function saveIdentity(
  db: WriteDb,
  identity: Omit<TillIdentityInfo, 'epoch'> & { epoch?: number },
  now: string,
): void {
  db.insert(tillIdentity)
    .values({ id: 1, ...identity, epoch: identity.epoch ?? 1, createdAt: now })
    .onConflictDoUpdate({
      target: tillIdentity.id,
      set: {
        storeId: identity.storeId,
        terminalId: identity.terminalId,
        terminalCode: identity.terminalCode,
        epoch: identity.epoch ?? 1,
      },
    })
    .run();
}
