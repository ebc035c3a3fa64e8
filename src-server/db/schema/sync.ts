// Sync (DESIGN.md "Sync"): per-till push cursors, the log of every event held from a till (its unique keys
// ARE the duplicate check), the quarantine of events that could not be applied, and the till documents the
// REST API had no table for yet (refunds with their lines and payments, cash paid in / out).
import {
  bigint,
  boolean,
  index,
  int,
  mysqlTable,
  primaryKey,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { asciiKey, code, idPk, jsonData, money, qty, ref, utc } from '../columns.js';
import { cashSessions } from './cash.js';
import { products } from './catalog.js';
import { salesDetails, salesHeaders, TENDER_METHODS } from './sales.js';
import { stores, terminals } from './stores.js';
import { users } from './users.js';

export const SYNC_EVENT_STATUSES = ['applied', 'quarantined'] as const;

/**
 * One row per registration of a till (terminal, epoch) that has pushed, created by its first push. A push locks it
 * (SELECT … FOR UPDATE) for its whole transaction: pushes of one till are applied one after another.
 */
export const syncCursors = mysqlTable(
  'sync_cursors',
  {
    terminalId: ref('terminal_id')
      .notNull()
      .references(() => terminals.id),
    epoch: int('epoch').notNull(),
    storeId: ref('store_id')
      .notNull()
      .references(() => stores.id),
    /** Highest seq held with every lower seq held too (what a push answers as ackedThroughSeq). */
    ackedThroughSeq: bigint('acked_through_seq', { mode: 'number' }).notNull().default(0),
    lastPushAt: utc('last_push_at'),
    createdAt: utc('created_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [primaryKey({ name: 'sync_cursors_pk', columns: [t.terminalId, t.epoch] })],
);

/**
 * Every event held from a till, applied or quarantined. The primary key (terminal, epoch, seq) and the
 * unique event id are how a resend is recognised: looked up by key before anything is written.
 */
export const syncEvents = mysqlTable(
  'sync_events',
  {
    terminalId: ref('terminal_id').notNull(),
    epoch: int('epoch').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    eventId: ref('event_id').notNull(),
    type: varchar('type', { length: 40 }).notNull(),
    status: code('status', SYNC_EVENT_STATUSES).notNull(),
    /** The till's time of the event. */
    createdAt: utc('created_at').notNull(),
    receivedAt: utc('received_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    primaryKey({ name: 'sync_events_pk', columns: [t.terminalId, t.epoch, t.seq] }),
    uniqueIndex('sync_events_event_uq').on(t.eventId),
  ],
);

/** Events held but not applied (invalid, unknown product/store, newer schema, seq reused): for managers. */
export const syncQuarantine = mysqlTable(
  'sync_quarantine',
  {
    id: idPk(),
    eventId: ref('event_id').notNull(),
    storeId: ref('store_id').notNull(),
    terminalId: ref('terminal_id').notNull(),
    epoch: int('epoch').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    type: varchar('type', { length: 40 }).notNull(),
    reason: text('reason').notNull(),
    /** The event exactly as received: { seq, eventId, type, payload, createdAt }. */
    event: jsonData('event').notNull(),
    createdAt: utc('created_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    uniqueIndex('sync_quarantine_event_uq').on(t.eventId),
    index('sync_quarantine_store_idx').on(t.storeId, t.createdAt),
  ],
);

// ---------------------------------------------------------------------------------------------------------
// The per-store change log the tills pull (services/sync-changes.ts, services/sync-pull.ts).

export const SYNC_CHANGE_OPS = ['upsert', 'delete'] as const;

/**
 * One counter row per store: the store's head version. Every transaction that changes something the store's
 * tills replicate locks it (SELECT … FOR UPDATE) and takes the next versions from it, so versions become
 * visible in commit order. `initialized` = the log holds every entity the store sees (backfilled at its
 * first pull); a row created by a change before that is not initialized yet.
 */
export const syncStoreVersions = mysqlTable('sync_store_versions', {
  storeId: ref('store_id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
  initialized: boolean('initialized').notNull().default(false),
  updatedAt: utc('updated_at')
    .notNull()
    .$defaultFn(() => new Date()),
});

/**
 * The change log, compacted: one row per (store, entity, id) with the version of its last change. A till
 * pulls the rows with version > its cursor in version order and gets each entity's data as of the read.
 */
export const syncChanges = mysqlTable(
  'sync_changes',
  {
    storeId: ref('store_id').notNull(),
    entity: varchar('entity', { length: 20 }).notNull(),
    /** The entity's id (a UUID; a tax class's code). */
    entityId: asciiKey('entity_id').notNull(),
    version: bigint('version', { mode: 'number' }).notNull(),
    op: code('op', SYNC_CHANGE_OPS).notNull(),
    changedAt: utc('changed_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'sync_changes_pk', columns: [t.storeId, t.entity, t.entityId] }),
    uniqueIndex('sync_changes_store_version_uq').on(t.storeId, t.version),
  ],
);

// ---------------------------------------------------------------------------------------------------------
// Till documents with no REST resource yet (they arrive only through sync). Ids are the till's.

export const refunds = mysqlTable(
  'refunds',
  {
    id: ref('id').primaryKey(),
    /** "T01-R000012" */
    refundNumber: varchar('refund_number', { length: 40 }).notNull(),
    headerId: ref('header_id')
      .notNull()
      .references(() => salesHeaders.id),
    storeId: ref('store_id')
      .notNull()
      .references(() => stores.id),
    terminalId: ref('terminal_id').references(() => terminals.id),
    sessionId: ref('session_id').references(() => cashSessions.id),
    businessDate: varchar('business_date', { length: 10 }).notNull(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    approvedBy: ref('approved_by').references(() => users.id),
    reason: text('reason').notNull(),
    netTotal: money('net_total').notNull(),
    taxTotal: money('tax_total').notNull(),
    total: money('total').notNull(),
    createdAt: utc('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('refunds_store_number_uq').on(t.storeId, t.refundNumber),
    index('refunds_header_idx').on(t.headerId),
    index('refunds_session_idx').on(t.sessionId),
  ],
);

export const refundLines = mysqlTable(
  'refund_lines',
  {
    id: ref('id').primaryKey(),
    refundId: ref('refund_id')
      .notNull()
      .references(() => refunds.id),
    detailId: ref('detail_id')
      .notNull()
      .references(() => salesDetails.id),
    productId: ref('product_id')
      .notNull()
      .references(() => products.id),
    /** qtyMilli */
    quantity: qty('quantity').notNull(),
    taxClass: varchar('tax_class', { length: 20 }).notNull(),
    net: money('net').notNull(),
    tax: money('tax').notNull(),
    gross: money('gross').notNull(),
  },
  (t) => [index('refund_lines_refund_idx').on(t.refundId)],
);

export const refundPayments = mysqlTable(
  'refund_payments',
  {
    id: ref('id').primaryKey(),
    refundId: ref('refund_id')
      .notNull()
      .references(() => refunds.id),
    method: code('method', TENDER_METHODS).notNull(),
    amount: money('amount').notNull(),
    reference: varchar('reference', { length: 100 }),
  },
  (t) => [index('refund_payments_refund_idx').on(t.refundId)],
);

export const CASH_MOVEMENT_KINDS = ['paid_in', 'paid_out'] as const;

/** Cash put into or taken out of a till's drawer during a session. */
export const cashMovements = mysqlTable(
  'cash_movements',
  {
    id: ref('id').primaryKey(),
    sessionId: ref('session_id')
      .notNull()
      .references(() => cashSessions.id),
    kind: code('kind', CASH_MOVEMENT_KINDS).notNull(),
    amount: money('amount').notNull(),
    reason: text('reason').notNull(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: utc('created_at').notNull(),
  },
  (t) => [index('cash_movements_session_idx').on(t.sessionId)],
);
