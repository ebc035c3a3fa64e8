// `npm run bench:server` — the cloud API under load from a second process (not a test).
// A fresh MySQL database with 100,000 products; the API runs as its own process (`npm run server`);
// autocannon, in this process, drives GET /api/products/?search= and POST /api/sales-payments/split/.
// Search is measured after a warm-up with the same query mix (JIT, pool, the per-node search cache), and
// cold: the first search of each distinct query right after a product write. The raw baseline, measured
// in the same run: the very same search SQL issued from a bare node:http server (no framework, no auth, no
// validation), so API / raw is what the framework costs.
import autocannon from 'autocannon';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { hashSecret } from '../../src-server/auth/passwords.js';
import { createDatabaseIfMissing, dropDatabase, openDatabase } from '../../src-server/db/client.js';
import { migrateDatabase } from '../../src-server/db/migrate.js';
import { barcodes, products } from '../../src-server/db/schema/catalog.js';
import { receiptCounters, stores } from '../../src-server/db/schema/stores.js';
import { representProducts } from '../../src-server/services/catalog-products.js';
import { productPageSource } from '../../src-server/services/catalog-search.js';
import { ProductListCache } from '../../src-server/services/product-list-cache.js';
import { storeMembers, users } from '../../src-server/db/schema/users.js';
import { gtinCheckDigit } from '../../src-shared/domain/barcode.js';
import { newId } from '../../src-shared/domain/ids.js';
import { round3, summarize } from './stats.js';
import { freePort } from '../support/free-port.js';
import { databaseUrl, startApi, startProcess, stopApi } from './bench-api.js';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SPLITS = Number(process.env.BENCH_SPLITS ?? 3_000);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const CLOCK_TICKS = 100;
const WORDS = [
  'Sugar',
  'Milk',
  'Flour',
  'Tea',
  'Rice',
  'Soap',
  'Juice',
  'Bread',
  'Salt',
  'Oil',
  'Water',
  'Biscuits',
];
const BRANDS = [
  'Kabras',
  'Mumias',
  'Brookside',
  'Jogoo',
  'Pembe',
  'Ketepa',
  'Kimbo',
  'Daima',
  'Tuzo',
  'Menengai',
];
const PASSWORD = 'bench-password-123';

async function seed(url: string): Promise<{ storeId: string; productIds: string[] }> {
  const database = openDatabase(url);
  try {
    await migrateDatabase(database.db);
    const ownerId = newId();
    const storeId = newId();
    await database.db.insert(users).values({
      id: ownerId,
      phoneNumber: '0712000000',
      name: 'Bench Owner',
      role: 'owner',
      passwordHash: await hashSecret(PASSWORD),
    });
    await database.db
      .insert(stores)
      .values({ id: storeId, name: 'Bench Store', code: 'BEN', createdBy: ownerId });
    await database.db.insert(receiptCounters).values({ storeId });
    await database.db.insert(storeMembers).values({ storeId, userId: ownerId });
    const productIds: string[] = [];
    for (let start = 0; start < PRODUCTS; start += 1000) {
      const rows = [];
      const codes = [];
      for (let i = start; i < Math.min(PRODUCTS, start + 1000); i++) {
        const id = newId();
        productIds.push(id);
        const brand = BRANDS[i % BRANDS.length] ?? 'Generic';
        const word = WORDS[Math.floor(i / BRANDS.length) % WORDS.length] ?? 'Item';
        rows.push({
          id,
          sku: `SKU-${String(i).padStart(6, '0')}`,
          name: `${brand} ${word} ${i % 97}g`,
          price: 5_000 + (i % 200) * 500,
        });
        const body = `616${String(i).padStart(9, '0')}`;
        codes.push({ id: newId(), code: `${body}${gtinCheckDigit(body)}`, productId: id, isPrimary: true });
      }
      await database.db.insert(products).values(rows);
      await database.db.insert(barcodes).values(codes);
    }
    return { storeId, productIds };
  } finally {
    await database.close();
  }
}

/**
 * The raw baseline: the very same search SQL (catalog version, the cached count and first ids — computed
 * with the same FULLTEXT query on a miss —, the page by primary key, its barcodes), issued by the API's own
 * search functions from a bare node:http handler: no Fastify, authentication, rate limit, validation or
 * zod serialisation. API throughput / this = what the framework around the queries costs.
 */
async function startRawSearch(
  url: string,
  port: number,
): Promise<{ server: Server; port: number; close: () => Promise<void> }> {
  const database = openDatabase(url);
  const cache = new ProductListCache();
  const server = createServer((req, res) => {
    const search = new URL(req.url ?? '/', 'http://x').searchParams.get('search') ?? '';
    const source = productPageSource(database.db, cache, { search });
    void (async () => {
      const count = await source.count();
      const rows = count === 0 ? [] : await source.rows(50, 0);
      const results = await representProducts(database.db, rows, undefined);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ count, next: null, previous: null, results }));
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) =>
        server.close(() => {
          r();
        }),
      );
      await database.close();
    },
  };
}

