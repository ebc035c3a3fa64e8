// The Z report of a closed cash session: its figures (from its immutable documents) plus what was
// frozen on the session row at close — count, expected cash, variance, Z number.
import { and, desc, eq } from 'drizzle-orm';
import type { SessionFigures, ZReport } from '../../src-shared/contract/report.js';
import { reconcileCash } from '../../src-shared/domain/cash-session.js';
import type { ReadDb } from '../ledger/connection.js';
import { auditLog } from '../ledger/schema/audit.js';
import { formatDocumentNumber } from './ledger-writes.js';
import { sessionFigures, userName, type SessionRow } from './report-figures.js';

export const SESSION_CLOSE_AUDIT_ACTION = 'session_close';

function storedDenominations(value: unknown): { value: number; count: number }[] | null {
  if (!Array.isArray(value)) return null;
  return value.map((d: { value: number; count: number }) => ({ value: d.value, count: d.count }));
}

/** The id of the session's close document (kept on its audit entry). */
export function closeIdOf(db: ReadDb, sessionId: string): string | null {
  const entry = db
    .select({ after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.action, SESSION_CLOSE_AUDIT_ACTION), eq(auditLog.objectId, sessionId)))
    .orderBy(desc(auditLog.createdAt))
    .get();
  const after = entry?.after as { closeId?: unknown } | null | undefined;
  return typeof after?.closeId === 'string' ? after.closeId : null;
}

/** Builds the Z report of a closed session row. */
export function zReportOf(
  db: ReadDb,
  row: SessionRow,
  terminalCode: string,
  closeId: string | null,
  figures: SessionFigures = sessionFigures(db, row, terminalCode),
): ZReport {
  const { closedBy, closedAt, countedTotal, expectedCash, zNumber } = row;
  if (
    row.status !== 'closed' ||
    !closedBy ||
    !closedAt ||
    countedTotal === null ||
    expectedCash === null ||
    zNumber === null
  ) {
    throw new Error(`cash session ${row.id} is not closed`);
  }
  const reconciliation = reconcileCash(expectedCash, countedTotal);
  return {
    kind: 'Z',
    ...figures,
    zNumber,
    zLabel: formatDocumentNumber(terminalCode, 'z', zNumber),
    closeId,
    closedAt,
    closedBy: userName(db, closedBy),
    blind: row.blindClose ?? false,
    counted: countedTotal,
    denominations: storedDenominations(row.denominations),
    expected: expectedCash,
    variance: reconciliation.variance,
    varianceStatus: reconciliation.status,
  };
}
