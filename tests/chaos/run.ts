// One chaos run: the real cloud server (child process, fresh MariaDB database), the fault proxy, 2–3 real till
// processes with skewed clocks and TCP virtual printers, a seeded workload at each till while tills and the
// server are SIGKILLed and restarted and the catalog changes in the cloud; then heal, sync every till to
// quiescence, stop everything and check the invariants (invariants.ts) on the SQLite files and MySQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../src-main/ledger/seed/seeded-random.js';
import type { SyncStatus } from '../../src-shared/contract/till-sync.js';
import { decodeEscPos } from '../support/escpos/decoder.js';
import { VirtualNetworkPrinter } from '../support/escpos/virtual-printer.js';
import { cloudApi } from './cloud-api.js';
import { FaultProxy, type Fault } from './fault-proxy.js';
import { checkInvariants, type Violation } from './invariants.js';
import { seedStore, startCloud, type CloudServer } from './server-process.js';
import { readCloudSnapshot, readTillSnapshot } from './snapshots.js';
import { ChaosTill, TillRpcError } from './till-process.js';
import { prepareCashier, runWorkload, type WorkloadStats } from './workload.js';

export interface ChaosRunOptions {
  seed: number;
  /** Workload steps per till (default CHAOS_STEPS or 12). */
  steps?: number;
  /** ASIRIA_PLANTED_BUG for the server and the tills (the run is then expected to fail). */
  plantedBug?: string;
  /** Fault weights of the proxy (default: half the requests pass). */
  weights?: Partial<Record<Fault, number>>;
  /** Max time to reach quiescence after healing (default 60 s). */
  quiesceMs?: number;
  log?: (line: string) => void;
  /**
   * A cloud server shared by several runs (each adds its own store); by default the run starts its own
   * (always with a planted bug, which the server must see in its environment).
   */
  cloud?: CloudServer;
}

export interface ChaosRunResult {
  seed: number;
  violations: Violation[];
  faults: Record<Fault, number>;
  tillKills: number;
  serverKills: number;
  workload: WorkloadStats[];
  durationMs: number;
}

const DEFAULT_WEIGHTS: Partial<Record<Fault, number>> = {
  pass: 10,
  'drop-request': 2,
  'drop-response': 3,
  delay: 2,
  duplicate: 2,
  reorder: 1,
};

