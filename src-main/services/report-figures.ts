// The figures of one cash session, summed from its immutable documents (sales, voids, refunds, cash
// movements). The same function feeds the X report (open session), the close (expected cash) and the Z
// report: a closed session's documents never change, so its figures are the ones frozen at close.
import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type {
  DrawerFigures,
  RefundFigures,
  SalesFigures,
  SessionFigures,
  TenderFigures,
  VoidFigures,
} from '../../src-shared/contract/report.js';
import { expectedCash } from '../../src-shared/domain/cash-session.js';
import { taxBreakdown, taxClass, type TaxedLine } from '../../src-shared/domain/tax.js';
import { TENDER_METHODS, type TenderMethod } from '../../src-shared/domain/tender.js';
import type { ReadDb } from '../ledger/connection.js';
import { cashMovements, type cashSessions } from '../ledger/schema/cash.js';
import { users } from '../ledger/schema/catalog.js';
import {
  refundLines,
  refundPayments,
  refunds,
  saleLines,
  salePayments,
  sales,
  saleVoids,
} from '../ledger/schema/sales.js';

export type SessionRow = typeof cashSessions.$inferSelect;

/** coalesce(sum(x), 0) as a number. */
function total(column: SQLiteColumn) {
  return sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);
}
const count = () => sql<number>`count(*)`.mapWith(Number);

function salesFigures(db: ReadDb, sessionId: string): SalesFigures & { change: number } {
  const row = db
    .select({
      count: count(),
      subtotal: total(sales.subtotal),
      discounts: total(sales.discountTotal),
      net: total(sales.netTotal),
      tax: total(sales.taxTotal),
      rounding: total(sales.roundingAdjustment),
      total: total(sales.total),
      change: total(sales.changeGiven),
    })
    .from(sales)
    .where(eq(sales.sessionId, sessionId))
    .get();
  const r = row ?? { count: 0, subtotal: 0, discounts: 0, net: 0, tax: 0, rounding: 0, total: 0, change: 0 };
  return { ...r, gross: r.total - r.rounding };
}

/** Rows summed per tax class → typed lines (an unknown class is an error, never silently dropped). */
function taxed(rows: { taxClass: string; net: number; tax: number; gross: number }[]): TaxedLine[] {
  return rows.map((r) => ({ ...r, taxClass: taxClass(r.taxClass).code }));
}

function salesTaxLines(db: ReadDb, sessionId: string): TaxedLine[] {
  const rows = db
    .select({
      taxClass: saleLines.taxClass,
      net: total(saleLines.net),
      tax: total(saleLines.tax),
      gross: total(saleLines.gross),
    })
    .from(saleLines)
    .innerJoin(sales, eq(saleLines.saleId, sales.id))
    .where(eq(sales.sessionId, sessionId))
    .groupBy(saleLines.taxClass)
    .all();
  return taxed(rows);
}

type MethodSums = Map<TenderMethod, number>;

/** Σ payments per method of the sales matching `which`; cash is net of the change those sales gave. */
function paymentsByMethod(db: ReadDb, which: SQL): MethodSums {
  const sums: MethodSums = new Map();
  const rows = db
    .select({ method: salePayments.method, amount: total(salePayments.amount) })
    .from(salePayments)
    .innerJoin(sales, eq(salePayments.saleId, sales.id))
    .where(which)
    .groupBy(salePayments.method)
    .all();
  for (const r of rows) sums.set(r.method, r.amount);
  const change =
    db
      .select({ change: total(sales.changeGiven) })
      .from(sales)
      .where(which)
      .get()?.change ?? 0;
  if (change !== 0) sums.set('CASH', (sums.get('CASH') ?? 0) - change);
  return sums;
}

/** Sales voided during the session (whichever session sold them). */
function voidedIn(db: ReadDb, sessionId: string): SQL {
  return inArray(
    sales.id,
    db.select({ id: saleVoids.saleId }).from(saleVoids).where(eq(saleVoids.sessionId, sessionId)),
  );
}

function voidFigures(db: ReadDb, sessionId: string): VoidFigures {
  const row = db
    .select({ count: count(), total: total(sales.total) })
    .from(saleVoids)
    .innerJoin(sales, eq(saleVoids.saleId, sales.id))
    .where(eq(saleVoids.sessionId, sessionId))
    .get();
  return row ?? { count: 0, total: 0 };
}

