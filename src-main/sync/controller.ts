// The till core's handle on sync (runtime.sync): the status, sync.now, sync.register, and the worker's life.
// Settings come from openTill's `sync` option, falling back to the environment:
//   ASIRIA_SYNC_INTERVAL_MS     sleep between cycles (default 2000)
//   ASIRIA_SYNC_BACKOFF_MAX_MS  backoff cap after failures (default 60000)
//   ASIRIA_SYNC_TIMEOUT_MS      per request to the cloud (default 15000)
//   ASIRIA_SYNC_PULL_LIMIT      changes per pull page (default 500)
import type Database from 'better-sqlite3';
import { SYNC_PROTOCOL_VERSION } from '../../src-shared/contract/sync.js';
import type { SyncRegisterInput, SyncStatus } from '../../src-shared/contract/till-sync.js';
import { registerTill } from './register.js';
import { fileSecretStore, type SecretCipher, type SecretStore } from './secret-store.js';
import { readSyncState, storedStatus } from './sync-state.js';
import { SyncWorkerHost } from './worker-host.js';

export interface SyncOptions {
  /** Start the worker when the ledger is registered (default true). */
  autoStart?: boolean;
  intervalMs?: number;
  backoffMinMs?: number;
  backoffMaxMs?: number;
  timeoutMs?: number;
  pullLimit?: number;
  /** Set by openTill: the main connection's WriteIntent buffer (sales go before the worker's next chunk). */
  writeIntent?: SharedArrayBuffer;
  /** Restart a worker silent this long (default 4 × timeout + interval). */
  watchdogMs?: number;
  /** The sync protocol to speak (default SYNC_PROTOCOL_VERSION; a test pretends to be an older till). */
  protocol?: number;
  /** Fault injection (tests): the first worker dies halfway through applying its Nth pull page. */
  crashMidPage?: number;
  /** Fault injection (tests): the first worker hangs before its Nth push, until the watchdog restarts it. */
  hangBeforePush?: number;
  /** Electron safeStorage, when the shell has it. */
  cipher?: SecretCipher;
  /** Where the device secret file lives (default: the ledger's folder). */
  secretDir?: string;
}

function envInt(name: string, fallback: number): number {
  const text = process.env[name]?.trim();
  const value = text ? Number(text) : NaN;
  return Number.isSafeInteger(value) && value >= 0 ? value : fallback;
}

export interface PageStats {
  pages: number;
  changes: number;
  /** The longest write-lock hold of a pull page (BEGIN IMMEDIATE → COMMIT). */
  maxHoldMs: number;
  /** Time spent waiting for pull pages from the cloud. */
  fetchMs: number;
}

export class SyncController {
  readonly secrets: SecretStore;
  readonly host: SyncWorkerHost;
  readonly pageStats: PageStats = { pages: 0, changes: 0, maxHoldMs: 0, fetchMs: 0 };
  readonly #timeoutMs: number;
  readonly #autoStart: boolean;

  constructor(
    private readonly db: Database.Database,
    ledgerFile: string,
    defaultSecretDir: string,
    onStatus: (status: SyncStatus) => void,
    options: SyncOptions = {},
  ) {
    const intervalMs = options.intervalMs ?? envInt('ASIRIA_SYNC_INTERVAL_MS', 2000);
    this.#timeoutMs = options.timeoutMs ?? envInt('ASIRIA_SYNC_TIMEOUT_MS', 15_000);
    this.#autoStart = options.autoStart !== false;
    this.secrets = fileSecretStore(options.secretDir ?? defaultSecretDir, options.cipher);
    this.host = new SyncWorkerHost({
      config: {
        ledgerFile,
        intervalMs,
        backoffMinMs: options.backoffMinMs ?? Math.min(500, intervalMs || 500),
        backoffMaxMs: options.backoffMaxMs ?? envInt('ASIRIA_SYNC_BACKOFF_MAX_MS', 60_000),
        timeoutMs: this.#timeoutMs,
        pullLimit: options.pullLimit ?? envInt('ASIRIA_SYNC_PULL_LIMIT', 5000),
        protocol: options.protocol ?? SYNC_PROTOCOL_VERSION,
        ...(options.writeIntent && { writeIntent: options.writeIntent }),
        ...(options.crashMidPage !== undefined && { crashMidPage: options.crashMidPage }),
        ...(options.hangBeforePush !== undefined && { hangBeforePush: options.hangBeforePush }),
      },
      secret: () => this.secrets.load(),
      onStatus,
      watchdogMs: options.watchdogMs ?? 4 * this.#timeoutMs + intervalMs,
      onPage: (page) => {
        this.pageStats.pages++;
        this.pageStats.changes += page.changes;
        this.pageStats.maxHoldMs = Math.max(this.pageStats.maxHoldMs, page.holdMs);
        this.pageStats.fetchMs += page.fetchMs;
      },
    });
  }

  get registered(): boolean {
    return readSyncState(this.db) !== null;
  }

  /** Starts the worker if the ledger is registered and auto-start is on. */
  startIfRegistered(): void {
    if (this.#autoStart && this.registered) this.host.start();
  }

  status(): SyncStatus {
    const stored = storedStatus(this.db);
    if (stored.state === 'unregistered') return stored;
    if (!this.host.running && this.secrets.load() === null) {
      return {
        ...stored,
        state: 'revoked',
        online: false,
        lastError: stored.lastError ?? {
          code: 'DEVICE_SECRET_MISSING',
          message: 'The device secret of this till is missing: register the till again.',
          at: new Date().toISOString(),
        },
      };
    }
    const live = this.host.status;
    // The queue depth and cursor are read fresh: sales may have been added since the worker's last report.
    return live ? { ...live, queueDepth: stored.queueDepth } : stored;
  }

  /** Runs a cycle now and answers when it ended (or after the request timeout × 2). */
  async now(): Promise<SyncStatus> {
    if (this.host.running) await this.host.now(this.#timeoutMs * 2 + 5000);
    return this.status();
  }

  async register(input: SyncRegisterInput, now: string): Promise<SyncStatus> {
    await registerTill(input, { db: this.db, secrets: this.secrets, now, timeoutMs: this.#timeoutMs });
    await this.host.stop();
    if (this.#autoStart) this.host.start();
    return this.status();
  }

  stop(): Promise<void> {
    return this.host.stop();
  }
}