/** Env for every till: short timeouts and backoff caps so a run takes seconds (names: the till's sync worker). */
const FAST_SYNC_ENV: Record<string, string> = {
  ASIRIA_SYNC_INTERVAL_MS: '200',
  ASIRIA_SYNC_BACKOFF_MAX_MS: '400',
  ASIRIA_SYNC_TIMEOUT_MS: '5000',
  ASIRIA_SYNC_PULL_LIMIT: '50',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Steps done by all the tills: `reached(n)` is true once n are done, false if the workload ended first. */
class Progress {
  #steps = 0;
  #ended = false;
  #waiters: { steps: number; resolve: (reached: boolean) => void }[] = [];

  step(): void {
    this.#steps++;
    const due = this.#waiters.filter((w) => w.steps <= this.#steps);
    this.#waiters = this.#waiters.filter((w) => w.steps > this.#steps);
    for (const w of due) w.resolve(true);
  }

  end(): void {
    this.#ended = true;
    for (const w of this.#waiters) w.resolve(false);
    this.#waiters = [];
  }

  reached(steps: number): Promise<boolean> {
    if (steps <= this.#steps) return Promise.resolve(true);
    if (this.#ended) return Promise.resolve(false);
    return new Promise((resolve) => this.#waiters.push({ steps, resolve }));
  }
}

async function waitForQuiescence(
  till: ChaosTill,
  cloud: CloudServer,
  storeId: string,
  timeoutMs: number,
): Promise<SyncStatus | string> {
  const until = Date.now() + timeoutMs;
  let last: SyncStatus | null = null;
  while (Date.now() < until) {
    try {
      await till.call('sync.now', {});
      last = await till.call('sync.status', {});
      const [rows] = (await cloud.database.pool.query(
        'select version from sync_store_versions where store_id = ?',
        [storeId],
      )) as unknown as [{ version: number }[]];
      const head = rows[0]?.version ?? 0;
      if (last.queueDepth === 0 && last.pullCursor === head && last.pullHead === head && last.online) {
        return last;
      }
    } catch {
      // the till or the cloud is still coming back
    }
    await sleep(50);
  }
  return `no quiescence within ${timeoutMs / 1000} s; last status ${JSON.stringify(last)}`;
}

export async function runChaos(options: ChaosRunOptions): Promise<ChaosRunResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const random = seededRandom(options.seed);
  const steps = options.steps ?? Number(process.env.CHAOS_STEPS ?? 12);
  const plantedEnv: Record<string, string> = options.plantedBug
    ? { ASIRIA_PLANTED_BUG: options.plantedBug }
    : {};
  const root = mkdtempSync(join(tmpdir(), `asiria-chaos-${options.seed}-`));
  // Where the run's time goes (printed with the run: the harness must stay fast enough for many runs).
  const phases: string[] = [];
  let phaseStart = Date.now();
  const phase = (name: string) => {
    phases.push(`${name} ${((Date.now() - phaseStart) / 1000).toFixed(1)}`);
    phaseStart = Date.now();
  };
  const ownCloud = options.cloud === undefined || options.plantedBug !== undefined;
  const cloud = ownCloud ? await startCloud({ env: plantedEnv }) : (options.cloud as CloudServer);
  if (ownCloud) phase('cloud');
  const proxy = new FaultProxy({
    targetPort: cloud.port,
    seed: options.seed,
    weights: options.weights ?? DEFAULT_WEIGHTS,
  });
  const printers: VirtualNetworkPrinter[] = [];
  const tills: ChaosTill[] = [];
  let tillKills = 0;
  let serverKills = 0;
  const violations: Violation[] = [];
  try {
    // 2 or 3 tills, clocks skewed by up to ±6 hours, each registered through the proxy.
    const tillCount = 2 + Math.floor(random() * 2);
    const offsets = Array.from({ length: tillCount }, () => Math.round((random() * 12 - 6) * 3_600_000));
    for (const [i, offset] of offsets.entries()) {
      tills.push(
        new ChaosTill({
          name: `till-${String(i + 1)}`,
          dataDir: join(root, `till-${String(i + 1)}`),
          clockOffsetMs: offset,
          env: { ...FAST_SYNC_ENV, ...plantedEnv },
        }),
      );
      printers.push(new VirtualNetworkPrinter());
    }
    // The cloud's store, catalog and opening stock (through the REST API), the proxy, the printers and the
    // tills all at once. Products in parallel: the list keeps its order, so the seeded workload picks the
    // same items.
    const seedAdjustments = new Set<string>();
    const catalog = async () => {
      const store = await seedStore(cloud.database);
      const api = cloudApi(cloud.url, store.owner);
      const ids = await Promise.all(
        Array.from({ length: 5 }, async (_, i) => {
          const id = await api.createProduct({
            name: `Chaos item ${String(i)}`,
            sku: `${store.storeCode}-${String(i)}`,
            price: (50 + i * 35) * 100,
          });
          seedAdjustments.add(await api.addStock(store.storeId, id, 200));
          return id;
        }),
      );
      return { store, api, ids };
    };
    const [{ store: seed, api, ids: productIds }] = await Promise.all([
      catalog(),
      proxy.start(),
      ...tills.map(async (till, i) => {
        await printers[i]?.on();
        await till.start();
      }),
    ]);
    proxy.heal();
    phase('start');
    // One at a time: two registrations at once take the same terminal code (409 from the cloud).
    for (const [i, till] of tills.entries()) {
      for (let attempt = 1; ; attempt++) {
        try {
          await till.call('sync.register', {
            serverUrl: proxy.url,
            phone: seed.owner.phone,
            password: seed.owner.password,
            store: seed.storeCode,
            tillName: `Chaos till ${i + 1}`,
          });
          break;
        } catch (error) {
          // A slow machine can make the cloud miss the till's timeout: registering the same name again is fine.
          if (attempt < 5 && error instanceof TillRpcError && error.code === 'CLOUD_UNREACHABLE') continue;
          throw new Error(`${String(error)}\n${till.name} log:\n${till.log().slice(-3000)}`, {
            cause: error,
          });
        }
      }
    }
    phase('register');
    await Promise.all(
      tills.map(async (till, i) => {
        const ready = await waitForQuiescence(till, cloud, seed.storeId, 60_000);
        if (typeof ready === 'string')
          throw new Error(`${till.name} never finished its first sync: ${ready}`);
        await prepareCashier(till, seed.owner);
        await till.call('device.configure', {
          kind: 'printer',
          name: 'Chaos printer',
          connection: { type: 'tcp', host: '127.0.0.1', port: printers[i]?.port ?? 0 },
        });
      }),
    );
    phase('first sync');
    log(
      `  tills: ${offsets.map((o) => `${o >= 0 ? '+' : ''}${(o / 3_600_000).toFixed(1)} h`).join(', ')} clock skew`,
    );

    // Chaos: faults on, cashiers selling, tills and the server SIGKILLed, the catalog changing.
    proxy.unheal();
    const chaos = { selling: true };
    const selling = () => chaos.selling;
    const progress = new Progress();
    const sellers = tills.map((till, i) =>
      runWorkload({
        till,
        cashier: seed.owner,
        random: seededRandom(options.seed * 31 + i + 1),
        productIds: () => productIds,
        steps,
        onStep: () => {
          progress.step();
        },
      }),
    );
    // Kills and catalog changes happen at seeded points of the workload's progress (steps done by all the
    // tills), then after a short seeded delay (so mid-request): as many per run on a fast machine as on a
    // slow one. 1–3 till kills; 3 catalog changes and 0–2 server kills.
    const totalSteps = steps * tills.length;
    const at = (r: () => number, from: number, to: number) =>
      Math.floor(totalSteps * (from + r() * (to - from)));
    const tillKiller = (async () => {
      const r = seededRandom(options.seed * 7 + 3);
      const points = Array.from({ length: 1 + Math.floor(r() * 3) }, () => at(r, 0.1, 0.85)).sort(
        (a, b) => a - b,
      );
      for (const point of points) {
        if (!(await progress.reached(point))) break;
        await sleep(Math.floor(r() * 250));
        if (!selling()) break;
        const till = tills[Math.floor(r() * tills.length)];
        if (!till) continue;
        await till.kill();
        tillKills++;
        await sleep(50 + Math.floor(r() * 400));
        await till.start();
      }
    })();
    const cloudChaos = (async () => {
      const r = seededRandom(options.seed * 13 + 5);
      const kills = r() < 0.5 ? 1 : r() < 0.5 ? 2 : 0;
      const events = [
        ...Array.from({ length: 3 }, () => ({ kind: 'change' as const, point: at(r, 0.05, 0.9) })),
        ...Array.from({ length: kills }, () => ({ kind: 'kill' as const, point: at(r, 0.05, 0.9) })),
      ].sort((a, b) => a.point - b.point);
      let changed = 0;
      for (const event of events) {
        if (!(await progress.reached(event.point))) break;
        await sleep(Math.floor(r() * 250));
        if (!selling()) break;
        if (event.kind === 'kill') {
          await cloud.kill();
          serverKills++;
          await sleep(100 + Math.floor(r() * 500));
          await cloud.start();
        } else {
          // A price change, and a new product with stock: pulls have work.
          const target = productIds[Math.floor(r() * productIds.length)];
          if (target) await api.setPrice(target, (60 + Math.floor(r() * 100)) * 100);
          if (changed === 0) {
            const id = await api.createProduct({
              name: 'Chaos newcomer',
              sku: `${seed.storeCode}-NEW`,
              price: 99_00,
            });
            seedAdjustments.add(await api.addStock(seed.storeId, id, 50));
            productIds.push(id);
          }
          changed++;
        }
      }
    })();
    const workload = await Promise.all(sellers);
    chaos.selling = false;
    progress.end();
    await Promise.all([tillKiller, cloudChaos]);

    phase('chaos');
    // Heal and settle.
    proxy.heal();
    await Promise.all([
      cloud.running() ? undefined : cloud.start(),
      ...tills.map((till) => (till.running() ? undefined : till.start())),
    ]);
    // Every till at once; then once more, so they are all quiet at the same time (a till that finished before
    // another's last push or pull must still be at the cloud's head).
    const settle = () =>
      Promise.all(
        tills.map((till) => waitForQuiescence(till, cloud, seed.storeId, options.quiesceMs ?? 60_000)),
      );
    let settled = await settle();
    if (settled.every((done) => typeof done !== 'string')) {
      // A change made in the cloud while every till is quiet at its head: each must pull exactly it (a cursor
      // that skips the change after it would lose it for good, since nothing supersedes it).
      const last = productIds[0];
      if (last) await api.setPrice(last, 777_00);
      settled = await settle();
    }
    for (const [i, done] of settled.entries()) {
      if (typeof done === 'string')
        violations.push({ invariant: 'sync reaches quiescence', till: tills[i]?.name ?? '?', detail: done });
    }
    phase('settle');
    await Promise.all(tills.map((till) => till.stop()));
    await sleep(200); // the last receipt bytes

    const snapshots = tills.map((till, i) =>
      readTillSnapshot(till.dataDir, till.name, receiptsPrinted(printers[i])),
    );
    const cloudSnapshot = await readCloudSnapshot(cloud.database, seed.storeId, seedAdjustments);
    violations.push(
      ...checkInvariants(snapshots, cloudSnapshot, { expectNoQuarantine: !options.plantedBug }),
    );
    phase('check');
    log(`  phases (s): ${phases.join(', ')}`);
    return {
      seed: options.seed,
      violations,
      faults: { ...proxy.counts },
      tillKills,
      serverKills,
      workload,
      durationMs: Date.now() - started,
    };
  } finally {
    for (const till of tills) await till.kill();
    for (const printer of printers) await printer.off();
    await proxy.close();
    if (ownCloud) await cloud.close({ keepDatabase: process.env.CHAOS_KEEP === '1' });
    else if (!cloud.running()) await cloud.start();
    if (process.env.CHAOS_KEEP !== '1') rmSync(root, { recursive: true, force: true });
    else log(`  kept: ${root} and ${cloud.mysqlUrl}`);
  }
}

/** Receipt numbers on the printouts: the receipt barcode and the "Receipt: …" line. */
function receiptsPrinted(printer: VirtualNetworkPrinter | undefined): string[] {
  if (!printer) return [];
  const numbers = new Set<string>();
  for (const job of printer.jobs) {
    const printout = decodeEscPos(job.bytes);
    for (const barcode of printout.barcodes) numbers.add(barcode.data);
    for (const line of printout.lines) {
      const match = /^(?:Receipt|Refund):\s+(\S+)/.exec(line);
      if (match?.[1]) numbers.add(match[1]);
    }
  }
  return [...numbers];
}
