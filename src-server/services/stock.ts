// Stock effects shared by sales, voids, purchases and adjustments: movements (immutable facts), the
// per-store level cache, and low/out-of-stock alerts with their notifications.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { notifications } from '../db/schema/audit.js';
import { products } from '../db/schema/catalog.js';
import { stockAlerts, stockLevels, stockMovements } from '../db/schema/stock.js';
import type { Tx } from '../db/transaction.js';
import { storeManagers } from './store-managers.js';
import { newId } from '../../src-shared/domain/ids.js';
import { formatQuantity } from '../../src-shared/domain/quantity.js';
import { insertRows } from './bulk-insert.js';
import { noteChanges } from './sync-changes.js';

export interface StockMovementInput {
  /** The movement's id: a till's own id when sync applies it (same fact, same id); new otherwise. */
  id?: string;
  storeId: string;
  productId: string;
  qtyMilli: number /* signed: negative leaves the store */;
  reason: 'sale' | 'refund' | 'purchase' | 'adjustment' | 'void';
  referenceType: string;
  referenceId: string;
  userId: string | null;
  /** When it happened (a till's time when sync applies it); now otherwise. */
  createdAt?: Date;
}

type AlertKind = 'low' | 'out';

/** The alert a level calls for: out when ≤ 0, low when 0 < on hand ≤ reorder level, else none. */
function alertKindFor(onHand: number, reorderLevel: number): AlertKind | null {
  if (onHand <= 0) return 'out';
  if (onHand <= reorderLevel) return 'low';
  return null;
}

const openKey = (storeId: string, productId: string, kind: AlertKind) => `${storeId}:${productId}:${kind}`;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface AlertProduct {
  id: string;
  name: string;
  reorderLevel: number;
}

/** One (store, product) level the movements changed, with its level after them. */
interface Touched {
  storeId: string;
  product: AlertProduct;
  onHand: number;
}

/**
 * What a set of movements does to stock levels, once the movements are recorded: one delta per
 * (store, product), in key order, and the products concerned (for their alerts).
 */
export interface StockLevelDeltas {
  deltas: { storeId: string; productId: string; delta: number }[];
  products: Map<string, AlertProduct>;
  at: Date;
}

/**
 * Inserts the movements, adds them to stock_levels (upsert, row-locked), and opens/resolves stock alerts
 * (low: 0 < on hand ≤ reorder level; out: ≤ 0) with a notification to the store's managers and owners
 * when an alert opens. Products with track_stock = false are skipped. Runs inside the caller's
 * transaction, in a fixed number of statements whatever the number of movements (a sync batch of 500
 * sales is one movement INSERT, one level upsert, one level read and one alert read), and notes the
 * changed levels for the tills' pull.
 */
export async function applyStockMovements(tx: Tx, movements: readonly StockMovementInput[]): Promise<void> {
  await applyStockDeltas(tx, await recordStockMovements(tx, movements));
}

/**
 * The first half of applyStockMovements: inserts the movements (no shared row is locked) and returns the
 * level changes, for applyStockDeltas — which a caller may run later in the same transaction, so that the
 * level rows every till of the store writes stay locked for as short a time as possible.
 */
/** The stock_movements row of a movement (a new id and `at` unless the movement brings its own, as a till's do). */
export function stockMovementRow(m: StockMovementInput, at: Date): typeof stockMovements.$inferInsert {
  return {
    id: m.id ?? newId(),
    storeId: m.storeId,
    productId: m.productId,
    quantity: m.qtyMilli,
    reason: m.reason,
    referenceType: m.referenceType,
    referenceId: m.referenceId,
    userId: m.userId,
    createdAt: m.createdAt ?? at,
  };
}

export async function recordStockMovements(
  tx: Tx,
  movements: readonly StockMovementInput[],
): Promise<StockLevelDeltas> {
  const at = new Date();
  if (movements.length === 0) return { deltas: [], products: new Map(), at };
  const productIds = [...new Set(movements.map((m) => m.productId))];
  const productRows = await tx
    .select({
      id: products.id,
      name: products.name,
      reorderLevel: products.reorderLevel,
      trackStock: products.trackStock,
    })
    .from(products)
    .where(inArray(products.id, productIds));
  const byId = new Map(productRows.map((p) => [p.id, p]));
  for (const id of productIds) {
    if (!byId.has(id)) throw new Error(`applyStockMovements: unknown product ${id}`);
  }
  const tracked = movements.filter((m) => byId.get(m.productId)?.trackStock);
  await insertRows(
    tx,
    stockMovements,
    tracked.map((m) => stockMovementRow(m, at)),
  );
  const deltas = new Map<string, { storeId: string; productId: string; delta: number }>();
  for (const m of tracked) {
    const key = `${m.storeId}|${m.productId}`;
    const entry = deltas.get(key) ?? { storeId: m.storeId, productId: m.productId, delta: 0 };
    entry.delta += m.qtyMilli;
    deltas.set(key, entry);
  }
  return {
    deltas: [...deltas.entries()].sort(([a], [b]) => byText(a, b)).map(([, v]) => v),
    products: byId,
    at,
  };
}

/**
 * The second half of applyStockMovements: adds the deltas to stock_levels in key order (so concurrent
 * callers lock level rows in the same sequence and cannot deadlock each other: a multi-row INSERT locks its
 * rows in VALUES order), then syncs the alerts of the levels that changed.
 */
