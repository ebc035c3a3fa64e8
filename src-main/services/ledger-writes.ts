// The three things every command that creates a document writes in its transaction:
// an audit entry, an outbox event (per-till gapless seq), and — for numbered documents — the next number.
import { sql } from 'drizzle-orm';
import { newId } from '../../src-shared/domain/ids.js';
import type { WriteDb } from '../ledger/connection.js';
import { auditLog, outbox } from '../ledger/schema/audit.js';
import { documentCounters } from '../ledger/schema/till.js';
import type { CommandContext } from './context.js';

export interface AuditInput {
  action: string;
  model: string;
  objectId?: string | null;
  reason?: string | null;
  approvedBy?: string | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to the operator; null for actions by nobody (e.g. a failed login of an unknown user). */
  userId?: string | null;
}

export type AuditEntry = typeof auditLog.$inferSelect;

/** The outbox and counter statements are on every document's path: prepared once per connection. */
function prepareStatements(db: WriteDb) {
  return {
    maxSeq: db
      .select({ max: sql<number | null>`max(${outbox.seq})` })
      .from(outbox)
      .prepare(),
    insertOutbox: db
      .insert(outbox)
      .values({
        seq: sql.placeholder('seq'),
        epoch: sql.placeholder('epoch'),
        eventId: sql.placeholder('eventId'),
        type: sql.placeholder('type'),
        payload: sql.placeholder('payload'),
        createdAt: sql.placeholder('createdAt'),
      })
      .prepare(),
    nextNumber: db
      .insert(documentCounters)
      .values({ kind: sql.placeholder('kind'), last: 1 })
      .onConflictDoUpdate({ target: documentCounters.kind, set: { last: sql`${documentCounters.last} + 1` } })
      .returning({ last: documentCounters.last })
      .prepare(),
  };
}
const preparedByDb = new WeakMap<WriteDb, ReturnType<typeof prepareStatements>>();
function statements(db: WriteDb): ReturnType<typeof prepareStatements> {
  let prepared = preparedByDb.get(db);
  if (!prepared) {
    prepared = prepareStatements(db);
    preparedByDb.set(db, prepared);
  }
  return prepared;
}

/** Writes the audit entry and its outbox event ('audit.recorded'), so the cloud gets every entry once. */
export function writeAudit(
  ctx: Pick<CommandContext, 'db' | 'now' | 'operator' | 'identity'>,
  input: AuditInput,
): AuditEntry {
  const entry: AuditEntry = {
    id: newId(),
    action: input.action,
    model: input.model,
    objectId: input.objectId ?? null,
    userId: input.userId === undefined ? ctx.operator.id || null : input.userId,
    approvedBy: input.approvedBy ?? null,
    terminalId: ctx.identity().terminalId,
    reason: input.reason ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
    createdAt: ctx.now,
  };
  ctx.db.insert(auditLog).values(entry).run();
  appendOutbox(ctx, { eventId: entry.id, type: 'audit.recorded', payload: entry });
  return entry;
}

export interface OutboxEvent {
  /** = the document's id. */
  eventId: string;
  type: string;
  payload: unknown;
}

/** Appends the document's event; seq = previous max + 1 inside the same (IMMEDIATE) transaction, so it is gapless. */
export function appendOutbox(
  ctx: Pick<CommandContext, 'db' | 'now' | 'identity'>,
  event: OutboxEvent,
): number {
  const { maxSeq, insertOutbox } = statements(ctx.db);
  const seq = (maxSeq.get()?.max ?? 0) + 1;
  insertOutbox.run({
    seq,
    epoch: ctx.identity().epoch,
    eventId: event.eventId,
    type: event.type,
    payload: event.payload,
    createdAt: ctx.now,
  });
  return seq;
}

export type DocumentKind = 'sale' | 'refund' | 'z';

/** Next gapless number of a document kind at this till (1, 2, 3 …), taken in the caller's transaction. */
export function nextDocumentNumber(db: WriteDb, kind: DocumentKind): number {
  return statements(db).nextNumber.get({ kind }).last;
}

/** T01-000123 for sales; T01-R000012 for refunds; T01-Z0042 for Z reports. */
export function formatDocumentNumber(terminalCode: string, kind: DocumentKind, n: number): string {
  switch (kind) {
    case 'sale':
      return `${terminalCode}-${String(n).padStart(6, '0')}`;
    case 'refund':
      return `${terminalCode}-R${String(n).padStart(6, '0')}`;
    case 'z':
      return `${terminalCode}-Z${String(n).padStart(4, '0')}`;
  }
}
