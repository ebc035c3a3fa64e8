// `npm run bench:server` — the cloud API under load from a second process (not a test).
// A fresh MySQL database with 100,000 products; the API runs as its own process (`npm run server`);
// autocannon, in this process, drives GET /api/products/?search= and POST /api/sales-payments/split/.
// The raw baseline, measured in the same run: the same search answered by a bare node:http server
// that runs one mysql2 query per request (no framework, no auth, no validation).
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createPool } from 'mysql2/promise';
import { hashSecret } from '../../src-server/auth/passwords.js';
import { createDatabaseIfMissing, dropDatabase, openDatabase } from '../../src-server/db/client.js';
import { migrateDatabase } from '../../src-server/db/migrate.js';
import { barcodes, products } from '../../src-server/db/schema/catalog.js';
import { receiptCounters, stores } from '../../src-server/db/schema/stores.js';
import { storeMembers, users } from '../../src-server/db/schema/users.js';
import { gtinCheckDigit } from '../../src-shared/domain/barcode.js';
import { newId } from '../../src-shared/domain/ids.js';
import { round3 } from './stats.js';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SPLITS = Number(process.env.BENCH_SPLITS ?? 3_000);
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

function baseUrl(name: string): string {
  const url = new URL(process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306');
  url.pathname = `/${name}`;
  return url.toString();
}

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

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) =>
    server.close(() => {
      r();
    }),
  );
  return port;
}

async function startApi(url: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '../../src-server/cli/server.ts')],
    {
      env: {
        ...process.env,
        MYSQL_URL: url,
        PORT: String(port),
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'warn',
        RATE_LIMIT_MAX: '1000000',
        RATE_LIMIT_LOGIN_MAX: '100000',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/schema/`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the API did not come up:\n${log}`);
}

/** The raw baseline: node:http + one mysql2 query per request, same database, same search. */
async function startRawSearch(
  url: string,
): Promise<{ server: Server; port: number; close: () => Promise<void> }> {
  const pool = createPool({ uri: url, connectionLimit: 10 });
  const server = createServer((req, res) => {
    const search = new URL(req.url ?? '/', 'http://x').searchParams.get('search') ?? '';
    const like = `${search}%`;
    void pool
      .query(
        'select id, sku, name, price from products where name like ? or sku like ? order by name, id limit 50',
        [like, like],
      )
      .then(([rows]) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ results: rows }));
      });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: async () => {
      await new Promise<void>((r) =>
        server.close(() => {
          r();
        }),
      );
      await pool.end();
    },
  };
}

function searchPath(i: number): string {
  const brand = BRANDS[i % BRANDS.length] ?? 'Kabras';
  const word = WORDS[(i * 7) % WORDS.length] ?? 'Sugar';
  return `/api/products/?search=${encodeURIComponent(i % 3 === 0 ? brand.slice(0, 4) : `${brand} ${word.slice(0, 3)}`)}`;
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
  const url = baseUrl(name);
  await createDatabaseIfMissing(url);
  let api: ChildProcess | undefined;
  let raw: Awaited<ReturnType<typeof startRawSearch>> | undefined;
  try {
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

    // Search at a fixed 200 requests/s (the latency target), then flat out (throughput).
    let n = 0;
    const searchRequest = () => ({ method: 'GET' as const, path: searchPath(n++), headers: auth });
    const searchAt200 = await load({
      url: base,
      connections: 10,
      overallRate: 200,
      duration: SECONDS,
      requests: [{ setupRequest: (r) => ({ ...r, ...searchRequest() }) }],
    });
    const searchMax = await load({
      url: base,
      connections: 10,
      duration: SECONDS,
      requests: [{ setupRequest: (r) => ({ ...r, ...searchRequest() }) }],
    });
    raw = await startRawSearch(url);
    const rawBase = `http://127.0.0.1:${raw.port}`;
    const rawMax = await load({
      url: rawBase,
      connections: 10,
      duration: SECONDS,
      requests: [{ setupRequest: (r) => ({ ...r, method: 'GET', path: searchPath(n++) }) }],
    });

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
      raw_search_rps: round3(rawMax.requests.average),
      search_vs_raw_ratio: round3(searchMax.requests.average / rawMax.requests.average),
      sales_create_rps: round3(createSales.requests.average),
      split_rps: round3(split.requests.average),
      split_p50_ms: split.latency.p50,
      split_p99_ms: split.latency.p99,
      errors: searchAt200.non2xx + searchMax.non2xx + createSales.non2xx + split.non2xx,
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
      'raw node:http + mysql2 search': {
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
      `API search throughput = ${results.search_vs_raw_ratio} × the raw baseline; non-2xx answers: ${results.errors}`,
    );
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/server.json', `${JSON.stringify(results, null, 2)}\n`);
    console.log('wrote bench-results/server.json');
  } finally {
    await raw?.close();
    api?.kill('SIGTERM');
    await dropDatabase(url);
  }
}

await main();
