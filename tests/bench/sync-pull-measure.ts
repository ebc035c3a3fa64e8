// `npx tsx tests/bench/sync-pull-measure.ts` — the cloud's side of a till's first pull (not a test).
// A fresh MariaDB/MySQL database with one store of BENCH_PULL_PRODUCTS products (default 100,000; each with a
// barcode and a stock level in the store, as the API creates them), a few categories, units and clients, the
// store's owner and a terminal with a device secret. The API (buildApp) listens on a real port; this process
// plays the till: it pulls every page over HTTP (JSON parsed, as the till does) from cursor 0 until !hasMore,
// for each page size in BENCH_PULL_LIMITS (default 1000,2000,5000). Before each run the store's change log is
// emptied, so every run includes the log's initialisation (the first page's time).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { buildApp } from '../../src-server/app.js';
import { hashDeviceSecret, newDeviceSecret } from '../../src-server/auth/device-credentials.js';
import { loadConfig } from '../../src-server/config.js';
import {
  createDatabaseIfMissing,
  dropDatabase,
  openDatabase,
  type Database,
} from '../../src-server/db/client.js';
import { migrateDatabase } from '../../src-server/db/migrate.js';
import { receiptCounters, stores, terminals } from '../../src-server/db/schema/stores.js';
import { storeMembers, users } from '../../src-server/db/schema/users.js';
import { deviceAuthorization, SYNC_PROTOCOL_VERSION, type PullPage } from '../../src-shared/contract/sync.js';
import { newId } from '../../src-shared/domain/ids.js';
import { summarize } from './stats.js';

const PRODUCTS = Number(process.env.BENCH_PULL_PRODUCTS ?? 100_000);
const LIMITS = (process.env.BENCH_PULL_LIMITS ?? '1000,2000,5000').split(',').filter(Boolean).map(Number);
const CHUNK = 2000;

