// `npm run bench:sync` — draining offline backlogs into the cloud (not a test).
// A fresh MariaDB/MySQL database; the API runs as its own process (src-server/cli/server.ts, as `npm run
// server` runs it); this process plays the tills: each has a terminal with a device secret and a backlog of
// outbox events in exactly the till's shapes (session.opened, then sale.completed of 10 lines and 2 tenders,
// valid against src-shared/contract/sync.ts), pushed over real HTTP in seq order until ackedThroughSeq
// covers them. The raw baseline, measured in the same run: the same rows (headers, lines, payments,
// movements, held events, level upserts) written by plain multi-row INSERTs, 100 sales per transaction,
// through mysql2 — no HTTP, no validation, no planning — so drain / raw is what the sync protocol costs.
// The pull part (the first pull of a 100,000-product store into a real till that keeps selling) is in
// ./sync-pull-bench.ts. BENCH_SYNC_ONLY=drain|pull runs one part alone (the other's figures in
// bench-results/sync.json are kept); the default runs both.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import type { Pool } from 'mysql2/promise';
import { hashDeviceSecret, newDeviceSecret } from '../../src-server/auth/device-credentials.js';
import { createDatabaseIfMissing, dropDatabase, openDatabase } from '../../src-server/db/client.js';
import { migrateDatabase } from '../../src-server/db/migrate.js';
import { cashSessions } from '../../src-server/db/schema/cash.js';
import { products } from '../../src-server/db/schema/catalog.js';
import { salesDetails, salesHeaders, salesPayments } from '../../src-server/db/schema/sales.js';
import { stockLevels, stockMovements } from '../../src-server/db/schema/stock.js';
import { receiptCounters, stores, terminals } from '../../src-server/db/schema/stores.js';
import { syncEvents } from '../../src-server/db/schema/sync.js';
import { storeMembers, users } from '../../src-server/db/schema/users.js';
import { stockMovementRow } from '../../src-server/services/stock.js';
import { emptyPlan, rowsOf, type ParsedEvent } from '../../src-server/services/sync-rows.js';
import { seededRandom } from '../../src-main/ledger/seed/seeded-random.js';
import {
  deviceAuthorization,
  SYNC_PROTOCOL_VERSION,
  type PushEvent,
  type PushResponse,
  type SaleCompletedPayload,
  type SessionOpenedPayload,
} from '../../src-shared/contract/sync.js';
import { newId } from '../../src-shared/domain/ids.js';
import { freePort } from '../support/free-port.js';
import { databaseUrl, round, startApi, stopApi } from './bench-api.js';
import { measurePull, type PullFigures } from './sync-pull-bench.js';

const SALES = Number(process.env.BENCH_SYNC_SALES ?? 10_000);
const TILLS = Number(process.env.BENCH_SYNC_TILLS ?? 4);
const PRODUCTS = Number(process.env.BENCH_SYNC_PRODUCTS ?? 500);
const BATCHES = (process.env.BENCH_SYNC_BATCHES ?? '100,250,500').split(',').map(Number);
const RAW_BATCH = 100;
const LINES = 10;
const SEED = Number(process.env.BENCH_SEED ?? 20_261_126);

interface Product {
  id: string;
  sku: string;
  name: string;
  price: number;
}

export interface Store {
  storeId: string;
  userId: string;
  products: Product[];
}

export interface Till {
  terminalId: string;
  code: string;
  secret: string;
  epoch: number;
  events: PushEvent[];
}

export { databaseUrl };

