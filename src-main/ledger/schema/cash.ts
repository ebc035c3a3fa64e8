// Cash sessions (one open per till) and the cash movements in them.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const cashSessions = sqliteTable(
  'cash_sessions',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    terminalId: text('terminal_id').notNull(),
    businessDate: text('business_date').notNull(),
    openedBy: text('opened_by').notNull(),
    openedAt: text('opened_at').notNull(),
    openingFloat: integer('opening_float').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    // Set once, by session.close; never changed afterwards.
    closedBy: text('closed_by'),
    closedAt: text('closed_at'),
    blindClose: integer('blind_close', { mode: 'boolean' }),
    countedTotal: integer('counted_total'),
    /** JSON [{ value, count }] when counted by denomination. */
    denominations: text('denominations', { mode: 'json' }),
    expectedCash: integer('expected_cash'),
    variance: integer('variance'),
    zNumber: integer('z_number'),
  },
  (t) => [
    uniqueIndex('cash_sessions_one_open_per_till')
      .on(t.terminalId)
      .where(sql`${t.status} = 'open'`),
    index('cash_sessions_opened_idx').on(t.openedAt),
  ],
);

export const cashMovements = sqliteTable(
  'cash_movements',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => cashSessions.id),
    kind: text('kind', { enum: ['paid_in', 'paid_out'] }).notNull(),
    amount: integer('amount').notNull(),
    reason: text('reason').notNull(),
    userId: text('user_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('cash_movements_session_idx').on(t.sessionId)],
);
