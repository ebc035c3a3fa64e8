// Cash sessions (a drawer shift). Expected cash and variance come from src-shared/domain/cash-session.ts.
import { date, index, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { code, idPk, money, ref, timestamps, utc } from '../columns.js';
import { stores, terminals } from './stores.js';
import { users } from './users.js';

export const CASH_SESSION_STATUSES = ['open', 'closed'] as const;

export const cashSessions = mysqlTable(
  'cash_sessions',
  {
    id: idPk(),
    storeId: ref('store_id')
      .notNull()
      .references(() => stores.id),
    terminalId: ref('terminal_id').references(() => terminals.id),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    openingFloat: money('opening_float').notNull(),
    status: code('status', CASH_SESSION_STATUSES).notNull().default('open'),
    openedAt: utc('opened_at')
      .notNull()
      .$defaultFn(() => new Date()),
    closedAt: utc('closed_at'),
    closedBy: ref('closed_by').references(() => users.id),
    closingTotal: money('closing_total'),
    expectedTotal: money('expected_total'),
    variance: money('variance'),
    /**
     * "terminal:<id>" or "user:<id>" while open, NULL once closed: the unique index makes "one open
     * session per terminal, else per user" a database guarantee.
     */
    openKey: varchar('open_key', { length: 60 }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('cash_sessions_open_key_uq').on(t.openKey),
    index('cash_sessions_store_idx').on(t.storeId, t.status),
    index('cash_sessions_user_idx').on(t.userId),
  ],
);