export async function seedStore(url: string): Promise<Store> {
  const database = openDatabase(url);
  try {
    await migrateDatabase(database.db);
    const userId = newId();
    const storeId = newId();
    await database.db.insert(users).values({
      id: userId,
      phoneNumber: '0712000000',
      name: 'Bench Owner',
      role: 'owner',
      passwordHash: 'unused',
    });
    await database.db
      .insert(stores)
      .values({ id: storeId, name: 'Bench Duka', code: 'BSY', createdBy: userId });
    await database.db.insert(receiptCounters).values({ storeId });
    await database.db.insert(storeMembers).values({ storeId, userId });
    const rand = seededRandom(SEED);
    const list: Product[] = Array.from({ length: PRODUCTS }, (_, i) => ({
      id: newId(),
      sku: `SKU-${String(i).padStart(6, '0')}`,
      name: `Product ${String(i)}`,
      price: 50_00 + Math.floor(rand() * 950_00),
    }));
    await database.db
      .insert(products)
      .values(list.map((p) => ({ ...p, taxClass: 'standard' as const, reorderLevel: 0, trackStock: true })));
    // Enough on hand that the backlogs never cross an alert threshold: the bench measures sales, not alerts.
    await database.db
      .insert(stockLevels)
      .values(list.map((p) => ({ storeId, productId: p.id, quantity: 1_000_000_000 })));
    return { storeId, userId, products: list };
  } finally {
    await database.close();
  }
}

async function addTerminal(url: string, store: Store, code: string): Promise<Omit<Till, 'events'>> {
  const database = openDatabase(url);
  try {
    const terminalId = newId();
    const secret = newDeviceSecret();
    await database.db.insert(terminals).values({
      id: terminalId,
      storeId: store.storeId,
      code,
      name: `Till ${code}`,
      deviceSecretHash: await hashDeviceSecret(secret),
      epoch: 1,
      registeredAt: new Date(),
    });
    return { terminalId, code, secret, epoch: 1 };
  } finally {
    await database.close();
  }
}

/** A till's outbox after `sales` offline sales: its session's opening, then each sale (10 lines, 2 tenders). */
export function backlog(store: Store, till: Omit<Till, 'events'>, sales: number, seed: number): PushEvent[] {
  const rand = seededRandom(seed);
  const pick = (n: number) => Math.floor(rand() * n);
  let clock = Date.parse('2026-11-20T06:00:00.000Z');
  const tick = () => new Date((clock += 1000 + pick(20_000))).toISOString();
  const businessDate = '2026-11-20';
  const sessionId = newId();
  const openedAt = tick();
  const session: SessionOpenedPayload = {
    id: sessionId,
    storeId: store.storeId,
    terminalId: till.terminalId,
    businessDate,
    openedBy: store.userId,
    openedAt,
    openingFloat: 5_000_00,
    status: 'open',
    closedBy: null,
    closedAt: null,
    blindClose: null,
    countedTotal: null,
    denominations: null,
    expectedCash: null,
    variance: null,
    zNumber: null,
  };
  const events: PushEvent[] = [
    { seq: 1, eventId: sessionId, type: 'session.opened', payload: session, createdAt: openedAt },
  ];
  for (let n = 1; n <= sales; n++) {
    const saleId = newId();
    const startedAt = tick();
    const completedAt = tick();
    const chosen = new Set<number>();
    while (chosen.size < LINES) chosen.add(pick(store.products.length));
    const lines = [...chosen].map((index, i) => {
      const product = store.products[index] as Product;
      const qtyMilli = (1 + pick(3)) * 1000;
      const gross = (product.price * qtyMilli) / 1000;
      const tax = Math.round((gross * 1600) / 11_600);
      return {
        id: newId(),
        saleId,
        lineNo: i + 1,
        productId: product.id,
        sku: product.sku,
        name: product.name,
        qtyMilli,
        listUnitPrice: product.price,
        unitPrice: product.price,
        overridden: false,
        overrideReason: null,
        overrideApprovedBy: null,
        extended: gross,
        lineDiscount: 0,
        cartDiscountShare: 0,
        discountTotal: 0,
        taxClass: 'standard' as const,
        band: 'A' as const,
        rateBp: 1600,
        net: gross - tax,
        tax,
        gross,
      };
    });
    const total = lines.reduce((s, l) => s + l.gross, 0);
    const taxTotal = lines.reduce((s, l) => s + l.tax, 0);
    const mpesa = Math.floor(total / 2);
    const cash = Math.ceil((total - mpesa) / 100_00) * 100_00;
    const payload: SaleCompletedPayload = {
      sale: {
        id: saleId,
        receiptNumber: `${till.code}-${String(n).padStart(6, '0')}`,
        storeId: store.storeId,
        terminalId: till.terminalId,
        sessionId,
        businessDate,
        userId: store.userId,
        clientId: null,
        currency: 'KES',
        pricesIncludeTax: true,
        subtotal: total,
        lineDiscountTotal: 0,
        cartDiscountTotal: 0,
        discountTotal: 0,
        netTotal: total - taxTotal,
        taxTotal,
        roundingAdjustment: 0,
        total,
        paidTotal: mpesa + cash,
        changeGiven: mpesa + cash - total,
        startedAt,
        completedAt,
      },
      lines,
      payments: [
        {
          id: newId(),
          saleId,
          method: 'MPESA',
          amount: mpesa,
          reference: `QK${String(n).padStart(8, '0')}`,
          createdAt: completedAt,
        },
        { id: newId(), saleId, method: 'CASH', amount: cash, reference: null, createdAt: completedAt },
      ],
      movements: lines.map((l) => ({
        id: newId(),
        storeId: store.storeId,
        productId: l.productId,
        qtyDeltaMilli: -l.qtyMilli,
        reason: 'sale' as const,
        referenceType: 'sale',
        referenceId: saleId,
        userId: store.userId,
        createdAt: completedAt,
        ackedAt: null,
      })),
    };
    events.push({ seq: n + 1, eventId: saleId, type: 'sale.completed', payload, createdAt: completedAt });
  }
  return events;
}

