// Changing a completed sale: void it whole, void one line, or override a line's price. Each runs in the
// caller's transaction, locks the header first (then its lines, stock levels, the client), reprices with
// priceCart, moves stock back and writes the audit entry.
import { and, count, eq, sql } from 'drizzle-orm';
import { writeAudit, type AuditActor } from '../db/audit.js';
import { clients } from '../db/schema/parties.js';
import { salesDetails, salesHeaders } from '../db/schema/sales.js';
import { stores } from '../db/schema/stores.js';
import type { Tx } from '../db/transaction.js';
import { notFound, validationError } from '../http/errors.js';
import { applyStockMovements } from './stock.js';
import { paymentsOf, recomputeHeader, type DetailRow, type HeaderRow } from './sales-pricing.js';
import { headerApi, toApiDetail, type SalesDetailOut, type SalesHeaderOut } from './sales-read.js';
import { noteChanges } from './sync-changes.js';

export interface ChangeActor extends AuditActor {
  userId: string;
}

const refuse = (message: string) => validationError({ non_field_errors: [message] });

async function lockHeader(
  tx: Tx,
  headerId: string,
  ifVoided = 'This sale is voided and can no longer be changed.',
): Promise<HeaderRow> {
  const [header] = await tx.select().from(salesHeaders).where(eq(salesHeaders.id, headerId)).for('update');
  if (!header) throw notFound();
  if (header.status === 'voided') throw refuse(ifVoided);
  return header;
}

/** Locks the line's header, then the line; refuses a voided sale or line. */
async function lockLine(tx: Tx, lineId: string): Promise<{ header: HeaderRow; line: DetailRow }> {
  const [ref] = await tx
    .select({ headerId: salesDetails.headerId })
    .from(salesDetails)
    .where(eq(salesDetails.id, lineId));
  if (!ref) throw notFound();
  const header = await lockHeader(tx, ref.headerId);
  const [line] = await tx.select().from(salesDetails).where(eq(salesDetails.id, lineId)).for('update');
  if (!line) throw notFound();
  if (line.status === 'voided') throw refuse('This line is already voided.');
  return { header, line };
}

async function roundingStepOf(tx: Tx, storeId: string): Promise<number> {
  const [store] = await tx
    .select({ step: stores.cashRoundingStep })
    .from(stores)
    .where(eq(stores.id, storeId));
  return store?.step ?? 0;
}

async function lineApi(tx: Tx, lineId: string): Promise<SalesDetailOut> {
  const [row] = await tx.select().from(salesDetails).where(eq(salesDetails.id, lineId));
  if (!row) throw notFound();
  return toApiDetail(row);
}

/**
 * Voids the whole sale: its active lines' stock comes back (reason "void"), CREDIT paid on it is taken
 * off the client's balance, status "voided". Payments stay on record; the cash of a voided sale is
 * taken as handed back, so it no longer counts in its session's expected cash.
 */
export async function voidSale(
  tx: Tx,
  headerId: string,
  reason: string,
  actor: ChangeActor,
): Promise<SalesHeaderOut> {
  const header = await lockHeader(tx, headerId, 'This sale is already voided.');
  const before = await headerApi(tx, header.id);
  const active = await tx
    .select()
    .from(salesDetails)
    .where(and(eq(salesDetails.headerId, header.id), eq(salesDetails.status, 'active')));
  await applyStockMovements(
    tx,
    active.map((line) => ({
      storeId: header.storeId,
      productId: line.productId,
      qtyMilli: line.quantity,
      reason: 'void' as const,
      referenceType: 'sales_header',
      referenceId: header.id,
      userId: actor.userId,
    })),
  );
  const credit = (await paymentsOf(tx, header.id))
    .filter((p) => p.method === 'CREDIT')
    .reduce((sum, p) => sum + p.amount, 0);
  if (credit > 0 && header.clientId) {
    await tx
      .update(clients)
      .set({ balance: sql`${clients.balance} - ${credit}`, updatedAt: new Date() })
      .where(eq(clients.id, header.clientId));
    noteChanges(tx, 'all', 'client', [header.clientId]);
  }
  const now = new Date();
  await tx
    .update(salesHeaders)
    .set({ status: 'voided', voidedAt: now, voidedBy: actor.userId, voidReason: reason, updatedAt: now })
    .where(eq(salesHeaders.id, header.id));
  const after = await headerApi(tx, header.id);
  await writeAudit(tx, actor, {
    action: 'void',
    modelName: 'sales_header',
    objectId: header.id,
    storeId: header.storeId,
    reason,
    before,
    after,
  });
  return after;
}

/** Voids one line: its stock comes back (reason "void") and the header's totals are recomputed. */
export async function voidLine(tx: Tx, lineId: string, reason: string, actor: ChangeActor): Promise<void> {
  const { header, line } = await lockLine(tx, lineId);
  const [others] = await tx
    .select({ n: count() })
    .from(salesDetails)
    .where(and(eq(salesDetails.headerId, header.id), eq(salesDetails.status, 'active')));
  if ((others?.n ?? 0) <= 1) throw refuse("This is the sale's last line: void the sale instead.");
  const now = new Date();
  await tx
    .update(salesDetails)
    .set({ status: 'voided', voidedAt: now, voidedBy: actor.userId, voidReason: reason, updatedAt: now })
    .where(eq(salesDetails.id, line.id));
  await recomputeHeader(tx, header, await roundingStepOf(tx, header.storeId));
  await applyStockMovements(tx, [
    {
      storeId: header.storeId,
      productId: line.productId,
      qtyMilli: line.quantity,
      reason: 'void',
      referenceType: 'sales_detail',
      referenceId: line.id,
      userId: actor.userId,
    },
  ]);
  await writeAudit(tx, actor, {
    action: 'void',
    modelName: 'sales_detail',
    objectId: line.id,
    storeId: header.storeId,
    reason,
    before: toApiDetail(line),
    after: await lineApi(tx, line.id),
  });
}

/** Sets a line's unit price (back to the list price clears the override) and reprices the sale. */
export async function overridePrice(
  tx: Tx,
  lineId: string,
  unitPrice: number,
  reason: string,
  actor: ChangeActor,
): Promise<SalesDetailOut> {
  const { header, line } = await lockLine(tx, lineId);
  await tx
    .update(salesDetails)
    .set({ unitPrice, overridden: unitPrice !== line.listUnitPrice, updatedAt: new Date() })
    .where(eq(salesDetails.id, line.id));
  await recomputeHeader(tx, header, await roundingStepOf(tx, header.storeId));
  const after = await lineApi(tx, line.id);
  await writeAudit(tx, actor, {
    action: 'price_override',
    modelName: 'sales_detail',
    objectId: line.id,
    storeId: header.storeId,
    reason,
    before: toApiDetail(line),
    after,
  });
  return after;
}
