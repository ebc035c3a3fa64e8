// The fault proxy of the chaos harness: a node:http proxy between the tills and the cloud server that, per
// request, draws one fault from a seeded PRNG (src-main/ledger/seed/seeded-random.ts):
//   pass           forwarded untouched
//   drop-request   the till's socket is closed before anything reaches the server
//   drop-response  forwarded; the server processes it and answers; the till's socket is closed instead of the
//                  answer (the till must resend, the server must see the resend as a duplicate)
//   delay          forwarded after a random pause (up to delayMaxMs)
//   duplicate      forwarded twice at once; the till gets the first answer (the second must change nothing)
//   reorder        held until the next request arrives (or reorderHoldMs passes), then forwarded after it
// healed(): every request passes from then on. The decisions are drawn in arrival order from the seed, so a
// replay with the same seed draws the same schedule (process timing can still change which request gets which).
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { seededRandom } from '../../src-main/ledger/seed/seeded-random.js';

export const FAULTS = ['pass', 'drop-request', 'drop-response', 'delay', 'duplicate', 'reorder'] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultProxyOptions {
  /** Where the cloud server listens (its port stays the same across restarts). */
  targetPort: number;
  seed: number;
  /** Relative weight of each fault; omitted faults never happen. */
  weights: Partial<Record<Fault, number>>;
  delayMaxMs?: number;
  reorderHoldMs?: number;
}

interface Upstream {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

interface Held {
  release: () => void;
  timer: NodeJS.Timeout;
}

export class FaultProxy {
  readonly counts: Record<Fault, number> = {
    pass: 0,
    'drop-request': 0,
    'drop-response': 0,
    delay: 0,
    duplicate: 0,
    reorder: 0,
  };
  #server: Server | null = null;
  #sockets = new Set<Socket>();
  #random: () => number;
  #healed = false;
  #held: Held | null = null;
  #port = 0;
  readonly #options: Required<FaultProxyOptions>;

  constructor(options: FaultProxyOptions) {
    this.#options = { delayMaxMs: 400, reorderHoldMs: 600, ...options };
    this.#random = seededRandom(options.seed ^ 0x5eed_f00d);
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** From now on every request passes (and a held one is released at once). */
  heal(): void {
    this.#healed = true;
    this.#releaseHeld();
  }

  /** Faults again (after heal). */
  unheal(): void {
    this.#healed = false;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        void this.#handle(req, Buffer.concat(chunks), res);
      });
      req.on('error', () => res.destroy());
    });
    server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const address = server.address();
    if (address && typeof address === 'object') this.#port = address.port;
    this.#server = server;
  }

  async close(): Promise<void> {
    this.#releaseHeld();
    const server = this.#server;
    this.#server = null;
    for (const socket of this.#sockets) socket.destroy();
    if (server)
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
  }

  #draw(): Fault {
    if (this.#healed) return 'pass';
    const entries = FAULTS.map((f) => [f, this.#options.weights[f] ?? 0] as const).filter(([, w]) => w > 0);
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.#random() * total;
    for (const [fault, weight] of entries) {
      roll -= weight;
      if (roll < 0) return fault;
    }
    return 'pass';
  }

  #releaseHeld(): void {
    const held = this.#held;
    this.#held = null;
    if (held) {
      clearTimeout(held.timer);
      held.release();
    }
  }

  #forward(req: IncomingMessage, body: Buffer): Promise<Upstream> {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: `127.0.0.1:${this.#options.targetPort}` };
      delete headers.connection;
      const upstream = httpRequest(
        {
          host: '127.0.0.1',
          port: this.#options.targetPort,
          method: req.method,
          path: req.url,
          headers: { ...headers, 'content-length': String(body.length) },
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) });
          });
          res.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  async #handle(req: IncomingMessage, body: Buffer, res: import('node:http').ServerResponse): Promise<void> {
    const fault = this.#draw();
    this.counts[fault]++;
    // A request arriving releases the one held for reordering (below).
    const previouslyHeld = this.#held;
    this.#held = null;
    if (previouslyHeld) clearTimeout(previouslyHeld.timer);

    const answer = (up: Upstream) => {
      const headers = { ...up.headers };
      delete headers['transfer-encoding'];
      delete headers.connection;
      res.writeHead(up.status, { ...headers, 'content-length': String(up.body.length) });
      res.end(up.body);
    };
    const unreachable = () => {
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ detail: 'fault proxy: the cloud server is unreachable' }));
      }
    };

    // The held request goes once this one has been answered by the server (or failed): it is processed
    // after a request the till sent later.
    const releaseHeld = () => previouslyHeld?.release();
    try {
      switch (fault) {
        case 'drop-request':
          releaseHeld();
          res.socket?.destroy();
          return;
        case 'reorder':
          if (previouslyHeld) break; // one held at a time: this one overtakes it
          await new Promise<void>((release) => {
            this.#held = {
              release,
              timer: setTimeout(() => {
                this.#releaseHeld();
              }, this.#options.reorderHoldMs),
            };
          });
          answer(await this.#forward(req, body));
          return;
        case 'delay':
          await new Promise((r) => setTimeout(r, 1 + Math.floor(this.#random() * this.#options.delayMaxMs)));
          break;
        default:
          break;
      }
      const first = this.#forward(req, body).finally(releaseHeld);
      if (fault === 'duplicate') {
        const second = this.#forward(req, body).catch(() => undefined);
        const up = await first;
        answer(up);
        await second;
        return;
      }
      const up = await first;
      if (fault === 'drop-response') {
        res.socket?.destroy();
        return;
      }
      answer(up);
    } catch {
      releaseHeld();
      unreachable();
    }
  }
}
