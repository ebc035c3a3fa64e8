// Cash sessions: the API representation and the drawer figures at close (src-shared/domain/cash-session.ts).
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { expectedCash, reconcileCash, type Reconciliation } from '../../src-shared/domain/cash-session.js';
import { cashSessions } from '../db/schema/cash.js';
import { clientReceipts, expenses } from '../db/schema/finance.js';
import { salesHeaders, salesPayments } from '../db/schema/sales.js';
import type { Tx } from '../db/transaction.js';
import { moneyOut, timestampOut, toMoney, toTimestamp, toTimestampOrNull } from '../http/fields.js';

export type CashSessionRow = typeof cashSessions.$inferSelect;

export const cashSessionOut = z.object({
  id: z.uuid(),
  store: z.uuid(),
  terminal: z.uuid().nullable(),
  user: z.uuid(),
  business_date: z.iso.date(),
  opening_float: moneyOut,
  status: z.enum(['open', 'closed']),
  opened_at: timestampOut,
  closed_at: timestampOut.nullable(),
  closed_by: z.uuid().nullable(),
  closing_total: moneyOut.nullable().meta({ description: 'Cash counted at close' }),
  expected_total: moneyOut.nullable().meta({
    description: 'Opening float + cash sales (net of change) − cash refunds + paid-in − paid-out',
  }),
  variance: moneyOut.nullable().meta({ description: 'closing_total − expected_total (negative = short)' }),
  created_at: timestampOut,
  updated_at: timestampOut,
});
export type CashSessionOut = z.infer<typeof cashSessionOut>;

const moneyOrNull = (v: number | null) => (v === null ? null : toMoney(v));

export function toApiCashSession(row: CashSessionRow): CashSessionOut {
  return {
    id: row.id,
    store: row.storeId,
    terminal: row.terminalId,
    user: row.userId,
    business_date: row.businessDate,
    opening_float: toMoney(row.openingFloat),
    status: row.status,
    opened_at: toTimestamp(row.openedAt),
    closed_at: toTimestampOrNull(row.closedAt),
    closed_by: row.closedBy,
    closing_total: moneyOrNull(row.closingTotal),
    expected_total: moneyOrNull(row.expectedTotal),
    variance: moneyOrNull(row.variance),
    created_at: toTimestamp(row.createdAt),
    updated_at: toTimestamp(row.updatedAt),
  };
}

const sumOf = async (query: Promise<{ total: unknown }[]>): Promise<number> =>
  Number((await query)[0]?.total ?? 0);

/**
 * The drawer at close: cash payments into the session net of change (payments of voided sales left out:
 * their cash went back to the customer), cash received on client accounts as paid-in, expenses paid
 * from the session as paid-out. The cloud has no cash refunds yet.
 */
export async function reconcileSession(
  tx: Tx,
  session: CashSessionRow,
  counted: number,
): Promise<Reconciliation> {
  const cashSales = await sumOf(
    tx
      .select({ total: sql`coalesce(sum(${salesPayments.amount} - ${salesPayments.changeDue}), 0)` })
      .from(salesPayments)
      .innerJoin(salesHeaders, eq(salesHeaders.id, salesPayments.headerId))
      .where(
        and(
          eq(salesPayments.sessionId, session.id),
          eq(salesPayments.method, 'CASH'),
          eq(salesHeaders.status, 'completed'),
        ),
      ),
  );
  const paidIn = await sumOf(
    tx
      .select({ total: sql`coalesce(sum(${clientReceipts.amount}), 0)` })
      .from(clientReceipts)
      .where(and(eq(clientReceipts.sessionId, session.id), eq(clientReceipts.method, 'CASH'))),
  );
  const paidOut = await sumOf(
    tx
      .select({ total: sql`coalesce(sum(${expenses.amount}), 0)` })
      .from(expenses)
      .where(eq(expenses.sessionId, session.id)),
  );
  const expected = expectedCash({
    openingFloat: session.openingFloat,
    cashSales,
    cashRefunds: 0,
    paidIn,
    paidOut,
  });
  return reconcileCash(expected, counted);
}
