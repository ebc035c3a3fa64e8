// Reads of the sync_state row and the SyncStatus built from it: used by the worker (its own connection) and by
// the main thread (sync.status while no worker runs). Plain better-sqlite3, no drizzle: the worker stays light.
import type Database from 'better-sqlite3';
import {
  unregisteredSyncStatus,
  type SyncState,
  type SyncStatus,
} from '../../src-shared/contract/till-sync.js';

export interface SyncStateRow {
  serverUrl: string;
  storeId: string;
  storeName: string;
  terminalId: string;
  epoch: number;
  seqBase: number;
  pullCursor: number;
  pullHead: number;
  lastSuccessAt: string | null;
  lastError: { code: string; message: string; at: string } | null;
}

export function readSyncState(db: Database.Database): SyncStateRow | null {
  const row = db
    .prepare(
      `select server_url as serverUrl, store_id as storeId, store_name as storeName, terminal_id as terminalId,
        epoch, seq_base as seqBase, pull_cursor as pullCursor, pull_head as pullHead,
        last_success_at as lastSuccessAt, last_error as lastError from sync_state where id = 1`,
    )
    .get() as (Omit<SyncStateRow, 'lastError'> & { lastError: string | null }) | undefined;
  if (!row) return null;
  return {
    ...row,
    lastError: row.lastError ? (JSON.parse(row.lastError) as SyncStateRow['lastError']) : null,
  };
}

/** Outbox events of this registration the cloud has not acknowledged. */
export function queueDepth(db: Database.Database, seqBase: number): number {
  return (
    db.prepare('select count(*) as n from outbox where sent_at is null and seq > ?').get(seqBase) as {
      n: number;
    }
  ).n;
}

function terminalCode(db: Database.Database): string | null {
  const row = db.prepare('select terminal_code as code from till_identity where id = 1').get() as
    { code: string } | undefined;
  return row?.code ?? null;
}

/** The status as stored (no worker's live view): the state is derived from the last error, if any. */
export function storedStatus(db: Database.Database, live?: Partial<SyncStatus>): SyncStatus {
  const s = readSyncState(db);
  if (!s) return unregisteredSyncStatus();
  return {
    state: stateOfError(s.lastError?.code ?? null),
    online: s.lastError === null && s.lastSuccessAt !== null,
    queueDepth: queueDepth(db, s.seqBase),
    lastSuccessAt: s.lastSuccessAt,
    lastError: s.lastError,
    nextAttemptAt: null,
    serverUrl: s.serverUrl,
    storeId: s.storeId,
    storeName: s.storeName,
    terminalId: s.terminalId,
    terminalCode: terminalCode(db),
    epoch: s.epoch,
    pullCursor: s.pullCursor,
    pullHead: s.pullHead,
    ...live,
  };
}

/** The sync state a failure code puts the till in (codes: CloudError kinds, see cloud-client.ts). */
export function stateOfError(code: string | null): SyncState {
  switch (code) {
    case null:
      return 'idle';
    case 'CLOUD_UNREACHABLE':
      return 'offline';
    case 'DEVICE_REVOKED':
    case 'DEVICE_UNAUTHORIZED':
    case 'EPOCH_MISMATCH':
    case 'DEVICE_SECRET_MISSING':
      return 'revoked';
    case 'PROTOCOL_TOO_OLD':
      return 'update_required';
    default:
      return 'error';
  }
}
