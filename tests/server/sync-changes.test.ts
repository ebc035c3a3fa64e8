// The change log's versions against a real MariaDB: two writers at once never let a till skip a change (the
// version a till could see is never above one still to commit), a change noted and not flushed is written
// at commit, a rolled-back one is not.
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../src-server/db/transaction.js';
import { flushChanges, noteChanges } from '../../src-server/services/sync-changes.js';
import { readPullPage } from '../../src-server/services/sync-pull.js';
import { newId } from '../../src-shared/domain/ids.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('the per-store change log', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  const head = async () => (await readPullPage(t.database.db, t.store.id, 0, 1)).headVersion;
  const pulledIds = async (cursor: number) =>
    (await readPullPage(t.database.db, t.store.id, cursor, 5000)).changes.map((c) => c.id);

  /** Whether the transaction on MySQL connection `threadId` is waiting for a lock. */
  const waitsForLock = async (threadId: number) => {
    const [rows] = await t.database.pool.query(
      "select count(*) as n from information_schema.innodb_trx where trx_mysql_thread_id = ? and trx_state = 'LOCK WAIT'",
      [threadId],
    );
    return Number((rows as { n: number | string }[])[0]?.n ?? 0) > 0;
  };

  /** A way to let go of what a test holds open, run after it whatever happened (even a timeout). */
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    const c = cleanup;
    cleanup = undefined;
    await c?.();
  });

  it('a change committed while an earlier one is still open never becomes visible before it', async () => {
    const start = await head();
    const a = newId();
    const b = newId();
    let releaseA = () => {};
    const aHolds = new Promise<void>((resolve) => {
      releaseA = resolve;
    });
    let aFlushed = () => {};
    const aReady = new Promise<void>((resolve) => {
      aFlushed = resolve;
    });
    /** The MySQL connection B's current attempt runs on (-1 before it starts). */
    let bThread = -1;
    const txA = withTransaction(t.database.db, async (tx) => {
      noteChanges(tx, [t.store.id], 'product', [a]);
      await flushChanges(tx);
      aFlushed();
      await aHolds; // A has its version and holds the counter row: it has not committed yet
    });
    const run: { txB?: Promise<void>; bDone: boolean; stop: boolean } = { bDone: false, stop: false };
    // Whatever happens below (an assertion, a timeout), A lets go of the counter row and both end, so the
    // next test never queues behind a transaction left open.
    cleanup = async () => {
      run.stop = true;
      releaseA();
      await Promise.allSettled([txA, run.txB]);
    };
    // A failing before it holds the row fails the test at once instead of waiting for it forever.
    await Promise.race([aReady, txA]);
    const txB = withTransaction(t.database.db, async (tx) => {
      const [rows] = (await tx.execute(sql`select connection_id() as id`)) as unknown as [{ id: number }[]];
      bThread = Number(rows[0]?.id);
      noteChanges(tx, [t.store.id], 'product', [b]);
      await flushChanges(tx);
    }).finally(() => {
      run.bDone = true; // committed (a broken allocator lets it) or failed: stop waiting either way
    });
    run.txB = txB;
    // B queues behind A's counter row (seen waiting for the lock), or — with a broken allocator — commits at
    // once. Polled without a deadline of its own: the test's timeout (generous, for a loaded machine) bounds it.
    while (!run.bDone && !run.stop && !(bThread >= 0 && (await waitsForLock(bThread)))) {
      await new Promise((r) => setTimeout(r, 5));
    }
    // What a till would see now, while A is still open.
    const seen = await pulledIds(start);
    releaseA();
    // Never B's change without A's (B waited for A: neither is visible yet).
    if (seen.includes(b)) expect(seen).toContain(a);
    expect(seen).not.toContain(b);
    await Promise.all([txA, txB]);
    const after = await readPullPage(t.database.db, t.store.id, start, 5000);
    const versions = new Map(after.changes.map((c) => [c.id, c.version]));
    expect(after.changes.map((c) => c.id)).toEqual([a, b]);
    expect(versions.get(a)).toBeLessThan(versions.get(b) ?? 0);
    expect(after.headVersion).toBe(start + 2);
  }, 180_000);

  it('one transaction takes consecutive versions; a change of the same entity moves it to the end', async () => {
    const start = await head();
    const [x, y, z] = [newId(), newId(), newId()];
    await withTransaction(t.database.db, async (tx) => {
      noteChanges(tx, [t.store.id], 'client', [x, y, z]);
      await Promise.resolve();
    });
    let page = await readPullPage(t.database.db, t.store.id, start, 5000);
    expect(page.changes.map((c) => [c.id, c.version])).toEqual([
      [x, start + 1],
      [y, start + 2],
      [z, start + 3],
    ]);
    await withTransaction(t.database.db, async (tx) => {
      noteChanges(tx, [t.store.id], 'client', [x]);
      await Promise.resolve();
    });
    page = await readPullPage(t.database.db, t.store.id, start, 5000);
    // Compacted: one row per entity, x now after z.
    expect(page.changes.map((c) => c.id)).toEqual([y, z, x]);
    expect(page.changes.at(-1)?.version).toBe(start + 4);
  });

  it('a change noted and not flushed is written at commit; a rolled-back one is not', async () => {
    const start = await head();
    const kept = newId();
    await withTransaction(t.database.db, async (tx) => {
      noteChanges(tx, [t.store.id], 'product', [kept]); // no flushChanges: withTransaction does it
      await Promise.resolve();
    });
    expect(await pulledIds(start)).toEqual([kept]);

    const lost = newId();
    await expect(
      withTransaction(t.database.db, async (tx) => {
        noteChanges(tx, [t.store.id], 'product', [lost]);
        await tx.execute(sql`select 1`);
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(await pulledIds(start)).toEqual([kept]);
    expect(await head()).toBe(start + 1);
  });

  it("a business-wide change reaches every store's log", async () => {
    const other = (await readPullPage(t.database.db, t.otherStore.id, 0, 1)).headVersion;
    const start = await head();
    const id = newId();
    await withTransaction(t.database.db, async (tx) => {
      noteChanges(tx, 'all', 'category', [id]);
      await Promise.resolve();
    });
    expect(await pulledIds(start)).toEqual([id]);
    expect(
      (await readPullPage(t.database.db, t.otherStore.id, other, 5000)).changes.map((c) => c.id),
    ).toEqual([id]);
  });
});
