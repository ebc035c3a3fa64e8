// One configured printer: its transport, its status, and the worker that drains its print queue in
// order. A job is marked printed only after its last byte was written; when the printer is offline or
// out of paper the job stays pending and the worker retries with capped backoff until it prints.
// The printer's logo is read and encoded once per configuration, at the first job; a logo that cannot be
// read is left off (the job prints without it) and the reason stays in the printer's status detail.
import type { PrinterConfig } from '../../src-shared/contract/device.js';
import type { Ledger } from '../ledger/connection.js';
import { markAttemptFailed, markPrinted, nextPendingJob } from '../services/device-print-queue.js';
import { Backoff, unrefTimeout, type BackoffOptions } from './backoff.js';
import type { PrinterStatusReply } from './escpos/commands.js';
import { encodePayload } from './escpos/document.js';
import { loadPrinterLogo, type PrinterLogo } from './escpos/logo.js';
import type { PrintPayload } from './escpos/print-payload.js';
import type { StatusBoard } from './device-status.js';
import { queryStatus, type PrinterTransport } from './transport/printer-transport.js';
import { SerialPrinterTransport } from './transport/serial-printer.js';
import { TcpPrinterTransport } from './transport/tcp-printer.js';
import { UsbLpPrinterTransport } from './transport/usblp-printer.js';

/** How long stop() waits for the job being written to finish. */
const STOP_GRACE_MS = 5_000;

class PrinterNotReady extends Error {}

export interface PrinterDriverDeps {
  ledger: Ledger;
  board: StatusBoard;
  now: () => Date;
  backoff: BackoffOptions;
  /** Called after each job is printed (the drawer sensor poll, tests, the bench). */
  onPrinted?: (jobId: string) => void;
}

function transportFor(config: PrinterConfig, deps: PrinterDriverDeps): PrinterTransport {
  const c = config.connection;
  switch (c.type) {
    case 'tcp':
      return new TcpPrinterTransport({ host: c.host, port: c.port });
    case 'serial':
      return new SerialPrinterTransport(
        c,
        (status, detail) => {
          // The line itself: offline when unplugged; paper/cover states come from DLE EOT.
          if (status === 'offline' || deps.board.get(config.id).status === 'unknown') {
            deps.board.set(config.id, status, detail);
          }
        },
        deps.backoff,
      );
    case 'usblp':
      return new UsbLpPrinterTransport(c.path);
  }
}

export class PrinterDriver {
  readonly #transport: PrinterTransport;
  readonly #backoff: Backoff;
  #draining = false;
  /** The drain in progress (stop() lets its current job finish, so the job is never printed twice). */
  #drainDone: Promise<void> = Promise.resolve();
  #again = false;
  #retry: NodeJS.Timeout | null = null;
  #stopped = false;
  #logo: PrinterLogo | null = null;
  /** The last DLE EOT answer (null when the printer never answers status). */
  lastReply: PrinterStatusReply | null = null;

  constructor(
    readonly config: PrinterConfig,
    private readonly deps: PrinterDriverDeps,
  ) {
    this.#transport = transportFor(config, deps);
    this.#backoff = new Backoff(deps.backoff);
  }

  get id(): string {
    return this.config.id;
  }

