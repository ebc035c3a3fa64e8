// Who did what: the audit trail (append-only) and per-user notifications.
import { index, mysqlTable, text, varchar } from 'drizzle-orm/mysql-core';
import { idPk, jsonData, ref, timestamps, utc } from '../columns.js';
import { stores } from './stores.js';
import { users } from './users.js';

export const auditLogs = mysqlTable(
  'audit_logs',
  {
    id: idPk(),
    /** create | update | delete | price_override | void | approve | reject | login | ... */
    action: varchar('action', { length: 40 }).notNull(),
    /** The resource, e.g. "user", "store", "sales_header". */
    modelName: varchar('model_name', { length: 60 }).notNull(),
    objectId: varchar('object_id', { length: 64 }),
    // No foreign keys: the trail outlives what it describes (a deleted store keeps its history).
    storeId: ref('store_id'),
    userId: ref('user_id'),
    reason: text('reason'),
    beforeData: jsonData('before_data'),
    afterData: jsonData('after_data'),
    requestId: varchar('request_id', { length: 64 }),
    createdAt: utc('created_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    index('audit_logs_model_object_idx').on(t.modelName, t.objectId),
    index('audit_logs_user_idx').on(t.userId),
    index('audit_logs_store_idx').on(t.storeId, t.createdAt),
    index('audit_logs_created_idx').on(t.createdAt),
  ],
);

export const notifications = mysqlTable(
  'notifications',
  {
    id: idPk(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    storeId: ref('store_id').references(() => stores.id),
    /** stock_alert | quarantined_event | ... */
    kind: varchar('kind', { length: 40 }).notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    body: text('body'),
    data: jsonData('data'),
    readAt: utc('read_at'),
    ...timestamps(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt)],
);
