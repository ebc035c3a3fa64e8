// Multi-row INSERTs for the big write paths (a sync push of 500 sales writes ~12,000 rows). drizzle builds
// one bound parameter per value (a 500-sale batch of lines is ~100,000) and mysql2 then formats them one
// by one: measured here, that costs ~5× the database's own time for the statement. This writes the same rows
// — typed by the drizzle table, each value mapped by its column exactly as drizzle maps it ($defaultFn for
// missing values, Date → UTC DATETIME text, JSON documents) — into one statement text escaped by the
// mysql2 driver's own escaping, executed in the caller's transaction.
import { getTableColumns, getTableName, sql, type Column } from 'drizzle-orm';
import type { MySqlTable } from 'drizzle-orm/mysql-core';
import { escape, escapeId, type SqlValue } from 'mysql2';
import type { Tx } from '../db/transaction.js';

/** Rows per statement: well under max_allowed_packet (16 MB by default) for every table written. */
const ROWS_PER_STATEMENT = 2000;

function literal(column: Column, value: unknown): string {
  if (value === null) return 'NULL';
  if (value === undefined) {
    if (column.defaultFn) return literal(column, column.defaultFn());
    if (column.onUpdateFn) return literal(column, column.onUpdateFn());
    return 'DEFAULT';
  }
  return escape(column.mapToDriverValue(value) as SqlValue);
}

/**
 * INSERT INTO `table` (…) VALUES (…), (…) [suffix] for `rows` (drizzle insert shapes), in statements of at
 * most ROWS_PER_STATEMENT rows, in order. `suffix` is appended to each statement (e.g. ON DUPLICATE KEY
 * UPDATE …); it must not carry values.
 */
export async function insertRows<T extends MySqlTable>(
  tx: Tx,
  table: T,
  rows: readonly T['$inferInsert'][],
  suffix = '',
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table) as Record<string, Column>);
  // Every column a row gives or drizzle would fill in; the others take their SQL default.
  const used = columns.filter(
    ([key, column]) =>
      column.defaultFn !== undefined ||
      column.onUpdateFn !== undefined ||
      rows.some((r) => (r as Record<string, unknown>)[key] !== undefined),
  );
  const head =
    `INSERT INTO ${escapeId(getTableName(table))} ` +
    `(${used.map(([, column]) => escapeId(column.name)).join(', ')}) VALUES `;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const values = rows
      .slice(i, i + ROWS_PER_STATEMENT)
      .map(
        (row) =>
          `(${used.map(([key, column]) => literal(column, (row as Record<string, unknown>)[key])).join(', ')})`,
      )
      .join(', ');
    await tx.execute(sql.raw(`${head}${values}${suffix ? ` ${suffix}` : ''}`));
  }
}
