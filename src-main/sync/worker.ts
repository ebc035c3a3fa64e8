// The sync worker (worker_threads entry): its OWN better-sqlite3 connection to the ledger, and a loop that pushes
// the outbox until it is drained, pulls the store's changes until the head, then sleeps (intervalMs; sync.now
// wakes it). A failure backs off (capped exponential with jitter). It posts the SyncStatus whenever it changes
// and a progress beat at every step, which the main thread's watchdog watches (worker-host.ts).
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { PullPage } from '../../src-shared/contract/sync.js';
import type { SyncStatus } from '../../src-shared/contract/till-sync.js';
import { Backoff } from '../hardware/backoff.js';
import { WriteIntent } from '../ledger/write-intent.js';
import { CloudClient, CloudError, type Device } from './cloud-client.js';
import type { FromWorker, SyncWorkerConfig, ToWorker } from './messages.js';
import { applyPullPage, mergeSearchIndex, PullDataError } from './pull-apply.js';
import { pushOnce } from './push.js';
import { queueDepth, readSyncState, stateOfError, storedStatus } from './sync-state.js';

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');
const config = workerData as SyncWorkerConfig;

const db = new Database(config.ledgerFile);
db.pragma('journal_mode = WAL');
// NORMAL, not the ledger's FULL: a commit of this connection does not wait for an fsync, so a pull chunk holds
// the write lock only for its writes. Nothing is at risk: in WAL mode a power cut can only lose the last
// commits whole (never corrupt the file), and what this connection writes is re-fetched by design — a lost
// pull chunk takes its cursor with it (same transaction), a lost "sent" mark makes the cloud answer
// "duplicate". Sales are written on the main connection, whose commits stay FULL (and fsync these too).
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
// Checkpoints are the worker's job while it writes (checkpointAfterPull), never a sale's.
db.pragma('wal_autocheckpoint = 0');

const post = (message: FromWorker) => {
  port.postMessage(message);
};
const nowIso = () => new Date().toISOString();

let status: SyncStatus = storedStatus(db);
function setStatus(patch: Partial<SyncStatus>): void {
  const next = { ...status, ...patch };
  if (JSON.stringify(next) === JSON.stringify(status)) return;
  status = next;
  post({ type: 'status', status });
}

/** A pull page should hold the ledger's write lock at most about this long (a sale waits behind it). */
const TARGET_HOLD_MS = 10;
const MIN_CHUNK = 50;
/** Changes applied per transaction; adapts to the measured lock hold. */
let chunkSize = Math.min(100, config.pullLimit);
/** Sales announced on the main connection go before the next chunk. */
const writeIntent = config.writeIntent ? new WriteIntent(config.writeIntent) : null;
let stopping = false;
/** Read through a function: the flag is set by a message handler, which flow analysis does not see. */
const isStopping = () => stopping;
let chunksApplied = 0;
let pushesStarted = 0;
/**
 * Pulled changes written since the worker last checkpointed. A first pull writes hundreds of MB of WAL; left
 * alone, every read of both connections searches an ever longer WAL, and the main thread's idle checkpointer
 * would copy it all back at once. So the worker checkpoints as it goes (PASSIVE: it takes no write lock, a
 * sale commits meanwhile), on its own thread, between chunks.
 */
let changesSinceCheckpoint = 0;
const CHECKPOINT_EVERY_CHANGES = 2000;
/** After `applied` more changes (0 = the pull reached the head: checkpoint what is left). */
function checkpointAfterPull(applied: number): void {
  changesSinceCheckpoint += applied;
  const due = applied === 0 ? changesSinceCheckpoint > 0 : changesSinceCheckpoint >= CHECKPOINT_EVERY_CHANGES;
  if (!due) return;
  changesSinceCheckpoint = 0;
  db.pragma('wal_checkpoint(PASSIVE)');
}
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));
let requested = 0;
let wake: (() => void) | null = null;
port.on('message', (message: ToWorker) => {
  if (message.type === 'stop') stopping = true;
  else requested = Math.max(requested, message.id);
  wake?.();
});

