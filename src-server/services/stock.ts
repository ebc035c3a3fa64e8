// Stock effects shared by sales, voids, purchases and adjustments: movements (immutable facts), the
// per-store level cache, and low/out-of-stock alerts with their notifications.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { notifications } from '../db/schema/audit.js';
import { products } from '../db/schema/catalog.js';
import { stockAlerts, stockLevels, stockMovements } from '../db/schema/stock.js';
import { storeMembers, users } from '../db/schema/users.js';
import type { Tx } from '../db/transaction.js';
import { newId } from '../../src-shared/domain/ids.js';
import { formatQuantity } from '../../src-shared/domain/quantity.js';

export interface StockMovementInput {
  storeId: string;
  productId: string;
  qtyMilli: number /* signed: negative leaves the store */;
  reason: 'sale' | 'refund' | 'purchase' | 'adjustment' | 'void';
  referenceType: string;
  referenceId: string;
  userId: string | null;
}

type AlertKind = 'low' | 'out';

/** The alert a level calls for: out when ≤ 0, low when 0 < on hand ≤ reorder level, else none. */
function alertKindFor(onHand: number, reorderLevel: number): AlertKind | null {
  if (onHand <= 0) return 'out';
  if (onHand <= reorderLevel) return 'low';
  return null;
}

const openKey = (storeId: string, productId: string, kind: AlertKind) => `${storeId}:${productId}:${kind}`;

/**
 * Inserts the movements, adds them to stock_levels (upsert, row-locked), and opens/resolves stock alerts
 * (low: 0 < on hand ≤ reorder level; out: ≤ 0) with a notification to the store's managers and owners
 * when an alert opens. Products with track_stock = false are skipped. Runs inside the caller's
 * transaction.
 */
export async function applyStockMovements(tx: Tx, movements: readonly StockMovementInput[]): Promise<void> {
  if (movements.length === 0) return;
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
  if (tracked.length === 0) return;

  await tx.insert(stockMovements).values(
    tracked.map((m) => ({
      id: newId(),
      storeId: m.storeId,
      productId: m.productId,
      quantity: m.qtyMilli,
      reason: m.reason,
      referenceType: m.referenceType,
      referenceId: m.referenceId,
      userId: m.userId,
    })),
  );

  // One delta per (store, product), applied in a deterministic order so concurrent callers lock rows
  // in the same sequence and cannot deadlock each other.
  const deltas = new Map<string, { storeId: string; productId: string; delta: number }>();
  for (const m of tracked) {
    const key = `${m.storeId}|${m.productId}`;
    const entry = deltas.get(key) ?? { storeId: m.storeId, productId: m.productId, delta: 0 };
    entry.delta += m.qtyMilli;
    deltas.set(key, entry);
  }
  const ordered = [...deltas.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);

  for (const { storeId, productId, delta } of ordered) {
    // INSERT ... ON DUPLICATE KEY UPDATE takes the row's exclusive lock until the transaction ends.
    await tx
      .insert(stockLevels)
      .values({ id: newId(), storeId, productId, quantity: delta })
      .onDuplicateKeyUpdate({
        set: { quantity: sql`${stockLevels.quantity} + ${delta}`, updatedAt: new Date() },
      });
    const [level] = await tx
      .select({ quantity: stockLevels.quantity })
      .from(stockLevels)
      .where(and(eq(stockLevels.storeId, storeId), eq(stockLevels.productId, productId)))
      .for('update');
    const product = byId.get(productId);
    if (!level || !product) continue;
    await syncAlerts(tx, storeId, product, level.quantity);
  }
}

interface AlertProduct {
  id: string;
  name: string;
  reorderLevel: number;
}

/** Resolves alerts that no longer apply and opens the one the level calls for (with notifications). */
async function syncAlerts(tx: Tx, storeId: string, product: AlertProduct, onHand: number): Promise<void> {
  const wanted = alertKindFor(onHand, product.reorderLevel);
  const open = await tx
    .select({ id: stockAlerts.id, kind: stockAlerts.kind })
    .from(stockAlerts)
    .where(
      and(
        eq(stockAlerts.storeId, storeId),
        eq(stockAlerts.productId, product.id),
        isNull(stockAlerts.resolvedAt),
      ),
    )
    .for('update');
  const stale = open.filter((a) => a.kind !== wanted).map((a) => a.id);
  if (stale.length > 0) {
    await tx
      .update(stockAlerts)
      .set({ openKey: null, resolvedAt: new Date() })
      .where(inArray(stockAlerts.id, stale));
  }
  if (!wanted || open.some((a) => a.kind === wanted)) return;

  const alertId = newId();
  await tx.insert(stockAlerts).values({
    id: alertId,
    storeId,
    productId: product.id,
    kind: wanted,
    quantity: onHand,
    reorderLevel: product.reorderLevel,
    openKey: openKey(storeId, product.id, wanted),
  });
  const recipients = await tx
    .select({ id: users.id })
    .from(storeMembers)
    .innerJoin(users, eq(users.id, storeMembers.userId))
    .where(
      and(
        eq(storeMembers.storeId, storeId),
        inArray(users.role, ['manager', 'owner']),
        eq(users.isActive, true),
      ),
    )
    .orderBy(asc(users.id));
  if (recipients.length === 0) return;
  const title = wanted === 'out' ? `Out of stock: ${product.name}` : `Low stock: ${product.name}`;
  const body =
    wanted === 'out'
      ? `${product.name} is out of stock (${formatQuantity(onHand)} on hand).`
      : `${product.name} is at ${formatQuantity(onHand)}, at or below its reorder level of ${formatQuantity(product.reorderLevel)}.`;
  await tx.insert(notifications).values(
    recipients.map((r) => ({
      id: newId(),
      userId: r.id,
      storeId,
      kind: 'stock_alert',
      title,
      body,
      data: { alert_id: alertId, product_id: product.id, kind: wanted, quantity: formatQuantity(onHand) },
    })),
  );
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
