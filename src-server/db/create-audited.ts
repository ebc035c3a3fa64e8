// The common tail of a POST that creates one row: in one transaction (retried as a whole), create it,
// read it back as the API shows it, and audit the creation with that representation.
//
//   const created = await createAudited(ctx.db, actor, { table: expenses, modelName: 'expense',
//     toApi: toApiExpense, create: async (tx) => ({ id: await recordExpense(tx, ...), storeId }) });
//   return reply.code(201).send(created);
import { eq } from 'drizzle-orm';
import type { MySqlColumn, MySqlTable } from 'drizzle-orm/mysql-core';
import { writeAudit, type AuditActor } from './audit.js';
import type { Db } from './client.js';
import { withTransaction, type Tx } from './transaction.js';

type TableWithId = MySqlTable & { id: MySqlColumn };

export interface CreatedRow {
  id: string;
  storeId: string | null;
  /** Audited as `before` (e.g. a balance the creation changed). */
  before?: unknown;
  /** Added to the representation in the audit's `after` only (e.g. that balance afterwards). */
  alsoAfter?: Record<string, unknown>;
}

export async function createAudited<T extends TableWithId, Out extends object>(
  db: Db,
  actor: AuditActor,
  spec: {
    table: T;
    /** The audit's model name, snake_case singular. */
    modelName: string;
    toApi: (row: T['$inferSelect']) => Out;
    create: (tx: Tx) => Promise<CreatedRow>;
  },
): Promise<Out> {
  return withTransaction(db, async (tx) => {
    const created = await spec.create(tx);
    const [row] = (await tx
      .select()
      .from(spec.table)
      .where(eq(spec.table.id, created.id))) as T['$inferSelect'][];
    if (!row) throw new Error(`created ${spec.modelName} not found`);
    const after = spec.toApi(row);
    await writeAudit(tx, actor, {
      action: 'create',
      modelName: spec.modelName,
      objectId: created.id,
      storeId: created.storeId,
      before: created.before,
      after: created.alsoAfter ? { ...after, ...created.alsoAfter } : after,
    });
    return after;
  });
}
