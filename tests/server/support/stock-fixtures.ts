// Rows the purchasing / finance / stock tests need, inserted directly with drizzle: products, suppliers,
// clients, cash sessions; and readers for stock on hand and row counts.
import { count, eq, type SQL } from 'drizzle-orm';
import type { MySqlTable } from 'drizzle-orm/mysql-core';
import { cashSessions } from '../../../src-server/db/schema/cash.js';
import { products } from '../../../src-server/db/schema/catalog.js';
import { clients, suppliers } from '../../../src-server/db/schema/parties.js';
import { stockOnHand } from '../../../src-server/services/stock.js';
import { newId } from '../../../src-shared/domain/ids.js';
import type { TestServer } from './test-server.js';

export async function makeProduct(
  t: TestServer,
  o: { name?: string; reorderLevel?: number; trackStock?: boolean } = {},
): Promise<string> {
  const id = newId();
  await t.database.db.insert(products).values({
    id,
    sku: `SKU-${id.slice(-12)}`,
    name: o.name ?? `Product ${id.slice(-6)}`,
    price: 10000,
    cost: 6000,
    reorderLevel: o.reorderLevel ?? 0,
    trackStock: o.trackStock ?? true,
  });
  return id;
}

export async function makeSupplier(t: TestServer, balance = 0): Promise<string> {
  const id = newId();
  await t.database.db.insert(suppliers).values({ id, name: `Supplier ${id.slice(-6)}`, balance });
  return id;
}

export async function makeClient(t: TestServer, balance = 0): Promise<string> {
  const id = newId();
  await t.database.db
    .insert(clients)
    .values({ id, name: `Client ${id.slice(-6)}`, balance, creditLimit: 1e7 });
  return id;
}

export async function makeSession(
  t: TestServer,
  o: { storeId?: string; userId?: string; status?: 'open' | 'closed'; businessDate?: string } = {},
): Promise<string> {
  const id = newId();
  const open = (o.status ?? 'open') === 'open';
  await t.database.db.insert(cashSessions).values({
    id,
    storeId: o.storeId ?? t.store.id,
    userId: o.userId ?? t.users.employee.id,
    businessDate: o.businessDate ?? '2026-03-02',
    openingFloat: 500000,
    status: open ? 'open' : 'closed',
    openKey: open ? `test:${id}` : null,
    closedAt: open ? null : new Date(),
  });
  return id;
}

export async function supplierBalance(t: TestServer, id: string): Promise<number> {
  const [row] = await t.database.db
    .select({ b: suppliers.balance })
    .from(suppliers)
    .where(eq(suppliers.id, id));
  return row?.b ?? NaN;
}

export async function clientBalance(t: TestServer, id: string): Promise<number> {
  const [row] = await t.database.db.select({ b: clients.balance }).from(clients).where(eq(clients.id, id));
  return row?.b ?? NaN;
}

/** qtyMilli on hand of `productId` in the test store (or `storeId`). */
export async function onHand(t: TestServer, productId: string, storeId = t.store.id): Promise<number> {
  return (await stockOnHand(t.database.db, storeId, [productId])).get(productId) ?? 0;
}

export async function rowCount(t: TestServer, table: MySqlTable, where?: SQL): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(table).where(where);
  return row?.n ?? 0;
}
