// A real till (tests/support/test-till.ts: real SQLite ledger, real till API) next to the test cloud, for the
// sync tests: the cloud is seeded with the till's store, terminal, users and products under the SAME ids
// (in production the pull side of sync makes ids match; it comes in a later part of the sync issue), the
// terminal's device is registered through the API, and the till's outbox rows are pushed as they are.
import { randomInt } from 'node:crypto';
import { count, sql, type SQL } from 'drizzle-orm';
import type { MySqlTable } from 'drizzle-orm/mysql-core';
import { hashSecret } from '../../src-server/auth/passwords.js';
import { products } from '../../src-server/db/schema/catalog.js';
import { clients } from '../../src-server/db/schema/parties.js';
import { stockLevels } from '../../src-server/db/schema/stock.js';
import { receiptCounters, stores, terminals } from '../../src-server/db/schema/stores.js';
import { storeMembers, users } from '../../src-server/db/schema/users.js';
import { stockOnHand } from '../../src-server/services/stock.js';
import {
  deviceAuthorization,
  SYNC_PROTOCOL_VERSION,
  type PushEvent,
} from '../../src-shared/contract/sync.js';
import { newId } from '../../src-shared/domain/ids.js';
import { createTestTill, type TestTill } from '../support/test-till.js';
import type { ApiResponse, TestServer } from './support/test-server.js';

export interface Device {
  terminalId: string;
  secret: string;
  epoch: number;
}

export interface SyncedTill {
  tt: TestTill;
  device: Device;
  /** The till's outbox rows after `afterSeq`, as a push sends them. */
  outbox(afterSeq?: number): PushEvent[];
  push(events: PushEvent[], o?: { device?: Device; protocol?: number; epoch?: number }): Promise<ApiResponse>;
  close(): void;
}

interface OutboxRow {
  seq: number;
  event_id: string;
  type: string;
  payload: string;
  created_at: string;
}

/** Registers `terminalId`'s device again as the manager; returns the new credential. */
export async function registerAgain(t: TestServer, terminalId: string): Promise<Device> {
  const res = await t.call('POST', `/api/terminals/${terminalId}/register/`, { as: 'manager' });
  if (res.status !== 200) throw new Error(`register: ${res.status} ${res.text}`);
  return { terminalId, secret: res.body.device_secret as string, epoch: res.body.epoch as number };
}

/**
 * A till whose store exists on the cloud with the same ids; every till product except `skipProducts` (by
 * demo key) is on the cloud, each with `initialStockMilli` on hand; so are the till's account clients.
 */
export async function syncedTill(
  t: TestServer,
  o: { skipProducts?: string[]; initialStockMilli?: number } = {},
): Promise<SyncedTill> {
  const tt = createTestTill({ products: 40 });
  const { demo } = tt;
  const db = t.database.db;
  const hash = await hashSecret('unused-password', { N: 1024, r: 8, p: 1 });
  await db
    .insert(stores)
    .values({ id: demo.storeId, name: 'Asiria Demo Duka', code: `D${newId().slice(-5)}` });
  await db.insert(receiptCounters).values({ storeId: demo.storeId });
  const tillUsers = Object.values(demo.users);
  await db.insert(users).values(
    tillUsers.map((u, i) => ({
      id: u.id,
      phoneNumber: `07${String(randomInt(0, 1e8)).padStart(8, '0')}`,
      name: u.name,
      role: i === 0 ? ('owner' as const) : i === 1 ? ('manager' as const) : ('employee' as const),
      passwordHash: hash,
    })),
  );
  await db.insert(storeMembers).values([
    { storeId: demo.storeId, userId: t.users.owner.id },
    { storeId: demo.storeId, userId: t.users.manager.id },
  ]);
  const skip = new Set((o.skipProducts ?? []).map((key) => demo.products[key]?.id));
  const rows = tt.till.ledger.raw
    .prepare('select id, sku, name, price, tax_class, reorder_level, track_stock from products')
    .all() as {
    id: string;
    sku: string;
    name: string;
    price: number;
    tax_class: string;
    reorder_level: number;
    track_stock: number;
  }[];
  const cloudProducts = rows.filter((r) => !skip.has(r.id));
  await db.insert(products).values(
    cloudProducts.map((r) => ({
      id: r.id,
      sku: r.sku,
      name: r.name,
      price: r.price,
      taxClass: r.tax_class as 'standard',
      reorderLevel: r.reorder_level,
      trackStock: r.track_stock === 1,
    })),
  );
  await db.insert(stockLevels).values(
    cloudProducts.map((r) => ({
      storeId: demo.storeId,
      productId: r.id,
      quantity: o.initialStockMilli ?? 100_000,
    })),
  );
  // The till's account clients (the ones a sale on CREDIT names), under the same ids.
  const tillClients = tt.till.ledger.raw
    .prepare('select id, name, phone, credit_limit from clients')
    .all() as { id: string; name: string; phone: string | null; credit_limit: number }[];
  if (tillClients.length > 0) {
    await db
      .insert(clients)
      .values(
        tillClients.map((c) => ({ id: c.id, name: c.name, phone: c.phone, creditLimit: c.credit_limit })),
      );
  }
  await db
    .insert(terminals)
    .values({ id: demo.terminalId, storeId: demo.storeId, code: demo.terminalCode, name: 'Till 1' });
  const device = await registerAgain(t, demo.terminalId);

  const synced: SyncedTill = {
    tt,
    device,
    outbox(afterSeq = 0) {
      const found = tt.till.ledger.raw
        .prepare('select seq, event_id, type, payload, created_at from outbox where seq > ? order by seq')
        .all(afterSeq) as OutboxRow[];
      return found.map((r) => ({
        seq: r.seq,
        eventId: r.event_id,
        type: r.type,
        payload: JSON.parse(r.payload) as unknown,
        createdAt: r.created_at,
      }));
    },
    push(events, p = {}) {
      const d = p.device ?? synced.device;
      return t.call('POST', '/api/sync/push/', {
        headers: { authorization: deviceAuthorization(d.terminalId, d.secret) },
        body: {
          protocol: p.protocol ?? SYNC_PROTOCOL_VERSION,
          terminalId: d.terminalId,
          epoch: p.epoch ?? d.epoch,
          events,
        },
      });
    },
    close() {
      tt.close();
    },
  };
  return synced;
}

/** Rows of `table` (matching `where`). */
export async function rowCount(t: TestServer, table: MySqlTable, where?: SQL): Promise<number> {
  return (await t.database.db.select({ n: count() }).from(table).where(where))[0]?.n ?? 0;
}

/** Σ of a money column of `table` (matching `where`). */
export async function moneySum(t: TestServer, table: MySqlTable, column: SQL, where?: SQL): Promise<number> {
  const [row] = await t.database.db
    .select({ total: sql<string | null>`coalesce(sum(${column}), 0)` })
    .from(table)
    .where(where);
  return Number(row?.total ?? 0);
}

export async function onHand(t: TestServer, storeId: string, productId: string): Promise<number> {
  return (await stockOnHand(t.database.db, storeId, [productId])).get(productId) ?? 0;
}
