// Money in from client accounts (receipts) and money out for running costs (expenses).
import { date, index, mysqlTable, text, varchar } from 'drizzle-orm/mysql-core';
import { code, idPk, money, ref, timestamps } from '../columns.js';
import { cashSessions } from './cash.js';
import { clients } from './parties.js';
import { TENDER_METHODS } from './sales.js';
import { stores } from './stores.js';
import { users } from './users.js';

export const clientReceipts = mysqlTable(
  'client_receipts',
  {
    id: idPk(),
    clientId: ref('client_id')
      .notNull()
      .references(() => clients.id),
    storeId: ref('store_id').references(() => stores.id),
    sessionId: ref('session_id').references(() => cashSessions.id),
    amount: money('amount').notNull(),
    method: code('method', TENDER_METHODS).notNull(),
    reference: varchar('reference', { length: 100 }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    ...timestamps(),
  },
  (t) => [index('client_receipts_client_idx').on(t.clientId)],
);

export const expenses = mysqlTable(
  'expenses',
  {
    id: idPk(),
    storeId: ref('store_id')
      .notNull()
      .references(() => stores.id),
    /** When set, the expense was paid from this drawer: it counts as a paid-out in the session. */
    sessionId: ref('session_id').references(() => cashSessions.id),
    category: varchar('category', { length: 60 }).notNull(),
    description: text('description'),
    amount: money('amount').notNull(),
    expenseDate: date('expense_date', { mode: 'string' }).notNull(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    index('expenses_store_date_idx').on(t.storeId, t.expenseDate),
    index('expenses_session_idx').on(t.sessionId),
  ],
);
