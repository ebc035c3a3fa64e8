// session.* handlers: open a cash session with a float; the current session; cash paid in/out;
// close with a drawer count → variance and the Z report.
import { and, eq, inArray } from 'drizzle-orm';
import { TillError } from '../../src-shared/contract/errors.js';
import {
  sessionMethods,
  type CashMovementView,
  type SessionView,
} from '../../src-shared/contract/session.js';
import { countDenominations, reconcileCash } from '../../src-shared/domain/cash-session.js';
import { newId } from '../../src-shared/domain/ids.js';
import { formatMoney } from '../../src-shared/domain/money.js';
import type { ReadDb } from '../ledger/connection.js';
import { cashMovements, cashSessions } from '../ledger/schema/cash.js';
import { carts } from '../ledger/schema/sales.js';
import { requireManagerApproval } from './approvals.js';
import { businessDateOf } from './clock.js';
import { enqueuePrint, reportContext } from './device-print-queue.js';
import { kickDrawer } from './drawer.js';
import { handlersFor } from './handler.js';
import { appendOutbox, nextDocumentNumber, writeAudit } from './ledger-writes.js';
import { expectedCashNow, sessionFigures } from './report-figures.js';
import { SESSION_CLOSE_AUDIT_ACTION, zReportOf } from './report-z.js';

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
  if (!session)
    throw new TillError('NO_OPEN_SESSION', 'Open a cash session first (count the float into the drawer).');
  return session;
}

/** Sales not finished on this till (open or held carts that have lines): a session cannot close over them. */
function unfinishedSales(
  db: ReadDb,
  terminalId: string,
): { id: string; status: 'open' | 'held'; lines: number }[] {
  return db
    .select({ id: carts.id, status: carts.status, state: carts.state })
    .from(carts)
    .where(and(eq(carts.terminalId, terminalId), inArray(carts.status, ['open', 'held'])))
    .all()
    .map((c) => {
      const lines = (c.state as { lines?: unknown } | null)?.lines;
      return { id: c.id, status: c.status, lines: Array.isArray(lines) ? lines.length : 0 };
    })
    .filter((c) => c.lines > 0);
}

function describeUnfinished(list: { status: 'open' | 'held'; lines: number }[]): string {
  const open = list.filter((c) => c.status === 'open');
  const held = list.filter((c) => c.status === 'held');
  const parts: string[] = [];
  if (open.length) parts.push(`an open sale with ${open.reduce((a, c) => a + c.lines, 0)} line(s)`);
  if (held.length) parts.push(`${held.length} held sale${held.length === 1 ? '' : 's'}`);
  return parts.join(' and ');
}

export const sessionHandlers = handlersFor(sessionMethods)({
  'session.open': {
    kind: 'command',
    access: 'employee',
    run(ctx, input) {
      const { storeId, terminalId } = ctx.identity();
      const existing = findOpenSession(ctx.db, terminalId);
      if (existing) {
        throw new TillError(
          'SESSION_ALREADY_OPEN',
          `A cash session is already open on this till since ${existing.openedAt}.`,
        );
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
      writeAudit(ctx, {
        action: 'session_open',
        model: 'cash_session',
        objectId: row.id,
        after: { openingFloat: row.openingFloat },
      });
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
  'session.cashMovement': {
    kind: 'command',
    access: 'employee',
    run(ctx, input): CashMovementView {
      const { terminalId, terminalCode } = ctx.identity();
      const session = requireOpenSession(ctx.db, terminalId);
      const before = expectedCashNow(ctx.db, session, terminalCode);
      if (input.kind === 'paid_out' && input.amount > before) {
        throw new TillError(
          'INSUFFICIENT_CASH',
          `Cannot pay out ${formatMoney(input.amount)}: the drawer should only hold ${formatMoney(before)}.`,
          { details: { amount: input.amount, expectedCash: before } },
        );
      }
      const row: typeof cashMovements.$inferSelect = {
        id: newId(),
        sessionId: session.id,
        kind: input.kind,
        amount: input.amount,
        reason: input.reason,
        userId: ctx.operator.id,
        createdAt: ctx.now,
      };
      ctx.db.insert(cashMovements).values(row).run();
      writeAudit(ctx, {
        action: input.kind,
        model: 'cash_movement',
        objectId: row.id,
        reason: input.reason,
        after: { sessionId: session.id, kind: row.kind, amount: row.amount },
      });
      appendOutbox(ctx, { eventId: row.id, type: 'cash.movement', payload: row });
      kickDrawer(ctx, 'cash_movement', row.id);
      ctx.emit('session.changed', { sessionId: session.id, status: 'open' });
      const after = before + (input.kind === 'paid_in' ? input.amount : -input.amount);
      return { ...row, expectedCash: after };
    },
  },
  'session.close': {
    kind: 'command',
    access: 'employee',
    run(ctx, input) {
      const { terminalId, terminalCode } = ctx.identity();
      const session = requireOpenSession(ctx.db, terminalId);
      const counted = input.denominations
        ? countDenominations(input.denominations)
        : (input.countedTotal ?? 0);
      const unfinished = unfinishedSales(ctx.db, terminalId);
      if (unfinished.length > 0) {
        throw new TillError(
          'CONFLICT',
          `Finish or cancel ${describeUnfinished(unfinished)} before closing the session.`,
          { details: { unfinished } },
        );
      }
      const approvedBy =
        session.openedBy === ctx.operator.id
          ? null
          : requireManagerApproval(ctx, input.approval, "Closing another cashier's session");

      const figures = sessionFigures(ctx.db, session, terminalCode);
      const reconciliation = reconcileCash(figures.drawer.expected, counted);
      const zNumber = nextDocumentNumber(ctx.db, 'z');
      const closing = {
        status: 'closed' as const,
        closedBy: ctx.operator.id,
        closedAt: ctx.now,
        blindClose: input.blind,
        countedTotal: counted,
        denominations: input.denominations ?? null,
        expectedCash: reconciliation.expected,
        variance: reconciliation.variance,
        zNumber,
      };
      const updated = ctx.db
        .update(cashSessions)
        .set(closing)
        .where(and(eq(cashSessions.id, session.id), eq(cashSessions.status, 'open')))
        .run();
      if (updated.changes !== 1) {
        throw new TillError('CONFLICT', 'This session was closed by someone else meanwhile.');
      }

      const closeId = newId();
      const z = zReportOf(ctx.db, { ...session, ...closing }, terminalCode, closeId, figures);
      writeAudit(ctx, {
        action: SESSION_CLOSE_AUDIT_ACTION,
        model: 'cash_session',
        objectId: session.id,
        approvedBy,
        after: {
          closeId,
          zNumber,
          expected: reconciliation.expected,
          counted,
          variance: reconciliation.variance,
          status: reconciliation.status,
          blind: input.blind,
        },
      });
      appendOutbox(ctx, { eventId: closeId, type: 'session.closed', payload: z });
      enqueuePrint(ctx, {
        kind: 'session_close',
        documentId: session.id,
        label: `Session close + Z report ${z.zLabel}`,
        copy: false,
        payload: { type: 'session_close', report: z, context: reportContext(ctx), copy: false },
      });
      ctx.emit('session.changed', { sessionId: session.id, status: 'closed' });
      return z;
    },
  },
});
