// Purchasing: purchase orders (header + lines), receiving them into stock exactly once, cancelling.
//
// Supplier balance rule (what we owe the supplier): a purchase adds its total to the supplier's balance
// when it is RECEIVED (not when ordered); a payment subtracts its amount (services/finance.ts). Payments
// may be made against an ordered purchase (a deposit), so a balance below zero is credit with the
// supplier. The purchase's own paid_total can never exceed its total.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { multiplyByQty, sumMinor } from '../../src-shared/domain/money.js';
import type { AuditActor } from '../db/audit.js';
import type { Db } from '../db/client.js';
import { products } from '../db/schema/catalog.js';
import { suppliers } from '../db/schema/parties.js';
import { purchaseDetails, purchaseHeaders } from '../db/schema/purchases.js';
import type { Tx } from '../db/transaction.js';
import { fieldError, invalidPk, notFound, validationError, type FieldErrors } from '../http/errors.js';
import { applyStockMovements } from './stock.js';

export type PurchaseHeaderRow = typeof purchaseHeaders.$inferSelect;
export type PurchaseDetailRow = typeof purchaseDetails.$inferSelect;
export interface Purchase {
  header: PurchaseHeaderRow;
  details: PurchaseDetailRow[];
}

export interface PurchaseLineInput {
  product: string;
  /** qtyMilli, > 0 */
  quantity: number;
  /** minor units, ≥ 0 */
  unit_cost: number;
}

/** 400 unless the supplier exists. */
export async function requireSupplier(tx: Tx | Db, supplierId: string): Promise<void> {
  const [found] = await tx.select({ id: suppliers.id }).from(suppliers).where(eq(suppliers.id, supplierId));
  if (!found) throw fieldError('supplier', invalidPk(supplierId));
}

/** 400 on `details.N.product` for every product id that does not exist. */
export async function requireLineProducts(tx: Tx | Db, lines: readonly PurchaseLineInput[]): Promise<void> {
  const ids = [...new Set(lines.map((l) => l.product))];
  const found = new Set(
    ids.length
      ? (await tx.select({ id: products.id }).from(products).where(inArray(products.id, ids))).map(
          (r) => r.id,
        )
      : [],
  );
  const errors: FieldErrors = {};
  lines.forEach((line, i) => {
    if (!found.has(line.product)) errors[`details.${i}.product`] = [invalidPk(line.product)];
  });
  if (Object.keys(errors).length) throw validationError(errors);
}

/** Line totals (quantity × unit cost, by the shared rounding rule) and the purchase total. */
export function priceLines(lines: readonly PurchaseLineInput[]): { lineTotals: number[]; total: number } {
  const lineTotals = lines.map((l) => multiplyByQty(l.unit_cost, l.quantity));
  return { lineTotals, total: sumMinor(lineTotals) };
}

async function insertLines(tx: Tx, headerId: string, lines: readonly PurchaseLineInput[]): Promise<number> {
  const { lineTotals, total } = priceLines(lines);
  await tx.insert(purchaseDetails).values(
    lines.map((line, i) => ({
      headerId,
      productId: line.product,
      quantity: line.quantity,
      unitCost: line.unit_cost,
      lineTotal: lineTotals[i] ?? 0,
    })),
  );
  return total;
}

export async function loadDetails(
  db: Tx | Db,
  headerIds: readonly string[],
): Promise<Map<string, PurchaseDetailRow[]>> {
  const result = new Map<string, PurchaseDetailRow[]>(headerIds.map((id) => [id, []]));
  if (headerIds.length === 0) return result;
  const rows = await db
    .select()
    .from(purchaseDetails)
    .where(inArray(purchaseDetails.headerId, [...headerIds]))
    .orderBy(asc(purchaseDetails.createdAt), asc(purchaseDetails.id));
  for (const row of rows) result.get(row.headerId)?.push(row);
  return result;
}

/** The purchase if it exists in one of `storeIds` (locked FOR UPDATE when `lock`), else 404. */
export async function findPurchase(
  db: Tx | Db,
  id: string,
  storeIds: readonly string[],
  lock = false,
): Promise<Purchase> {
  const where = and(eq(purchaseHeaders.id, id), inArray(purchaseHeaders.storeId, [...storeIds]));
  const query = db.select().from(purchaseHeaders).where(where);
  const [header] = lock ? await query.for('update') : await query;
  if (!header) throw notFound();
  const details = (await loadDetails(db, [id])).get(id) ?? [];
  return { header, details };
}

export interface NewPurchase {
  storeId: string;
  supplierId: string;
  reference: string | null;
  notes: string | null;
  lines: readonly PurchaseLineInput[];
}

