// Reading and writing cart rows (open/held sales) with prepared statements; the open cash session and
// the attached client. Each mutating sale call loads its cart, changes it and writes it back once.
import { and, asc, eq, sql } from 'drizzle-orm';
import { TillError } from '../../src-shared/contract/errors.js';
import type { SaleClientView } from '../../src-shared/contract/sale.js';
import type { ReadDb, WriteDb } from '../ledger/connection.js';
import { cashSessions } from '../ledger/schema/cash.js';
import { clients } from '../ledger/schema/catalog.js';
import { carts } from '../ledger/schema/sales.js';
import { readCartState, type CartState } from './cart-state.js';
import { perDb } from './sale-prepared.js';

export type CartRow = Omit<typeof carts.$inferSelect, 'state'>;
export type SessionRow = typeof cashSessions.$inferSelect;

export interface LoadedCart {
  row: CartRow;
  state: CartState;
}

const ph = sql.placeholder;

const reads = perDb((db: ReadDb) => ({
  cartById: db
    .select()
    .from(carts)
    .where(eq(carts.id, ph('id')))
    .prepare(),
  openCartsOf: db
    .select()
    .from(carts)
    .where(
      and(eq(carts.terminalId, ph('terminalId')), eq(carts.userId, ph('userId')), eq(carts.status, 'open')),
    )
    .orderBy(asc(carts.createdAt))
    .prepare(),
  heldCarts: db
    .select()
    .from(carts)
    .where(and(eq(carts.terminalId, ph('terminalId')), eq(carts.status, 'held')))
    .orderBy(asc(carts.updatedAt))
    .prepare(),
  openSession: db
    .select()
    .from(cashSessions)
    .where(and(eq(cashSessions.terminalId, ph('terminalId')), eq(cashSessions.status, 'open')))
    .prepare(),
  client: db
    .select()
    .from(clients)
    .where(eq(clients.id, ph('id')))
    .prepare(),
}));

const writes = perDb((db: WriteDb) => ({
  insert: db
    .insert(carts)
    .values({
      id: ph('id'),
      terminalId: ph('terminalId'),
      sessionId: ph('sessionId'),
      userId: ph('userId'),
      status: 'open',
      clientId: null,
      state: ph('state'),
      holdNote: null,
      createdAt: ph('now'),
      updatedAt: ph('now'),
    })
    .prepare(),
  update: db
    .update(carts)
    .set({
      sessionId: sql`${ph('sessionId')}`,
      userId: sql`${ph('userId')}`,
      status: sql`${ph('status')}`,
      clientId: sql`${ph('clientId')}`,
      state: sql`${ph('state')}`,
      holdNote: sql`${ph('holdNote')}`,
      updatedAt: sql`${ph('updatedAt')}`,
    })
    .where(eq(carts.id, ph('id')))
    .prepare(),
  delete: db
    .delete(carts)
    .where(eq(carts.id, ph('id')))
    .prepare(),
}));

function loaded(row: typeof carts.$inferSelect): LoadedCart {
  const { state, ...rest } = row;
  return { row: rest, state: readCartState(state) };
}

export function findCart(db: ReadDb, id: string): LoadedCart | undefined {
  const row = reads(db).cartById.get({ id });
  return row ? loaded(row) : undefined;
}

/** The operator's open carts at this till, oldest first (normally at most one). */
export function openCartsOf(db: ReadDb, terminalId: string, userId: string): LoadedCart[] {
  return reads(db).openCartsOf.all({ terminalId, userId }).map(loaded);
}

export function heldCarts(db: ReadDb, terminalId: string): LoadedCart[] {
  return reads(db).heldCarts.all({ terminalId }).map(loaded);
}

/**
 * The cart `id` of this till in one of `statuses`, else NOT_FOUND (no such sale here) or SALE_NOT_OPEN
 * (it exists but is, e.g., held).
 */
export function requireCart(
  db: ReadDb,
  id: string,
  terminalId: string,
  statuses: readonly CartRow['status'][] = ['open'],
): LoadedCart {
  const cart = findCart(db, id);
  if (!cart || cart.row.terminalId !== terminalId) {
    throw new TillError(
      'NOT_FOUND',
      'No open or held sale with that id at this till (it may be completed already).',
      {
        details: { saleId: id },
      },
    );
  }
  if (!statuses.includes(cart.row.status)) {
    const hint = cart.row.status === 'held' ? ': recall it first' : '';
    throw new TillError('SALE_NOT_OPEN', `This sale is ${cart.row.status}${hint}.`, {
      details: { saleId: id, status: cart.row.status },
    });
  }
  return cart;
}

export function insertCart(db: WriteDb, cart: LoadedCart): void {
  writes(db).insert.run({
    id: cart.row.id,
    terminalId: cart.row.terminalId,
    sessionId: cart.row.sessionId,
    userId: cart.row.userId,
    state: cart.state,
    now: cart.row.createdAt,
  });
}

export function updateCart(db: WriteDb, cart: LoadedCart): void {
  const { row } = cart;
  writes(db).update.run({
    id: row.id,
    sessionId: row.sessionId,
    userId: row.userId,
    status: row.status,
    clientId: row.clientId,
    state: JSON.stringify(cart.state),
    holdNote: row.holdNote,
    updatedAt: row.updatedAt,
  });
}

export function deleteCart(db: WriteDb, id: string): void {
  writes(db).delete.run({ id });
}

/** The open cash session of this till, or NO_OPEN_SESSION. */
export function requireSession(db: ReadDb, terminalId: string): SessionRow {
  const session = reads(db).openSession.get({ terminalId });
  if (!session)
    throw new TillError('NO_OPEN_SESSION', 'Open a cash session first (count the float into the drawer).');
  return session;
}

export type ClientRow = typeof clients.$inferSelect;

export function findClient(db: ReadDb, id: string): ClientRow | undefined {
  return reads(db).client.get({ id });
}

export function clientView(row: ClientRow | undefined): SaleClientView | null {
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    kraPin: row.kraPin,
    creditLimit: row.creditLimit,
    creditBalance: row.creditBalance,
  };
}
