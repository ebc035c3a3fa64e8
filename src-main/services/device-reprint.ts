// device.reprint: finds the document (sale, refund, Z report; or the open session's X report) and queues
// a COPY of it. Reprints are audited: a receipt copy is something a manager may want to trace.
import { and, desc, eq } from 'drizzle-orm';
import { ROLE_RANK } from '../../src-shared/contract/common.js';
import type { deviceMethods } from '../../src-shared/contract/device.js';
import { TillError } from '../../src-shared/contract/errors.js';
import type { MethodParsedInput } from '../../src-shared/contract/method.js';
import { cashSessions } from '../ledger/schema/cash.js';
import { refunds } from '../ledger/schema/sales.js';
import type { CommandContext } from './context.js';
import {
  enqueuePrint,
  enqueueReceipt,
  receiptPrinterId,
  reportContext,
  type PrintJobRow,
} from './device-print-queue.js';
import { writeAudit } from './ledger-writes.js';
import { refundView } from './refund-view.js';
import { sessionFigures } from './report-figures.js';
import { closeIdOf, zReportOf } from './report-z.js';
import { completedSaleDetail, loadCompletedSale } from './sale-read.js';
import { loadTill } from './sale-settings.js';
import { requireOpenSession } from './session.js';

type ReprintInput = MethodParsedInput<(typeof deviceMethods)['device.reprint']>;

function notFound(what: string): TillError {
  return new TillError('NOT_FOUND', `No ${what}.`);
}

function queueCopy(ctx: CommandContext, input: ReprintInput): PrintJobRow | null {
  const printerId = input.printerId ?? receiptPrinterId(ctx.db);
  if (printerId === null) {
    throw new TillError('NOT_FOUND', 'No receipt printer is configured: add one under Devices.', {
      details: { reason: 'no_printer' },
    });
  }
  const { identity, store } = loadTill(ctx.db);
  switch (input.kind) {
    case 'sale': {
      const parts = loadCompletedSale(
        ctx.db,
        input.documentId ? { id: input.documentId } : { receiptNumber: (input.number ?? '').toUpperCase() },
      );
      if (!parts) throw notFound('completed sale with that id or receipt number');
      const { receipt } = completedSaleDetail(ctx.db, parts, { store, identity, copy: true });
      return enqueueReceipt(ctx, receipt, printerId);
    }
    case 'refund': {
      const row = ctx.db
        .select({ id: refunds.id })
        .from(refunds)
        .where(
          input.documentId
            ? eq(refunds.id, input.documentId)
            : eq(refunds.refundNumber, (input.number ?? '').toUpperCase()),
        )
        .get();
      const view = row ? refundView(ctx.db, row.id, identity.terminalCode) : undefined;
      if (!view) throw notFound('refund with that id or number');
      return enqueueReceipt(ctx, { ...view.receipt, copy: true }, printerId);
    }
    case 'x_report': {
      const session = requireOpenSession(ctx.db, identity.terminalId);
      const report = {
        kind: 'X' as const,
        generatedAt: ctx.now,
        ...sessionFigures(ctx.db, session, identity.terminalCode),
      };
      return enqueuePrint(ctx, {
        kind: 'x_report',
        documentId: session.id,
        label: 'X report',
        copy: false,
        payload: { type: 'x_report', report, context: reportContext(ctx), copy: false },
        printerId,
      });
    }
    case 'z_report': {
      const zNumber = input.number ? Number(/(\d+)$/.exec(input.number)?.[1] ?? NaN) : undefined;
      const session = input.documentId
        ? ctx.db.select().from(cashSessions).where(eq(cashSessions.id, input.documentId)).get()
        : ctx.db
            .select()
            .from(cashSessions)
            .where(
              and(eq(cashSessions.terminalId, identity.terminalId), eq(cashSessions.zNumber, zNumber ?? -1)),
            )
            .orderBy(desc(cashSessions.closedAt))
            .get();
      if (session?.status !== 'closed') throw notFound('closed cash session with that id or Z number');
      if (ROLE_RANK[ctx.operator.role] < ROLE_RANK.manager && session.closedBy !== ctx.operator.id) {
        throw new TillError(
          'FORBIDDEN',
          'Only a manager can reprint the Z report of a session someone else closed.',
        );
      }
      const report = zReportOf(ctx.db, session, identity.terminalCode, closeIdOf(ctx.db, session.id));
      return enqueuePrint(ctx, {
        kind: 'z_report',
        documentId: session.id,
        label: `Z report ${report.zLabel} (copy)`,
        copy: true,
        payload: { type: 'z_report', report, context: reportContext(ctx), copy: true },
        printerId,
      });
    }
  }
}

export function reprint(ctx: CommandContext, input: ReprintInput): PrintJobRow {
  const job = queueCopy(ctx, input);
  if (!job) throw new Error('a reprint with a printer queued no job');
  writeAudit(ctx, {
    action: 'reprint',
    model: 'print_job',
    objectId: job.id,
    after: { kind: input.kind, documentId: job.documentId, label: job.label, printerId: job.printerId },
  });
  return job;
}