/** Inserts an ordered purchase; returns its id. Store access is the caller's check. */
export async function createPurchase(tx: Tx, userId: string, input: NewPurchase): Promise<string> {
  await requireSupplier(tx, input.supplierId);
  await requireLineProducts(tx, input.lines);
  const [row] = await tx
    .insert(purchaseHeaders)
    .values({
      storeId: input.storeId,
      supplierId: input.supplierId,
      reference: input.reference,
      notes: input.notes,
      status: 'ordered',
      userId,
    })
    .$returningId();
  if (!row) throw new Error('insert returned no id');
  const total = await insertLines(tx, row.id, input.lines);
  await tx.update(purchaseHeaders).set({ total }).where(eq(purchaseHeaders.id, row.id));
  return row.id;
}

/**
 * Receives a LOCKED ordered purchase: books every line into stock (reason "purchase"), adds the total
 * to the supplier's balance and marks it received. A second call finds it received → 400.
 */
export async function receivePurchase(tx: Tx, actor: AuditActor, purchase: Purchase): Promise<void> {
  const { header, details } = purchase;
  if (header.status === 'received') {
    throw fieldError('non_field_errors', 'This purchase has already been received.');
  }
  if (header.status !== 'ordered') {
    throw fieldError('non_field_errors', `A ${header.status} purchase cannot be received.`);
  }
  await applyStockMovements(
    tx,
    details.map((d) => ({
      storeId: header.storeId,
      productId: d.productId,
      qtyMilli: d.quantity,
      reason: 'purchase' as const,
      referenceType: 'purchase_header',
      referenceId: header.id,
      userId: actor.userId,
    })),
  );
  await tx
    .update(suppliers)
    .set({ balance: sql`${suppliers.balance} + ${header.total}`, updatedAt: new Date() })
    .where(eq(suppliers.id, header.supplierId));
  const now = new Date();
  await tx
    .update(purchaseHeaders)
    .set({ status: 'received', receivedAt: now, receivedBy: actor.userId, updatedAt: now })
    .where(eq(purchaseHeaders.id, header.id));
}

export interface PurchaseChange {
  supplierId?: string | undefined;
  reference?: string | null | undefined;
  notes?: string | null | undefined;
  lines?: readonly PurchaseLineInput[] | undefined;
}

/**
 * Changes a LOCKED purchase. Reference and notes may change at any time; supplier and lines only
 * while the purchase is ordered and nothing has been paid on it (the supplier's balance and the
 * payments already made refer to them).
 */
export async function changePurchase(tx: Tx, purchase: Purchase, change: PurchaseChange): Promise<void> {
  const { header } = purchase;
  const structural = { supplier: change.supplierId, details: change.lines };
  for (const [field, value] of Object.entries(structural)) {
    if (value === undefined) continue;
    if (header.status !== 'ordered') {
      throw fieldError(field, `A ${header.status} purchase can no longer change its ${field}.`);
    }
    if (header.paidTotal > 0) {
      throw fieldError(field, `This purchase has payments; its ${field} can no longer change.`);
    }
  }
  if (change.supplierId !== undefined) await requireSupplier(tx, change.supplierId);
  let total: number | undefined;
  if (change.lines !== undefined) {
    await requireLineProducts(tx, change.lines);
    await tx.delete(purchaseDetails).where(eq(purchaseDetails.headerId, header.id));
    total = await insertLines(tx, header.id, change.lines);
  }
  await tx
    .update(purchaseHeaders)
    .set({
      ...(change.supplierId !== undefined && { supplierId: change.supplierId }),
      ...(change.reference !== undefined && { reference: change.reference }),
      ...(change.notes !== undefined && { notes: change.notes }),
      ...(total !== undefined && { total }),
      updatedAt: new Date(),
    })
    .where(eq(purchaseHeaders.id, header.id));
}

/** Cancels a LOCKED ordered purchase with nothing paid on it (it stays on record as "cancelled"). */
export async function cancelPurchase(tx: Tx, purchase: Purchase): Promise<void> {
  const { header } = purchase;
  if (header.status !== 'ordered') {
    throw fieldError('non_field_errors', `A ${header.status} purchase cannot be cancelled.`);
  }
  if (header.paidTotal > 0) {
    throw fieldError('non_field_errors', 'This purchase has payments and cannot be cancelled.');
  }
  await tx
    .update(purchaseHeaders)
    .set({ status: 'cancelled', updatedAt: new Date() })
    .where(eq(purchaseHeaders.id, header.id));
}
