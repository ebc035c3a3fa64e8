// Planning a push batch: each new event's payload is checked against its schema (src-shared/contract/sync.ts)
// and its references (store, terminal, users, products, sessions, sales) against the database — looked up
// for the whole batch at once — and turned into the rows it writes. An event that cannot be applied gets a
// reason instead (it is quarantined). Nothing is written here: sync-apply.ts writes the plan.
import { and, eq, inArray, sum } from 'drizzle-orm';
import { z } from 'zod';
import {
  isSyncEventType,
  SYNC_EVENT_PAYLOADS,
  type PushEvent,
  type TillStockMovement,
} from '../../src-shared/contract/sync.js';
import { cashSessions } from '../db/schema/cash.js';
import { products } from '../db/schema/catalog.js';
import { clients } from '../db/schema/parties.js';
import { salesDetails, salesHeaders, salesPayments } from '../db/schema/sales.js';
import { refunds } from '../db/schema/sync.js';
import { users } from '../db/schema/users.js';
import type { Tx } from '../db/transaction.js';
import {
  emptyPlan,
  rowsOf,
  type ParsedEvent as Parsed,
  type SaleCredit,
  type SyncPlan,
} from './sync-rows.js';

export interface PushingTerminal {
  id: string;
  storeId: string;
}

/** What the database already holds that the batch refers to. */
interface Known {
  products: Set<string>;
  users: Set<string>;
  clients: Set<string>;
  /** session id → store id */
  sessions: Map<string, string>;
  /** sale id → its store, status, line ids, client and the CREDIT it put on the client's account */
  sales: Map<string, KnownSale>;
  receipts: Set<string>;
  refundNumbers: Set<string>;
  refunds: Set<string>;
}

interface KnownSale extends SaleCredit {
  storeId: string;
  status: 'completed' | 'voided';
  lines: Set<string>;
}

export interface PlannedBatch {
  plan: SyncPlan;
  /** Per event id: null when planned, else why it is quarantined. */
  verdicts: Map<string, string | null>;
}

function parse(event: PushEvent): Parsed | string {
  if (!isSyncEventType(event.type)) {
    return `Unknown event type "${event.type}": this till is newer than the cloud (update the cloud).`;
  }
  const result = SYNC_EVENT_PAYLOADS[event.type].safeParse(event.payload);
  if (!result.success) return `Invalid ${event.type} payload: ${z.prettifyError(result.error)}`;
  return { event, type: event.type, payload: result.data } as Parsed;
}

/** Every id of each kind the parsed events refer to. */
function referencesOf(parsed: readonly Parsed[]) {
  const refs = {
    products: new Set<string>(),
    users: new Set<string>(),
    clients: new Set<string>(),
    sessions: new Set<string>(),
    sales: new Set<string>(),
    receipts: new Set<string>(),
    refundNumbers: new Set<string>(),
    refunds: new Set<string>(),
  };
  const movements = (list: readonly TillStockMovement[]) => {
    for (const m of list) {
      refs.products.add(m.productId);
      refs.users.add(m.userId);
    }
  };
  for (const p of parsed) {
    switch (p.type) {
      case 'sale.completed': {
        const { sale } = p.payload;
        refs.sales.add(sale.id);
        refs.sessions.add(sale.sessionId);
        refs.users.add(sale.userId);
        refs.receipts.add(sale.receiptNumber);
        if (sale.clientId) refs.clients.add(sale.clientId);
        for (const l of p.payload.lines) refs.products.add(l.productId);
        movements(p.payload.movements);
        break;
      }
      case 'sale.voided':
        refs.sales.add(p.payload.sale.id);
        refs.users.add(p.payload.void.userId).add(p.payload.void.approvedBy);
        movements(p.payload.movements);
        break;
      case 'refund.created':
        refs.sales.add(p.payload.saleId);
        refs.sessions.add(p.payload.sessionId);
        refs.users.add(p.payload.userId).add(p.payload.approvedBy);
        refs.refunds.add(p.payload.id);
        refs.refundNumbers.add(p.payload.refundNumber);
        for (const l of p.payload.lines) refs.products.add(l.productId);
        movements(p.payload.stockMovements);
        break;
      case 'session.opened':
        refs.sessions.add(p.payload.id);
        refs.users.add(p.payload.openedBy);
        break;
      case 'cash.movement':
        refs.sessions.add(p.payload.sessionId);
        refs.users.add(p.payload.userId);
        break;
      case 'session.closed':
        refs.sessions.add(p.payload.sessionId);
        refs.users.add(p.payload.closedBy.id);
        break;
      case 'stock.adjusted':
        refs.products.add(p.payload.adjustment.productId);
        refs.users.add(p.payload.adjustment.requestedBy).add(p.payload.adjustment.decidedBy);
        movements([p.payload.movement]);
        break;
      case 'audit.recorded':
        break;
    }
  }
  return refs;
}

