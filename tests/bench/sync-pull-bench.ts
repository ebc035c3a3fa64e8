// The pull part of `npm run bench:sync` (BENCH_SYNC_ONLY=pull runs it alone): a till's first pull of a big store,
// once with nothing else on the till, once while the till keeps selling on its main thread.
//   - The cloud: a fresh MariaDB database with BENCH_PULL_PRODUCTS products (default 100,000), each with a
//     barcode and a stock level in the store; the API as its own process (src-server/cli/server.ts), real HTTP.
//   - The store's change log is built when its first terminal registers (POST /api/terminals/ calls
//     initializeStoreLog): the bench builds it just before, through that same function, to time it on its own
//     (log_build_s); the registration then finds it built (register_s is the rest of registering).
//   - Each till: openTill on a fresh folder (real SQLite file, the real sync worker thread with its own
//     connection, default page size), registered through sync.register. A pull runs from the worker's first
//     status (it asks its first page right after) to its cursor reaching the head the log had after
//     registration. pull_100k_s is the first till's (nothing else on it); max_lock_hold_ms is the longest
//     BEGIN IMMEDIATE → COMMIT of a pull chunk in either worker (its 'page' messages).
//   - The second till sells meanwhile (one line, cash; 5 ms between sales: far busier than any cashier) from the
//     moment users and a product have arrived; each sale's latency (sale.start → sale.complete) is recorded.
//     The baseline: the same number of the same sales on the same till after the pull, the worker stopped.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { hashSecret } from '../../src-server/auth/passwords.js';
import { createDatabaseIfMissing, dropDatabase, openDatabase } from '../../src-server/db/client.js';
import { migrateDatabase } from '../../src-server/db/migrate.js';
import { barcodes, products } from '../../src-server/db/schema/catalog.js';
import { stockLevels } from '../../src-server/db/schema/stock.js';
import { receiptCounters, stores } from '../../src-server/db/schema/stores.js';
import { syncStoreVersions } from '../../src-server/db/schema/sync.js';
import { storeMembers, users } from '../../src-server/db/schema/users.js';
import { initializeStoreLog } from '../../src-server/services/sync-pull.js';
import type { PageStats } from '../../src-main/sync/controller.js';
import { openTill, type Till } from '../../src-main/till.js';
import type { SyncStatus } from '../../src-shared/contract/till-sync.js';
import { newId } from '../../src-shared/domain/ids.js';
import { freePort } from '../support/free-port.js';
import { databaseUrl, round, startApi, stopApi } from './bench-api.js';

const PRODUCTS = Number(process.env.BENCH_PULL_PRODUCTS ?? 100_000);
const PASSWORD = 'bench-password-1';
const OWNER_PHONE = '0712100001';
const SELLER_PHONE = '0712100002';
const SALE_GAP_MS = 5;
const BASELINE_MIN_SALES = 200;

export interface PullFigures {
  pull_s: number;
  max_lock_hold_ms: number;
  details: Record<string, unknown>;
}

/** EAN-13 with its check digit. */
function ean(n: number): string {
  const body = `62${String(n).padStart(10, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${String((10 - (sum % 10)) % 10)}`;
}

async function seedCloud(url: string): Promise<{ storeId: string; seedS: number }> {
  const database = openDatabase(url);
  try {
    await migrateDatabase(database.db);
    const started = performance.now();
    const hash = await hashSecret(PASSWORD);
    const ownerId = newId();
    const sellerId = newId();
    const storeId = newId();
    await database.db.insert(users).values([
      { id: ownerId, phoneNumber: OWNER_PHONE, name: 'Bench Owner', role: 'owner', passwordHash: hash },
      { id: sellerId, phoneNumber: SELLER_PHONE, name: 'Bench Seller', role: 'employee', passwordHash: hash },
    ]);
    await database.db
      .insert(stores)
      .values({ id: storeId, name: 'Pull Duka', code: 'PUL', createdBy: ownerId });
    await database.db.insert(receiptCounters).values({ storeId });
    await database.db.insert(storeMembers).values([
      { storeId, userId: ownerId },
      { storeId, userId: sellerId },
    ]);
    for (let from = 0; from < PRODUCTS; from += 5000) {
      const rows = Array.from({ length: Math.min(5000, PRODUCTS - from) }, (_, k) => {
        const i = from + k;
        return {
          id: newId(),
          sku: `SKU-${String(i).padStart(6, '0')}`,
          name: `Product ${String(i)} ${i % 7 === 0 ? 'sugar' : 'rice'}`,
          price: 100_00 + (i % 900) * 100,
          taxClass: 'standard' as const,
          reorderLevel: 0,
          trackStock: true,
        };
      });
      await database.db.insert(products).values(rows);
      await database.db
        .insert(barcodes)
        .values(rows.map((r, k) => ({ code: ean(from + k), productId: r.id })));
      await database.db
        .insert(stockLevels)
        .values(rows.map((r) => ({ storeId, productId: r.id, quantity: 1_000_000_000 })));
    }
    return { storeId, seedS: (performance.now() - started) / 1000 };
  } finally {
    await database.close();
  }
}

