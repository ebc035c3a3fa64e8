// Starting, holding and recalling sales. One open cart per operator per till: sale.start returns the
// operator's open sale when there is one (a double tap or a restart never makes a second), and recall
// refuses while the operator has another open sale with items.
import { inArray } from 'drizzle-orm';
import { TillError } from '../../src-shared/contract/errors.js';
import type { MethodParsedInput } from '../../src-shared/contract/method.js';
import type { HeldSaleSummary, saleMethods, SaleView } from '../../src-shared/contract/sale.js';
import { newId } from '../../src-shared/domain/ids.js';
import { clients, users } from '../ledger/schema/catalog.js';
import { beginChange, commitChange, viewOf } from './cart-change.js';
import { emptyCartState, priceCartState } from './cart-state.js';
import {
  deleteCart,
  heldCarts,
  insertCart,
  openCartsOf,
  requireSession,
  type LoadedCart,
} from './cart-store.js';
import type { CommandContext, QueryContext } from './context.js';
import { loadTill } from './sale-settings.js';

type In<K extends keyof typeof saleMethods> = MethodParsedInput<(typeof saleMethods)[K]>;

export function startSale(ctx: CommandContext): SaleView {
  const { identity, store } = loadTill(ctx.db);
  const { terminalId } = identity;
  const session = requireSession(ctx.db, terminalId);
  const existing = openCartsOf(ctx.db, terminalId, ctx.operator.id)[0];
  if (existing) {
    existing.row.sessionId = session.id;
    return commitChange(ctx, { cart: existing, store, identity });
  }
  const cart: LoadedCart = {
    row: {
      id: newId(),
      terminalId,
      sessionId: session.id,
      userId: ctx.operator.id,
      status: 'open',
      clientId: null,
      holdNote: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
    state: emptyCartState(),
  };
  insertCart(ctx.db, cart);
  ctx.emit('sale.updated', { saleId: cart.row.id, status: 'open' });
  return viewOf(ctx.db, { cart, store, identity }, priceCartState(cart.state, store));
}

export function holdSale(ctx: CommandContext, input: In<'sale.hold'>): SaleView {
  const change = beginChange(ctx, input.saleId);
  if (change.cart.state.lines.length === 0)
    throw new TillError('SALE_EMPTY', 'There is nothing to hold: the sale has no items.');
  change.cart.row.status = 'held';
  change.cart.row.holdNote = input.note ?? null;
  return commitChange(ctx, change);
}

export function recallSale(ctx: CommandContext, input: In<'sale.recall'>): SaleView {
  const change = beginChange(ctx, input.saleId, ['held']);
  const session = requireSession(ctx.db, change.identity.terminalId);
  const others = openCartsOf(ctx.db, change.identity.terminalId, ctx.operator.id);
  const busy = others.find((c) => c.state.lines.length > 0);
  if (busy) {
    throw new TillError(
      'CONFLICT',
      'You have an open sale with items: hold or finish it before recalling another.',
      {
        details: { openSaleId: busy.row.id },
      },
    );
  }
  for (const empty of others) deleteCart(ctx.db, empty.row.id);
  const { row } = change.cart;
  row.status = 'open';
  row.userId = ctx.operator.id;
  row.sessionId = session.id;
  row.holdNote = null;
  return commitChange(ctx, change);
}

export function listHeld(ctx: QueryContext): HeldSaleSummary[] {
  const { identity, store } = loadTill(ctx.db);
  const held = heldCarts(ctx.db, identity.terminalId);
  if (held.length === 0) return [];
  const userIds = [...new Set(held.map((c) => c.row.userId))];
  const clientIds = [...new Set(held.flatMap((c) => (c.row.clientId ? [c.row.clientId] : [])))];
  const userNames = new Map(
    ctx.db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, userIds))
      .all()
      .map((u) => [u.id, u.name]),
  );
  const clientNames = new Map(
    clientIds.length === 0
      ? []
      : ctx.db
          .select({ id: clients.id, name: clients.name })
          .from(clients)
          .where(inArray(clients.id, clientIds))
          .all()
          .map((c) => [c.id, c.name]),
  );
  return held.map((cart) => ({
    id: cart.row.id,
    holdNote: cart.row.holdNote,
    userId: cart.row.userId,
    cashierName: userNames.get(cart.row.userId) ?? null,
    clientName: cart.row.clientId ? (clientNames.get(cart.row.clientId) ?? null) : null,
    lineCount: cart.state.lines.length,
    total: priceCartState(cart.state, store).priced.total,
    startedAt: cart.row.createdAt,
    heldAt: cart.row.updatedAt,
  }));
}
