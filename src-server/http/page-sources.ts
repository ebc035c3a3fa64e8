// The page source most lists use: every row of one table matching `where`, newest first (id breaks ties),
// and pageWith, which completes each page of a source in one batch (a header's lines, say).
import { count, desc, type SQL } from 'drizzle-orm';
import type { MySqlColumn, MySqlTable } from 'drizzle-orm/mysql-core';
import type { Db } from '../db/client.js';
import type { PageSource } from './pagination.js';

type NewestFirstTable = MySqlTable & { id: MySqlColumn; createdAt: MySqlColumn };

/** Newest first: by `first` (descending) when given, e.g. a business date, then created_at, then id. */
export function newestFirst<T extends NewestFirstTable>(
  db: Db,
  table: T,
  where: SQL | undefined,
  first?: MySqlColumn,
): PageSource<T['$inferSelect']> {
  const order = [...(first ? [desc(first)] : []), desc(table.createdAt), desc(table.id)];
  return {
    count: async () => (await db.select({ n: count() }).from(table).where(where))[0]?.n ?? 0,
    rows: async (limit, offset) =>
      await db
        .select()
        .from(table)
        .where(where)
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
  };
}

/** `source` with each page of rows turned by `complete` into what the list shows, in one batch. */
export function pageWith<Row, Out>(
  source: PageSource<Row>,
  complete: (rows: Row[]) => Promise<Out[]>,
): PageSource<Out> {
  return { count: source.count, rows: async (limit, offset) => complete(await source.rows(limit, offset)) };
}
