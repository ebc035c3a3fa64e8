// Writes a planned push batch in the caller's transaction: one multi-row INSERT per table (parents before
// children), the few per-row UPDATEs (voids, session closes, client credit), then the stock movements
// through the stock service (levels and alerts), then the audit entries.
import { eq, sql } from 'drizzle-orm';
import { auditLogs } from '../db/schema/audit.js';
import { cashSessions } from '../db/schema/cash.js';
import { clients } from '../db/schema/parties.js';
import { salesDetails, salesHeaders, salesPayments } from '../db/schema/sales.js';
import { stockAdjustments } from '../db/schema/stock.js';
import { cashMovements, refundLines, refundPayments, refunds } from '../db/schema/sync.js';
import type { Tx } from '../db/transaction.js';
import { applyStockMovements } from './stock.js';
import type { SyncPlan } from './sync-rows.js';

/** Rows per INSERT statement (keeps each statement well under max_allowed_packet). */
const CHUNK = 500;

async function insertAll<Row>(
  rows: readonly Row[],
  insert: (chunk: Row[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function applyPlan(tx: Tx, plan: SyncPlan): Promise<void> {
  await insertAll(plan.sessions, (rows) => tx.insert(cashSessions).values(rows));
  await insertAll(plan.headers, (rows) => tx.insert(salesHeaders).values(rows));
  await insertAll(plan.details, (rows) => tx.insert(salesDetails).values(rows));
  await insertAll(plan.payments, (rows) => tx.insert(salesPayments).values(rows));
  await insertAll(plan.refunds, (rows) => tx.insert(refunds).values(rows));
  await insertAll(plan.refundLines, (rows) => tx.insert(refundLines).values(rows));
  await insertAll(plan.refundPayments, (rows) => tx.insert(refundPayments).values(rows));
  await insertAll(plan.cashMovements, (rows) => tx.insert(cashMovements).values(rows));
  await insertAll(plan.adjustments, (rows) => tx.insert(stockAdjustments).values(rows));

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
  for (const [clientId, delta] of [...plan.credit].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    await tx
      .update(clients)
      .set({ balance: sql`${clients.balance} + ${delta}`, updatedAt: new Date() })
      .where(eq(clients.id, clientId));
  }
  await applyStockMovements(tx, plan.movements);
  await insertAll(plan.audits, (rows) => tx.insert(auditLogs).values(rows));
}
