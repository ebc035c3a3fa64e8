// Sync test harness: the real cloud (buildApp on a fresh MariaDB database, tests/server/support) listening on a
// real port behind a gate that can be shut (connections refused, open ones cut) and opened again on the same
// port, and real tills (real SQLite files, real sync worker threads) registered with it through sync.register.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket, connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncStatus } from '../../../src-shared/contract/till-sync.js';
import type { SyncOptions } from '../../../src-main/sync/controller.js';
import { openTill, type Till } from '../../../src-main/till.js';
import { SEED_PASSWORD, startTestServer, type TestServer } from '../../server/support/test-server.js';

/** A TCP gate in front of the cloud: `shut()` is "the network is down", `open()` brings it back. */
export class Gate {
  #server: Server | null = null;
  #sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly targetPort: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.on('close', () => {
          this.#sockets.delete(s);
        });
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.#server = server;
  }

  async shut(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    for (const s of this.#sockets) s.destroy();
    this.#sockets.clear();
    if (server)
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
  }
}

export interface Cloud {
  t: TestServer;
  gate: Gate;
  /** The URL tills register with (through the gate). */
  url: string;
  close(): Promise<void>;
}

export async function startCloud(): Promise<Cloud> {
  const t = await startTestServer();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (t.app.server.address() as AddressInfo).port;
  const gate = new Gate(port);
  await gate.open();
  return {
    t,
    gate,
    url: gate.url,
    async close() {
      await gate.shut();
      await t.close();
    },
  };
}

/** Fast settings for tests: short sleep, short backoff cap, short timeouts. */
export const FAST_SYNC: SyncOptions = {
  intervalMs: 200,
  backoffMinMs: 50,
  backoffMaxMs: 400,
  timeoutMs: 3000,
};

export interface SyncTill {
  till: Till;
  dataDir: string;
  register(cloud: Cloud, tillName: string, o?: { store?: string }): Promise<SyncStatus>;
  /** sync.now: resolves after a full cycle (push until drained, pull until the head). */
  syncNow(): Promise<SyncStatus>;
  reopen(options?: SyncOptions): void;
  close(): Promise<void>;
}

/** A till on a fresh data folder with NO demo store (as a new install), its worker tuned by `options`. */
export function newTill(options: SyncOptions = FAST_SYNC, dataDir?: string): SyncTill {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'asiria-sync-'));
  const open = (o: SyncOptions) => openTill({ dataDir: dir, checkpointer: false, hardware: false, sync: o });
  const st: SyncTill = {
    till: open(options),
    dataDir: dir,
    register: (cloud, tillName, o = {}) =>
      st.till.callAsync('sync.register', {
        serverUrl: cloud.url,
        phone: cloud.t.users.owner.phone,
        password: SEED_PASSWORD,
        tillName,
        ...(o.store && { store: o.store }),
      }),
    syncNow: () => st.till.callAsync('sync.now', {}),
    reopen(o = options) {
      st.till.close();
      st.till = open(o);
    },
    async close() {
      await st.till.sync.stop();
      st.till.close();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return st;
}

/** Polls `check` (no time assertion: only waits for the worker, up to a generous bound). */
export async function eventually<T>(
  check: () => T | undefined | false,
  what: string,
  ms = 20_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Awaits fn, which must reject; returns the TillError for assertions. */
export async function rejectionOf(fn: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await fn();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected the call to fail');
}