const ids = (set: Set<string>) => [...set];

async function lookUp(tx: Tx, storeId: string, parsed: readonly Parsed[]): Promise<Known> {
  const refs = referencesOf(parsed);
  const idsIn = async <T>(values: Set<string>, query: (list: string[]) => Promise<T[]>) =>
    values.size === 0 ? [] : query(ids(values));
  const [
    productRows,
    userRows,
    clientRows,
    sessionRows,
    saleRows,
    creditRows,
    receiptRows,
    refundRows,
    numberRows,
  ] = await Promise.all([
    idsIn(refs.products, (l) => tx.select({ id: products.id }).from(products).where(inArray(products.id, l))),
    idsIn(refs.users, (l) => tx.select({ id: users.id }).from(users).where(inArray(users.id, l))),
    idsIn(refs.clients, (l) => tx.select({ id: clients.id }).from(clients).where(inArray(clients.id, l))),
    idsIn(refs.sessions, (l) =>
      tx
        .select({ id: cashSessions.id, storeId: cashSessions.storeId })
        .from(cashSessions)
        .where(inArray(cashSessions.id, l)),
    ),
    idsIn(refs.sales, (l) =>
      tx
        .select({
          id: salesHeaders.id,
          storeId: salesHeaders.storeId,
          status: salesHeaders.status,
          clientId: salesHeaders.clientId,
          lineId: salesDetails.id,
        })
        .from(salesHeaders)
        .leftJoin(salesDetails, eq(salesDetails.headerId, salesHeaders.id))
        .where(inArray(salesHeaders.id, l)),
    ),
    idsIn(refs.sales, (l) =>
      tx
        .select({ headerId: salesPayments.headerId, amount: sum(salesPayments.amount).mapWith(Number) })
        .from(salesPayments)
        .where(and(inArray(salesPayments.headerId, l), eq(salesPayments.method, 'CREDIT')))
        .groupBy(salesPayments.headerId),
    ),
    idsIn(refs.receipts, (l) =>
      tx
        .select({ receiptNumber: salesHeaders.receiptNumber })
        .from(salesHeaders)
        .where(and(eq(salesHeaders.storeId, storeId), inArray(salesHeaders.receiptNumber, l))),
    ),
    idsIn(refs.refunds, (l) => tx.select({ id: refunds.id }).from(refunds).where(inArray(refunds.id, l))),
    idsIn(refs.refundNumbers, (l) =>
      tx
        .select({ refundNumber: refunds.refundNumber })
        .from(refunds)
        .where(and(eq(refunds.storeId, storeId), inArray(refunds.refundNumber, l))),
    ),
  ]);
  const credit = new Map(creditRows.map((r) => [r.headerId, r.amount]));
  const sales: Known['sales'] = new Map();
  for (const r of saleRows) {
    const sale = sales.get(r.id) ?? {
      storeId: r.storeId,
      status: r.status,
      lines: new Set<string>(),
      clientId: r.clientId,
      credit: credit.get(r.id) ?? 0,
    };
    if (r.lineId) sale.lines.add(r.lineId);
    sales.set(r.id, sale);
  }
  return {
    products: new Set(productRows.map((r) => r.id)),
    users: new Set(userRows.map((r) => r.id)),
    clients: new Set(clientRows.map((r) => r.id)),
    sessions: new Map(sessionRows.map((r) => [r.id, r.storeId])),
    sales,
    receipts: new Set(receiptRows.map((r) => r.receiptNumber)),
    refundNumbers: new Set(numberRows.map((r) => r.refundNumber)),
    refunds: new Set(refundRows.map((r) => r.id)),
  };
}

