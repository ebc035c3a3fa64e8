// Prepared statements are compiled once per ledger connection (the drizzle handle) and reused: the sale
// path and the catalog lookups must not pay SQL building and compiling on every call.
import { is, Param, Placeholder, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Ledger } from '../ledger/connection.js';

/** `perDb(build)` → a getter that builds its statements on first use for each db handle and caches them. */
export function perDb<D extends object, T>(build: (db: D) => T): (db: D) => T {
  const cache = new WeakMap<D, T>();
  return (db) => {
    let value = cache.get(db);
    if (value === undefined) {
      value = build(db);
      cache.set(db, value);
    }
    return value;
  };
}

/** `perDbAndSize(build)` → statements for multi-row inserts of `n` rows, cached per db handle and n. */
export function perDbAndSize<D extends object, T>(
  build: (db: D, n: number) => T,
  maxCached = 64,
): (db: D, n: number) => T {
  const cache = new WeakMap<D, Map<number, T>>();
  return (db, n) => {
    if (n > maxCached) return build(db, n);
    let byN = cache.get(db);
    if (!byN) {
      byN = new Map();
      cache.set(db, byN);
    }
    let value = byN.get(n);
    if (value === undefined) {
      value = build(db, n);
      byN.set(n, value);
    }
    return value;
  };
}

/** n rows of named placeholders `${i}_${key}` for a multi-row INSERT. */
export function placeholderRows<K extends string>(keys: readonly K[], n: number): Record<K, Placeholder>[] {
  return Array.from({ length: n }, (_, i) => {
    const row = {} as Record<K, Placeholder>;
    for (const key of keys) row[key] = sql.placeholder(`${i}_${key}`);
    return row;
  });
}

type Encoder = (value: unknown) => unknown;
type Slot = { row: number; key: string; encode: Encoder | null } | { constant: unknown };

/**
 * A multi-row INSERT of `n` rows compiled once per ledger: drizzle generates the SQL (column names, order, defaults)
 * and each column's encoder (booleans → 0/1, JSON → text); rows are then bound straight to the
 * better-sqlite3 statement in drizzle's parameter order. This skips drizzle's per-call placeholder filling,
 * which costs more than the insert itself on the sale's hot path. Run it only inside a command's
 * transaction (it writes through the ledger's one connection, like ctx.db).
 */
export function compileInsert<T extends SQLiteTable, K extends keyof T['$inferInsert'] & string>(
  ledger: Ledger,
  table: T,
  keys: readonly K[],
  n: number,
): (rows: readonly Record<K, unknown>[]) => void {
  const query = ledger.write
    .insert(table)
    .values(placeholderRows(keys, n) as unknown as T['$inferInsert'][])
    .toSQL();
  const slots: Slot[] = query.params.map((p): Slot => {
    const placeholder =
      is(p, Param) && is(p.value, Placeholder) ? p.value : is(p, Placeholder) ? p : undefined;
    if (!placeholder) return { constant: p };
    const split = placeholder.name.indexOf('_');
    const encoder = is(p, Param) ? p.encoder : undefined;
    return {
      row: Number(placeholder.name.slice(0, split)),
      key: placeholder.name.slice(split + 1),
      encode: encoder ? (value) => encoder.mapToDriverValue(value) : null,
    };
  });
  const statement = ledger.raw.prepare(query.sql);
  return (rows) => {
    if (rows.length !== n) throw new Error(`compiled for ${n} rows, got ${rows.length}`);
    const params = slots.map((slot) => {
      if ('constant' in slot) return slot.constant;
      const value = (rows[slot.row] as Record<string, unknown>)[slot.key];
      if (value === null || value === undefined) return null;
      return slot.encode ? slot.encode(value) : value;
    });
    statement.run(params);
  };
}
