// /api/stock-alerts/: raised by the stock service when stock crosses the reorder level or zero (with a
// notification to the store's managers and owners), resolved when restocked; read-only here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProduct, makeSupplier } from './support/stock-fixtures.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('/api/stock-alerts/', () => {
  let t: TestServer;
  let supplier: string;
  beforeAll(async () => {
    t = await startTestServer();
    supplier = await makeSupplier(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const restock = async (product: string, quantity: number) => {
    const res = await t.call('POST', '/api/purchaseheaders/', {
      as: 'manager',
      body: {
        store: t.store.id,
        supplier,
        status: 'received',
        details: [{ product, quantity, unit_cost: 1 }],
      },
    });
    expect(res.status).toBe(201);
  };
  const adjust = async (product: string, quantity: number) => {
    const res = await t.call('POST', '/api/stock-adjustments/', {
      as: 'employee',
      body: { store: t.store.id, product, quantity, reason: 'Breakage' },
    });
    expect(
      (await t.call('POST', `/api/stock-adjustments/${res.body.id}/approve/`, { as: 'manager' })).status,
    ).toBe(200);
  };
  const alerts = async (qs: string, as: 'employee' | 'manager' | 'outsider' = 'employee') =>
    (await t.call('GET', `/api/stock-alerts/?${qs}`, { as })).body;
  const stockNotes = async (as: 'manager' | 'owner' | 'employee', product: string) =>
    (await t.call('GET', '/api/notifications/?kind=stock_alert&page_size=500', { as })).body.results.filter(
      (n: { data: { product_id: string } }) => n.data.product_id === product,
    );

  it('raises a low alert when stock falls to the reorder level, notifying managers and owners', async () => {
    const product = await makeProduct(t, { name: 'Milk 500ml', reorderLevel: 5000 });
    await restock(product, 10);
    expect((await alerts(`product=${product}`)).count).toBe(0);

    await adjust(product, -6);
    const open = await alerts(`product=${product}&resolved=false`);
    expect(open.count).toBe(1);
    expect(open.results[0]).toMatchObject({
      store: t.store.id,
      kind: 'low',
      quantity: '4.000',
      reorder_level: '5.000',
      resolved: false,
      resolved_at: null,
    });
    const [note] = await stockNotes('manager', product);
    expect(note).toMatchObject({ title: 'Low stock: Milk 500ml', is_read: false, store: t.store.id });
    expect(await stockNotes('owner', product)).toHaveLength(1);
    expect(await stockNotes('employee', product)).toHaveLength(0);
  });

  it('turns low into out at zero, and resolves everything when restocked', async () => {
    const product = await makeProduct(t, { name: 'Bread', reorderLevel: 3000 });
    await restock(product, 4);
    await adjust(product, -2);
    await adjust(product, -2);
    const afterOut = await alerts(`product=${product}`);
    expect(afterOut.results.map((a: { kind: string; resolved: boolean }) => [a.kind, a.resolved])).toEqual([
      ['out', false],
      ['low', true],
    ]);
    expect((await stockNotes('manager', product)).map((n: { title: string }) => n.title)).toEqual([
      'Out of stock: Bread',
      'Low stock: Bread',
    ]);

    await restock(product, 50);
    const resolved = await alerts(`product=${product}&resolved=true`);
    expect(resolved.count).toBe(2);
    expect(resolved.results.every((a: { resolved_at: string | null }) => a.resolved_at !== null)).toBe(true);
    expect((await alerts(`product=${product}&resolved=false`)).count).toBe(0);
    const outs = await alerts(`kind=out&store=${t.store.id}&product=${product}`);
    expect(outs.count).toBe(1);
    const one = await t.call('GET', `/api/stock-alerts/${outs.results[0].id}/`, { as: 'manager' });
    expect(one.body).toMatchObject({ kind: 'out', quantity: '0.000', resolved: true });
  });

  it('shows nothing of other stores and refuses bad filters', async () => {
    expect((await alerts('', 'outsider')).count).toBe(0);
    const any = (await alerts('')).results[0].id as string;
    expect((await t.call('GET', `/api/stock-alerts/${any}/`, { as: 'outsider' })).status).toBe(404);
    const bad = await t.call('GET', '/api/stock-alerts/?kind=empty&resolved=maybe', { as: 'manager' });
    expect(bad).toMatchObject({
      status: 400,
      body: { kind: ['Select a valid choice.'], resolved: ['Select a valid choice.'] },
    });
    expect((await t.call('POST', '/api/stock-alerts/', { as: 'owner', body: {} })).status).toBe(405);
  });
});
