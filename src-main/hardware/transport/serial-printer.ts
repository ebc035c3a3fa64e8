// Serial (RS-232 / USB-CDC) printers on a SerialLink that stays open and reconnects after a replug.
import type { DeviceStatus, SerialConnection } from '../../../src-shared/contract/device.js';
import type { BackoffOptions } from '../backoff.js';
import { ReplyBuffer, TaskChain, type PrinterSession, type PrinterTransport } from './printer-transport.js';
import { SerialLink } from './serial-link.js';

export class SerialPrinterTransport implements PrinterTransport {
  readonly description: string;
  readonly #chain = new TaskChain();
  readonly #replies = new ReplyBuffer();
  readonly #link: SerialLink;

  constructor(
    connection: SerialConnection,
    onStatus: (status: DeviceStatus, detail: string | null) => void,
    backoff?: BackoffOptions,
  ) {
    this.description = `serial ${connection.path}`;
    this.#link = new SerialLink(
      connection,
      {
        onData: (chunk) => {
          this.#replies.push(chunk);
        },
        onStatus,
      },
      backoff,
    );
    this.#link.start();
  }

  session<T>(fn: (s: PrinterSession) => Promise<T>): Promise<T> {
    return this.#chain.run(async () => {
      if (!(await this.#link.waitOpen(1000))) throw new Error(`${this.description} is not connected`);
      this.#replies.clear();
      const session: PrinterSession = {
        write: (bytes) => this.#link.write(bytes),
        request: async (query, timeoutMs) => {
          await this.#link.write(query);
          return this.#replies.next(timeoutMs);
        },
      };
      return fn(session);
    });
  }

  close(): Promise<void> {
    return this.#link.stop();
  }
}
