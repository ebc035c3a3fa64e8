// Payments on an open sale (split tenders, change from cash only — domain validateNewTender) and the
// client a sale is for (needed for CREDIT, which must stay within the client's available credit).
import { and, eq, isNull, sql } from 'drizzle-orm';
import { TillError } from '../../src-shared/contract/errors.js';
import type { MethodParsedInput } from '../../src-shared/contract/method.js';
import type { saleMethods, SaleView } from '../../src-shared/contract/sale.js';
import { newId } from '../../src-shared/domain/ids.js';
import { formatMoney } from '../../src-shared/domain/money.js';
import { validateNewTender } from '../../src-shared/domain/tender.js';
import type { ReadDb } from '../ledger/connection.js';
import { outbox } from '../ledger/schema/audit.js';
import { salePayments, sales } from '../ledger/schema/sales.js';
import { beginChange, commitChange } from './cart-change.js';
import { priceCartState, type CartTenderState } from './cart-state.js';
import { findClient, type ClientRow } from './cart-store.js';
import type { CommandContext } from './context.js';
import { perDb } from './sale-prepared.js';

type In<K extends keyof typeof saleMethods> = MethodParsedInput<(typeof saleMethods)[K]>;

const reads = perDb((db: ReadDb) => ({
  /** CREDIT given at this till that the cloud has not received yet (so not in the pulled balance). */
  unsentCredit: db
    .select({ total: sql<number>`coalesce(sum(${salePayments.amount}), 0)` })
    .from(salePayments)
    .innerJoin(sales, eq(sales.id, salePayments.saleId))
    .innerJoin(outbox, eq(outbox.eventId, sales.id))
    .where(
      and(
        eq(sales.clientId, sql.placeholder('clientId')),
        eq(salePayments.method, 'CREDIT'),
        isNull(outbox.sentAt),
        sql`not exists (select 1 from sale_voids v where v.sale_id = ${sales.id})`,
      ),
    )
    .prepare(),
}));

/** limit − pulled balance − credit given here and not yet synced. */
export function availableCredit(db: ReadDb, client: ClientRow): number {
  const unsent = reads(db).unsentCredit.get({ clientId: client.id })?.total ?? 0;
  return client.creditLimit - client.creditBalance - unsent;
}

export function tender(ctx: CommandContext, input: In<'sale.tender'>): SaleView {
  const change = beginChange(ctx, input.saleId);
  const { state, row } = change.cart;
  if (state.lines.length === 0) throw new TillError('SALE_EMPTY', 'Add an item before taking payment.');
  const newTender: CartTenderState = {
    id: newId(),
    method: input.method,
    amount: input.amount,
    reference: input.reference ?? null,
    createdAt: ctx.now,
  };
  const { priced } = priceCartState(state, change.store);
  validateNewTender(
    { total: priced.total, cashRoundingStep: change.store.cashRoundingStep, tenders: state.tenders },
    newTender,
  );
  if (input.method === 'CREDIT') {
    const client = row.clientId ? findClient(ctx.db, row.clientId) : undefined;
    if (!client)
      throw new TillError(
        'CLIENT_REQUIRED',
        'Attach the client first: a sale on credit is always to a known client.',
      );
    const onThisSale = state.tenders
      .filter((t) => t.method === 'CREDIT')
      .reduce((sum, t) => sum + t.amount, 0);
    const available = availableCredit(ctx.db, client) - onThisSale;
    if (input.amount > available) {
      throw new TillError(
        'CREDIT_LIMIT_EXCEEDED',
        `${client.name} has ${formatMoney(Math.max(available, 0))} of credit available; ${formatMoney(input.amount)} is more.`,
        { details: { available: Math.max(available, 0), amount: input.amount } },
      );
    }
  }
  state.tenders.push(newTender);
  return commitChange(ctx, change);
}

export function removeTender(ctx: CommandContext, input: In<'sale.removeTender'>): SaleView {
  const change = beginChange(ctx, input.saleId);
  const { state } = change.cart;
  if (!state.tenders.some((t) => t.id === input.tenderId)) {
    throw new TillError('NOT_FOUND', 'That payment is not on this sale.', {
      details: { tenderId: input.tenderId },
    });
  }
  state.tenders = state.tenders.filter((t) => t.id !== input.tenderId);
  return commitChange(ctx, change);
}

export function attachClient(ctx: CommandContext, input: In<'sale.attachClient'>): SaleView {
  const change = beginChange(ctx, input.saleId);
  const { state, row } = change.cart;
  if (input.clientId !== null && !findClient(ctx.db, input.clientId)) {
    throw new TillError('NOT_FOUND', 'No such client.', { details: { clientId: input.clientId } });
  }
  if (input.clientId !== row.clientId && state.tenders.some((t) => t.method === 'CREDIT')) {
    throw new TillError(
      'CONFLICT',
      'This sale has a credit payment for its client: remove that payment first.',
    );
  }
  row.clientId = input.clientId;
  return commitChange(ctx, change);
}