export async function makeTill(
  url: string,
  store: Store,
  code: string,
  sales: number,
  seed: number,
): Promise<Till> {
  const terminal = await addTerminal(url, store, code);
  return { ...terminal, events: backlog(store, terminal, sales, seed) };
}

interface Drained {
  seconds: number;
  pushes: number;
  applied: number;
}

/** Pushes the till's whole backlog, `batch` events per request, as its sync worker does. */
async function drain(baseUrl: string, till: Till, batch: number): Promise<Drained> {
  const last = till.events.at(-1)?.seq ?? 0;
  const authorization = deviceAuthorization(till.terminalId, till.secret);
  let acked = 0;
  let pushes = 0;
  let applied = 0;
  const start = process.hrtime.bigint();
  while (acked < last) {
    const events = till.events.slice(acked, acked + batch);
    const res = await fetch(`${baseUrl}/api/sync/push/`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({
        protocol: SYNC_PROTOCOL_VERSION,
        terminalId: till.terminalId,
        epoch: till.epoch,
        events,
      }),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`push ${String(res.status)}: ${text.slice(0, 500)}`);
    const body = JSON.parse(text) as PushResponse;
    const bad = body.results.find((r) => r.status === 'quarantined');
    if (bad) throw new Error(`seq ${String(bad.seq)} quarantined: ${bad.reason ?? ''}`);
    if (body.ackedThroughSeq <= acked) throw new Error(`no progress after seq ${String(acked)}`);
    applied += body.results.filter((r) => r.status === 'applied').length;
    acked = body.ackedThroughSeq;
    pushes++;
  }
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, pushes, applied };
}

/** `INSERT INTO t (columns of the rows) VALUES ?`: the column names come from the drizzle table. */
function rawInsert(pool: Pool, table: Table, rows: readonly Record<string, unknown>[], suffix = '') {
  const first = rows[0];
  if (!first) return Promise.resolve();
  const columns = getTableColumns(table);
  const keys = Object.keys(first).filter((k) => k in columns);
  const names = keys.map((k) => `\`${columns[k]?.name ?? k}\``).join(', ');
  const values = rows.map((r) => keys.map((k) => r[k] ?? null));
  return pool.query(`INSERT INTO \`${getTableName(table)}\` (${names}) VALUES ? ${suffix}`, [values]);
}

