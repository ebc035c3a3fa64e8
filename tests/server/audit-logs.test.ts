// /api/audit-logs/: read-only trail for managers and owners, filtered and searched, per store; entries
// tied to no store are for owners only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProduct, makeSupplier } from './support/stock-fixtures.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('/api/audit-logs/', () => {
  let t: TestServer;
  let purchaseId: string;
  let adjustmentId: string;
  let hiredId: string;
  beforeAll(async () => {
    t = await startTestServer();
    const product = await makeProduct(t);
    const purchase = await t.call('POST', '/api/purchaseheaders/', {
      as: 'manager',
      body: {
        store: t.store.id,
        supplier: await makeSupplier(t),
        details: [{ product, quantity: 1, unit_cost: 1 }],
      },
    });
    purchaseId = purchase.body.id as string;
    await t.call('POST', `/api/purchaseheaders/${purchaseId}/receive/`, {
      as: 'owner',
      body: { reason: 'Delivered by the Tuesday lorry' },
    });
    const adjustment = await t.call('POST', '/api/stock-adjustments/', {
      as: 'employee',
      body: { store: t.store.id, product, quantity: -1, reason: 'Water damage in the back room' },
    });
    adjustmentId = adjustment.body.id as string;
    const hired = await t.call('POST', '/api/users/', {
      as: 'manager',
      body: { phone_number: '0733000001', name: 'New Hire', role: 'employee', password: 'new-hire-123' },
    });
    hiredId = hired.body.id as string;
    // The outsider's own store has entries too.
    await t.call('POST', '/api/stock-adjustments/', {
      as: 'outsider',
      body: { store: t.otherStore.id, product, quantity: 1, reason: 'Found behind the shelf' },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const list = async (qs: string, as: 'manager' | 'owner' | 'outsider' = 'owner') => {
    const res = await t.call('GET', `/api/audit-logs/?${qs}`, { as });
    expect(res.status).toBe(200);
    return res.body;
  };

  it('shows a store entry with its full shape', async () => {
    const res = await list(`model_name=purchase_header&object_id=${purchaseId}`);
    expect(res.count).toBe(2);
    const [receive, create] = res.results;
    expect(create).toMatchObject({
      action: 'create',
      user: t.users.manager.id,
      store: t.store.id,
      before_data: null,
    });
    expect(create.after_data).toMatchObject({ status: 'ordered', total: '1.00' });
    expect(receive).toMatchObject({
      action: 'receive',
      model_name: 'purchase_header',
      object_id: purchaseId,
      user: t.users.owner.id,
      reason: 'Delivered by the Tuesday lorry',
    });
    expect(receive.before_data).toMatchObject({ status: 'ordered' });
    expect(receive.after_data).toMatchObject({ status: 'received' });
    expect(receive.created_at).toMatch(/Z$/);
    const one = await t.call('GET', `/api/audit-logs/${receive.id}/`, { as: 'manager' });
    expect(one.body).toEqual(receive);
  });

  it('filters by action, model, object, user, date range and search', async () => {
    expect((await list('action=receive')).count).toBe(1);
    expect((await list(`model_name=stock_adjustment&object_id=${adjustmentId}`)).count).toBe(1);
    const byEmployee = await list(`user=${t.users.employee.id}`);
    expect(byEmployee.results.map((e: { object_id: string }) => e.object_id)).toEqual([adjustmentId]);
    const search = await list('search=water damage');
    expect(search.results.map((e: { object_id: string }) => e.object_id)).toEqual([adjustmentId]);
    expect((await list('search=recei')).count).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    const all = (await list('')).count;
    expect((await list(`date_from=${today}&date_to=${today}`)).count).toBe(all);
    expect((await list('date_to=2000-01-01')).count).toBe(0);
    expect((await list(`date_from=${new Date(Date.now() + 3_600_000).toISOString()}`)).count).toBe(0);
    const bad = await t.call('GET', '/api/audit-logs/?date_from=yesterday', { as: 'owner' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body)).toEqual(['date_from']);
  });

  it('keeps tenancy: managers see their stores, owners also store-less entries, outsiders only theirs', async () => {
    const managerView = await list('page_size=500', 'manager');
    const managerModels = managerView.results.map((e: { store: string | null }) => e.store);
    expect(managerModels.every((s: string | null) => s === t.store.id)).toBe(true);
    expect((await list(`object_id=${hiredId}`, 'manager')).count).toBe(0);
    expect((await list(`object_id=${hiredId}`, 'owner')).count).toBe(1);

    const outsiderView = await list('page_size=500', 'outsider');
    expect(outsiderView.results.some((e: { store: string | null }) => e.store === t.store.id)).toBe(false);
    expect(outsiderView.results.some((e: { store: string | null }) => e.store === t.otherStore.id)).toBe(
      true,
    );
    expect((await list('search=Found behind', 'owner')).count).toBe(0);
    const ours = managerView.results[0].id as string;
    expect((await t.call('GET', `/api/audit-logs/${ours}/`, { as: 'outsider' })).status).toBe(404);
  });

  it('is read-only and closed to employees', async () => {
    expect((await t.call('GET', '/api/audit-logs/', { as: 'employee' })).status).toBe(403);
    expect((await t.call('POST', '/api/audit-logs/', { as: 'owner', body: {} })).status).toBe(405);
    const any = (await list('')).results[0].id as string;
    expect((await t.call('DELETE', `/api/audit-logs/${any}/`, { as: 'owner' })).status).toBe(405);
  });
});