/** Times initializeStoreLog (what POST /api/terminals/ runs) and returns the log's head after it. */
async function buildLog(url: string, storeId: string): Promise<{ seconds: number; head: number }> {
  const database = openDatabase(url);
  try {
    const started = performance.now();
    await initializeStoreLog(database.db, storeId);
    const seconds = (performance.now() - started) / 1000;
    const [row] = await database.db
      .select({ version: syncStoreVersions.version })
      .from(syncStoreVersions)
      .where(eq(syncStoreVersions.storeId, storeId));
    return { seconds, head: row?.version ?? 0 };
  } finally {
    await database.close();
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function latency(samples: readonly number[]): {
  sales: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  /** Sales slower than 100 ms: a cashier notices those. */
  over_100ms: number;
} {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    sales: sorted.length,
    p50_ms: round(percentile(sorted, 50), 2),
    p99_ms: round(percentile(sorted, 99), 2),
    max_ms: round(sorted.at(-1) ?? 0, 2),
    over_100ms: sorted.filter((ms) => ms > 100).length,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One sale of one line paid in cash, as a cashier rings it; returns its latency in ms. */
function sell(till: Till, productId: string): number {
  const started = performance.now();
  const sale = till.call('sale.start', {});
  till.call('sale.addItem', { saleId: sale.id, productId });
  const due = till.call('sale.get', { saleId: sale.id })?.sale.payment.due ?? 0;
  till.call('sale.tender', { saleId: sale.id, method: 'CASH', amount: due });
  till.call('sale.complete', { saleId: sale.id });
  return performance.now() - started;
}

interface FirstPull {
  pullS: number;
  registerS: number;
  stats: PageStats;
  statuses: number;
  workerStartMs: number;
  /** Sale latencies during the pull (empty when not selling), then the same number with the worker stopped. */
  during: number[];
  quiet: number[];
  pulled: { products: number; barcodes: number; stock_levels: number; fts_sugar: number };
}

/**
 * A fresh till in `dir` registers and pulls the store from its first request until its cursor reaches `head`;
 * with `sell`, its main thread sells meanwhile, then as many sales again with the worker stopped (baseline).
 */
async function firstPull(port: number, head: number, dir: string, selling: boolean): Promise<FirstPull> {
  // autoStart off: the worker starts when the bench says, so the pull is timed from its first request.
  const t = openTill({
    dataDir: dir,
    checkpointer: false,
    hardware: false,
    sync: { autoStart: false, intervalMs: 200, timeoutMs: 60_000 },
  });
  try {
    const r0 = performance.now();
    await t.callAsync('sync.register', {
      serverUrl: `http://127.0.0.1:${String(port)}`,
      phone: OWNER_PHONE,
      password: PASSWORD,
      tillName: selling ? 'Selling till' : 'Bench till',
    });
    const registerS = (performance.now() - r0) / 1000;

    const timing = { started: 0, done: 0 };
    let statuses = 0;
    const unsubscribe = t.subscribe((event) => {
      if (event.type !== 'sync.changed') return;
      const now = performance.now();
      statuses++;
      if (timing.started === 0) timing.started = now;
      if (timing.done === 0 && (event.payload as SyncStatus).pullCursor >= head) timing.done = now;
    });
    const startCalled = performance.now();
    t.sync.host.start();

    const raw = t.ledger.raw;
    const count = (sql: string, ...args: unknown[]) => (raw.prepare(sql).get(...args) as { n: number }).n;
    const pullDone = () => timing.done !== 0;
    // Sell as soon as the seller and a product have arrived, until the pull is done.
    const during: number[] = [];
    while (
      selling &&
      !pullDone() &&
      !(
        count('select count(*) as n from users where phone = ?', SELLER_PHONE) > 0 &&
        count('select count(*) as n from products') > 0
      )
    ) {
      await sleep(10);
    }
    let productId = '';
    if (selling && !pullDone()) {
      t.call('auth.login', { phone: SELLER_PHONE, password: PASSWORD });
      t.call('session.open', { openingFloat: 0 });
      productId = (raw.prepare('select id from products limit 1').get() as { id: string }).id;
      while (!pullDone()) {
        during.push(sell(t, productId));
        await sleep(SALE_GAP_MS);
      }
    }
    while (!pullDone()) await sleep(10);
    const stats = { ...t.sync.pageStats };
    unsubscribe();
    const startedAt = timing.started || startCalled;
    const pulled = {
      products: count('select count(*) as n from products'),
      barcodes: count('select count(*) as n from barcodes'),
      stock_levels: count('select count(*) as n from stock_levels'),
      fts_sugar: count("select count(*) as n from products_fts where products_fts match 'sugar'"),
    };
    if (pulled.products < PRODUCTS) throw new Error(`only ${String(pulled.products)} products pulled`);

    // Baseline: the same sales on the same till, no pull (the worker stopped).
    await t.sync.stop();
    const quiet: number[] = [];
    if (selling) {
      if (!productId) {
        t.call('auth.login', { phone: SELLER_PHONE, password: PASSWORD });
        t.call('session.open', { openingFloat: 0 });
        productId = (raw.prepare('select id from products limit 1').get() as { id: string }).id;
      }
      const baselineSales = Math.max(BASELINE_MIN_SALES, during.length);
      for (let i = 0; i < baselineSales; i++) {
        quiet.push(sell(t, productId));
        await sleep(SALE_GAP_MS);
      }
    }
    return {
      pullS: (timing.done - startedAt) / 1000,
      registerS,
      stats,
      statuses,
      workerStartMs: startedAt - startCalled,
      during,
      quiet,
      pulled,
    };
  } finally {
    await t.sync.stop();
    t.close();
  }
}

export async function measurePull(): Promise<PullFigures> {
  const url = databaseUrl(`asiria_bench_pull_${randomBytes(4).toString('hex')}`);
  await createDatabaseIfMissing(url);
  const dirs = [
    mkdtempSync(join(tmpdir(), 'asiria-bench-pull-')),
    mkdtempSync(join(tmpdir(), 'asiria-bench-pull-')),
  ];
  let api: ChildProcess | undefined;
  try {
    const { storeId, seedS } = await seedCloud(url);
    console.log(
      `pull: cloud seeded with ${String(PRODUCTS)} products, barcodes, stock levels in ${seedS.toFixed(1)} s`,
    );
    const port = await freePort();
    api = await startApi(url, port);
    const log = await buildLog(url, storeId);
    console.log(`pull: change log built in ${log.seconds.toFixed(3)} s (head ${String(log.head)})`);

    const alone = await firstPull(port, log.head, dirs[0] ?? '', false);
    console.log(
      `pull of ${String(PRODUCTS)} products (+ barcodes, stock levels; ${String(alone.stats.changes)} changes in ` +
        `${String(alone.stats.pages)} chunks), nothing else on the till: ${alone.pullS.toFixed(3)} s ` +
        `(${(alone.stats.fetchMs / 1000).toFixed(3)} s of it waiting for the cloud's pages); longest write-lock ` +
        `hold ${alone.stats.maxHoldMs.toFixed(2)} ms`,
    );
    const selling = await firstPull(port, log.head, dirs[1] ?? '', true);
    const duringPull = latency(selling.during);
    const noPull = latency(selling.quiet);
    console.log(
      `pull into a till selling meanwhile (a sale every ${String(SALE_GAP_MS)} ms + its own time): ` +
        `${selling.pullS.toFixed(3)} s in ${String(selling.stats.pages)} chunks; longest write-lock hold of a chunk ` +
        `${selling.stats.maxHoldMs.toFixed(2)} ms`,
    );
    console.log(
      `pull: sale latency during the pull (${String(duringPull.sales)} sales): p50 ${String(duringPull.p50_ms)} ms, ` +
        `p99 ${String(duringPull.p99_ms)} ms, max ${String(duringPull.max_ms)} ms, ${String(duringPull.over_100ms)} over 100 ms; without a pull ` +
        `(${String(noPull.sales)} sales): p50 ${String(noPull.p50_ms)} ms, p99 ${String(noPull.p99_ms)} ms, ` +
        `max ${String(noPull.max_ms)} ms, ${String(noPull.over_100ms)} over 100 ms`,
    );
    console.log(`pull: registration (log already built) ${alone.registerS.toFixed(3)} s`);
    return {
      pull_s: round(alone.pullS),
      max_lock_hold_ms: round(Math.max(alone.stats.maxHoldMs, selling.stats.maxHoldMs), 2),
      details: {
        products: PRODUCTS,
        pulled: alone.pulled,
        changes: alone.stats.changes,
        chunks: alone.stats.pages,
        // Time the worker waited for the cloud's next page (the rest it spent applying).
        waiting_for_cloud_s: round(alone.stats.fetchMs / 1000),
        max_lock_hold_alone_ms: round(alone.stats.maxHoldMs, 2),
        pull_while_selling_s: round(selling.pullS),
        chunks_while_selling: selling.stats.pages,
        max_lock_hold_while_selling_ms: round(selling.stats.maxHoldMs, 2),
        log_head: log.head,
        log_build_s: round(log.seconds),
        register_s: round(alone.registerS),
        worker_start_to_first_status_ms: round(alone.workerStartMs, 1),
        status_events: alone.statuses,
        sale_gap_ms: SALE_GAP_MS,
        sale_latency_during_pull: duringPull,
        sale_latency_no_pull: noPull,
        cloud_seed_s: round(seedS, 1),
        cpus: cpus().length,
        load_average_1m_at_end: round(loadavg()[0] ?? 0, 2),
      },
    };
  } finally {
    await stopApi(api);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await dropDatabase(url);
  }
}
