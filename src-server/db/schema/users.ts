// People and who belongs to which store.
import { index, int, uniqueIndex, varchar, mysqlTable } from 'drizzle-orm/mysql-core';
import { code, flag, idPk, ref, timestamps, utc } from '../columns.js';
import { stores } from './stores.js';

export const ROLES = ['owner', 'manager', 'employee'] as const;

export const users = mysqlTable(
  'users',
  {
    id: idPk(),
    phoneNumber: varchar('phone_number', { length: 20 }).notNull(),
    name: varchar('name', { length: 150 }).notNull(),
    role: code('role', ROLES).notNull(),
    /** scrypt$N$r$p$salt$hash (src-shared/contract/secret-hash.ts); never leaves the server. */
    passwordHash: varchar('password_hash', { length: 255 }).notNull(),
    pinHash: varchar('pin_hash', { length: 255 }),
    isActive: flag('is_active', true),
    failedLogins: int('failed_logins').notNull().default(0),
    lockedUntil: utc('locked_until'),
    lastLogin: utc('last_login'),
    /** Who created this user (null for createsuperuser). */
    createdBy: ref('created_by'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('users_phone_number_uq').on(t.phoneNumber), index('users_role_idx').on(t.role)],
);

export const storeMembers = mysqlTable(
  'store_members',
  {
    id: idPk(),
    storeId: ref('store_id')
      .notNull()
      .references(() => stores.id),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('store_members_store_user_uq').on(t.storeId, t.userId),
    index('store_members_user_idx').on(t.userId),
  ],
);

/** Revoked refresh tokens (logout, rotation). Used when REDIS_URL is not set. */
export const tokenBlacklist = mysqlTable(
  'token_blacklist',
  {
    jti: ref('jti').primaryKey(),
    userId: ref('user_id'),
    expiresAt: utc('expires_at').notNull(),
    ...timestamps(),
  },
  (t) => [index('token_blacklist_expires_idx').on(t.expiresAt)],
);
