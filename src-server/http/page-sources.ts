// The page source most lists use: every row of one table matching `where`, newest first (id breaks ties).
import { count, desc, type SQL } from 'drizzle-orm';
import type { MySqlColumn, MySqlTable } from 'drizzle-orm/mysql-core';
import type { Db } from '../db/client.js';
import type { PageSource } from './pagination.js';

type NewestFirstTable = MySqlTable & { id: MySqlColumn; createdAt: MySqlColumn };

export function newestFirst<T extends NewestFirstTable>(
  db: Db,
  table: T,
  where: SQL | undefined,
): PageSource<T['$inferSelect']> {
  return {
    count: async () => (await db.select({ n: count() }).from(table).where(where))[0]?.n ?? 0,
    rows: async (limit, offset) =>
      await db
        .select()
        .from(table)
        .where(where)
        .orderBy(desc(table.createdAt), desc(table.id))
        .limit(limit)
        .offset(offset),
  };
}
