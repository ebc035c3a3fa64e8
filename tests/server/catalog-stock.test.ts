// GET /api/products/low_stock/ and /api/products/out_of_stock/: what a manager re-orders, per store,
// read from stock_levels — tracked, active products only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockLevels } from '../../src-server/db/schema/stock.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('low and out of stock', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    // sku, reorder level, on hand in the test store (null: never stocked), tracked, active
    const catalog: [string, string, number | null, boolean, boolean][] = [
      ['LOW', '10', 4000, true, true],
      ['AT-LEVEL', '10', 10000, true, true],
      ['PLENTY', '10', 10001, true, true],
      ['ZERO', '5', 0, true, true],
      ['NEGATIVE', '5', -2500, true, true],
      ['NEVER', '5', null, true, true],
      ['UNTRACKED', '5', 0, false, true],
      ['INACTIVE', '5', 1000, true, false],
      ['NO-LEVEL', '0', 1000, true, true],
    ];
    for (const [sku, reorder, onHand, track, active] of catalog) {
      const res = await t.call('POST', '/api/products/', {
        as: 'manager',
        body: {
          name: `Item ${sku}`,
          sku,
          price: 10,
          reorder_level: reorder,
          track_stock: track,
          is_active: active,
        },
      });
      expect(res.status).toBe(201);
      if (onHand !== null) {
        await t.database.db
          .insert(stockLevels)
          .values({ storeId: t.store.id, productId: res.body.id, quantity: onHand });
      }
      // Plenty of everything in the other store: it never shows up here.
      await t.database.db
        .insert(stockLevels)
        .values({ storeId: t.otherStore.id, productId: res.body.id, quantity: sku === 'LOW' ? 0 : 99000 });
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const list = async (kind: string, query = '', as: 'employee' | 'owner' | 'outsider' = 'employee') => {
    const res = await t.call('GET', `/api/products/${kind}/${query}`, { as });
    return res;
  };

  it('lists products at or below their reorder level but not out, with stock on hand', async () => {
    const res = await list('low_stock', `?store=${t.store.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ count: 2, next: null, previous: null });
    expect(
      res.body.results.map((p: { sku: string; stock_on_hand: string }) => [p.sku, p.stock_on_hand]),
    ).toEqual([
      ['AT-LEVEL', '10.000'],
      ['LOW', '4.000'],
    ]);
  });

  it('lists products with nothing (or less than nothing) on hand, counting never-stocked ones as 0', async () => {
    const res = await list('out_of_stock', `?store=${t.store.id}&page_size=2`);
    expect(res.body.count).toBe(3);
    expect(res.body.next).toMatch(/page=2/);
    const all = await list('out_of_stock', `?store=${t.store.id}`);
    expect(
      all.body.results.map((p: { sku: string; stock_on_hand: string }) => [p.sku, p.stock_on_hand]),
    ).toEqual([
      ['NEGATIVE', '-2.500'],
      ['NEVER', '0.000'],
      ['ZERO', '0.000'],
    ]);
  });

  it('defaults to your only store, and wants ?store= when you have several', async () => {
    const implicit = await list('low_stock');
    expect(implicit.body.count).toBe(2);
    const opened = await t.call('POST', '/api/stores/', {
      as: 'owner',
      body: { name: 'Second', code: 'SEC' },
    });
    expect(opened.status).toBe(201);
    const ambiguous = await list('out_of_stock', '', 'owner');
    expect(ambiguous).toMatchObject({ status: 400, body: { store: ['This field is required.'] } });
    const inNew = await list('out_of_stock', `?store=${opened.body.id}`, 'owner');
    expect(inNew.body.count).toBe(7);
  });

  it("refuses a store you don't belong to", async () => {
    const res = await list('low_stock', `?store=${t.otherStore.id}`);
    expect(res).toMatchObject({
      status: 400,
      body: { store: [`Invalid pk "${t.otherStore.id}" - object does not exist.`] },
    });
    const theirs = await list('out_of_stock', '', 'outsider');
    expect(theirs.body.results.map((p: { sku: string }) => p.sku)).toEqual(['LOW']);
    expect((await list('low_stock', '', 'outsider')).body.count).toBe(0);
  });
});
