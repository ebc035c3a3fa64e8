// sale.complete: the open cart becomes an immutable sale in ONE transaction (the dispatcher's): header
// with its gapless receipt number, lines, payments, stock movements, the outbox event carrying the whole
// document, and the cart row deleted. Kill -9 at any point leaves either all of it or none of it.
// Hot path: prepared statements, one multi-row INSERT per table, no per-line SELECT.
import { eq, sql } from 'drizzle-orm';
import { TillError } from '../../src-shared/contract/errors.js';
import type { SaleCompleted } from '../../src-shared/contract/sale.js';
import { newId } from '../../src-shared/domain/ids.js';
import { formatMoney } from '../../src-shared/domain/money.js';
import type { Ledger, ReadDb } from '../ledger/connection.js';
import { salePayments, saleLines, sales } from '../ledger/schema/sales.js';
import { stockLevels, stockMovements } from '../ledger/schema/stock.js';
import { beginChange, withIdentity } from './cart-change.js';
import { priceCartState, type CartLineState } from './cart-state.js';
import { deleteCart, requireSession } from './cart-store.js';
import type { CommandContext } from './context.js';
import { enqueueReceipt } from './device-print-queue.js';
import { kickDrawer } from './drawer.js';
import { appendOutbox, formatDocumentNumber, nextDocumentNumber } from './ledger-writes.js';
import { compileInsert, perDb, perDbAndSize } from './sale-prepared.js';
import {
  completedSaleDetail,
  type LineUnit,
  type SalePaymentRow,
  type SaleLineRow,
  type SaleRow,
} from './sale-read.js';
import { stockAlertKind } from './stock-levels.js';

/** A movement as written and sent (the sync bookkeeping columns keep their defaults: pending, not acked). */
export type StockMovementRow = Omit<typeof stockMovements.$inferSelect, 'pending' | 'ackedVersion'>;

const SALE_KEYS = [
  'id',
  'receiptNumber',
  'storeId',
  'terminalId',
  'sessionId',
  'businessDate',
  'userId',
  'clientId',
  'currency',
  'pricesIncludeTax',
  'subtotal',
  'lineDiscountTotal',
  'cartDiscountTotal',
  'discountTotal',
  'netTotal',
  'taxTotal',
  'roundingAdjustment',
  'total',
  'paidTotal',
  'changeGiven',
  'startedAt',
  'completedAt',
] as const satisfies readonly (keyof SaleRow)[];

const LINE_KEYS = [
  'id',
  'saleId',
  'lineNo',
  'productId',
  'sku',
  'name',
  'qtyMilli',
  'listUnitPrice',
  'unitPrice',
  'overridden',
  'overrideReason',
  'overrideApprovedBy',
  'extended',
  'lineDiscount',
  'cartDiscountShare',
  'discountTotal',
  'taxClass',
  'band',
  'rateBp',
  'net',
  'tax',
  'gross',
] as const satisfies readonly (keyof SaleLineRow)[];

const PAYMENT_KEYS = [
  'id',
  'saleId',
  'method',
  'amount',
  'reference',
  'createdAt',
] as const satisfies readonly (keyof SalePaymentRow)[];

const MOVEMENT_KEYS = [
  'id',
  'storeId',
  'productId',
  'qtyDeltaMilli',
  'reason',
  'referenceType',
  'referenceId',
  'userId',
  'createdAt',
  'ackedAt',
] as const satisfies readonly (keyof StockMovementRow)[];

const insertSale = perDb((ledger: Ledger) => compileInsert(ledger, sales, SALE_KEYS, 1));
const insertLines = perDbAndSize((ledger: Ledger, n: number) =>
  compileInsert(ledger, saleLines, LINE_KEYS, n),
);
const insertPayments = perDbAndSize((ledger: Ledger, n: number) =>
  compileInsert(ledger, salePayments, PAYMENT_KEYS, n),
);
const insertMovementRows = perDbAndSize((ledger: Ledger, n: number) =>
  compileInsert(ledger, stockMovements, MOVEMENT_KEYS, n),
);

/** Inserts stock movements in one statement (also used by sale voids); inside the command's transaction. */
export function insertMovements(ctx: CommandContext, rows: readonly StockMovementRow[]): void {
  if (rows.length > 0) insertMovementRows(ctx.runtime.ledger, rows.length)(rows);
}

/** On hand now (after this sale's movements) for a JSON array of product ids: level + unacknowledged movements. */
const onHandOf = perDb((db: ReadDb) => {
  const ids = db
    .select({ productId: sql<string>`value`.as('pid') })
    .from(sql`json_each(${sql.placeholder('ids')})`)
    .as('ids');
  return db
    .select({
      productId: ids.productId,
      onHandMilli: sql<number>`(coalesce(${stockLevels.qtyMilli}, 0) + coalesce((select sum(m.qty_delta_milli) from stock_movements m where m.product_id = ${ids.productId} and m.pending = 1), 0))`,
    })
    .from(ids)
    .leftJoin(stockLevels, eq(stockLevels.productId, ids.productId))
    .prepare();
});

/**
 * 'stock.alert' (after commit) for each stock-tracked product of the sale that is now low, out or
 * oversold. SKU, name and reorder level come from the cart's snapshot; on hand is read after the
 * sale's movements were written, in the same transaction.
 */