function searchPath(i: number): string {
  const brand = BRANDS[i % BRANDS.length] ?? 'Kabras';
  const word = WORDS[(i * 7) % WORDS.length] ?? 'Sugar';
  return `/api/products/?search=${encodeURIComponent(i % 3 === 0 ? brand.slice(0, 4) : `${brand} ${word.slice(0, 3)}`)}`;
}

/**
 * CPU time (user + system, ms) a process has used, from /proc (Linux; null elsewhere). Divided by the
 * requests served it is a figure other processes' load hardly changes, unlike req/s on a busy machine.
 */
function processCpuMs(pid: number | undefined): number | null {
  try {
    const fields =
      readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
        .split(') ')[1]
        ?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

function perRequest(after: number | null, before: number | null, result: autocannon.Result): number | null {
  if (after === null || before === null || result.requests.total === 0) return null;
  return round3((after - before) / result.requests.total);
}

async function load(options: autocannon.Options): Promise<autocannon.Result> {
  return await new Promise((resolve, reject) => {
    autocannon(options, (error, result) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(result);
    });
  });
}

async function main(): Promise<void> {
  const name = `asiria_bench_${randomBytes(4).toString('hex')}`;
  const url = databaseUrl(name);
  await createDatabaseIfMissing(url);
  let api: ChildProcess | undefined;
  let raw: ChildProcess | undefined;
  try {
    const loadStart = round3(loadavg()[0] ?? 0);
    const seedStart = performance.now();
    const { storeId, productIds } = await seed(url);
    console.log(
      `AsiriaPOS cloud bench — ${PRODUCTS.toLocaleString('en')} products seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );
    const port = await freePort();
    api = await startApi(url, port);
    const base = `http://127.0.0.1:${port}`;
    const json = { 'content-type': 'application/json' };
    const login = (await (
      await fetch(`${base}/api/token/`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ phone_number: '0712000000', password: PASSWORD }),
      })
    ).json()) as { access: string };
    const auth = { ...json, authorization: `Bearer ${login.access}` };
    const session = (await (
      await fetch(`${base}/api/cash-sessions/`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ store: storeId, opening_float: '1000.00' }),
      })
    ).json()) as { id: string };

    // Warm-up (JIT, connection pool, search cache) with the same query mix, then search at a fixed
    // 200 requests/s (the latency target), then flat out (throughput).
    let n = 0;
    const searchRequest = () => ({ method: 'GET' as const, path: searchPath(n++), headers: auth });
    const searchLoad = (options: Partial<autocannon.Options>) =>
      load({
        url: base,
        connections: 10,
        duration: SECONDS,
        ...options,
        requests: [{ setupRequest: (r) => ({ ...r, ...searchRequest() }) }],
      });
    await searchLoad({ duration: WARMUP_SECONDS });
    const searchAt200 = await searchLoad({ overallRate: 200 });
    const searchCpu = processCpuMs(api.pid);
    const searchMax = await searchLoad({});
    const searchCpuMs = perRequest(processCpuMs(api.pid), searchCpu, searchMax);
    const rawPort = await freePort();
    raw = await startProcess(
      [import.meta.filename, '--raw-search', url, String(rawPort)],
      {},
      `http://127.0.0.1:${String(rawPort)}/`,
    );
    const rawBase = `http://127.0.0.1:${String(rawPort)}`;
    const rawLoad = (duration: number) =>
      load({
        url: rawBase,
        connections: 10,
        duration,
        requests: [{ setupRequest: (r) => ({ ...r, method: 'GET', path: searchPath(n++) }) }],
      });
    await rawLoad(WARMUP_SECONDS);
    const rawMax = await rawLoad(SECONDS);

    // Cold: a product write bumps the catalog version, so the next search of each distinct query computes
    // its count and first ids again (one at a time, no other load).
    const renamed = await fetch(`${base}/api/products/${productIds[0] ?? ''}/`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ name: 'Kabras Sugar 1kg (bench)' }),
    });
    if (!renamed.ok) throw new Error(`PATCH product: ${String(renamed.status)}`);
    const coldMs: number[] = [];
    for (const path of new Set(Array.from({ length: 60 }, (_, i) => searchPath(i)))) {
      const start = performance.now();
      const res = await fetch(`${base}${path}`, { headers: auth });
      await res.arrayBuffer();
      coldMs.push(performance.now() - start);
    }
    const cold = summarize(coldMs);

    // Unpaid sales to pay: created through the API (also a throughput figure of its own).
    const saleIds: string[] = [];
    let p = 0;
    const createSales = await load({
      url: base,
      connections: 10,
      amount: SPLITS,
      requests: [
        {
          method: 'POST',
          path: '/api/salesheaders/',
          headers: auth,
          setupRequest: (r) => ({
            ...r,
            body: JSON.stringify({
              store: storeId,
              session: session.id,
              details: [
                { product: productIds[p++ % productIds.length], quantity: '2' },
                { product: productIds[(p * 31) % productIds.length], quantity: '1' },
              ],
            }),
          }),
          onResponse: (status, body) => {
            if (status === 201) saleIds.push((JSON.parse(body) as { id: string }).id);
          },
        },
      ],
    });
    let s = 0;
    const splitCpu = processCpuMs(api.pid);
    const split = await load({
      url: base,
      connections: 10,
      amount: saleIds.length,
      requests: [
        {
          method: 'POST',
          path: '/api/sales-payments/split/',
          headers: auth,
          setupRequest: (r) => ({
            ...r,
            body: JSON.stringify({
              sales_header: saleIds[s++],
              session: session.id,
              payments: [
                { method: 'MPESA', amount: '10.00', reference: 'QKBENCH' },
                { method: 'CASH', amount: '100000.00' },
              ],
            }),
          }),
        },
      ],
    });

    const results = {
      products: PRODUCTS,
      search_p50_ms: searchAt200.latency.p50,
      search_p99_ms: searchAt200.latency.p99,
      search_at_200_rps: round3(searchAt200.requests.average),
      search_rps: round3(searchMax.requests.average),
      search_max_p99_ms: searchMax.latency.p99,
      search_cold_p50_ms: round3(cold.p50),
      search_cold_max_ms: round3(cold.max),
      search_cold_queries: cold.n,
      raw_search_rps: round3(rawMax.requests.average),
      raw_search_p99_ms: rawMax.latency.p99,
      search_vs_raw_ratio: round3(searchMax.requests.average / rawMax.requests.average),
      sales_create_rps: round3(createSales.requests.average),
      split_rps: round3(split.requests.average),
      split_p50_ms: split.latency.p50,
      split_p99_ms: split.latency.p99,
      api_cpu_ms_per_search: searchCpuMs,
      api_cpu_ms_per_split: perRequest(processCpuMs(api.pid), splitCpu, split),
      errors: searchAt200.non2xx + searchMax.non2xx + rawMax.non2xx + createSales.non2xx + split.non2xx,
      load_average_1m: { start: loadStart, end: round3(loadavg()[0] ?? 0) },
    };
    console.table({
      'search @ 200 req/s': {
        'req/s': results.search_at_200_rps,
        p50: results.search_p50_ms,
        p99: results.search_p99_ms,
        target: 'p99 ≤ 50 ms',
      },
      'search, flat out': {
        'req/s': results.search_rps,
        p50: searchMax.latency.p50,
        p99: results.search_max_p99_ms,
        target: '',
      },
      'search, cold (after a product write)': {
        'req/s': '',
        p50: round3(cold.p50),
        p99: round3(cold.max),
        target: `${String(cold.n)} queries, p99 = max`,
      },
      'raw: same SQL, bare node:http': {
        'req/s': results.raw_search_rps,
        p50: rawMax.latency.p50,
        p99: rawMax.latency.p99,
        target: '(baseline)',
      },
      'POST /api/salesheaders/': {
        'req/s': results.sales_create_rps,
        p50: createSales.latency.p50,
        p99: createSales.latency.p99,
        target: '',
      },
      'POST /api/sales-payments/split/': {
        'req/s': results.split_rps,
        p50: results.split_p50_ms,
        p99: results.split_p99_ms,
        target: '≥ 300 req/s',
      },
    });
    console.log(
      `API search throughput = ${String(results.search_vs_raw_ratio)} × the raw baseline (same SQL); ` +
        `non-2xx answers: ${String(results.errors)}; load average ${String(loadStart)} → ${String(results.load_average_1m.end)}`,
    );
    console.log(
      `API process CPU per request: search ${String(results.api_cpu_ms_per_search)} ms, ` +
        `split payment ${String(results.api_cpu_ms_per_split)} ms`,
    );
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/server.json', `${JSON.stringify(results, null, 2)}\n`);
    console.log('wrote bench-results/server.json');
  } finally {
    await stopApi(raw);
    await stopApi(api);
    await dropDatabase(url);
  }
}

if (process.argv[2] === '--raw-search') {
  // The raw baseline's own process (as the API has its own): serve until SIGTERM.
  const served = await startRawSearch(process.argv[3] ?? '', Number(process.argv[4]));
  process.once('SIGTERM', () => {
    void served.close();
  });
} else {
  await main();
}
