// Local state of this till: its identity and per-user lock-out counters. Never pulled from the cloud.
import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Exactly one row (id = 1): which store and terminal this ledger belongs to. */
export const tillIdentity = sqliteTable(
  'till_identity',
  {
    id: integer('id').primaryKey(),
    storeId: text('store_id').notNull(),
    terminalId: text('terminal_id').notNull(),
    terminalCode: text('terminal_code').notNull(),
    /** Incremented when the till is re-registered, so outbox seq restarting at 1 is never a duplicate. */
    epoch: integer('epoch').notNull().default(1),
    createdAt: text('created_at').notNull(),
  },
  (t) => [check('till_identity_singleton', sql`${t.id} = 1`)],
);

export const userLockouts = sqliteTable('user_lockouts', {
  userId: text('user_id').primaryKey(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: text('locked_until'),
});

/** Gapless per-till document numbers (receipts, refunds, Z reports). */
export const documentCounters = sqliteTable('document_counters', {
  kind: text('kind').primaryKey(),
  last: integer('last').notNull().default(0),
});