function emitStockAlerts(ctx: CommandContext, tracked: ReadonlyMap<string, CartLineState>): void {
  if (tracked.size === 0) return;
  for (const level of onHandOf(ctx.db).all({ ids: JSON.stringify([...tracked.keys()]) })) {
    const line = tracked.get(level.productId);
    if (!line) continue;
    const { onHandMilli } = level;
    const reorderLevelMilli = line.reorderLevelMilli;
    const kind = stockAlertKind(onHandMilli, reorderLevelMilli);
    if (kind) {
      ctx.emit('stock.alert', {
        productId: line.productId,
        sku: line.sku,
        name: line.name,
        onHandMilli,
        reorderLevelMilli,
        kind,
      });
    }
  }
}

export function completeSale(ctx: CommandContext, saleId: string): SaleCompleted {
  const change = beginChange(ctx, saleId);
  const { cart, store, identity } = change;
  const { state, row } = cart;
  if (state.lines.length === 0) throw new TillError('SALE_EMPTY', 'This sale has no items.');
  const session = requireSession(ctx.db, identity.terminalId);
  const { priced, payment } = priceCartState(state, store);
  if (payment.balance > 0) {
    throw new TillError(
      'SALE_NOT_PAID',
      `${formatMoney(payment.balance, store.minorDigits)} is still to be paid.`,
      {
        details: { balance: payment.balance, due: payment.due, paid: payment.paid },
      },
    );
  }
  const receiptNumber = formatDocumentNumber(
    identity.terminalCode,
    'sale',
    nextDocumentNumber(ctx.db, 'sale'),
  );
  const userId = ctx.operator.id;
  const header: SaleRow = {
    id: row.id,
    receiptNumber,
    storeId: identity.storeId,
    terminalId: identity.terminalId,
    sessionId: session.id,
    businessDate: session.businessDate,
    userId,
    clientId: row.clientId,
    currency: store.currency,
    pricesIncludeTax: store.pricesIncludeTax,
    subtotal: priced.subtotal,
    lineDiscountTotal: priced.lineDiscountTotal,
    cartDiscountTotal: priced.cartDiscountTotal,
    discountTotal: priced.discountTotal,
    netTotal: priced.netTotal,
    taxTotal: priced.taxTotal,
    roundingAdjustment: payment.roundingAdjustment,
    total: payment.due,
    paidTotal: payment.paid,
    changeGiven: payment.change,
    startedAt: row.createdAt,
    completedAt: ctx.now,
  };
  const units = new Map<string, LineUnit>();
  const tracked = new Map<string, CartLineState>();
  const lines: SaleLineRow[] = [];
  const movements: StockMovementRow[] = [];
  priced.lines.forEach((p, i) => {
    const l = state.lines[i];
    if (!l || l.id !== p.id) throw new Error('priced lines out of step with the cart');
    units.set(l.productId, { unit: l.unit, soldByWeight: l.soldByWeight });
    lines.push({
      id: p.id,
      saleId: row.id,
      lineNo: i + 1,
      productId: p.productId,
      sku: l.sku,
      name: p.name,
      qtyMilli: p.qtyMilli,
      listUnitPrice: p.listUnitPrice,
      unitPrice: p.unitPrice,
      overridden: p.overridden,
      overrideReason: l.overrideReason,
      overrideApprovedBy: l.overrideApprovedBy,
      extended: p.extended,
      lineDiscount: p.lineDiscount,
      cartDiscountShare: p.cartDiscountShare,
      discountTotal: p.discountTotal,
      taxClass: p.taxClass,
      band: p.band,
      rateBp: p.rateBp,
      net: p.net,
      tax: p.tax,
      gross: p.gross,
    });
    if (l.trackStock) {
      tracked.set(l.productId, l);
      movements.push({
        id: newId(),
        storeId: identity.storeId,
        productId: l.productId,
        qtyDeltaMilli: -p.qtyMilli,
        reason: 'sale',
        referenceType: 'sale',
        referenceId: row.id,
        userId,
        createdAt: ctx.now,
        ackedAt: null,
      });
    }
  });
  const payments: SalePaymentRow[] = state.tenders.map((t) => ({
    id: t.id,
    saleId: row.id,
    method: t.method,
    amount: t.amount,
    reference: t.reference,
    createdAt: t.createdAt,
  }));

  const { ledger } = ctx.runtime;
  insertSale(ledger)([header]);
  insertLines(ledger, lines.length)(lines);
  if (payments.length > 0) insertPayments(ledger, payments.length)(payments);
  insertMovements(ctx, movements);
  appendOutbox(withIdentity(ctx, identity), {
    eventId: row.id,
    type: 'sale.completed',
    payload: { sale: header, lines, payments, movements },
  });
  deleteCart(ctx.db, row.id);

  ctx.emit('sale.updated', { saleId: row.id, status: 'completed' });
  emitStockAlerts(ctx, tracked);
  const completed = completedSaleDetail(
    ctx.db,
    { header, lines, payments, units, voidRow: null, refunded: new Map() },
    { store, identity, cashierName: ctx.operator.name, copy: false },
  );
  // The receipt is queued in this transaction and printed after commit; printing never fails a sale.
  enqueueReceipt(ctx, completed.receipt);
  if (payments.some((p) => p.method === 'CASH')) kickDrawer(ctx, 'sale', row.id);
  return completed;
}