function refundFigures(db: ReadDb, sessionId: string): RefundFigures & { methods: MethodSums } {
  const head = db
    .select({
      count: count(),
      total: total(refunds.total),
      net: total(refunds.netTotal),
      tax: total(refunds.taxTotal),
    })
    .from(refunds)
    .where(eq(refunds.sessionId, sessionId))
    .get() ?? { count: 0, total: 0, net: 0, tax: 0 };
  const methods: MethodSums = new Map();
  const paid = db
    .select({ method: refundPayments.method, amount: total(refundPayments.amount) })
    .from(refundPayments)
    .innerJoin(refunds, eq(refundPayments.refundId, refunds.id))
    .where(eq(refunds.sessionId, sessionId))
    .groupBy(refundPayments.method)
    .all();
  for (const r of paid) methods.set(r.method, r.amount);
  const lines = db
    .select({
      taxClass: refundLines.taxClass,
      net: total(refundLines.net),
      tax: total(refundLines.tax),
      gross: total(refundLines.gross),
    })
    .from(refundLines)
    .innerJoin(refunds, eq(refundLines.refundId, refunds.id))
    .where(eq(refunds.sessionId, sessionId))
    .groupBy(refundLines.taxClass)
    .all();
  return {
    ...head,
    byMethod: TENDER_METHODS.filter((m) => methods.has(m)).map((method) => ({
      method,
      amount: methods.get(method) ?? 0,
    })),
    taxBreakdown: taxBreakdown(taxed(lines)),
    methods,
  };
}

function movementTotals(db: ReadDb, sessionId: string) {
  const rows = db
    .select({ kind: cashMovements.kind, count: count(), amount: total(cashMovements.amount) })
    .from(cashMovements)
    .where(eq(cashMovements.sessionId, sessionId))
    .groupBy(cashMovements.kind)
    .all();
  const of = (kind: 'paid_in' | 'paid_out') => rows.find((r) => r.kind === kind) ?? { count: 0, amount: 0 };
  return { paidIn: of('paid_in'), paidOut: of('paid_out') };
}

function tenderFigures(salesBy: MethodSums, voidsBy: MethodSums, refundsBy: MethodSums): TenderFigures[] {
  return TENDER_METHODS.filter(
    (m) => m === 'CASH' || salesBy.has(m) || voidsBy.has(m) || refundsBy.has(m),
  ).map((method) => {
    const s = salesBy.get(method) ?? 0;
    const v = voidsBy.get(method) ?? 0;
    const r = refundsBy.get(method) ?? 0;
    return { method, sales: s, voids: v, refunds: r, net: s - v - r };
  });
}

export function userName(db: ReadDb, id: string): { id: string; name: string } {
  const row = db.select({ name: users.name }).from(users).where(eq(users.id, id)).get();
  return { id, name: row?.name ?? 'Unknown user' };
}

/** Every figure of the session (see the module header). */
export function sessionFigures(db: ReadDb, session: SessionRow, terminalCode: string): SessionFigures {
  const { change: _change, ...salesHead } = salesFigures(db, session.id);
  const salesBy = paymentsByMethod(db, eq(sales.sessionId, session.id));
  const voidsBy = paymentsByMethod(db, voidedIn(db, session.id));
  const { methods: refundsBy, ...refundHead } = refundFigures(db, session.id);
  const voids = voidFigures(db, session.id);
  const { paidIn, paidOut } = movementTotals(db, session.id);
  const cashSales = salesBy.get('CASH') ?? 0;
  const cashVoids = voidsBy.get('CASH') ?? 0;
  const cashRefunds = refundsBy.get('CASH') ?? 0;
  const drawer: DrawerFigures = {
    openingFloat: session.openingFloat,
    cashSales,
    cashVoids,
    cashRefunds,
    paidIn: paidIn.amount,
    paidInCount: paidIn.count,
    paidOut: paidOut.amount,
    paidOutCount: paidOut.count,
    expected: expectedCash({
      openingFloat: session.openingFloat,
      cashSales: cashSales - cashVoids,
      cashRefunds,
      paidIn: paidIn.amount,
      paidOut: paidOut.amount,
    }),
  };
  return {
    sessionId: session.id,
    terminalId: session.terminalId,
    terminalCode,
    businessDate: session.businessDate,
    openedBy: userName(db, session.openedBy),
    openedAt: session.openedAt,
    sales: salesHead,
    taxBreakdown: taxBreakdown(salesTaxLines(db, session.id)),
    tenders: tenderFigures(salesBy, voidsBy, refundsBy),
    refunds: refundHead,
    voids,
    netSales: salesHead.total - voids.total - refundHead.total,
    drawer,
  };
}

/** The cash the drawer of `session` should hold now. */
export function expectedCashNow(db: ReadDb, session: SessionRow, terminalCode: string): number {
  return sessionFigures(db, session, terminalCode).drawer.expected;
}
