// session.* handlers: open a cash session with a float; the current session.
import { and, eq } from 'drizzle-orm';
import { TillError } from '../../src-shared/contract/errors.js';
import { sessionMethods, type SessionView } from '../../src-shared/contract/session.js';
import { newId } from '../../src-shared/domain/ids.js';
import type { ReadDb } from '../ledger/connection.js';
import { cashSessions } from '../ledger/schema/cash.js';
import { businessDateOf } from './clock.js';
import { handlersFor } from './handler.js';
import { appendOutbox, writeAudit } from './ledger-writes.js';

type SessionRow = typeof cashSessions.$inferSelect;

export function sessionView(row: SessionRow): SessionView {
  return {
    id: row.id,
    terminalId: row.terminalId,
    businessDate: row.businessDate,
    status: row.status,
    openedBy: row.openedBy,
    openedAt: row.openedAt,
    openingFloat: row.openingFloat,
    closedBy: row.closedBy,
    closedAt: row.closedAt,
    blindClose: row.blindClose,
    countedTotal: row.countedTotal,
    expectedCash: row.expectedCash,
    variance: row.variance,
    zNumber: row.zNumber,
  };
}

export function findOpenSession(db: ReadDb, terminalId: string): SessionRow | undefined {
  return db
    .select()
    .from(cashSessions)
    .where(and(eq(cashSessions.terminalId, terminalId), eq(cashSessions.status, 'open')))
    .get();
}

/** The open session of this till, or NO_OPEN_SESSION. */
export function requireOpenSession(db: ReadDb, terminalId: string): SessionRow {
  const session = findOpenSession(db, terminalId);
  if (!session) throw new TillError('NO_OPEN_SESSION', 'Open a cash session first (count the float into the drawer).');
  return session;
}

export const sessionHandlers = handlersFor(sessionMethods)({
  'session.open': {
    kind: 'command',
    access: 'employee',
    run(ctx, input) {
      const { storeId, terminalId } = ctx.identity();
      const existing = findOpenSession(ctx.db, terminalId);
      if (existing) {
        throw new TillError('SESSION_ALREADY_OPEN', `A cash session is already open on this till since ${existing.openedAt}.`);
      }
      const row: SessionRow = {
        id: newId(),
        storeId,
        terminalId,
        businessDate: businessDateOf(ctx.nowDate),
        openedBy: ctx.operator.id,
        openedAt: ctx.now,
        openingFloat: input.openingFloat,
        status: 'open',
        closedBy: null,
        closedAt: null,
        blindClose: null,
        countedTotal: null,
        denominations: null,
        expectedCash: null,
        variance: null,
        zNumber: null,
      };
      ctx.db.insert(cashSessions).values(row).run();
      writeAudit(ctx, { action: 'session_open', model: 'cash_session', objectId: row.id, after: { openingFloat: row.openingFloat } });
      appendOutbox(ctx, { eventId: row.id, type: 'session.opened', payload: row });
      ctx.emit('session.changed', { sessionId: row.id, status: 'open' });
      return sessionView(row);
    },
  },
  'session.current': {
    kind: 'query',
    access: 'employee',
    run(ctx) {
      const row = findOpenSession(ctx.db, ctx.identity().terminalId);
      return row ? sessionView(row) : null;
    },
  },
});
