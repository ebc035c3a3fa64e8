// The print queue in the ledger: jobs are inserted inside the transaction of the document they print
// (sale, refund, session close, reprint, test page) and drained after commit by the printer worker.
// With no printer configured nothing is queued: a till without hardware pays one indexed lookup.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { PrintJobKind, PrintJobStatus, PrintJobView } from '../../src-shared/contract/device.js';
import type { ReceiptModel } from '../../src-shared/contract/receipt.js';
import { newId } from '../../src-shared/domain/ids.js';
import type { ReadDb, WriteDb } from '../ledger/connection.js';
import { devices, printJobs } from '../ledger/schema/hardware.js';
import type { PrintPayload, ReportContext } from '../hardware/escpos/print-payload.js';
import type { CommandContext } from './context.js';
import { afterCommit } from './device-hooks.js';
import { perDb } from './sale-prepared.js';
import { loadTill } from './sale-settings.js';

export type PrintJobRow = typeof printJobs.$inferSelect;

const reads = perDb((db: ReadDb) => ({
  /** Enabled printers that take receipts, oldest configuration first. */
  receiptPrinter: db
    .select({ id: devices.id })
    .from(devices)
    .where(
      and(
        eq(devices.kind, 'printer'),
        eq(devices.enabled, true),
        sql`json_extract(${devices.config}, '$.settings.receipts') = 1`,
      ),
    )
    .orderBy(asc(devices.createdAt), asc(devices.id))
    .limit(1)
    .prepare(),
  nextPending: db
    .select()
    .from(printJobs)
    .where(and(eq(printJobs.status, 'pending'), eq(printJobs.printerId, sql.placeholder('printerId'))))
    .orderBy(asc(printJobs.seq))
    .limit(1)
    .prepare(),
}));

/** The printer receipts and reports go to, or null when none is configured. */
export function receiptPrinterId(db: ReadDb): string | null {
  return reads(db).receiptPrinter.get()?.id ?? null;
}

export interface NewPrintJob {
  kind: PrintJobKind;
  documentId: string | null;
  label: string;
  copy: boolean;
  payload: PrintPayload;
  /** Default: the receipt printer. */
  printerId?: string;
}

/** Queues a job inside the caller's transaction; null when there is no printer to queue it for. */
export function enqueuePrint(ctx: CommandContext, job: NewPrintJob): PrintJobRow | null {
  const printerId = job.printerId ?? receiptPrinterId(ctx.db);
  if (printerId === null) return null;
  const row: PrintJobRow = {
    seq: 0,
    id: newId(),
    printerId,
    kind: job.kind,
    documentId: job.documentId,
    label: job.label,
    copy: job.copy,
    payload: job.payload,
    status: 'pending',
    attempts: 0,
    lastError: null,
    createdAt: ctx.now,
    printedAt: null,
  };
  const { seq: _seq, ...values } = row;
  const inserted = ctx.db.insert(printJobs).values(values).returning({ seq: printJobs.seq }).get();
  afterCommit(ctx.runtime, (hardware) => {
    hardware.printQueued(printerId);
  });
  return { ...row, seq: inserted.seq };
}

/** Store header and money format for printing reports. */
export function reportContext(ctx: Pick<CommandContext, 'db'>): ReportContext {
  const { store } = loadTill(ctx.db);
  return { store: store.header, currency: store.currency, minorDigits: store.minorDigits };
}

/** Queues a sale or refund receipt for the receipt printer. */
export function enqueueReceipt(
  ctx: CommandContext,
  receipt: ReceiptModel,
  printerId?: string,
): PrintJobRow | null {
  const noun = receipt.kind === 'refund' ? 'Refund' : 'Receipt';
  return enqueuePrint(ctx, {
    ...(printerId === undefined ? {} : { printerId }),
    kind: receipt.kind,
    documentId: receipt.documentId,
    label: `${noun} ${receipt.receiptNumber}${receipt.copy ? ' (copy)' : ''}`,
    copy: receipt.copy,
    payload: { type: 'receipt', receipt },
  });
}

export function nextPendingJob(db: ReadDb, printerId: string): PrintJobRow | undefined {
  return reads(db).nextPending.get({ printerId });
}

/** After the last byte was written: the job will never be sent again. */
export function markPrinted(db: WriteDb, jobId: string, at: string): void {
  db.update(printJobs)
    .set({ status: 'printed', printedAt: at, attempts: sql`${printJobs.attempts} + 1`, lastError: null })
    .where(and(eq(printJobs.id, jobId), eq(printJobs.status, 'pending')))
    .run();
}

export function markAttemptFailed(db: WriteDb, jobId: string, error: string): void {
  db.update(printJobs)
    .set({ attempts: sql`${printJobs.attempts} + 1`, lastError: error.slice(0, 500) })
    .where(eq(printJobs.id, jobId))
    .run();
}

export function findJob(db: ReadDb, jobId: string): PrintJobRow | undefined {
  return db.select().from(printJobs).where(eq(printJobs.id, jobId)).get();
}

export function listJobs(db: ReadDb, status: PrintJobStatus | 'all', limit: number): PrintJobRow[] {
  return db
    .select()
    .from(printJobs)
    .where(status === 'all' ? undefined : eq(printJobs.status, status))
    .orderBy(desc(printJobs.seq))
    .limit(limit)
    .all();
}

export function jobView(row: PrintJobRow, printerNames: ReadonlyMap<string, string>): PrintJobView {
  return {
    id: row.id,
    printerId: row.printerId,
    printerName: printerNames.get(row.printerId) ?? null,
    kind: row.kind,
    documentId: row.documentId,
    label: row.label,
    copy: row.copy,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt,
    printedAt: row.printedAt,
  };
}
