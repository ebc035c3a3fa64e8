// Local hardware state of this till: configured devices and the print queue. Never synced to the cloud.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One row per configured device; `config` is the validated device.configure input (defaults applied). */
export const devices = sqliteTable('devices', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['printer', 'drawer', 'scanner', 'display'] }).notNull(),
  name: text('name').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  config: text('config', { mode: 'json' }).notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * The print queue. A job is inserted in the same transaction as the document it prints and drained after
 * commit by the printer worker, in `seq` order per printer; it becomes 'printed' only after its last byte
 * was written. `payload` holds the rendered model (receipt / report), so a job can move to another printer.
 */
export const printJobs = sqliteTable(
  'print_jobs',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    printerId: text('printer_id').notNull(),
    kind: text('kind', {
      enum: ['sale', 'refund', 'x_report', 'z_report', 'session_close', 'test'],
    }).notNull(),
    documentId: text('document_id'),
    label: text('label').notNull(),
    copy: integer('copy', { mode: 'boolean' }).notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    status: text('status', { enum: ['pending', 'printed', 'cancelled'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    printedAt: text('printed_at'),
  },
  (t) => [index('print_jobs_pending_idx').on(t.status, t.printerId, t.seq)],
);
