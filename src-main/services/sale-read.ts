// Completed sales as SaleView (+ receipt): read from sales, sale_lines, sale_payments, sale_voids and
// refund_lines (quantities already refunded per line, for the refund screen). Stored figures are facts:
// nothing is repriced.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { SaleCompleted, SaleLineView, SaleView } from '../../src-shared/contract/sale.js';
import { taxBreakdown, taxClass } from '../../src-shared/domain/tax.js';
import type { TenderMethod, TenderSummary } from '../../src-shared/domain/tender.js';
import type { ReadDb } from '../ledger/connection.js';
import { products, terminals, units, users } from '../ledger/schema/catalog.js';
import { refundLines, refunds, salePayments, saleLines, sales, saleVoids } from '../ledger/schema/sales.js';
import { clientView, findClient } from './cart-store.js';
import { saleReceipt } from './receipt.js';
import { perDb } from './sale-prepared.js';
import type { TillIdentityInfo } from './context.js';
import type { StoreSettings } from './sale-settings.js';

export type SaleRow = typeof sales.$inferSelect;
export type SaleLineRow = typeof saleLines.$inferSelect;
export type SalePaymentRow = typeof salePayments.$inferSelect;
export type SaleVoidRow = typeof saleVoids.$inferSelect;

export interface LineUnit {
  unit: string | null;
  soldByWeight: boolean;
}

export interface CompletedSaleParts {
  header: SaleRow;
  lines: SaleLineRow[];
  payments: SalePaymentRow[];
  /** productId → unit, for quantity display. */
  units: ReadonlyMap<string, LineUnit>;
  voidRow: SaleVoidRow | null;
  /** saleLineId → qtyMilli refunded so far. */
  refunded: ReadonlyMap<string, number>;
}

const ph = sql.placeholder;

const reads = perDb((db: ReadDb) => ({
  byId: db
    .select()
    .from(sales)
    .where(eq(sales.id, ph('id')))
    .prepare(),
  byReceipt: db
    .select()
    .from(sales)
    .where(eq(sales.receiptNumber, ph('receiptNumber')))
    .prepare(),
  lines: db
    .select()
    .from(saleLines)
    .where(eq(saleLines.saleId, ph('saleId')))
    .orderBy(asc(saleLines.lineNo))
    .prepare(),
  payments: db
    .select()
    .from(salePayments)
    .where(eq(salePayments.saleId, ph('saleId')))
    .orderBy(asc(salePayments.createdAt), asc(salePayments.id))
    .prepare(),
  voidOf: db
    .select()
    .from(saleVoids)
    .where(eq(saleVoids.saleId, ph('saleId')))
    .prepare(),
  refunded: db
    .select({ saleLineId: refundLines.saleLineId, qtyMilli: sql<number>`sum(${refundLines.qtyMilli})` })
    .from(refundLines)
    .innerJoin(refunds, eq(refunds.id, refundLines.refundId))
    .where(eq(refunds.saleId, ph('saleId')))
    .groupBy(refundLines.saleLineId)
    .prepare(),
  units: db
    .select({ id: products.id, unit: units.symbol, soldByWeight: products.soldByWeight })
    .from(products)
    .leftJoin(units, eq(units.id, products.unitId))
    .where(inArray(products.id, sql`(select value from json_each(${ph('ids')}))`))
    .prepare(),
  userName: db
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, ph('id')))
    .prepare(),
  terminalCode: db
    .select({ code: terminals.code })
    .from(terminals)
    .where(eq(terminals.id, ph('id')))
    .prepare(),
}));

export function loadCompletedSale(
  db: ReadDb,
  by: { id: string } | { receiptNumber: string },
): CompletedSaleParts | undefined {
  const s = reads(db);
  const header =
    'id' in by ? s.byId.get({ id: by.id }) : s.byReceipt.get({ receiptNumber: by.receiptNumber });
  if (!header) return undefined;
  const lines = s.lines.all({ saleId: header.id });
  const productIds = [...new Set(lines.map((l) => l.productId))];
  const unitRows = s.units.all({ ids: JSON.stringify(productIds) });
  return {
    header,
    lines,
    payments: s.payments.all({ saleId: header.id }),
    units: new Map(unitRows.map((u) => [u.id, { unit: u.unit, soldByWeight: u.soldByWeight }])),
    voidRow: s.voidOf.get({ saleId: header.id }) ?? null,
    refunded: new Map(s.refunded.all({ saleId: header.id }).map((r) => [r.saleLineId, r.qtyMilli])),
  };
}

