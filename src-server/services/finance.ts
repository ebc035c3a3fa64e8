// Money that is not a sale: payments to suppliers (against a purchase), receipts from account clients,
// and expenses (optionally paid from an open cash drawer, then a paid-out of that session).
//
// Rules:
// - A supplier payment is refused beyond what is still owed on its purchase (total − paid_total) and
//   on a cancelled purchase; it raises the purchase's paid_total and lowers the supplier's balance.
// - A client receipt is refused beyond what the client owes (balance); it lowers the balance. It may
//   name the OPEN session of its store whose drawer took the money (a CASH one is then a paid-in).
// - An expense paid from a session needs that session OPEN and in the expense's store. The session row is
//   held with a shared lock (for receipts too; services/cash-session-hold.ts), so an expense and the
//   session's close are serialised: the close (which locks the same row FOR UPDATE before summing by
//   session_id) either sees it or it sees "closed".
import { and, eq, inArray, sql } from 'drizzle-orm';
import { formatMoney } from '../../src-shared/domain/money.js';
import { cashSessions } from '../db/schema/cash.js';
import { expenses, clientReceipts } from '../db/schema/finance.js';
import { clients, suppliers } from '../db/schema/parties.js';
import { purchaseHeaders, supplierPayments } from '../db/schema/purchases.js';
import type { TENDER_METHODS } from '../db/schema/sales.js';
import type { Tx } from '../db/transaction.js';
import { fieldError, invalidPk, notFound } from '../http/errors.js';
import { holdOpenSession } from './cash-session-hold.js';
import { noteChanges } from './sync-changes.js';

export type TenderMethod = (typeof TENDER_METHODS)[number];

export interface NewSupplierPayment {
  purchaseId: string;
  amount: number;
  method: TenderMethod;
  reference: string | null;
  userId: string;
}

/** Records a payment against a purchase of one of `storeIds`; returns the new payment's id. */
export async function paySupplier(tx: Tx, storeIds: readonly string[], input: NewSupplierPayment) {
  const [purchase] = await tx
    .select()
    .from(purchaseHeaders)
    .where(and(eq(purchaseHeaders.id, input.purchaseId), inArray(purchaseHeaders.storeId, [...storeIds])))
    .for('update');
  if (!purchase) throw fieldError('purchase', invalidPk(input.purchaseId));
  if (purchase.status === 'cancelled') throw fieldError('purchase', 'This purchase is cancelled.');
  const owed = purchase.total - purchase.paidTotal;
  if (input.amount > owed) {
    throw fieldError(
      'amount',
      `Ensure this value is less than or equal to ${formatMoney(owed)} (still owed on this purchase).`,
    );
  }
  const [row] = await tx
    .insert(supplierPayments)
    .values({
      supplierId: purchase.supplierId,
      purchaseHeaderId: purchase.id,
      storeId: purchase.storeId,
      amount: input.amount,
      method: input.method,
      reference: input.reference,
      userId: input.userId,
    })
    .$returningId();
  if (!row) throw new Error('insert returned no id');
  const now = new Date();
  await tx
    .update(purchaseHeaders)
    .set({ paidTotal: purchase.paidTotal + input.amount, updatedAt: now })
    .where(eq(purchaseHeaders.id, purchase.id));
  await tx
    .update(suppliers)
    .set({ balance: sql`${suppliers.balance} - ${input.amount}`, updatedAt: now })
    .where(eq(suppliers.id, purchase.supplierId));
  return { id: row.id, storeId: purchase.storeId };
}

export interface NewClientReceipt {
  clientId: string;
  storeId: string;
  /** The open drawer the money went into (a CASH receipt is then a paid-in of that session). */
  sessionId: string | null;
  amount: number;
  method: TenderMethod;
  reference: string | null;
  userId: string;
}

/** Records money received from an account client; returns the receipt id and the client's balances. */
export async function receiveFromClient(tx: Tx, input: NewClientReceipt) {
  if (input.sessionId) await requireOpenSession(tx, input.sessionId, input.storeId);
  const [client] = await tx.select().from(clients).where(eq(clients.id, input.clientId)).for('update');
  if (!client) throw fieldError('client', invalidPk(input.clientId));
  if (input.amount > client.balance) {
    throw fieldError(
      'amount',
      `Ensure this value is less than or equal to ${formatMoney(Math.max(client.balance, 0))} (what the client owes).`,
    );
  }
  const [row] = await tx
    .insert(clientReceipts)
    .values({
      clientId: client.id,
      storeId: input.storeId,
      sessionId: input.sessionId,
      amount: input.amount,
      method: input.method,
      reference: input.reference,
      userId: input.userId,
    })
    .$returningId();
  if (!row) throw new Error('insert returned no id');
  const after = client.balance - input.amount;
  await tx.update(clients).set({ balance: after, updatedAt: new Date() }).where(eq(clients.id, client.id));
  noteChanges(tx, 'all', 'client', [client.id]);
  return { id: row.id, balanceBefore: client.balance, balanceAfter: after };
}

/** Holds the session (shared lock, see cash-session-hold.ts) unless it is open and in `storeId`; returns its business date. */
export async function requireOpenSession(tx: Tx, sessionId: string, storeId: string): Promise<string> {
  const session = await holdOpenSession(
    tx,
    sessionId,
    storeId,
    'This cash session is closed; only an open session can take this.',
  );
  return session.businessDate;
}

export interface NewExpense {
  storeId: string;
  sessionId: string | null;
  category: string;
  description: string | null;
  amount: number;
  expenseDate: string | null;
  userId: string;
}

/** Records an expense; the date defaults to the session's business date, else today (UTC). */
export async function recordExpense(tx: Tx, input: NewExpense): Promise<string> {
  const sessionDate = input.sessionId ? await requireOpenSession(tx, input.sessionId, input.storeId) : null;
  const [row] = await tx
    .insert(expenses)
    .values({
      storeId: input.storeId,
      sessionId: input.sessionId,
      category: input.category,
      description: input.description,
      amount: input.amount,
      expenseDate: input.expenseDate ?? sessionDate ?? new Date().toISOString().slice(0, 10),
      userId: input.userId,
    })
    .$returningId();
  if (!row) throw new Error('insert returned no id');
  return row.id;
}

/** Deletes an expense (locked first); one paid from a session only while that session is still open. */
export async function deleteExpense(tx: Tx, expenseId: string): Promise<void> {
  const [expense] = await tx
    .select({ id: expenses.id, sessionId: expenses.sessionId })
    .from(expenses)
    .where(eq(expenses.id, expenseId))
    .for('update');
  if (!expense) throw notFound();
  if (expense.sessionId) {
    const [session] = await tx
      .select({ status: cashSessions.status })
      .from(cashSessions)
      .where(eq(cashSessions.id, expense.sessionId))
      .for('update');
    if (session?.status !== 'open') {
      throw fieldError(
        'non_field_errors',
        'This expense belongs to a closed cash session and cannot be deleted.',
      );
    }
  }
  await tx.delete(expenses).where(eq(expenses.id, expense.id));
}