  /** The logo, loaded at the first job and kept for this configuration. */
  #printerLogo(): PrinterLogo {
    this.#logo ??= loadPrinterLogo(this.config.settings);
    return this.#logo;
  }

  /** The status detail while online: a logo problem, if any. */
  #onlineDetail(): string | null {
    return this.#logo?.problem ?? null;
  }

  /** Starts draining (no-op while a drain runs: it picks the new job up). */
  wake(): void {
    if (this.#stopped) return;
    if (this.#retry) {
      clearTimeout(this.#retry);
      this.#retry = null;
    }
    if (this.#draining) {
      this.#again = true;
      return;
    }
    this.#drainDone = this.#drain();
  }

  /** Set by wake() while a drain runs (read through a method: it changes across awaits). */
  #wokenDuringDrain(): boolean {
    return this.#again;
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      do {
        this.#again = false;
        while (!this.#stopped && this.deps.ledger.raw.open) {
          const job = nextPendingJob(this.deps.ledger.read, this.id);
          if (!job) break;
          const ok = await this.#print(job.id, job.payload as PrintPayload);
          if (!ok) return;
        }
      } while (this.#wokenDuringDrain() && !this.#stopped);
    } finally {
      this.#draining = false;
    }
  }

  async #print(jobId: string, payload: PrintPayload): Promise<boolean> {
    try {
      const bytes = encodePayload(payload, this.config.settings, this.#printerLogo().bytes);
      await this.#transport.session(async (s) => {
        await this.#checkReady(s);
        await s.write(bytes);
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!(error instanceof PrinterNotReady)) this.deps.board.set(this.id, 'offline', message);
      if (this.deps.ledger.raw.open) {
        this.deps.ledger.transaction((db) => {
          markAttemptFailed(db, jobId, message);
        });
      }
      this.#scheduleRetry();
      return false;
    }
    if (!this.deps.ledger.raw.open) return false;
    this.deps.ledger.transaction((db) => {
      markPrinted(db, jobId, this.deps.now().toISOString());
    });
    this.#backoff.reset();
    if (!this.lastReply) this.deps.board.set(this.id, 'online', this.#onlineDetail());
    this.deps.onPrinted?.(jobId);
    return true;
  }

  async #checkReady(s: Parameters<Parameters<PrinterTransport['session']>[0]>[0]): Promise<void> {
    if (!this.config.settings.statusQuery) return;
    const reply = await queryStatus(s, this.config.settings.statusTimeoutMs);
    this.lastReply = reply;
    if (!reply) return;
    if (reply.paperOut) {
      this.deps.board.set(this.id, 'paper_out', 'The printer is out of paper.');
      throw new PrinterNotReady('paper out');
    }
    if (reply.coverOpen) {
      this.deps.board.set(this.id, 'cover_open', 'The printer cover is open.');
      throw new PrinterNotReady('cover open');
    }
    if (reply.offline) {
      this.deps.board.set(this.id, 'offline', 'The printer reports it is offline.');
      throw new PrinterNotReady('printer offline');
    }
    this.deps.board.set(
      this.id,
      reply.paperLow ? 'paper_low' : 'online',
      reply.paperLow ? 'Paper is low.' : this.#onlineDetail(),
    );
  }

  #scheduleRetry(): void {
    if (this.#stopped || this.#retry) return;
    this.#retry = unrefTimeout(() => {
      this.#retry = null;
      this.wake();
    }, this.#backoff.next());
  }

  /** Sends raw bytes (a drawer kick) between jobs, never inside one. */
  async send(bytes: Uint8Array): Promise<void> {
    await this.#transport.session((s) => s.write(bytes));
  }

  /** Asks DLE EOT status now (device.test, the drawer sensor); null when the printer does not answer. */
  async probe(): Promise<PrinterStatusReply | null> {
    try {
      const reply = await this.#transport.session((s) =>
        queryStatus(s, this.config.settings.statusTimeoutMs),
      );
      if (reply) this.lastReply = reply;
      return reply;
    } catch (error) {
      this.deps.board.set(this.id, 'offline', error instanceof Error ? error.message : String(error));
      return null;
    }
  }

  /**
   * Stops taking jobs. A job being written is allowed to finish and be marked printed first (bounded by
   * `STOP_GRACE_MS`), so a driver replaced by a new configuration never leaves its last job to be printed again.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
    let grace: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      this.#drainDone,
      new Promise<void>((resolve) => {
        grace = setTimeout(resolve, STOP_GRACE_MS);
      }),
    ]);
    clearTimeout(grace);
    await this.#transport.close();
  }
}