export async function applyStockDeltas(tx: Tx, pending: StockLevelDeltas): Promise<void> {
  const changed = pending.deltas.filter((d) => d.delta !== 0);
  if (changed.length === 0) return;
  const now = pending.at;
  // INSERT … ON DUPLICATE KEY UPDATE takes each row's exclusive lock until the transaction ends.
  await insertRows(
    tx,
    stockLevels,
    changed.map(({ storeId, productId, delta }) => ({
      storeId,
      productId,
      quantity: delta,
      createdAt: now,
      updatedAt: now,
    })),
    'ON DUPLICATE KEY UPDATE `quantity` = `quantity` + VALUES(`quantity`), `updated_at` = VALUES(`updated_at`)',
  );

  const touched: Touched[] = [];
  for (const [storeId, ids] of groupByStore(changed)) {
    // A locking read: the rows are ours already; it reads their latest version, not the snapshot.
    const levels = await tx
      .select({ productId: stockLevels.productId, quantity: stockLevels.quantity })
      .from(stockLevels)
      .where(and(eq(stockLevels.storeId, storeId), inArray(stockLevels.productId, ids)))
      .for('update');
    for (const level of levels) {
      const product = pending.products.get(level.productId);
      if (product) touched.push({ storeId, product, onHand: level.quantity });
    }
    noteChanges(tx, [storeId], 'stock_level', ids);
  }
  await syncAlerts(tx, touched, now);
}

/** Rows per statement (keeps each statement well under max_allowed_packet). */
const CHUNK = 1000;

function groupByStore(list: readonly { storeId: string; productId: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { storeId, productId } of list) {
    const ids = out.get(storeId) ?? [];
    ids.push(productId);
    out.set(storeId, ids);
  }
  return out;
}

/**
 * Resolves the open alerts that no longer apply and opens the ones the levels call for (with notifications),
 * reading the open alerts of every touched level in one statement. Only stock.ts writes alerts, always
 * holding the level row's lock, so the locking read sees every alert of these products.
 */
async function syncAlerts(tx: Tx, touched: readonly Touched[], now: Date): Promise<void> {
  if (touched.length === 0) return;
  const keys = touched.flatMap((t) => [
    openKey(t.storeId, t.product.id, 'low'),
    openKey(t.storeId, t.product.id, 'out'),
  ]);
  const open = new Set<string>();
  const stale: string[] = [];
  const wanted = new Map(
    touched.map((t) => [`${t.storeId}:${t.product.id}`, alertKindFor(t.onHand, t.product.reorderLevel)]),
  );
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await tx
      .select({
        id: stockAlerts.id,
        storeId: stockAlerts.storeId,
        productId: stockAlerts.productId,
        kind: stockAlerts.kind,
      })
      .from(stockAlerts)
      .where(inArray(stockAlerts.openKey, keys.slice(i, i + CHUNK)))
      .for('update');
    for (const a of rows) {
      if (wanted.get(`${a.storeId}:${a.productId}`) === a.kind)
        open.add(openKey(a.storeId, a.productId, a.kind));
      else stale.push(a.id);
    }
  }
  if (stale.length > 0) {
    await tx
      .update(stockAlerts)
      .set({ openKey: null, resolvedAt: now, updatedAt: now })
      .where(inArray(stockAlerts.id, stale));
  }
  const opening = touched.flatMap((t) => {
    const kind = alertKindFor(t.onHand, t.product.reorderLevel);
    return kind && !open.has(openKey(t.storeId, t.product.id, kind))
      ? [{ ...t, kind, alertId: newId() }]
      : [];
  });
  if (opening.length === 0) return;
  await tx.insert(stockAlerts).values(
    opening.map((a) => ({
      id: a.alertId,
      storeId: a.storeId,
      productId: a.product.id,
      kind: a.kind,
      quantity: a.onHand,
      reorderLevel: a.product.reorderLevel,
      openKey: openKey(a.storeId, a.product.id, a.kind),
      createdAt: now,
      updatedAt: now,
    })),
  );
  const storeIds = [...new Set(opening.map((a) => a.storeId))];
  const recipients = await storeManagers(tx, storeIds);
  const rows = opening.flatMap((a) => {
    const { name } = a.product;
    const title = a.kind === 'out' ? `Out of stock: ${name}` : `Low stock: ${name}`;
    const body =
      a.kind === 'out'
        ? `${name} is out of stock (${formatQuantity(a.onHand)} on hand).`
        : `${name} is at ${formatQuantity(a.onHand)}, at or below its reorder level of ${formatQuantity(a.product.reorderLevel)}.`;
    const data = {
      alert_id: a.alertId,
      product_id: a.product.id,
      kind: a.kind,
      quantity: formatQuantity(a.onHand),
    };
    return recipients
      .filter((r) => r.storeId === a.storeId)
      .map((r) => ({
        id: newId(),
        userId: r.id,
        storeId: a.storeId,
        kind: 'stock_alert',
        title,
        body,
        data,
      }));
  });
  await insertRows(tx, notifications, rows);
}

/** Quantity on hand (qtyMilli) per product in a store; products without a level row read 0. */
export async function stockOnHand(
  tx: Tx | Db,
  storeId: string,
  productIds: readonly string[],
): Promise<Map<string, number>> {
  const result = new Map<string, number>(productIds.map((id) => [id, 0]));
  if (productIds.length === 0) return result;
  const rows = await tx
    .select({ productId: stockLevels.productId, quantity: stockLevels.quantity })
    .from(stockLevels)
    .where(and(eq(stockLevels.storeId, storeId), inArray(stockLevels.productId, [...productIds])));
  for (const row of rows) result.set(row.productId, row.quantity);
  return result;
}
