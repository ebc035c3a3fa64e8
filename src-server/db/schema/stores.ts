// Stores, their tills (terminals) and the per-store receipt counter.
import { bigint, char, int, mysqlTable, uniqueIndex, varchar, text, index } from 'drizzle-orm/mysql-core';
import { flag, idPk, money, ref, timestamps, utc } from '../columns.js';

export const stores = mysqlTable(
  'stores',
  {
    id: idPk(),
    name: varchar('name', { length: 150 }).notNull(),
    /** Short code used in receipt numbers, unique ("NRB1"). */
    code: varchar('code', { length: 20 }).notNull(),
    address: varchar('address', { length: 255 }),
    phone: varchar('phone', { length: 20 }),
    kraPin: varchar('kra_pin', { length: 20 }),
    currency: char('currency', { length: 3 }).notNull().default('KES'),
    pricesIncludeTax: flag('prices_include_tax', true),
    /** Cash rounding step in minor units: 0 none, 100 = 1 shilling, 500 = 5 shillings. */
    cashRoundingStep: money('cash_rounding_step').notNull().default(0),
    receiptFooter: text('receipt_footer'),
    isActive: flag('is_active', true),
    createdBy: ref('created_by'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('stores_code_uq').on(t.code)],
);

export const terminals = mysqlTable(
  'terminals',
  {
    id: idPk(),
    storeId: ref('store_id')
      .notNull()
      .references(() => stores.id),
    /** "T01": the prefix of this till's receipt numbers. */
    code: varchar('code', { length: 10 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    /** scrypt hash of the device secret (sync issue), null until registered. */
    deviceSecretHash: varchar('device_secret_hash', { length: 255 }),
    /** Bumped at each re-registration: the till's outbox seq restarts under a new epoch. */
    epoch: int('epoch').notNull().default(1),
    isActive: flag('is_active', true),
    registeredBy: ref('registered_by'),
    registeredAt: utc('registered_at'),
    /** Set by POST /api/terminals/{id}/revoke/ (the hash is cleared then); cleared by registering again. */
    revokedAt: utc('revoked_at'),
    revokedBy: ref('revoked_by'),
    lastSeenAt: utc('last_seen_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('terminals_store_code_uq').on(t.storeId, t.code),
    index('terminals_store_idx').on(t.storeId),
  ],
);

/**
 * Gapless receipt numbers for sales created through the REST API, one row per store: lock the row
 * (SELECT ... FOR UPDATE) inside the sale's transaction, use next_number, increment it.
 */
export const receiptCounters = mysqlTable('receipt_counters', {
  storeId: ref('store_id')
    .primaryKey()
    .references(() => stores.id),
  nextNumber: bigint('next_number', { mode: 'number' }).notNull().default(1),
  ...timestamps(),
});
