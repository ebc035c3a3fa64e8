// Writes a planned push batch in the caller's transaction: one multi-row INSERT per table (parents before
// children; bulk-insert.ts), the few per-row UPDATEs (voids, session closes, client credit), the audit entries,
// then the stock movements (stock.ts); their levels and alerts are left to the caller (applyStockDeltas).
import { eq, sql } from 'drizzle-orm';
import { auditLogs } from '../db/schema/audit.js';
import { cashSessions } from '../db/schema/cash.js';
import { clients } from '../db/schema/parties.js';
import { salesDetails, salesHeaders, salesPayments } from '../db/schema/sales.js';
import { stockAdjustments } from '../db/schema/stock.js';
import { cashMovements, refundLines, refundPayments, refunds } from '../db/schema/sync.js';
import type { Tx } from '../db/transaction.js';
import { insertRows } from './bulk-insert.js';
import { recordStockMovements, type StockLevelDeltas } from './stock.js';
import { noteChanges } from './sync-changes.js';
import type { SyncPlan } from './sync-rows.js';

/**
 * Writes everything of the plan but the stock levels; returns the level changes for applyStockDeltas, which
 * the caller runs as late as it can in the transaction (level rows are shared by every till of a store).
 */
export async function applyPlan(tx: Tx, plan: SyncPlan): Promise<StockLevelDeltas> {
  await insertRows(tx, cashSessions, plan.sessions);
  await insertRows(tx, salesHeaders, plan.headers);
  await insertRows(tx, salesDetails, plan.details);
  await insertRows(tx, salesPayments, plan.payments);
  await insertRows(tx, refunds, plan.refunds);
  await insertRows(tx, refundLines, plan.refundLines);
  await insertRows(tx, refundPayments, plan.refundPayments);
  await insertRows(tx, cashMovements, plan.cashMovements);
  await insertRows(tx, stockAdjustments, plan.adjustments);
  // An adjustment approved at a till is an 'approval' every till of its store shows.
  for (const [storeId, ids] of groupByStore(plan.adjustments)) noteChanges(tx, [storeId], 'approval', ids);

  for (const v of plan.voids) {
    await tx
      .update(salesHeaders)
      .set({
        status: 'voided',
        voidedAt: v.voidedAt,
        voidedBy: v.voidedBy,
        voidReason: v.reason,
        updatedAt: new Date(),
      })
      .where(eq(salesHeaders.id, v.headerId));
  }
  for (const c of plan.closes) {
    await tx
      .update(cashSessions)
      .set({
        status: 'closed',
        closedAt: c.closedAt,
        closedBy: c.closedBy,
        closingTotal: c.counted,
        expectedTotal: c.expected,
        variance: c.variance,
        openKey: null,
        updatedAt: new Date(),
      })
      .where(eq(cashSessions.id, c.sessionId));
  }
  // Sorted, so concurrent pushes lock client rows in the same order.
  const credit = [...plan.credit]
    .filter(([, delta]) => delta !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [clientId, delta] of credit) {
    await tx
      .update(clients)
      .set({ balance: sql`${clients.balance} + ${delta}`, updatedAt: new Date() })
      .where(eq(clients.id, clientId));
  }
  // Clients are business-wide: every store's tills see the new balance.
  if (credit.length > 0)
    noteChanges(
      tx,
      'all',
      'client',
      credit.map(([clientId]) => clientId),
    );
  await insertRows(tx, auditLogs, plan.audits);
  return recordStockMovements(tx, plan.movements);
}

function groupByStore(rows: readonly { id?: string; storeId: string }[]): Map<string, string[]> {
  const byStore = new Map<string, string[]>();
  for (const row of rows) {
    if (row.id === undefined) continue;
    const ids = byStore.get(row.storeId) ?? [];
    ids.push(row.id);
    byStore.set(row.storeId, ids);
  }
  return byStore;
}