/** The payment summary as recorded at completion (not recomputed: the store's rounding may change since). */
function recordedPayment(header: SaleRow, payments: readonly SalePaymentRow[]): TenderSummary {
  const byMethod: Record<TenderMethod, number> = { CASH: 0, CARD: 0, MPESA: 0, CREDIT: 0, VOUCHER: 0 };
  for (const p of payments) byMethod[p.method] += p.amount;
  return {
    total: header.total - header.roundingAdjustment,
    roundingAdjustment: header.roundingAdjustment,
    due: header.total,
    paid: header.paidTotal,
    balance: 0,
    change: header.changeGiven,
    cashTendered: byMethod.CASH,
    byMethod,
    complete: true,
  };
}

function lineView(l: SaleLineRow, unit: LineUnit | undefined, refundedQtyMilli: number): SaleLineView {
  const cls = taxClass(l.taxClass);
  return {
    id: l.id,
    lineNo: l.lineNo,
    productId: l.productId,
    sku: l.sku,
    name: l.name,
    qtyMilli: l.qtyMilli,
    unit: unit?.unit ?? null,
    soldByWeight: unit?.soldByWeight ?? false,
    scannedCode: null,
    listUnitPrice: l.listUnitPrice,
    unitPrice: l.unitPrice,
    overridden: l.overridden,
    overrideReason: l.overrideReason,
    discount: null,
    discountReason: null,
    extended: l.extended,
    lineDiscount: l.lineDiscount,
    cartDiscountShare: l.cartDiscountShare,
    discountTotal: l.discountTotal,
    taxClass: cls.code,
    band: cls.band,
    rateBp: l.rateBp,
    net: l.net,
    tax: l.tax,
    gross: l.gross,
    refundedQtyMilli,
  };
}

export function completedSaleView(db: ReadDb, parts: CompletedSaleParts): SaleView {
  const { header, voidRow } = parts;
  const lines = parts.lines.map((l) =>
    lineView(l, parts.units.get(l.productId), parts.refunded.get(l.id) ?? 0),
  );
  const client = header.clientId ? clientView(findClient(db, header.clientId)) : null;
  return {
    id: header.id,
    status: voidRow ? 'voided' : 'completed',
    receiptNumber: header.receiptNumber,
    terminalId: header.terminalId,
    sessionId: header.sessionId,
    userId: header.userId,
    currency: header.currency,
    pricesIncludeTax: header.pricesIncludeTax,
    client,
    lines,
    cartDiscount: null,
    cartDiscountReason: null,
    tenders: parts.payments.map((p) => ({
      id: p.id,
      method: p.method,
      amount: p.amount,
      reference: p.reference,
      createdAt: p.createdAt,
    })),
    totals: {
      subtotal: header.subtotal,
      lineDiscountTotal: header.lineDiscountTotal,
      cartDiscountTotal: header.cartDiscountTotal,
      discountTotal: header.discountTotal,
      netTotal: header.netTotal,
      taxTotal: header.taxTotal,
      total: header.total - header.roundingAdjustment,
      taxBreakdown: taxBreakdown(lines),
    },
    payment: recordedPayment(header, parts.payments),
    holdNote: null,
    startedAt: header.startedAt,
    updatedAt: voidRow?.createdAt ?? header.completedAt,
    completedAt: header.completedAt,
    businessDate: header.businessDate,
    void: voidRow
      ? {
          id: voidRow.id,
          reason: voidRow.reason,
          userId: voidRow.userId,
          approvedBy: voidRow.approvedBy,
          createdAt: voidRow.createdAt,
        }
      : null,
  };
}

export interface DetailContext {
  store: StoreSettings;
  /** This till: its code is printed unless the sale was rung on another terminal. */
  identity: TillIdentityInfo;
  /** Known already (the operator completing the sale); else read from users. */
  cashierName?: string;
  copy: boolean;
}

/** The sale view with its receipt (a reprint when `copy`). */
export function completedSaleDetail(
  db: ReadDb,
  parts: CompletedSaleParts,
  context: DetailContext,
): SaleCompleted {
  const sale = completedSaleView(db, parts);
  const s = reads(db);
  const cashierName = context.cashierName ?? s.userName.get({ id: parts.header.userId })?.name ?? '';
  const { terminalId, terminalCode: ownCode } = context.identity;
  const terminalCode =
    parts.header.terminalId === terminalId
      ? ownCode
      : (s.terminalCode.get({ id: parts.header.terminalId })?.code ?? ownCode);
  return {
    sale,
    receipt: saleReceipt(sale, { store: context.store, terminalCode, cashierName, copy: context.copy }),
  };
}
