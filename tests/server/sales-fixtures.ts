// Shared set-up for the sales, payments, cash-session and stock tests: products and stock rows written
// straight to the database, and small readers for what the tests check.
import { and, count, eq } from 'drizzle-orm';
import { auditLogs } from '../../src-server/db/schema/audit.js';
import { products } from '../../src-server/db/schema/catalog.js';
import { salesHeaders, salesPayments } from '../../src-server/db/schema/sales.js';
import { stockLevels, stockMovements } from '../../src-server/db/schema/stock.js';
import { newId } from '../../src-shared/domain/ids.js';
import type { TaxClassCode } from '../../src-shared/domain/tax.js';
import type { TestServer } from './support/test-server.js';

export interface ProductOptions {
  name?: string;
  /** Minor units. */
  price?: number;
  taxClass?: TaxClassCode;
  /** qtyMilli */
  reorderLevel?: number;
  trackStock?: boolean;
  isActive?: boolean;
  /** qtyMilli on hand in `storeId` (default: none). */
  stock?: number;
  storeId?: string;
}

export async function makeProduct(t: TestServer, o: ProductOptions = {}): Promise<string> {
  const id = newId();
  await t.database.db.insert(products).values({
    id,
    sku: `SKU-${id.slice(-12)}`,
    name: o.name ?? `Product ${id.slice(-6)}`,
    price: o.price ?? 16500,
    taxClass: o.taxClass ?? 'standard',
    reorderLevel: o.reorderLevel ?? 0,
    trackStock: o.trackStock ?? true,
    isActive: o.isActive ?? true,
  });
  if (o.stock !== undefined) {
    await t.database.db
      .insert(stockLevels)
      .values({ storeId: o.storeId ?? t.store.id, productId: id, quantity: o.stock });
  }
  return id;
}

/** qtyMilli on hand of a product in the test store (0 without a level row). */
export async function onHand(t: TestServer, productId: string, storeId = t.store.id): Promise<number> {
  const [row] = await t.database.db
    .select({ q: stockLevels.quantity })
    .from(stockLevels)
    .where(and(eq(stockLevels.storeId, storeId), eq(stockLevels.productId, productId)));
  return row?.q ?? 0;
}

export async function movementsOf(t: TestServer, productId: string) {
  return t.database.db
    .select()
    .from(stockMovements)
    .where(eq(stockMovements.productId, productId))
    .orderBy(stockMovements.createdAt, stockMovements.id);
}

export async function auditOf(t: TestServer, modelName: string, objectId: string) {
  return t.database.db
    .select()
    .from(auditLogs)
    .where(and(eq(auditLogs.modelName, modelName), eq(auditLogs.objectId, objectId)))
    .orderBy(auditLogs.createdAt, auditLogs.id);
}

export async function countSales(t: TestServer): Promise<number> {
  return (await t.database.db.select({ n: count() }).from(salesHeaders))[0]?.n ?? 0;
}

export async function countPayments(t: TestServer): Promise<number> {
  return (await t.database.db.select({ n: count() }).from(salesPayments))[0]?.n ?? 0;
}

type As = 'owner' | 'manager' | 'employee' | 'outsider';

/** Opens a cash session (no terminal) for `as` in the test store; returns its id. */
export async function openSession(t: TestServer, as: As, openingFloat = '1000.00'): Promise<string> {
  const res = await t.call('POST', '/api/cash-sessions/', {
    as,
    body: { store: t.store.id, opening_float: openingFloat },
  });
  if (res.status !== 201) throw new Error(`open session: ${res.status} ${res.text}`);
  return res.body.id as string;
}

export async function closeSession(t: TestServer, as: As, id: string, closing = '0.00') {
  return t.call('POST', `/api/cash-sessions/${id}/close/`, { as, body: { closing_total: closing } });
}

/** Makes a sale of `lines` in the test store; returns the response body (throws unless 201). */
export async function sell(
  t: TestServer,
  lines: { product: string; quantity: string | number; unit_price?: string; discount?: string }[],
  extra: { as?: As; session?: string; client?: string; store?: string } = {},
) {
  const res = await t.call('POST', '/api/salesheaders/', {
    as: extra.as ?? 'employee',
    body: {
      store: extra.store ?? t.store.id,
      details: lines,
      ...(extra.session && { session: extra.session }),
      ...(extra.client && { client: extra.client }),
    },
  });
  if (res.status !== 201) throw new Error(`sell: ${res.status} ${res.text}`);
  return res.body;
}
