// A network receipt printer on 127.0.0.1 (raw TCP, like port 9100): every connection is one job; it
// answers DLE EOT status requests from its (settable) paper/cover/drawer state, and can be switched off
// and on again on the same port. Used by the hardware tests, the devices simulator and the bench.
import { createServer, type Server, type Socket } from 'node:net';

export interface VirtualPrinterState {
  paperOut: boolean;
  paperLow: boolean;
  coverOpen: boolean;
  drawerOpen: boolean;
  /** false: ignore DLE EOT like printers without real-time status. */
  answersStatus: boolean;
}

export interface ReceivedJob {
  bytes: Uint8Array;
  /** performance.now() when its last byte arrived. */
  lastByteAt: number;
}

export class VirtualNetworkPrinter {
  readonly jobs: ReceivedJob[] = [];
  state: VirtualPrinterState = {
    paperOut: false,
    paperLow: false,
    coverOpen: false,
    drawerOpen: false,
    answersStatus: true,
  };
  #server: Server | null = null;
  #sockets = new Set<Socket>();
  #listeners = new Set<(job: ReceivedJob) => void>();
  #port = 0;

  get port(): number {
    return this.#port;
  }

  /** Listens on `port` (0 = any free port; the same port again after off()). */
  async on(port = this.#port): Promise<void> {
    const server = createServer((socket) => {
      this.#serve(socket);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        resolve();
      });
    });
    const address = server.address();
    if (address && typeof address === 'object') this.#port = address.port;
    this.#server = server;
  }

  /** Switched off: refuses connections (and drops the ones open). */
  async off(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    for (const s of this.#sockets) s.destroy();
    if (server) {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    }
  }

  onJob(listener: (job: ReceivedJob) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves once `count` jobs with printable content have arrived in total. */
  waitForJobs(count: number, timeoutMs = 10_000): Promise<ReceivedJob[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.jobs.length >= count) {
          stop();
          clearTimeout(timer);
          resolve(this.jobs.slice(0, count));
        }
      };
      const stop = this.onJob(check);
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`the printer got ${String(this.jobs.length)} of ${String(count)} jobs`));
      }, timeoutMs);
      check();
    });
  }

  #statusByte(n: number): number {
    const s = this.state;
    if (n === 1) return 0x12 | (s.drawerOpen ? 0x04 : 0);
    if (n === 2) return 0x12 | (s.coverOpen ? 0x04 : 0) | (s.paperOut ? 0x20 : 0);
    if (n === 4) return 0x12 | (s.paperOut ? 0x60 : 0) | (s.paperLow ? 0x0c : 0);
    return 0x12;
  }

  #serve(socket: Socket): void {
    this.#sockets.add(socket);
    socket.setNoDelay(true);
    const chunks: Buffer[] = [];
    let lastByteAt = 0;
    let carry: number[] = [];
    socket.on('data', (chunk: Buffer) => {
      lastByteAt = performance.now();
      chunks.push(chunk);
      if (!this.state.answersStatus) return;
      const bytes = [...carry, ...chunk];
      let k = 0;
      for (; k + 2 < bytes.length; k++) {
        if (bytes[k] === 0x10 && bytes[k + 1] === 0x04)
          socket.write(Uint8Array.of(this.#statusByte(bytes[k + 2] ?? 0)));
      }
      carry = bytes.slice(Math.max(k, bytes.length - 2));
    });
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      socket.end();
      if (printable(all)) {
        const job = { bytes: new Uint8Array(all), lastByteAt };
        this.jobs.push(job);
        for (const l of this.#listeners) l(job);
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => this.#sockets.delete(socket));
  }
}

/** Anything besides status requests (DLE EOT n). */
function printable(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x10 && bytes[i + 1] === 0x04) {
      i += 2;
      continue;
    }
    return true;
  }
  return false;
}
