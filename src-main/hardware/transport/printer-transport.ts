// How bytes reach a printer, whatever the wire: a session writes (resolving once the last byte left
// this process for the device) and may ask for status bytes (DLE EOT) with a timeout.
import { dleEot, isStatusByte, parseStatus, type PrinterStatusReply } from '../escpos/commands.js';

export interface PrinterSession {
  /** Resolves when every byte was written and flushed to the device (socket/tty/file). */
  write(bytes: Uint8Array): Promise<void>;
  /** Writes `query` and resolves with the first reply byte, or null when none comes within timeoutMs. */
  request(query: Uint8Array, timeoutMs: number): Promise<number | null>;
}

export interface PrinterTransport {
  /** "tcp 10.0.0.5:9100", "serial /dev/ttyUSB0", "usblp /dev/usb/lp0". */
  readonly description: string;
  /** Connects (or reuses the open line), runs fn, and finishes the session (TCP: closes after the last byte). */
  session<T>(fn: (s: PrinterSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** DLE EOT 1, 2 and 4 in one go; null when the printer does not answer (it may still print). */
export async function queryStatus(s: PrinterSession, timeoutMs: number): Promise<PrinterStatusReply | null> {
  const printer = await s.request(dleEot(1), timeoutMs);
  if (printer === null || !isStatusByte(printer)) return null;
  const cause = await s.request(dleEot(2), timeoutMs);
  const paper = await s.request(dleEot(4), timeoutMs);
  return parseStatus(printer, cause ?? 0x12, paper ?? 0x12);
}

/** Collects incoming bytes for request(): one waiter at a time (sessions are serialised per printer). */
export class ReplyBuffer {
  #bytes: number[] = [];
  #waiter: ((b: number) => void) | null = null;

  push(chunk: Uint8Array): void {
    for (const b of chunk) {
      if (this.#waiter) {
        const w = this.#waiter;
        this.#waiter = null;
        w(b);
      } else this.#bytes.push(b);
    }
  }

  clear(): void {
    this.#bytes = [];
  }

  next(timeoutMs: number): Promise<number | null> {
    const b = this.#bytes.shift();
    if (b !== undefined) return Promise.resolve(b);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiter = null;
        resolve(null);
      }, timeoutMs);
      this.#waiter = (byte) => {
        clearTimeout(timer);
        resolve(byte);
      };
    });
  }
}

/** Runs tasks one after another (one session at a time per printer). */
export class TaskChain {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task, task);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
