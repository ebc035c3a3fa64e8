// /api/stock-movements/: the read-only stock ledger, filtered, per store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProduct, makeSupplier } from './support/stock-fixtures.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('/api/stock-movements/', () => {
  let t: TestServer;
  let flour: string;
  let oil: string;
  let purchaseId: string;
  beforeAll(async () => {
    t = await startTestServer();
    flour = await makeProduct(t, { name: 'Flour 2kg' });
    oil = await makeProduct(t, { name: 'Cooking oil' });
    const purchase = await t.call('POST', '/api/purchaseheaders/', {
      as: 'manager',
      body: {
        store: t.store.id,
        supplier: await makeSupplier(t),
        status: 'received',
        details: [
          { product: flour, quantity: 20, unit_cost: 150 },
          { product: oil, quantity: '1.5', unit_cost: 300 },
        ],
      },
    });
    purchaseId = purchase.body.id as string;
    const adjustment = await t.call('POST', '/api/stock-adjustments/', {
      as: 'employee',
      body: { store: t.store.id, product: flour, quantity: '-0.25', reason: 'Torn bag' },
    });
    await t.call('POST', `/api/stock-adjustments/${adjustment.body.id}/approve/`, { as: 'manager' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists movements newest first with signed quantities and their source document', async () => {
    const res = await t.call('GET', '/api/stock-movements/', { as: 'employee' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ count: 3, next: null, previous: null });
    expect(res.body.results[0]).toMatchObject({
      product: flour,
      store: t.store.id,
      quantity: '-0.250',
      reason: 'adjustment',
      reference_type: 'stock_adjustment',
      user: t.users.manager.id,
    });
    expect(Object.keys(res.body.results[0]).sort()).toEqual(
      [
        'created_at',
        'id',
        'note',
        'product',
        'quantity',
        'reason',
        'reference_id',
        'reference_type',
        'store',
        'user',
      ].sort(),
    );
    const one = await t.call('GET', `/api/stock-movements/${res.body.results[2].id}/`, { as: 'manager' });
    expect(one.body).toMatchObject({
      reason: 'purchase',
      reference_type: 'purchase_header',
      reference_id: purchaseId,
    });
  });

  it('filters by product, store, reason and source', async () => {
    const get = async (qs: string) =>
      (await t.call('GET', `/api/stock-movements/?${qs}`, { as: 'owner' })).body;
    expect((await get(`product=${flour}`)).count).toBe(2);
    expect((await get(`product=${oil}`)).results.map((m: { quantity: string }) => m.quantity)).toEqual([
      '1.500',
    ]);
    expect((await get('reason=purchase')).count).toBe(2);
    expect((await get(`reason=adjustment&product=${oil}`)).count).toBe(0);
    expect((await get(`store=${t.store.id}`)).count).toBe(3);
    expect((await get(`reference_type=purchase_header&reference_id=${purchaseId}`)).count).toBe(2);
    expect((await get('date_from=2000-01-01&date_to=2000-01-02')).count).toBe(0);
  });

  it('shows nothing of other stores, refuses bad filters and cannot be written', async () => {
    const list = await t.call('GET', '/api/stock-movements/', { as: 'outsider' });
    expect(list.body.count).toBe(0);
    const theirs = await t.call('GET', `/api/stock-movements/?store=${t.store.id}`, { as: 'outsider' });
    expect(theirs.body.count).toBe(0);
    const any = (await t.call('GET', '/api/stock-movements/', { as: 'owner' })).body.results[0].id as string;
    expect((await t.call('GET', `/api/stock-movements/${any}/`, { as: 'outsider' })).status).toBe(404);
    const bad = await t.call('GET', '/api/stock-movements/?reason=theft', { as: 'owner' });
    expect(bad).toMatchObject({ status: 400, body: { reason: ['Select a valid choice.'] } });
    const post = await t.call('POST', '/api/stock-movements/', { as: 'owner', body: {} });
    expect(post.status).toBe(405);
    expect((await t.call('GET', '/api/stock-movements/')).status).toBe(401);
  });
});
