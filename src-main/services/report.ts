// report.* handlers: X (the open session, running) and Z (a closed session, as frozen at close).
import { and, desc, eq } from 'drizzle-orm';
import { ROLE_RANK } from '../../src-shared/contract/common.js';
import { TillError } from '../../src-shared/contract/errors.js';
import { reportMethods } from '../../src-shared/contract/report.js';
import { cashSessions } from '../ledger/schema/cash.js';
import { handlersFor } from './handler.js';
import { sessionFigures } from './report-figures.js';
import { closeIdOf, zReportOf } from './report-z.js';
import { requireOpenSession } from './session.js';

export const reportHandlers = handlersFor(reportMethods)({
  'report.x': {
    kind: 'query',
    access: 'employee',
    run(ctx) {
      const { terminalId, terminalCode } = ctx.identity();
      const session = requireOpenSession(ctx.db, terminalId);
      return { kind: 'X', generatedAt: ctx.now, ...sessionFigures(ctx.db, session, terminalCode) };
    },
  },
  'report.z': {
    kind: 'query',
    access: 'employee',
    run(ctx, input) {
      const { terminalId, terminalCode } = ctx.identity();
      const session = input.sessionId
        ? ctx.db.select().from(cashSessions).where(eq(cashSessions.id, input.sessionId)).get()
        : ctx.db
            .select()
            .from(cashSessions)
            .where(and(eq(cashSessions.terminalId, terminalId), eq(cashSessions.status, 'closed')))
            .orderBy(desc(cashSessions.closedAt), desc(cashSessions.zNumber))
            .get();
      if (!session) {
        throw new TillError(
          'NOT_FOUND',
          input.sessionId ? 'No such cash session.' : 'No cash session has been closed on this till yet.',
        );
      }
      if (session.status !== 'closed') {
        throw new TillError(
          'CONFLICT',
          'This session is still open: its Z report exists once it is closed (see the X report).',
        );
      }
      if (ROLE_RANK[ctx.operator.role] < ROLE_RANK.manager && session.closedBy !== ctx.operator.id) {
        throw new TillError(
          'FORBIDDEN',
          'Only a manager can see the Z report of a session someone else closed.',
        );
      }
      return zReportOf(ctx.db, session, terminalCode, closeIdOf(ctx.db, session.id));
    },
  },
});