/** The floor: the same rows as the server writes for `till`'s sales, by plain multi-row INSERTs. */
async function rawBaseline(url: string, till: Till): Promise<number> {
  const database = openDatabase(url);
  try {
    const [session, ...sales] = till.events;
    if (!session) throw new Error('empty backlog');
    const parse = (e: PushEvent) => ({ event: e, type: e.type, payload: e.payload }) as ParsedEvent;
    const terminal = { id: till.terminalId, storeId: (session.payload as SessionOpenedPayload).storeId };
    const sessionPlan = emptyPlan();
    rowsOf(sessionPlan, terminal, parse(session), () => undefined);
    await rawInsert(database.pool, cashSessions, sessionPlan.sessions);
    // Rows built before the clock starts: the floor is the writing, not the planning.
    const batches = [];
    for (let i = 0; i < sales.length; i += RAW_BATCH) {
      const chunk = sales.slice(i, i + RAW_BATCH);
      const plan = emptyPlan();
      for (const e of chunk) rowsOf(plan, terminal, parse(e), () => undefined);
      const deltas = new Map<string, number>();
      for (const m of plan.movements) deltas.set(m.productId, (deltas.get(m.productId) ?? 0) + m.qtyMilli);
      const now = new Date();
      batches.push({
        plan,
        movements: plan.movements.map((m) => stockMovementRow(m, now)),
        levels: [...deltas.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([productId, quantity]) => ({
            id: newId(),
            storeId: terminal.storeId,
            productId,
            quantity,
            createdAt: now,
            updatedAt: now,
          })),
        events: chunk.map((e) => ({
          terminalId: till.terminalId,
          epoch: till.epoch,
          seq: e.seq,
          eventId: e.eventId,
          type: e.type,
          status: 'applied',
          createdAt: new Date(e.createdAt),
          receivedAt: now,
        })),
      });
    }
    const start = process.hrtime.bigint();
    for (const b of batches) {
      const connection = await database.pool.getConnection();
      try {
        await connection.beginTransaction();
        const pool = connection as unknown as Pool;
        await rawInsert(pool, salesHeaders, b.plan.headers);
        await rawInsert(pool, salesDetails, b.plan.details);
        await rawInsert(pool, salesPayments, b.plan.payments);
        await rawInsert(pool, stockMovements, b.movements);
        await rawInsert(
          pool,
          stockLevels,
          b.levels,
          'ON DUPLICATE KEY UPDATE quantity = quantity + VALUES(quantity), updated_at = VALUES(updated_at)',
        );
        await rawInsert(pool, syncEvents, b.events);
        await connection.commit();
      } finally {
        connection.release();
      }
    }
    return Number(process.hrtime.bigint() - start) / 1e9;
  } finally {
    await database.close();
  }
}

interface DrainFigures {
  drain_10k_s: number;
  drain_4x2500_s: number;
  details: Record<string, unknown>;
}

