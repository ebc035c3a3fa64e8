// The main thread's side of the sync worker: starts and stops it, forwards its SyncStatus as 'sync.changed' on
// the till's event bus, answers sync.now once a cycle started after the request has ended, and a WATCHDOG: a
// worker that reports no progress for `watchdogMs` is terminated and started again (a batch it left half done
// is simply resent: the cloud answers duplicates; a pull page is one transaction, so none is half applied).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SyncStatus } from '../../src-shared/contract/till-sync.js';
import { WriteIntent } from '../ledger/write-intent.js';
import type { FromWorker, SyncWorkerConfig, ToWorker } from './messages.js';

export interface SyncWorkerHostOptions {
  config: Omit<SyncWorkerConfig, 'secret'>;
  secret: () => string | null;
  onStatus: (status: SyncStatus) => void;
  /** A worker silent this long is restarted. */
  watchdogMs: number;
  onPage?: (page: { changes: number; holdMs: number; fetchMs: number }) => void;
  log?: (message: string, details?: object) => void;
}

/** How to start worker.ts here: from source (.ts under tsx or vitest) or next to a bundle (sync-worker.mjs). */
function workerSpec(): { filename: string | URL; eval: boolean } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // Node 20 does not apply `--import tsx` to a worker's entry: register tsx's loader inside, then import.
    const pkg = createRequire(here).resolve('tsx/package.json');
    const api = pathToFileURL(pkg.replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
    const entry = new URL('./worker.ts', here).href;
    const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    return { filename: code, eval: true };
  }
  const bundled = new URL('./sync-worker.mjs', here);
  if (existsSync(bundled)) return { filename: bundled, eval: false };
  return { filename: new URL('./worker.js', here), eval: false };
}

export class SyncWorkerHost {
  #worker: Worker | null = null;
  #stopped = true;
  #lastProgress = Date.now();
  #watchdog: NodeJS.Timeout | null = null;
  #status: SyncStatus | null = null;
  #nextRequest = 0;
  #waiters: { id: number; resolve: (status: SyncStatus) => void }[] = [];
  #restartTimer: NodeJS.Timeout | null = null;
  /** Workers started (1 + restarts): tests and the watchdog's log read it. */
  starts = 0;

  constructor(private readonly options: SyncWorkerHostOptions) {}

  get running(): boolean {
    return this.#worker !== null;
  }

  get status(): SyncStatus | null {
    return this.#status;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#spawn();
    this.#watchdog = setInterval(
      () => {
        if (this.#worker && Date.now() - this.#lastProgress > this.options.watchdogMs) {
          this.options.log?.('sync worker silent: restarting it', {
            silentMs: Date.now() - this.#lastProgress,
          });
          this.restart();
        }
      },
      Math.max(50, Math.floor(this.options.watchdogMs / 4)),
    );
    this.#watchdog.unref();
  }

  #spawn(): void {
    const secret = this.options.secret();
    if (secret === null) return;
    const spec = workerSpec();
    const { crashMidPage, hangBeforePush, ...rest } = this.options.config;
    // The injected faults happen in the first worker only: the restarted one must finish the job.
    const config: SyncWorkerConfig = {
      ...rest,
      secret,
      ...(this.starts === 0 && crashMidPage && { crashMidPage }),
      ...(this.starts === 0 && hangBeforePush && { hangBeforePush }),
    };
    const worker = new Worker(spec.filename, { eval: spec.eval, workerData: config });
    worker.unref();
    this.starts++;
    this.#lastProgress = Date.now();
    this.#worker = worker;
    worker.on('message', (message: FromWorker) => {
      this.#handle(message);
    });
    worker.on('error', (error) => {
      this.options.log?.('sync worker failed', { err: error.message });
    });
    worker.on('exit', () => {
      // A worker killed inside a chunk leaves its hold mark set; SQLite rolled its transaction back.
      if (this.options.config.writeIntent) new WriteIntent(this.options.config.writeIntent).release();
      if (this.#worker !== worker) return;
      this.#worker = null;
      if (this.#stopped) return;
      // Crashed: start again shortly (a crash loop is slowed down, never stopped).
      this.#restartTimer = setTimeout(() => {
        this.#restartTimer = null;
        if (!this.#stopped && !this.#worker) this.#spawn();
      }, 1000);
      this.#restartTimer.unref();
    });
    if (this.#nextRequest > 0) this.#send({ type: 'now', id: this.#nextRequest });
  }

  #handle(message: FromWorker): void {
    this.#lastProgress = Date.now();
    switch (message.type) {
      case 'status':
        this.#setStatus(message.status);
        return;
      case 'cycle': {
        this.#setStatus(message.status);
        const done = this.#waiters.filter((w) => w.id <= message.served);
        this.#waiters = this.#waiters.filter((w) => w.id > message.served);
        for (const w of done) w.resolve(message.status);
        return;
      }
      case 'page':
        this.options.onPage?.(message);
        return;
      case 'progress':
        return;
    }
  }

  #setStatus(status: SyncStatus): void {
    const changed = JSON.stringify(status) !== JSON.stringify(this.#status);
    this.#status = status;
    if (changed) this.options.onStatus(status);
  }

  #send(message: ToWorker): void {
    this.#worker?.postMessage(message);
  }

  /** Resolves with the status after a full cycle that started after this call (or the status now, after `timeoutMs`). */
  now(timeoutMs: number): Promise<SyncStatus | null> {
    if (!this.#worker) return Promise.resolve(this.#status);
    const id = ++this.#nextRequest;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w.id !== id);
        resolve(this.#status);
      }, timeoutMs);
      timer.unref();
      this.#waiters.push({
        id,
        resolve: (status) => {
          clearTimeout(timer);
          resolve(status);
        },
      });
      this.#send({ type: 'now', id });
    });
  }

  /** Terminates the worker at once (mid-request, mid-transaction) and starts a new one. */
  restart(): void {
    const worker = this.#worker;
    this.#worker = null;
    if (worker) void worker.terminate();
    if (!this.#stopped) this.#spawn();
  }

  /** Stops the worker (terminates it: SQLite rolls back an open transaction) and the watchdog. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#watchdog) clearInterval(this.#watchdog);
    if (this.#restartTimer) clearTimeout(this.#restartTimer);
    this.#watchdog = null;
    const worker = this.#worker;
    this.#worker = null;
    for (const w of this.#waiters) w.resolve(this.#status ?? (undefined as never));
    this.#waiters = [];
    if (worker) await worker.terminate();
  }
}
