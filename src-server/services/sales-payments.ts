// Taking payments for a sale: one or several tenders in the caller's transaction (all or none), checked
// by src-shared/domain/tender.ts (non-cash never over the balance, change only from cash), into an open
// cash session of the sale's store; CREDIT within the client's limit, raising their balance.
import { eq, sql } from 'drizzle-orm';
import { isDomainError } from '../../src-shared/domain/errors.js';
import { newId } from '../../src-shared/domain/ids.js';
import { formatMoney } from '../../src-shared/domain/money.js';
import {
  summarizeTenders,
  validateNewTender,
  type Tender,
  type TenderMethod,
  type TenderState,
} from '../../src-shared/domain/tender.js';
import { writeAudits, type AuditActor } from '../db/audit.js';
import { clients } from '../db/schema/parties.js';
import { salesHeaders, salesPayments } from '../db/schema/sales.js';
import type { Tx } from '../db/transaction.js';
import { fieldError, invalidPk } from '../http/errors.js';
import { holdOpenSession } from './cash-session-hold.js';
import {
  netTenders,
  paymentsOf,
  settle,
  settlementColumns,
  type HeaderRow,
  type PaymentRow,
} from './sales-pricing.js';
import { toApiPayment } from './sales-read.js';
import { noteChanges } from './sync-changes.js';

export interface TenderInput {
  method: TenderMethod;
  amount: number;
  reference?: string | null | undefined;
}

export interface PaymentRequest {
  headerId: string;
  /** The caller's stores: a sale of another store is refused as an invalid `sales_header`. */
  storeIds: readonly string[];
  sessionId: string;
  tenders: readonly TenderInput[];
  /** The field name of tender `i`'s `field` in the request ("amount" or "payments.1.amount"). */
  fieldOf: (index: number, field: string) => string;
}

export interface PaymentsResult {
  /** The sale after these payments (as stored). */
  header: HeaderRow;
  payments: PaymentRow[];
  /** Change to hand back for these payments. */
  changeDue: number;
}

/** Room left on the client's account: credit limit − what they owe; null when the sale has no client. */
async function lockClientCredit(tx: Tx, clientId: string | null): Promise<number | null> {
  if (!clientId) return null;
  const [client] = await tx
    .select({ limit: clients.creditLimit, balance: clients.balance, isActive: clients.isActive })
    .from(clients)
    .where(eq(clients.id, clientId))
    .for('update');
  if (!client?.isActive) return null;
  return Math.max(client.limit - client.balance, 0);
}

/** Records the tenders on the sale (all or none) and updates its paid total, balance and status. */
export async function addPayments(
  tx: Tx,
  request: PaymentRequest,
  actor: AuditActor & { userId: string },
): Promise<PaymentsResult> {
  const [header] = await tx
    .select()
    .from(salesHeaders)
    .where(eq(salesHeaders.id, request.headerId))
    .for('update');
  if (!header || !request.storeIds.includes(header.storeId)) {
    throw fieldError('sales_header', invalidPk(request.headerId));
  }
  if (header.status === 'voided') throw fieldError('sales_header', 'This sale is voided.');
  const session = await holdOpenSession(tx, request.sessionId, header.storeId);
  const { cashRoundingStep } = session;

  const existing = await paymentsOf(tx, header.id);
  const tenders: Tender[] = netTenders(existing);
  const state = (): TenderState => ({ total: header.total, cashRoundingStep, tenders });
  const usesCredit = request.tenders.some((t) => t.method === 'CREDIT');
  let creditRoom = usesCredit ? await lockClientCredit(tx, header.clientId) : null;
  let creditTaken = 0;
  const rows: PaymentRow[] = [];

  for (const [i, input] of request.tenders.entries()) {
    const tender: Tender = { id: newId(), method: input.method, amount: input.amount };
    try {
      validateNewTender(state(), tender);
    } catch (error) {
      if (isDomainError(error)) throw fieldError(request.fieldOf(i, 'amount'), error.message);
      throw error;
    }
    if (input.method === 'CREDIT') {
      if (creditRoom === null) {
        throw fieldError(
          request.fieldOf(i, 'method'),
          'A CREDIT payment needs a sale with an active client.',
        );
      }
      if (input.amount > creditRoom) {
        throw fieldError(
          request.fieldOf(i, 'amount'),
          `This is over the client's credit limit: ${formatMoney(creditRoom)} of credit is left.`,
        );
      }
      creditRoom -= input.amount;
      creditTaken += input.amount;
    }
    const changeBefore = summarizeTenders(state()).change;
    tenders.push(tender);
    const changeDue = summarizeTenders(state()).change - changeBefore;
    const now = new Date();
    rows.push({
      id: tender.id,
      headerId: header.id,
      sessionId: session.id,
      method: input.method,
      amount: input.amount,
      changeDue,
      reference: input.reference ?? null,
      userId: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
  }

  await tx.insert(salesPayments).values(rows);
  if (creditTaken > 0 && header.clientId) {
    await tx
      .update(clients)
      .set({ balance: sql`${clients.balance} + ${creditTaken}`, updatedAt: new Date() })
      .where(eq(clients.id, header.clientId));
    noteChanges(tx, 'all', 'client', [header.clientId]);
  }
  const settlement = settle(header.total, cashRoundingStep, [...existing, ...rows]);
  const changed = { ...settlementColumns(settlement), updatedAt: new Date() };
  await tx.update(salesHeaders).set(changed).where(eq(salesHeaders.id, header.id));
  // The rows are stored exactly as built here (ids, DATETIME(3) times made in the app): no re-read.
  await writeAudits(
    tx,
    actor,
    rows.map((payment) => ({
      action: 'create',
      modelName: 'sales_payment',
      objectId: payment.id,
      storeId: header.storeId,
      after: toApiPayment(payment),
    })),
  );
  return {
    header: { ...header, ...changed },
    payments: rows,
    changeDue: rows.reduce((sum, p) => sum + p.changeDue, 0),
  };
}
