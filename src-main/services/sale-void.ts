// sale.void. A completed sale is never changed: voiding it writes a sale_voids document, stock movements
// returning exactly what the sale took (reason 'void'), the audit entry and the 'sale.voided' outbox
// event. An open or held cart is simply cancelled: deleted, and audited ('sale_cancel').
// Both need a manager (or a manager's approval) — except cancelling a cart that has no items.
import { and, eq, sql } from 'drizzle-orm';
import { TillError } from '../../src-shared/contract/errors.js';
import type { MethodParsedInput } from '../../src-shared/contract/method.js';
import type { saleMethods, SaleView } from '../../src-shared/contract/sale.js';
import { newId } from '../../src-shared/domain/ids.js';
import type { ReadDb, WriteDb } from '../ledger/connection.js';
import { saleVoids } from '../ledger/schema/sales.js';
import { stockMovements } from '../ledger/schema/stock.js';
import { requireManagerApproval } from './approvals.js';
import { viewOf, withIdentity, type CartChange } from './cart-change.js';
import { priceCartState } from './cart-state.js';
import { deleteCart, findCart, requireSession } from './cart-store.js';
import type { CommandContext } from './context.js';
import { appendOutbox, writeAudit } from './ledger-writes.js';
import { insertMovements, type StockMovementRow } from './sale-complete.js';
import { perDb } from './sale-prepared.js';
import { completedSaleView, loadCompletedSale, type SaleVoidRow } from './sale-read.js';
import { loadTill } from './sale-settings.js';

type In<K extends keyof typeof saleMethods> = MethodParsedInput<(typeof saleMethods)[K]>;

const saleMovements = perDb((db: ReadDb) =>
  db
    .select()
    .from(stockMovements)
    .where(and(eq(stockMovements.referenceId, sql.placeholder('saleId')), eq(stockMovements.reason, 'sale')))
    .prepare(),
);

const insertVoid = perDb((db: WriteDb) =>
  db
    .insert(saleVoids)
    .values({
      id: sql.placeholder('id'),
      saleId: sql.placeholder('saleId'),
      sessionId: sql.placeholder('sessionId'),
      reason: sql.placeholder('reason'),
      userId: sql.placeholder('userId'),
      approvedBy: sql.placeholder('approvedBy'),
      createdAt: sql.placeholder('createdAt'),
    })
    .prepare(),
);

function cancelCart(ctx: CommandContext, change: CartChange, input: In<'sale.void'>): SaleView {
  const { cart, store, identity } = change;
  const pricing = priceCartState(cart.state, store);
  const approvedBy =
    cart.state.lines.length > 0
      ? requireManagerApproval(ctx, input.approval, 'Cancelling a sale with items')
      : null;
  const view = viewOf(ctx.db, change, pricing, 'cancelled');
  deleteCart(ctx.db, cart.row.id);
  writeAudit(withIdentity(ctx, identity), {
    action: 'sale_cancel',
    model: 'sale',
    objectId: cart.row.id,
    reason: input.reason,
    approvedBy,
    before: {
      status: cart.row.status,
      lines: view.lines.map((l) => ({
        productId: l.productId,
        name: l.name,
        qtyMilli: l.qtyMilli,
        gross: l.gross,
      })),
      tenders: view.tenders,
      total: view.totals.total,
    },
  });
  ctx.emit('sale.updated', { saleId: cart.row.id, status: 'cancelled' });
  return view;
}

export function voidSale(ctx: CommandContext, input: In<'sale.void'>): SaleView {
  const { identity, store } = loadTill(ctx.db);
  const cart = findCart(ctx.db, input.saleId);
  if (cart && cart.row.terminalId === identity.terminalId)
    return cancelCart(ctx, { cart, store, identity }, input);
  const lctx = withIdentity(ctx, identity);

  const parts = loadCompletedSale(ctx.db, { id: input.saleId });
  if (!parts) throw new TillError('NOT_FOUND', 'No such sale.', { details: { saleId: input.saleId } });
  const { header } = parts;
  if (parts.voidRow) {
    throw new TillError(
      'ALREADY_VOIDED',
      `Sale ${header.receiptNumber} was already voided on ${parts.voidRow.createdAt}.`,
    );
  }
  if (parts.refunded.size > 0) {
    throw new TillError(
      'CONFLICT',
      `Sale ${header.receiptNumber} has refunds: refund the rest instead of voiding it.`,
    );
  }
  const approvedBy = requireManagerApproval(ctx, input.approval, 'Voiding a sale');
  const session = requireSession(ctx.db, identity.terminalId);
  const voidRow: SaleVoidRow = {
    id: newId(),
    saleId: header.id,
    sessionId: session.id,
    reason: input.reason,
    userId: ctx.operator.id,
    approvedBy,
    createdAt: ctx.now,
  };
  insertVoid(ctx.db).run(voidRow);
  const movements: StockMovementRow[] = saleMovements(ctx.db)
    .all({ saleId: header.id })
    .map((m) => ({
      id: newId(),
      storeId: m.storeId,
      productId: m.productId,
      qtyDeltaMilli: -m.qtyDeltaMilli,
      reason: 'void',
      referenceType: 'sale_void',
      referenceId: voidRow.id,
      userId: ctx.operator.id,
      createdAt: ctx.now,
      ackedAt: null,
    }));
  insertMovements(ctx, movements);
  writeAudit(lctx, {
    action: 'sale_void',
    model: 'sale',
    objectId: header.id,
    reason: input.reason,
    approvedBy,
    before: { receiptNumber: header.receiptNumber, total: header.total, completedAt: header.completedAt },
    after: { voidId: voidRow.id },
  });
  appendOutbox(lctx, {
    eventId: voidRow.id,
    type: 'sale.voided',
    payload: { void: voidRow, sale: { id: header.id, receiptNumber: header.receiptNumber }, movements },
  });
  ctx.emit('sale.updated', { saleId: header.id, status: 'voided' });
  return completedSaleView(ctx.db, { ...parts, voidRow });
}