async function measureDrain(): Promise<DrainFigures> {
  const url = databaseUrl(`asiria_bench_sync_${randomBytes(4).toString('hex')}`);
  await createDatabaseIfMissing(url);
  let api: ChildProcess | undefined;
  try {
    const store = await seedStore(url);
    const port = await freePort();
    api = await startApi(url, port);
    const baseUrl = `http://127.0.0.1:${String(port)}`;

    // A warm-up till (JIT, pool, device credential cache), not measured.
    const warm = await makeTill(url, store, 'W01', 1_000, SEED + 99);
    await drain(baseUrl, warm, 250);

    const single: Record<string, Drained> = {};
    for (const [i, batch] of BATCHES.entries()) {
      const till = await makeTill(url, store, `S${String(i + 1).padStart(2, '0')}`, SALES, SEED + i);
      const r = await drain(baseUrl, till, batch);
      single[String(batch)] = r;
      console.log(
        `drain ${String(SALES)} sales, batches of ${String(batch)}: ${r.seconds.toFixed(3)} s ` +
          `(${Math.round(SALES / r.seconds).toString()} sales/s, ${String(r.pushes)} pushes)`,
      );
    }
    const [bestBatch, best] = Object.entries(single).sort(([, a], [, b]) => a.seconds - b.seconds)[0] ?? [];
    if (!best || !bestBatch) throw new Error('no drain measured');

    const per = Math.floor(SALES / TILLS);
    const tills = await Promise.all(
      Array.from({ length: TILLS }, (_, i) =>
        makeTill(url, store, `M${String(i + 1).padStart(2, '0')}`, per, SEED + 100 + i),
      ),
    );
    const start = process.hrtime.bigint();
    const each = await Promise.all(tills.map((t) => drain(baseUrl, t, Number(bestBatch))));
    const together = Number(process.hrtime.bigint() - start) / 1e9;
    console.log(
      `${String(TILLS)} tills × ${String(per)} sales at once, batches of ${bestBatch}: ${together.toFixed(3)} s ` +
        `(${Math.round((per * TILLS) / together).toString()} sales/s; slowest till ` +
        `${Math.max(...each.map((e) => e.seconds)).toFixed(3)} s)`,
    );

    const rawTill = await makeTill(url, store, 'R01', SALES, SEED + 200);
    const raw = await rawBaseline(url, rawTill);
    console.log(
      `raw baseline: the same rows by multi-row INSERTs, ${String(RAW_BATCH)} sales per transaction: ` +
        `${raw.toFixed(3)} s (${Math.round(SALES / raw).toString()} sales/s)`,
    );
    console.log(`drain / raw: ${(best.seconds / raw).toFixed(2)}×`);
    return {
      drain_10k_s: round(best.seconds),
      drain_4x2500_s: round(together),
      details: {
        sales: SALES,
        lines_per_sale: LINES,
        tenders_per_sale: 2,
        products: PRODUCTS,
        server: 'src-server/cli/server.ts as a child process (NODE_ENV=production), real HTTP on 127.0.0.1',
        best_batch: Number(bestBatch),
        drain_by_batch_s: Object.fromEntries(Object.entries(single).map(([k, v]) => [k, round(v.seconds)])),
        drain_by_batch_sales_per_s: Object.fromEntries(
          Object.entries(single).map(([k, v]) => [k, Math.round(SALES / v.seconds)]),
        ),
        tills: TILLS,
        per_till: per,
        per_till_s: each.map((e) => round(e.seconds)),
        raw_baseline_s: round(raw),
        raw_batch: RAW_BATCH,
        // Other work on the machine skews every figure (raw included): read them with the load.
        cpus: cpus().length,
        load_average_1m_at_end: round(loadavg()[0] ?? 0, 2),
        drain_over_raw: round(best.seconds / raw, 2),
      },
    };
  } finally {
    await stopApi(api);
    await dropDatabase(url);
  }
}

/** BENCH_SYNC_ONLY=drain|pull runs one part; the other part's figures already in sync.json are kept. */
const ONLY = (process.env.BENCH_SYNC_ONLY ?? '').trim();

async function main(): Promise<void> {
  if (ONLY && ONLY !== 'drain' && ONLY !== 'pull') throw new Error('BENCH_SYNC_ONLY must be drain or pull');
  const dir = join(import.meta.dirname, '../../bench-results');
  const file = join(dir, 'sync.json');
  const previous = (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}) as {
    drain_10k_s?: number | null;
    drain_4x2500_s?: number | null;
    pull_100k_s?: number | null;
    max_lock_hold_ms?: number | null;
    details?: { drain?: unknown; pull?: unknown };
  };
  const drain: DrainFigures | null = ONLY === 'pull' ? null : await measureDrain();
  const pull: PullFigures | null = ONLY === 'drain' ? null : await measurePull();
  console.log(
    `load average (1 min) at the end: ${(loadavg()[0] ?? 0).toFixed(2)} on ${String(cpus().length)} CPUs`,
  );
  const results = {
    drain_10k_s: drain ? drain.drain_10k_s : (previous.drain_10k_s ?? null),
    drain_4x2500_s: drain ? drain.drain_4x2500_s : (previous.drain_4x2500_s ?? null),
    pull_100k_s: pull ? pull.pull_s : (previous.pull_100k_s ?? null),
    max_lock_hold_ms: pull ? pull.max_lock_hold_ms : (previous.max_lock_hold_ms ?? null),
    details: {
      // (A sync.json written before the pull part existed has the drain details at the top of `details`.)
      drain: drain
        ? drain.details
        : (previous.details?.drain ??
          (previous.details && 'best_batch' in previous.details ? previous.details : null)),
      pull: pull ? pull.details : (previous.details?.pull ?? null),
      targets: { drain_10k_s: 5, drain_4x2500_s: 5, pull_100k_s: 10, max_lock_hold_ms: 25 },
    },
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to bench-results/sync.json`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
