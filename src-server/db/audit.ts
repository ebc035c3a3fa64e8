// The audit trail: one row per change, written in the same transaction as the change.
import { auditLogs } from './schema/audit.js';
import type { Tx } from './transaction.js';

export interface AuditActor {
  userId: string | null;
  requestId?: string | undefined;
}

export interface AuditEntry {
  /** create | update | delete | price_override | void | approve | reject | set_pin | ... */
  action: string;
  /** The resource in snake_case singular: "user", "store", "sales_header". */
  modelName: string;
  objectId: string | null;
  storeId?: string | null;
  reason?: string | null;
  /** The API representation before / after (never secrets). */
  before?: unknown;
  after?: unknown;
}

export async function writeAudit(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await writeAudits(tx, actor, [entry]);
}

/** Several entries by one actor in one INSERT (one round trip however many rows a command changed). */
export async function writeAudits(tx: Tx, actor: AuditActor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditLogs).values(
    entries.map((entry) => ({
      action: entry.action,
      modelName: entry.modelName,
      objectId: entry.objectId,
      storeId: entry.storeId ?? null,
      userId: actor.userId,
      reason: entry.reason ?? null,
      beforeData: entry.before ?? null,
      afterData: entry.after ?? null,
      requestId: actor.requestId ?? null,
    })),
  );
}
