// The till's side of sync (DESIGN.md "Sync"): one row (id = 1) once the till is registered with a cloud.
// The device secret is never here (src-main/sync/secret-store.ts keeps it).
import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const syncState = sqliteTable(
  'sync_state',
  {
    id: integer('id').primaryKey(),
    /** The cloud's base URL (no trailing /api). */
    serverUrl: text('server_url').notNull(),
    storeId: text('store_id').notNull(),
    storeName: text('store_name').notNull(),
    terminalId: text('terminal_id').notNull(),
    /** The cloud registration this till pushes under (bumped by each re-registration). */
    epoch: integer('epoch').notNull(),
    /** The local outbox seq before this registration's first event: wire seq = local seq − seq_base. */
    seqBase: integer('seq_base').notNull(),
    /** The store change-log version applied here (advanced in the same transaction as the page). */
    pullCursor: integer('pull_cursor').notNull().default(0),
    /** The cloud's latest version as last seen. */
    pullHead: integer('pull_head').notNull().default(0),
    lastSuccessAt: text('last_success_at'),
    /** { code, message, at } of the last failure; null after a success. */
    lastError: text('last_error', { mode: 'json' }).$type<{ code: string; message: string; at: string }>(),
    registeredAt: text('registered_at').notNull(),
  },
  (t) => [check('sync_state_singleton', sql`${t.id} = 1`)],
);