/** Sleeps `ms` in slices, beating progress, until woken by sync.now or stop. */
async function sleep(ms: number): Promise<void> {
  const until = Date.now() + ms;
  const asked = requested;
  while (!stopping && Date.now() < until && requested === asked) {
    post({ type: 'progress' });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.min(1000, until - Date.now()));
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    wake = null;
  }
}

function failure(error: unknown): { code: string; message: string } {
  if (error instanceof CloudError) {
    switch (error.kind) {
      case 'offline':
        return { code: 'CLOUD_UNREACHABLE', message: error.message };
      case 'revoked':
        return { code: error.code ?? 'DEVICE_REVOKED', message: error.message };
      case 'epoch':
        return { code: 'EPOCH_MISMATCH', message: error.message };
      case 'too_old':
        return { code: 'PROTOCOL_TOO_OLD', message: error.message };
      case 'rejected':
        return { code: 'CLOUD_REJECTED', message: error.message };
      case 'server':
        return { code: 'CLOUD_ERROR', message: error.message };
    }
  }
  if (error instanceof PullDataError) return { code: 'PULL_DATA_INVALID', message: error.message };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

async function cycle(client: CloudClient, device: Device, storeId: string, seqBase: number): Promise<void> {
  // Push until the outbox is drained (or the cloud stops acknowledging: a gap it waits on).
  for (;;) {
    if (isStopping()) return;
    const depth = queueDepth(db, seqBase);
    if (depth === 0) break;
    setStatus({ state: 'syncing', queueDepth: depth });
    post({ type: 'progress' });
    if (config.hangBeforePush === ++pushesStarted) {
      // Injected hang: the thread blocks for good, as a stuck native call would; only the watchdog ends it.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    }
    const outcome = await pushOnce(db, client, device, seqBase, nowIso);
    post({ type: 'progress' });
    setStatus({ queueDepth: queueDepth(db, seqBase), online: true });
    if (outcome.sent === 0 || outcome.acked === 0) break;
  }
  // Pull until the head: pages of up to pullLimit changes are fetched (the next one while this one is being
  // applied), and each is applied in chunks that are pages of their own (a chunk is a prefix of the page in
  // version order, so its last version is a valid cursor): each chunk is one short transaction that moves the
  // cursor, sized so that it holds the ledger's write lock about TARGET_HOLD_MS. Between chunks the worker
  // yields, so a sale on the main thread waits at most one chunk.
  const first = readSyncState(db);
  if (!first) return;
  let cursor = first.pullCursor;
  let pulledChanges = 0;
  let pending: Promise<PullPage> | null = client.pull(device, cursor, config.pullLimit);
  while (pending) {
    if (isStopping()) {
      pending.catch(() => undefined);
      return;
    }
    post({ type: 'progress' });
    const fetchStarted = performance.now();
    const page: PullPage = await pending;
    const fetchMs = performance.now() - fetchStarted;
    pending = null;
    post({ type: 'progress' });
    const more = page.hasMore && page.nextCursor > cursor;
    // Fetch the next page while this one is applied.
    if (more) {
      pending = client.pull(device, page.nextCursor, config.pullLimit);
      pending.catch(() => undefined);
    }
    const state = readSyncState(db);
    if (!state) return;
    const moved =
      page.changes.length > 0 || page.nextCursor !== state.pullCursor || page.headVersion !== state.pullHead;
    if (moved) {
      if (page.changes.length > 0) setStatus({ state: 'syncing' });
      let from = 0;
      do {
        const to = Math.min(page.changes.length, from + chunkSize);
        const last = to >= page.changes.length;
        const chunk: PullPage = {
          ...page,
          changes: page.changes.slice(from, to),
          nextCursor: last ? page.nextCursor : (page.changes[to - 1]?.version ?? page.nextCursor),
          hasMore: last ? page.hasMore : true,
        };
        // A sale waiting for the write lock goes first (SQLite's busy handler alone would let this loop starve it).
        writeIntent?.waitUntilIdle(250);
        chunksApplied++;
        const crash = config.crashMidPage === chunksApplied;
        const write = () => applyPullPage(db, storeId, chunk, crash ? () => process.exit(70) : undefined);
        const applied = writeIntent ? writeIntent.hold(write) : write();
        post({
          type: 'page',
          changes: applied.applied,
          holdMs: applied.holdMs,
          fetchMs: from === 0 ? fetchMs : 0,
        });
        // Keep the write lock short whatever the machine: smaller chunks when one held it too long.
        if (applied.holdMs > TARGET_HOLD_MS) {
          chunkSize = Math.max(MIN_CHUNK, Math.floor((chunkSize * TARGET_HOLD_MS) / applied.holdMs));
        } else if (applied.holdMs < TARGET_HOLD_MS / 2 && chunk.changes.length >= chunkSize) {
          chunkSize = Math.min(config.pullLimit, Math.ceil(chunkSize * 1.5));
        }
        setStatus({
          pullCursor: chunk.nextCursor,
          pullHead: Math.max(page.headVersion, page.nextCursor),
        });
        from = to;
        pulledChanges += applied.applied;
        checkpointAfterPull(applied.applied);
        if (!last) await yieldToOthers();
      } while (from < page.changes.length);
    }
    setStatus({ pullCursor: page.nextCursor, pullHead: Math.max(page.headVersion, page.nextCursor) });
    cursor = page.nextCursor;
  }
  // The chunks' merge steps may leave the search index with a few more segments than it needs: merge them now,
  // a short transaction a step, each after any announced sale.
  if (pulledChanges > 0) {
    const held = (step: () => void) => {
      if (writeIntent) writeIntent.hold(step);
      else step();
    };
    mergeSearchIndex(db, 200, held, () => {
      writeIntent?.waitUntilIdle(250);
    });
  }
  checkpointAfterPull(0);
}

async function main(): Promise<void> {
  const backoff = new Backoff({ minMs: config.backoffMinMs, maxMs: config.backoffMaxMs });
  post({ type: 'status', status });
  while (!stopping) {
    const served = requested;
    const state = readSyncState(db);
    let waitMs = config.intervalMs;
    if (state) {
      const client = new CloudClient(state.serverUrl, config.timeoutMs, config.protocol);
      const device = { terminalId: state.terminalId, secret: config.secret, epoch: state.epoch };
      try {
        await cycle(client, device, state.storeId, state.seqBase);
        const at = nowIso();
        db.prepare('update sync_state set last_success_at = ?, last_error = null where id = 1').run(at);
        backoff.reset();
        setStatus({ ...storedStatus(db), state: 'idle', online: true, nextAttemptAt: null });
      } catch (error) {
        const f = failure(error);
        const lastError = { ...f, at: nowIso() };
        db.prepare('update sync_state set last_error = ? where id = 1').run(JSON.stringify(lastError));
        const state = stateOfError(f.code);
        // A revoked device or a too-old till waits for a person: retry at the cap, not at once.
        waitMs = state === 'revoked' || state === 'update_required' ? config.backoffMaxMs : backoff.next();
        setStatus({
          ...storedStatus(db),
          state,
          online: false,
          lastError,
          nextAttemptAt: new Date(Date.now() + waitMs).toISOString(),
        });
      }
    } else {
      setStatus(storedStatus(db));
    }
    post({ type: 'cycle', served, status });
    if (requested > served) continue;
    await sleep(waitMs);
  }
  db.close();
}

void main().catch((error: unknown) => {
  // Crash: the main thread sees the exit and restarts the worker.
  throw error;
});
