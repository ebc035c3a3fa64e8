// Append-only audit log and the sync outbox.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    action: text('action').notNull(),
    model: text('model').notNull(),
    objectId: text('object_id'),
    userId: text('user_id'),
    approvedBy: text('approved_by'),
    terminalId: text('terminal_id').notNull(),
    reason: text('reason'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('audit_action_idx').on(t.action, t.createdAt),
    index('audit_user_idx').on(t.userId, t.createdAt),
    index('audit_created_idx').on(t.createdAt),
  ],
);

/**
 * One event per committed document, in the same transaction. seq is per-till, gapless and
 * monotonically increasing (the INTEGER PRIMARY KEY, assigned explicitly as max+1); event id = document id.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey(),
    epoch: integer('epoch').notNull(),
    eventId: text('event_id').notNull().unique(),
    type: text('type').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
  },
  (t) => [index('outbox_unsent_idx').on(t.sentAt)],
);
