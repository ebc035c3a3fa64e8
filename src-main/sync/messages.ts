// Messages between the main thread (worker-host.ts) and the sync worker (worker.ts).
import type { SyncStatus } from '../../src-shared/contract/till-sync.js';

export interface SyncWorkerConfig {
  ledgerFile: string;
  /** The device secret (read by the main thread: Electron's safeStorage lives there). */
  secret: string;
  intervalMs: number;
  backoffMinMs: number;
  backoffMaxMs: number;
  /** Per request to the cloud. */
  timeoutMs: number;
  /** Changes asked per pull page. */
  pullLimit: number;
  /** Fault injection (tests): the worker thread exits halfway through applying its Nth pull page (1-based). */
  crashMidPage?: number;
  /** Fault injection (tests): the worker thread hangs (blocks, silent) before its Nth push (1-based). */
  hangBeforePush?: number;
  /** The sync protocol spoken (SYNC_PROTOCOL_VERSION; tests pretend to be an older till). */
  protocol: number;
  /** The main connection's WriteIntent buffer: the worker lets announced sales go before its next chunk. */
  writeIntent?: SharedArrayBuffer;
}

export type ToWorker = { type: 'now'; id: number } | { type: 'stop' };

export type FromWorker =
  | { type: 'status'; status: SyncStatus }
  /** The loop is alive and moving (sent at every step and while sleeping). */
  | { type: 'progress' }
  /** A cycle (push until drained, pull until the head) ended; it served every sync.now request ≤ `served`. */
  | { type: 'cycle'; served: number; status: SyncStatus }
  /** A pull page was committed: how long its transaction held the write lock. */
  | { type: 'page'; changes: number; holdMs: number; fetchMs: number };
