// The Linux USB printer class device (/dev/usb/lpN): opened per session, written, fsync'd where the
// driver supports it, closed. usblp answers no DLE EOT reads reliably, so status is online/offline only
// (offline when the device file is missing or busy, e.g. unplugged).
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { TaskChain, type PrinterSession, type PrinterTransport } from './printer-transport.js';

export class UsbLpPrinterTransport implements PrinterTransport {
  readonly description: string;
  readonly #chain = new TaskChain();

  constructor(private readonly path: string) {
    this.description = `usblp ${path}`;
  }

  session<T>(fn: (s: PrinterSession) => Promise<T>): Promise<T> {
    return this.#chain.run(async () => {
      // Never O_CREAT: a missing device must read as offline, not become a regular file.
      const file = await open(this.path, constants.O_WRONLY | constants.O_APPEND);
      try {
        const session: PrinterSession = {
          write: async (bytes) => {
            let offset = 0;
            while (offset < bytes.length) {
              const { bytesWritten } = await file.write(bytes, offset);
              offset += bytesWritten;
            }
            await file.sync().catch(() => undefined);
          },
          request: () => Promise.resolve(null),
        };
        return await fn(session);
      } finally {
        await file.close();
      }
    });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
