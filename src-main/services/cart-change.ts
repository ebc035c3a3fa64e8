// The shape of every mutating sale call on a cart: load it (this till's, in an allowed status), change
// it in memory, then price it (domain), check its tenders still fit, write it back and emit 'sale.updated'.
// The dispatcher wraps the call in one transaction, so a rule broken at pricing time rolls everything back.
import { TillError } from '../../src-shared/contract/errors.js';
import type { SaleStatus, SaleView } from '../../src-shared/contract/sale.js';
import { formatMoney } from '../../src-shared/domain/money.js';
import type { ReadDb } from '../ledger/connection.js';
import type { CommandContext, TillIdentityInfo } from './context.js';
import {
  clientView,
  findClient,
  requireCart,
  updateCart,
  type CartRow,
  type LoadedCart,
} from './cart-store.js';
import { priceCartState, type CartLineState, type PricedCartState } from './cart-state.js';
import { loadTill, type StoreSettings } from './sale-settings.js';
import { cartView } from './sale-view.js';

export interface CartChange {
  cart: LoadedCart;
  store: StoreSettings;
  identity: TillIdentityInfo;
}

export function beginChange(
  ctx: CommandContext,
  saleId: string,
  statuses: readonly CartRow['status'][] = ['open'],
): CartChange {
  const { identity, store } = loadTill(ctx.db);
  const cart = requireCart(ctx.db, saleId, identity.terminalId, statuses);
  return { cart, store, identity };
}

/** The context for ledger-writes helpers (writeAudit, appendOutbox) with this till's identity already loaded. */
export function withIdentity(ctx: CommandContext, identity: TillIdentityInfo): CommandContext {
  return { ...ctx, identity: () => identity };
}

export function requireLine(change: CartChange, lineId: string): CartLineState {
  const line = change.cart.state.lines.find((l) => l.id === lineId);
  if (!line) throw new TillError('NOT_FOUND', 'That line is not on this sale.', { details: { lineId } });
  return line;
}

/** Card, M-Pesa, credit and voucher payments are never given change: they must fit in the total. */
function assertTendersFit(pricing: PricedCartState): void {
  const { byMethod } = pricing.payment;
  const nonCash = byMethod.CARD + byMethod.MPESA + byMethod.CREDIT + byMethod.VOUCHER;
  if (nonCash > pricing.priced.total) {
    throw new TillError(
      'CONFLICT',
      `The non-cash payments (${formatMoney(nonCash)}) would be more than the new total (${formatMoney(pricing.priced.total)}): remove a payment first.`,
      { details: { nonCash, total: pricing.priced.total } },
    );
  }
}

export function viewOf(
  db: ReadDb,
  change: CartChange,
  pricing: PricedCartState,
  status?: SaleStatus,
): SaleView {
  const { cart, store } = change;
  const client = cart.row.clientId ? clientView(findClient(db, cart.row.clientId)) : null;
  return cartView({
    cart,
    pricing,
    currency: store.currency,
    pricesIncludeTax: store.pricesIncludeTax,
    client,
    ...(status ? { status } : {}),
  });
}

/** Prices, checks, persists the cart and emits 'sale.updated'; returns the new view. */
export function commitChange(ctx: CommandContext, change: CartChange): SaleView {
  const pricing = priceCartState(change.cart.state, change.store);
  assertTendersFit(pricing);
  change.cart.row.updatedAt = ctx.now;
  updateCart(ctx.db, change.cart);
  ctx.emit('sale.updated', { saleId: change.cart.row.id, status: change.cart.row.status });
  return viewOf(ctx.db, change, pricing);
}
