// refund.create: validates the lines against what was sold and already refunded, prices them by THE
// REFUND RULE (src-shared/domain/refund.ts), plans the payback over the original tenders (or cash), then
// writes the refund, its lines, payments, stock movements, audit entry and outbox event — all inside the
// command's one transaction.
import { eq, inArray, sql } from 'drizzle-orm';
import { TillError } from '../../src-shared/contract/errors.js';
import type { MethodParsedInput } from '../../src-shared/contract/method.js';
import type { refundMethods, RefundView } from '../../src-shared/contract/refund.js';
import { newId } from '../../src-shared/domain/ids.js';
import { formatMoney, sumMinor } from '../../src-shared/domain/money.js';
import { formatQuantityDisplay } from '../../src-shared/domain/quantity.js';
import { allocateRefund, refundLineAmounts, type RefundLineAmounts } from '../../src-shared/domain/refund.js';
import type { TenderMethod } from '../../src-shared/domain/tender.js';
import type { ReadDb } from '../ledger/connection.js';
import {
  refundLines,
  refundPayments,
  refunds,
  saleLines,
  salePayments,
  sales,
  saleVoids,
} from '../ledger/schema/sales.js';
import { stockMovements } from '../ledger/schema/stock.js';
import { requireManagerApproval } from './approvals.js';
import type { CommandContext } from './context.js';
import { enqueueReceipt } from './device-print-queue.js';
import { kickDrawer } from './drawer.js';
import { appendOutbox, formatDocumentNumber, nextDocumentNumber, writeAudit } from './ledger-writes.js';
import { refundView } from './refund-view.js';
import { expectedCashNow } from './report-figures.js';
import { requireOpenSession } from './session.js';
import { productForStock } from './stock-levels.js';

export type RefundCreateInput = MethodParsedInput<(typeof refundMethods)['refund.create']>;
type SaleRow = typeof sales.$inferSelect;
type SaleLineRow = typeof saleLines.$inferSelect;
type PlannedPayment = { method: TenderMethod; amount: number; reference: string | null };

function findSale(db: ReadDb, input: RefundCreateInput): SaleRow {
  const sale = input.saleId
    ? db.select().from(sales).where(eq(sales.id, input.saleId)).get()
    : db
        .select()
        .from(sales)
        .where(eq(sales.receiptNumber, (input.receiptNumber ?? '').toUpperCase()))
        .get();
  if (!sale) {
    throw new TillError(
      'NOT_FOUND',
      input.saleId
        ? 'No completed sale with that id.'
        : `No completed sale with receipt number ${input.receiptNumber ?? ''}.`,
    );
  }
  return sale;
}

/** What earlier refunds already took from each line. */
function refundedSoFar(db: ReadDb, saleLineIds: string[]) {
  const rows = db
    .select({
      saleLineId: refundLines.saleLineId,
      qtyMilli: sql<number>`sum(${refundLines.qtyMilli})`.mapWith(Number),
      net: sql<number>`sum(${refundLines.net})`.mapWith(Number),
      tax: sql<number>`sum(${refundLines.tax})`.mapWith(Number),
      gross: sql<number>`sum(${refundLines.gross})`.mapWith(Number),
    })
    .from(refundLines)
    .where(inArray(refundLines.saleLineId, saleLineIds))
    .groupBy(refundLines.saleLineId)
    .all();
  return new Map(rows.map(({ saleLineId, ...sums }) => [saleLineId, sums]));
}

function priceLines(db: ReadDb, sale: SaleRow, input: RefundCreateInput) {
  const soldLines = new Map(
    db
      .select()
      .from(saleLines)
      .where(eq(saleLines.saleId, sale.id))
      .all()
      .map((l) => [l.id, l]),
  );
  const already = refundedSoFar(
    db,
    input.lines.map((l) => l.saleLineId),
  );
  return input.lines.map((wanted): { line: SaleLineRow; amounts: RefundLineAmounts } => {
    const line = soldLines.get(wanted.saleLineId);
    if (!line) {
      throw new TillError('NOT_FOUND', `Line ${wanted.saleLineId} is not on receipt ${sale.receiptNumber}.`, {
        details: { saleLineId: wanted.saleLineId },
      });
    }
    const refunded = already.get(line.id) ?? { qtyMilli: 0, net: 0, tax: 0, gross: 0 };
    const left = line.qtyMilli - refunded.qtyMilli;
    if (wanted.qtyMilli > left) {
      const q = formatQuantityDisplay;
      throw new TillError(
        'REFUND_EXCEEDS_SOLD',
        left <= 0
          ? `"${line.name}" has already been refunded in full (${q(line.qtyMilli)} sold).`
          : `Only ${q(left)} of "${line.name}" can still be refunded (${q(line.qtyMilli)} sold, ${q(refunded.qtyMilli)} refunded).`,
        {
          details: {
            saleLineId: line.id,
            name: line.name,
            soldMilli: line.qtyMilli,
            refundedMilli: refunded.qtyMilli,
            requestedMilli: wanted.qtyMilli,
          },
        },
      );
    }
    return { line, amounts: refundLineAmounts(line, refunded, wanted.qtyMilli) };
  });
}

/**
 * How the refund is paid back. 'cash': all of it in cash. 'original': over the sale's tenders in
 * proportion to what each still holds (paid − refunded before; cash net of change), each non-cash part
 * to the same method with the original reference; anything beyond them (cash rounding) in cash.
 */