function databaseUrl(name: string): string {
  const url = new URL(process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306');
  url.pathname = `/${name}`;
  return url.toString();
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** CPU seconds (user + system) the MariaDB/MySQL server process has used, if it runs on this machine. */
function dbCpuSeconds(): number {
  for (const name of ['mariadbd', 'mysqld']) {
    try {
      const pid = execFileSync('pgrep', ['-xo', name], { encoding: 'utf8' }).trim();
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // not this name
    }
  }
  return Number.NaN;
}

const nodeCpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const load = async () => {
  const { loadavg } = await import('node:os');
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
};

/** Seeds the store; returns its id and the terminal's credential. */
async function seed(database: Database): Promise<{ storeId: string; terminalId: string; secret: string }> {
  const { pool } = database;
  await migrateDatabase(database.db);
  const now = new Date();
  const ownerId = newId();
  const storeId = newId();
  await database.db.insert(users).values({
    id: ownerId,
    phoneNumber: '0712000000',
    name: 'Bench Owner',
    role: 'owner',
    passwordHash: 'x',
  });
  await database.db
    .insert(stores)
    .values({ id: storeId, name: 'Bench Duka', code: 'BPL', createdBy: ownerId });
  await database.db.insert(receiptCounters).values({ storeId });
  await database.db.insert(storeMembers).values({ storeId, userId: ownerId });
  const categoryIds = Array.from({ length: 20 }, () => newId());
  await pool.query('insert into categories (id, name, created_at, updated_at) values ?', [
    categoryIds.map((id, i) => [id, `Category ${String(i)}`, now, now]),
  ]);
  const unitIds = [newId(), newId()];
  await pool.query('insert into units (id, name, symbol, allows_fraction, created_at, updated_at) values ?', [
    [
      [unitIds[0], 'Piece', 'pc', false, now, now],
      [unitIds[1], 'Kilogram', 'kg', true, now, now],
    ],
  ]);
  await pool.query('insert into clients (id, name, phone, credit_limit, created_at, updated_at) values ?', [
    Array.from({ length: 50 }, (_, i) => [
      newId(),
      `Client ${String(i)}`,
      `0711${String(i).padStart(6, '0')}`,
      0,
      now,
      now,
    ]),
  ]);
  const seedStart = performance.now();
  for (let from = 0; from < PRODUCTS; from += CHUNK) {
    const ids = Array.from({ length: Math.min(CHUNK, PRODUCTS - from) }, () => newId());
    await pool.query(
      'insert into products (id, sku, name, category_id, unit_id, price, cost, tax_class, reorder_level, ' +
        'track_stock, is_active, sold_by_weight, plu, created_at, updated_at) values ?',
      [
        ids.map((id, i) => {
          const n = from + i;
          return [
            id,
            `SKU-${String(n).padStart(7, '0')}`,
            `Product number ${String(n)} 500g`,
            categoryIds[n % categoryIds.length],
            unitIds[n % 10 === 0 ? 1 : 0],
            100 + (n % 100_000),
            80 + (n % 80_000),
            n % 5 === 0 ? 'zero' : 'standard',
            1000,
            true,
            true,
            n % 10 === 0,
            null,
            now,
            now,
          ];
        }),
      ],
    );
    await pool.query(
      'insert into barcodes (id, code, product_id, is_primary, created_at, updated_at) values ?',
      [ids.map((id, i) => [newId(), String(6_000_000_000_000 + from + i), id, true, now, now])],
    );
    await pool.query(
      'insert into stock_levels (id, store_id, product_id, quantity, created_at, updated_at) values ?',
      [ids.map((id, i) => [newId(), storeId, id, ((from + i) % 500) * 1000, now, now])],
    );
  }
  const terminalId = newId();
  const secret = newDeviceSecret();
  await database.db.insert(terminals).values({
    id: terminalId,
    storeId,
    code: 'T01',
    name: 'Till 1',
    deviceSecretHash: await hashDeviceSecret(secret),
    epoch: 1,
    registeredAt: now,
  });
  console.log(`seeded ${String(PRODUCTS)} products in ${String(round(performance.now() - seedStart))} ms`);
  return { storeId, terminalId, secret };
}

/** The store and a fresh credential of its terminal in a database seeded by an earlier run (BENCH_PULL_DB). */
async function reuse(database: Database): Promise<{ storeId: string; terminalId: string; secret: string }> {
  const [rows] = await database.pool.query('select id, store_id from terminals limit 1');
  const row = (rows as { id: string; store_id: string }[])[0];
  if (!row) throw new Error('BENCH_PULL_DB has no terminal: seed it first (BENCH_PULL_KEEP=1)');
  const secret = newDeviceSecret();
  await database.pool.query('update terminals set device_secret_hash = ? where id = ?', [
    await hashDeviceSecret(secret),
    row.id,
  ]);
  return { storeId: row.store_id, terminalId: row.id, secret };
}

async function main(): Promise<void> {
  const name = process.env.BENCH_PULL_DB ?? `asiria_pullbench_${randomBytes(4).toString('hex')}`;
  const keep = process.env.BENCH_PULL_KEEP === '1' || process.env.BENCH_PULL_DB !== undefined;
  const url = databaseUrl(name);
  await createDatabaseIfMissing(url);
  const database = openDatabase(url);
  const { pool } = database;
  try {
    const [tables] = await pool.query("show tables like 'terminals'");
    const seeded = (tables as unknown[]).length > 0 && process.env.BENCH_PULL_DB !== undefined;
    const { storeId, terminalId, secret } = seeded ? await reuse(database) : await seed(database);
    if (keep) console.log(`database ${name} kept: BENCH_PULL_DB=${name} reuses it`);

    const config = loadConfig({
      NODE_ENV: 'test',
      MYSQL_URL: url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      RATE_LIMIT_MAX: '1000000',
      LOG_LEVEL: 'silent',
    });
    const built = await buildApp({ config, db: database.db, logger: pino({ level: 'silent' }) });
    const address = await built.app.listen({ port: 0, host: '127.0.0.1' });
    const authorization = deviceAuthorization(terminalId, secret);
    const results: Record<string, unknown>[] = [];
    try {
      for (const limit of LIMITS) {
        // Empty the store's log: this run's first page initialises it again, as a store's first pull does.
        await pool.query('delete from sync_changes where store_id = ?', [storeId]);
        await pool.query('delete from sync_store_versions where store_id = ?', [storeId]);
        const loadBefore = await load();
        const times: number[] = [];
        let bytes = 0;
        let changes = 0;
        let cursor = 0;
        const start = performance.now();
        const cpuStart = { node: nodeCpuSeconds(), db: dbCpuSeconds() };
        for (;;) {
          const t0 = performance.now();
          const res = await fetch(
            `${address}/api/sync/pull/?protocol=${String(SYNC_PROTOCOL_VERSION)}&cursor=${String(cursor)}&limit=${String(limit)}`,
            { headers: { authorization } },
          );
          const text = await res.text();
          if (res.status !== 200) throw new Error(`pull: ${String(res.status)} ${text.slice(0, 300)}`);
          const page = JSON.parse(text) as PullPage;
          times.push(performance.now() - t0);
          bytes += text.length;
          changes += page.changes.length;
          cursor = page.nextCursor;
          if (!page.hasMore) break;
        }
        const total = performance.now() - start;
        const cpu = { node: nodeCpuSeconds() - cpuStart.node, db: dbCpuSeconds() - cpuStart.db };
        const rest = summarize(times.slice(1));
        const r = {
          limit,
          pages: times.length,
          changes,
          first_page_incl_init_ms: round(times[0] ?? Number.NaN),
          page_p50_ms: round(rest.p50),
          page_p95_ms: round(rest.p95),
          page_max_ms: round(rest.max),
          total_s: Math.round(total) / 1000,
          changes_per_s: Math.round(changes / (total / 1000)),
          mb: Math.round(bytes / 1e5) / 10,
          // CPU time, less sensitive to the machine's load than wall time: this process (server + till
          // client) and the database server (every client's work, not only this run's).
          node_cpu_s: Math.round(cpu.node * 100) / 100,
          db_cpu_s: Math.round(cpu.db * 100) / 100,
          load_before: loadBefore,
          load_after: await load(),
        };
        results.push(r);
        console.log(JSON.stringify(r));
      }
    } finally {
      await built.app.close();
    }
    console.table(results);
  } finally {
    await database.close();
    if (!keep) await dropDatabase(url);
  }
}

await main();