/** The first reason the event cannot be applied given `known` (which it then updates), or null. */
function check(p: Parsed, terminal: PushingTerminal, known: Known): string | null {
  const store = (storeId: string) =>
    storeId === terminal.storeId
      ? null
      : `It belongs to store ${storeId}, not this till's store ${terminal.storeId}.`;
  const till = (terminalId: string) =>
    terminalId === terminal.id ? null : `It was made by till ${terminalId}, not by this till ${terminal.id}.`;
  const user = (id: string) => (known.users.has(id) ? null : `Unknown user ${id}.`);
  const session = (id: string) => {
    const of = known.sessions.get(id);
    if (of === undefined) return `Unknown cash session ${id}.`;
    return of === terminal.storeId ? null : `Cash session ${id} belongs to another store.`;
  };
  const product = (id: string) => (known.products.has(id) ? null : `Unknown product ${id}.`);
  const movements = (list: readonly TillStockMovement[]) =>
    list.map((m) => store(m.storeId) ?? product(m.productId) ?? user(m.userId)).find((r) => r !== null) ??
    null;
  const first = (...reasons: (string | null | undefined)[]) => reasons.find((r) => r) ?? null;

  switch (p.type) {
    case 'sale.completed': {
      const { sale, lines } = p.payload;
      const reason = first(
        store(sale.storeId),
        till(sale.terminalId),
        session(sale.sessionId),
        user(sale.userId),
        sale.clientId && !known.clients.has(sale.clientId) ? `Unknown client ${sale.clientId}.` : null,
        ...lines.map((l) => product(l.productId)),
        lines.some((l) => l.saleId !== sale.id) ? 'A line belongs to another sale.' : null,
        p.payload.payments.some((x) => x.saleId !== sale.id) ? 'A payment belongs to another sale.' : null,
        movements(p.payload.movements),
        known.sales.has(sale.id) ? `Sale ${sale.id} already exists on the cloud.` : null,
        known.receipts.has(sale.receiptNumber)
          ? `Receipt number ${sale.receiptNumber} is already used by another sale of this store.`
          : null,
      );
      if (reason) return reason;
      known.sales.set(sale.id, {
        storeId: sale.storeId,
        status: 'completed',
        lines: new Set(lines.map((l) => l.id)),
        clientId: sale.clientId,
        credit: p.payload.payments.filter((x) => x.method === 'CREDIT').reduce((n, x) => n + x.amount, 0),
      });
      known.receipts.add(sale.receiptNumber);
      return null;
    }
    case 'sale.voided': {
      const sale = known.sales.get(p.payload.sale.id);
      const reason = first(
        sale ? null : `Unknown sale ${p.payload.sale.id}.`,
        sale && store(sale.storeId),
        sale?.status === 'voided' ? `Sale ${p.payload.sale.id} is already voided on the cloud.` : null,
        user(p.payload.void.userId),
        user(p.payload.void.approvedBy),
        movements(p.payload.movements),
      );
      if (reason || !sale) return reason;
      sale.status = 'voided';
      return null;
    }
    case 'refund.created': {
      const r = p.payload;
      const sale = known.sales.get(r.saleId);
      const reason = first(
        store(r.storeId),
        till(r.terminalId),
        sale ? null : `Unknown sale ${r.saleId}.`,
        session(r.sessionId),
        user(r.userId),
        user(r.approvedBy),
        ...r.lines.map((l) =>
          sale?.lines.has(l.saleLineId)
            ? product(l.productId)
            : `Line ${l.saleLineId} is not a line of sale ${r.saleId}.`,
        ),
        r.lines.some((l) => l.refundId !== r.id) || r.payments.some((x) => x.refundId !== r.id)
          ? 'A line or payment belongs to another refund.'
          : null,
        movements(r.stockMovements),
        known.refunds.has(r.id) ? `Refund ${r.id} already exists on the cloud.` : null,
        known.refundNumbers.has(r.refundNumber)
          ? `Refund number ${r.refundNumber} is already used in this store.`
          : null,
      );
      if (reason) return reason;
      known.refunds.add(r.id);
      known.refundNumbers.add(r.refundNumber);
      return null;
    }
    case 'session.opened': {
      const s = p.payload;
      const reason = first(
        store(s.storeId),
        till(s.terminalId),
        user(s.openedBy),
        known.sessions.has(s.id) ? `Cash session ${s.id} already exists on the cloud.` : null,
      );
      if (reason) return reason;
      known.sessions.set(s.id, s.storeId);
      return null;
    }
    case 'cash.movement':
      return first(session(p.payload.sessionId), user(p.payload.userId));
    case 'session.closed':
      return first(till(p.payload.terminalId), session(p.payload.sessionId), user(p.payload.closedBy.id));
    case 'stock.adjusted': {
      const { adjustment, movement } = p.payload;
      return first(
        store(adjustment.storeId),
        product(adjustment.productId),
        user(adjustment.requestedBy),
        user(adjustment.decidedBy),
        movement.id === adjustment.movementId && movement.productId === adjustment.productId
          ? null
          : 'The movement is not the one the adjustment booked.',
        movements([movement]),
      );
    }
    case 'audit.recorded':
      return till(p.payload.terminalId);
  }
}

/**
 * Plans `events` (new events of this till, in seq order): each is either turned into rows of the plan or
 * given the reason it is quarantined.
 */
export async function planEvents(
  tx: Tx,
  terminal: PushingTerminal,
  events: readonly PushEvent[],
): Promise<PlannedBatch> {
  const verdicts = new Map<string, string | null>();
  const parsed: Parsed[] = [];
  for (const event of events) {
    const result = parse(event);
    if (typeof result === 'string') verdicts.set(event.eventId, result);
    else parsed.push(result);
  }
  const known = await lookUp(tx, terminal.storeId, parsed);
  const plan = emptyPlan();
  for (const p of parsed) {
    const reason = check(p, terminal, known);
    verdicts.set(p.event.eventId, reason);
    if (reason === null) rowsOf(plan, terminal, p, (saleId) => known.sales.get(saleId));
  }
  return { plan, verdicts };
}