function planPayments(
  db: ReadDb,
  sale: SaleRow,
  total: number,
  tender: 'original' | 'cash',
): PlannedPayment[] {
  if (total === 0) return [];
  if (tender === 'cash') return [{ method: 'CASH', amount: total, reference: null }];
  const buckets = new Map<string, PlannedPayment>();
  const keyOf = (method: TenderMethod, reference: string | null) =>
    method === 'CASH' ? 'CASH' : `${method}|${reference ?? ''}`;
  const add = (method: TenderMethod, reference: string | null, amount: number) => {
    const key = keyOf(method, reference);
    const bucket = buckets.get(key) ?? { method, amount: 0, reference: method === 'CASH' ? null : reference };
    bucket.amount += amount;
    buckets.set(key, bucket);
  };
  for (const p of db.select().from(salePayments).where(eq(salePayments.saleId, sale.id)).all()) {
    add(p.method, p.reference, p.amount);
  }
  add('CASH', null, -sale.changeGiven);
  const earlier = db
    .select({
      method: refundPayments.method,
      reference: refundPayments.reference,
      amount: refundPayments.amount,
    })
    .from(refundPayments)
    .innerJoin(refunds, eq(refundPayments.refundId, refunds.id))
    .where(eq(refunds.saleId, sale.id))
    .all();
  for (const p of earlier) add(p.method, p.reference, -p.amount);

  const list = [...buckets.values()];
  const { parts, excess } = allocateRefund(
    total,
    list.map((b) => b.amount),
  );
  const planned = list.map((b, i) => ({ ...b, amount: parts[i] ?? 0 }));
  if (excess > 0) {
    const cash = planned.find((p) => p.method === 'CASH');
    if (cash) cash.amount += excess;
    else planned.push({ method: 'CASH', amount: excess, reference: null });
  }
  return planned.filter((p) => p.amount > 0);
}

export function createRefund(ctx: CommandContext, input: RefundCreateInput): RefundView {
  const { storeId, terminalId, terminalCode } = ctx.identity();
  const session = requireOpenSession(ctx.db, terminalId);
  const sale = findSale(ctx.db, input);
  if (ctx.db.select({ id: saleVoids.id }).from(saleVoids).where(eq(saleVoids.saleId, sale.id)).get()) {
    throw new TillError(
      'ALREADY_VOIDED',
      `Sale ${sale.receiptNumber} was voided: there is nothing left to refund.`,
    );
  }
  const priced = priceLines(ctx.db, sale, input);
  const total = sumMinor(priced.map((p) => p.amounts.gross));
  const payments = planPayments(ctx.db, sale, total, input.tender);
  const cashOut = sumMinor(payments.filter((p) => p.method === 'CASH').map((p) => p.amount));
  if (cashOut > 0) {
    const inDrawer = expectedCashNow(ctx.db, session, terminalCode);
    if (cashOut > inDrawer) {
      throw new TillError(
        'INSUFFICIENT_CASH',
        `Cannot refund ${formatMoney(cashOut)} in cash: the drawer should only hold ${formatMoney(inDrawer)}.`,
        { details: { cash: cashOut, expectedCash: inDrawer } },
      );
    }
  }
  const approvedBy = requireManagerApproval(ctx, input.approval, 'A refund');

  const refund: typeof refunds.$inferSelect = {
    id: newId(),
    refundNumber: formatDocumentNumber(terminalCode, 'refund', nextDocumentNumber(ctx.db, 'refund')),
    saleId: sale.id,
    storeId,
    terminalId,
    sessionId: session.id,
    businessDate: session.businessDate,
    userId: ctx.operator.id,
    approvedBy,
    reason: input.reason,
    netTotal: sumMinor(priced.map((p) => p.amounts.net)),
    taxTotal: sumMinor(priced.map((p) => p.amounts.tax)),
    total,
    createdAt: ctx.now,
  };
  const lines = priced.map(({ line, amounts }) => ({
    id: newId(),
    refundId: refund.id,
    saleLineId: line.id,
    productId: line.productId,
    qtyMilli: amounts.qtyMilli,
    taxClass: line.taxClass,
    net: amounts.net,
    tax: amounts.tax,
    gross: amounts.gross,
  }));
  const paymentRows = payments.map((p) => ({ id: newId(), refundId: refund.id, ...p }));
  const movements = lines
    .filter((l) => productForStock(ctx.db, l.productId)?.trackStock === true)
    .map((l) => ({
      id: newId(),
      storeId,
      productId: l.productId,
      qtyDeltaMilli: l.qtyMilli,
      reason: 'refund' as const,
      referenceType: 'refund',
      referenceId: refund.id,
      userId: ctx.operator.id,
      createdAt: ctx.now,
      ackedAt: null,
    }));

  ctx.db.insert(refunds).values(refund).run();
  ctx.db.insert(refundLines).values(lines).run();
  if (paymentRows.length) ctx.db.insert(refundPayments).values(paymentRows).run();
  if (movements.length) ctx.db.insert(stockMovements).values(movements).run();
  writeAudit(ctx, {
    action: 'refund',
    model: 'refund',
    objectId: refund.id,
    reason: input.reason,
    approvedBy,
    after: {
      refundNumber: refund.refundNumber,
      saleId: sale.id,
      receiptNumber: sale.receiptNumber,
      total,
      tender: input.tender,
      payments: payments.map((p) => ({ method: p.method, amount: p.amount })),
    },
  });
  appendOutbox(ctx, {
    eventId: refund.id,
    type: 'refund.created',
    payload: {
      ...refund,
      receiptNumber: sale.receiptNumber,
      lines,
      payments: paymentRows,
      stockMovements: movements,
    },
  });
  if (cashOut > 0) kickDrawer(ctx, 'refund', refund.id);
  ctx.emit('session.changed', { sessionId: session.id, status: 'open' });

  const view = refundView(ctx.db, refund.id, terminalCode);
  if (!view) throw new Error(`refund ${refund.id} vanished inside its own transaction`);
  enqueueReceipt(ctx, view.receipt);
  return view;
}
