// The schema keeps the portability rules (InnoDB, a primary key everywhere, integer money) and write
// transactions survive deadlocks by retrying.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptCounters } from '../../src-server/db/schema/stores.js';
import { withTransaction } from '../../src-server/db/transaction.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('cloud database', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('has every table InnoDB with a primary key, and no DECIMAL or FLOAT columns', async () => {
    const [tables] = (await t.database.pool.query(
      `select t.table_name as name, t.engine as engine,
              (select count(*) from information_schema.table_constraints c
                where c.table_schema = t.table_schema and c.table_name = t.table_name
                  and c.constraint_type = 'PRIMARY KEY') as pks
         from information_schema.tables t where t.table_schema = ?`,
      [t.database.name],
    )) as unknown as [{ name: string; engine: string; pks: number }[]];
    expect(tables.length).toBeGreaterThanOrEqual(28);
    for (const table of tables) {
      expect(table.engine, table.name).toBe('InnoDB');
      expect(table.pks, table.name).toBe(1);
    }
    const [floats] = (await t.database.pool.query(
      `select table_name, column_name from information_schema.columns
        where table_schema = ? and data_type in ('decimal', 'float', 'double')`,
      [t.database.name],
    )) as unknown as [unknown[]];
    expect(floats).toEqual([]);
  });

  it('reads and writes timestamps as UTC', async () => {
    const [row] = (await t.database.pool.query('select @@session.time_zone as tz')) as unknown as [
      { tz: string }[],
    ];
    expect(row[0]?.tz).toBe('+00:00');
  });

  it('retries a transaction that lost a deadlock, so both writers commit', async () => {
    const a = t.store.id;
    const b = t.otherStore.id;
    let release!: () => void;
    const bothLocked = new Promise<void>((resolve) => (release = resolve));
    let locked = 0;
    let attempts = 0;
    const writer = (first: string, second: string) =>
      withTransaction(t.database.db, async (tx) => {
        attempts++;
        await tx
          .update(receiptCounters)
          .set({ nextNumber: sql`${receiptCounters.nextNumber} + 1` })
          .where(eq(receiptCounters.storeId, first));
        if (++locked === 2) release();
        await bothLocked;
        await tx
          .update(receiptCounters)
          .set({ nextNumber: sql`${receiptCounters.nextNumber} + 1` })
          .where(eq(receiptCounters.storeId, second));
      });
    await Promise.all([writer(a, b), writer(b, a)]);
    expect(attempts).toBe(3);
    const rows = await t.database.db.select().from(receiptCounters);
    expect(rows.map((r) => r.nextNumber).sort()).toEqual([3, 3]);
  });
});
