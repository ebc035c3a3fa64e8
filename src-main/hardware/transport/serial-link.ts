// A serial port (serialport) that stays connected: opens with the configured line settings, reports
// online/offline/connecting, and reopens after an unplug/replug with capped backoff. Printers, scanners,
// serial drawers and pole displays all sit on one of these.
import { SerialPort } from 'serialport';
import type { DeviceStatus, SerialConnection } from '../../../src-shared/contract/device.js';
import { Backoff, DEFAULT_BACKOFF, unrefTimeout, type BackoffOptions } from '../backoff.js';

export interface SerialLinkEvents {
  onData?: (chunk: Buffer) => void;
  onStatus?: (status: DeviceStatus, detail: string | null) => void;
}

export class SerialLink {
  #port: SerialPort | null = null;
  #stopped = false;
  #timer: NodeJS.Timeout | null = null;
  #status: DeviceStatus = 'unknown';
  readonly #backoff: Backoff;
  #waiters: ((ok: boolean) => void)[] = [];

  constructor(
    readonly connection: SerialConnection,
    private readonly events: SerialLinkEvents = {},
    backoff: BackoffOptions = DEFAULT_BACKOFF,
  ) {
    this.#backoff = new Backoff(backoff);
  }

  get status(): DeviceStatus {
    return this.#status;
  }

  get isOpen(): boolean {
    return this.#port?.isOpen ?? false;
  }

  start(): void {
    this.#stopped = false;
    this.#open();
  }

  #setStatus(status: DeviceStatus, detail: string | null): void {
    if (status === this.#status) return;
    this.#status = status;
    this.events.onStatus?.(status, detail);
  }

  #open(): void {
    if (this.#stopped) return;
    this.#timer = null;
    const c = this.connection;
    if (this.#status === 'unknown') this.#setStatus('connecting', null);
    const port = new SerialPort({
      path: c.path,
      baudRate: c.baudRate,
      dataBits: c.dataBits,
      parity: c.parity,
      stopBits: c.stopBits,
      rtscts: c.flowControl === 'rtscts',
      xon: c.flowControl === 'xonxoff',
      xoff: c.flowControl === 'xonxoff',
      autoOpen: false,
    });
    port.on('data', (chunk: Buffer) => this.events.onData?.(chunk));
    port.on('error', () => undefined);
    port.on('close', () => {
      if (this.#port === port) this.#lost('disconnected');
    });
    port.open((error) => {
      if (this.#stopped) {
        if (!error) port.close();
        return;
      }
      if (error) {
        this.#lost(error.message);
        return;
      }
      this.#port = port;
      this.#backoff.reset();
      this.#setStatus('online', null);
      for (const w of this.#waiters.splice(0)) w(true);
    });
  }

  #lost(reason: string): void {
    this.#port = null;
    if (this.#stopped) return;
    this.#setStatus('offline', reason);
    if (!this.#timer) {
      this.#timer = unrefTimeout(() => {
        this.#open();
      }, this.#backoff.next());
    }
  }

  /** Resolves true once the port is open (now or within timeoutMs), false otherwise. */
  waitOpen(timeoutMs: number): Promise<boolean> {
    if (this.isOpen) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.#waiters = this.#waiters.filter((w) => w !== done);
        resolve(ok);
      };
      const timer = setTimeout(() => {
        done(false);
      }, timeoutMs);
      this.#waiters.push(done);
    });
  }

  /** Writes and waits until the OS has sent the bytes (tcdrain). Rejects when the port is not open. */
  write(bytes: Uint8Array): Promise<void> {
    const port = this.#port;
    if (!port?.isOpen) return Promise.reject(new Error(`${this.connection.path} is not connected`));
    return new Promise((resolve, reject) => {
      port.write(Buffer.from(bytes), (error) => {
        if (error) {
          reject(error);
          return;
        }
        port.drain((drainError) => {
          if (drainError) reject(drainError);
          else resolve();
        });
      });
    });
  }

  stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    for (const w of this.#waiters.splice(0)) w(false);
    const port = this.#port;
    this.#port = null;
    if (!port?.isOpen) return Promise.resolve();
    return new Promise((resolve) => {
      port.close(() => {
        resolve();
      });
    });
  }
}
