// services/stock.ts: movements, levels, low/out alerts with notifications, untracked products,
// concurrent callers.
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../src-server/db/schema/audit.js';
import { stockAlerts } from '../../src-server/db/schema/stock.js';
import { withTransaction } from '../../src-server/db/transaction.js';
import {
  applyStockMovements,
  stockOnHand,
  type StockMovementInput,
} from '../../src-server/services/stock.js';
import { newId } from '../../src-shared/domain/ids.js';
import { makeProduct, movementsOf, onHand } from './sales-fixtures.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('stock service', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  const move = (productId: string, qtyMilli: number, reason: StockMovementInput['reason'] = 'sale') => ({
    storeId: t.store.id,
    productId,
    qtyMilli,
    reason,
    referenceType: 'test',
    referenceId: newId(),
    userId: t.users.manager.id,
  });
  const apply = (movements: StockMovementInput[]) =>
    withTransaction(t.database.db, (tx) => applyStockMovements(tx, movements));
  const alertsOf = (productId: string) =>
    t.database.db.select().from(stockAlerts).where(eq(stockAlerts.productId, productId));
  const notificationsOf = (productId: string) =>
    t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'stock_alert'))
      .then((rows) => rows.filter((n) => JSON.stringify(n.data).includes(productId)));

  it('creates the level on first movement and adds up movements, one row per movement', async () => {
    const p = await makeProduct(t);
    await apply([move(p, 5000, 'purchase'), move(p, -1500)]);
    await apply([move(p, 250, 'refund')]);
    expect(await onHand(t, p)).toBe(3750);
    const rows = await movementsOf(t, p);
    expect(rows.map((m) => [m.quantity, m.reason])).toEqual([
      [5000, 'purchase'],
      [-1500, 'sale'],
      [250, 'refund'],
    ]);
    expect(rows[0]).toMatchObject({ referenceType: 'test', userId: t.users.manager.id, storeId: t.store.id });
  });

  it('skips products that do not track stock', async () => {
    const p = await makeProduct(t, { trackStock: false });
    await apply([move(p, -3000)]);
    expect(await onHand(t, p)).toBe(0);
    expect(await movementsOf(t, p)).toEqual([]);
    expect(await alertsOf(p)).toEqual([]);
  });

  it('opens a low alert at the reorder level and tells the managers and owners, once', async () => {
    const p = await makeProduct(t, { name: 'Sugar 1kg', reorderLevel: 5000, stock: 8000 });
    await apply([move(p, -2000)]);
    expect(await alertsOf(p)).toEqual([]);
    await apply([move(p, -1000)]); // 5.000 on hand = reorder level
    await apply([move(p, -1000)]); // still low: no second alert
    const alerts = await alertsOf(p);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'low', quantity: 5000, reorderLevel: 5000, resolvedAt: null });
    const sent = await notificationsOf(p);
    expect(sent.map((n) => n.userId).sort()).toEqual([t.users.owner.id, t.users.manager.id].sort());
    expect(sent[0]).toMatchObject({ title: 'Low stock: Sugar 1kg', storeId: t.store.id });
  });

  it('oversells into an out alert that resolves the low one; a restock resolves everything', async () => {
    const p = await makeProduct(t, { name: 'Milk', reorderLevel: 2000, stock: 3000 });
    await apply([move(p, -2000)]);
    await apply([move(p, -4000)]); // -3.000: oversold, allowed
    expect(await onHand(t, p)).toBe(-3000);
    let alerts = await alertsOf(p);
    expect(alerts.map((a) => [a.kind, a.resolvedAt === null])).toEqual(
      expect.arrayContaining([
        ['low', false],
        ['out', true],
      ]),
    );
    expect((await notificationsOf(p)).map((n) => n.title)).toContain('Out of stock: Milk');
    await apply([move(p, 10000, 'purchase')]);
    alerts = await alertsOf(p);
    expect(alerts.every((a) => a.resolvedAt !== null && a.openKey === null)).toBe(true);
    // a new fall below the level opens a fresh alert
    await apply([move(p, -6000)]);
    const open = await t.database.db
      .select()
      .from(stockAlerts)
      .where(and(eq(stockAlerts.productId, p), isNull(stockAlerts.resolvedAt)));
    expect(open.map((a) => a.kind)).toEqual(['low']);
  });

  it("in one call for many products, opens, keeps and resolves each one's alert, and tells the managers once each", async () => {
    const fine = await makeProduct(t, { name: 'Rice', reorderLevel: 1000, stock: 9000 });
    const goesLow = await makeProduct(t, { name: 'Tea', reorderLevel: 3000, stock: 5000 });
    const goesOut = await makeProduct(t, { name: 'Salt', reorderLevel: 3000, stock: 4000 });
    const staysLow = await makeProduct(t, { name: 'Oil', reorderLevel: 3000, stock: 4000 });
    const restocked = await makeProduct(t, { name: 'Soap', reorderLevel: 3000, stock: 4000 });
    // Salt, Oil and Soap fall to low first (three alerts, three pairs of notifications).
    await apply([move(goesOut, -2000), move(staysLow, -2000), move(restocked, -2000)]);
    const lowBefore = new Map(
      await Promise.all([goesOut, staysLow].map(async (p) => [p, (await alertsOf(p))[0]?.id] as const)),
    );

    await apply([
      move(fine, -1000),
      move(goesLow, -1000),
      move(goesLow, -1000), // two movements of one product: one level change, 3.000 = its reorder level
      move(goesOut, -3000),
      move(staysLow, -500),
      move(restocked, 20000, 'purchase'),
    ]);
    expect(await onHand(t, goesLow)).toBe(3000);
    const open = async (p: string) =>
      (await alertsOf(p)).filter((a) => a.resolvedAt === null).map((a) => [a.kind, a.id]);
    expect(await open(fine)).toEqual([]);
    expect((await open(goesLow)).map(([kind]) => kind)).toEqual(['low']);
    expect((await open(goesOut)).map(([kind]) => kind)).toEqual(['out']);
    expect(await open(staysLow)).toEqual([['low', lowBefore.get(staysLow)]]); // the same alert, kept
    expect(await open(restocked)).toEqual([]);
    expect((await alertsOf(goesOut)).find((a) => a.id === lowBefore.get(goesOut))?.resolvedAt).not.toBeNull();
    const titles = async (p: string) => (await notificationsOf(p)).map((n) => n.title).sort();
    const both = (title: string) => [title, title];
    expect(await titles(fine)).toEqual([]);
    expect(await titles(goesLow)).toEqual(both('Low stock: Tea'));
    expect(await titles(goesOut)).toEqual([...both('Low stock: Salt'), ...both('Out of stock: Salt')]);
    expect(await titles(staysLow)).toEqual(both('Low stock: Oil'));
    expect(await titles(restocked)).toEqual(both('Low stock: Soap'));
  });

  it("keeps the id and time it is given: a till's movement is the same fact on the cloud", async () => {
    const p = await makeProduct(t, { stock: 5000 });
    const id = newId();
    const createdAt = new Date('2026-11-20T08:15:30.123Z');
    await apply([{ ...move(p, -1000), id, createdAt }, move(p, -500)]);
    const rows = await movementsOf(t, p);
    expect(rows.find((m) => m.quantity === -1000)).toMatchObject({ id, createdAt });
    expect(rows.find((m) => m.quantity === -500)?.id).not.toBe(id);
    expect(await onHand(t, p)).toBe(3500);
  });

  it('reads stock on hand with 0 for products without a level', async () => {
    const a = await makeProduct(t, { stock: 1234 });
    const b = await makeProduct(t);
    const map = await stockOnHand(t.database.db, t.store.id, [a, b]);
    expect([...map.entries()]).toEqual([
      [a, 1234],
      [b, 0],
    ]);
    expect((await stockOnHand(t.database.db, t.store.id, [])).size).toBe(0);
  });

  it('lets concurrent callers touching the same products in opposite orders all commit', async () => {
    const a = await makeProduct(t, { stock: 100000 });
    const b = await makeProduct(t, { stock: 100000 });
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        apply(i % 2 === 0 ? [move(a, -1000), move(b, -1000)] : [move(b, -1000), move(a, -1000)]),
      ),
    );
    expect(await onHand(t, a)).toBe(88000);
    expect(await onHand(t, b)).toBe(88000);
  });

  it('rolls back with the caller: a failed transaction leaves no movement', async () => {
    const p = await makeProduct(t, { stock: 5000 });
    await expect(
      withTransaction(t.database.db, async (tx) => {
        await applyStockMovements(tx, [move(p, -1000)]);
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    expect(await onHand(t, p)).toBe(5000);
    expect(await movementsOf(t, p)).toEqual([]);
  });
});
