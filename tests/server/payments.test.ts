// /api/payments/: paying suppliers against a purchase — never beyond what is owed; balances follow.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs } from '../../src-server/db/schema/audit.js';
import { supplierPayments } from '../../src-server/db/schema/purchases.js';
import { makeProduct, makeSupplier, rowCount, supplierBalance } from './support/stock-fixtures.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('/api/payments/', () => {
  let t: TestServer;
  let product: string;
  beforeAll(async () => {
    t = await startTestServer();
    product = await makeProduct(t);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A purchase of 1000.00 from `supplier`. */
  const purchase = async (supplier: string, status: 'ordered' | 'received' = 'received') => {
    const res = await t.call('POST', '/api/purchaseheaders/', {
      as: 'manager',
      body: { store: t.store.id, supplier, status, details: [{ product, quantity: 10, unit_cost: '100' }] },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const pay = (
    purchaseId: string,
    amount: string | number,
    as: 'manager' | 'owner' | 'outsider' = 'manager',
  ) =>
    t.call('POST', '/api/payments/', {
      as,
      body: { purchase: purchaseId, amount, method: 'MPESA', reference: 'QWE123' },
    });

  it('pays a received purchase in parts; the supplier balance and the purchase follow', async () => {
    const supplier = await makeSupplier(t);
    const id = await purchase(supplier);
    expect(await supplierBalance(t, supplier)).toBe(100000);

    const first = await pay(id, '400');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      purchase: id,
      supplier,
      store: t.store.id,
      amount: '400.00',
      method: 'MPESA',
      reference: 'QWE123',
      user: t.users.manager.id,
    });
    expect(await supplierBalance(t, supplier)).toBe(60000);
    const partial = await t.call('GET', `/api/purchaseheaders/${id}/`, { as: 'manager' });
    expect(partial.body).toMatchObject({
      paid_total: '400.00',
      balance_due: '600.00',
      payment_status: 'partial',
    });

    const [entry] = await t.database.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.modelName, 'supplier_payment'), eq(auditLogs.objectId, first.body.id)));
    expect(entry).toMatchObject({ action: 'create', storeId: t.store.id });

    const rest = await pay(id, 600, 'owner');
    expect(rest.status).toBe(201);
    expect(await supplierBalance(t, supplier)).toBe(0);
    const paid = await t.call('GET', `/api/purchaseheaders/${id}/`, { as: 'manager' });
    expect(paid.body).toMatchObject({ paid_total: '1000.00', balance_due: '0.00', payment_status: 'paid' });
  });

  it('refuses to pay more than is owed on the purchase, changing nothing', async () => {
    const supplier = await makeSupplier(t);
    const id = await purchase(supplier);
    expect((await pay(id, '999.99')).status).toBe(201);
    const before = await rowCount(t, supplierPayments);
    const over = await pay(id, '0.02');
    expect(over.status).toBe(400);
    expect(over.body).toEqual({
      amount: ['Ensure this value is less than or equal to 0.01 (still owed on this purchase).'],
    });
    expect(await rowCount(t, supplierPayments)).toBe(before);
    expect(await supplierBalance(t, supplier)).toBe(1);
  });

  it('takes a deposit on an ordered purchase (supplier in credit until it is received)', async () => {
    const supplier = await makeSupplier(t);
    const id = await purchase(supplier, 'ordered');
    expect((await pay(id, 250)).status).toBe(201);
    expect(await supplierBalance(t, supplier)).toBe(-25000);
    await t.call('POST', `/api/purchaseheaders/${id}/receive/`, { as: 'manager' });
    expect(await supplierBalance(t, supplier)).toBe(75000);
    const cancel = await t.call('DELETE', `/api/purchaseheaders/${await purchase(supplier, 'ordered')}/`, {
      as: 'manager',
    });
    expect(cancel.status).toBe(204);
  });

  it('refuses payments on a cancelled purchase, or one the caller cannot see', async () => {
    const supplier = await makeSupplier(t);
    const id = await purchase(supplier, 'ordered');
    await t.call('DELETE', `/api/purchaseheaders/${id}/`, { as: 'manager' });
    const cancelled = await pay(id, 1);
    expect(cancelled).toMatchObject({ status: 400, body: { purchase: ['This purchase is cancelled.'] } });

    const ours = await purchase(supplier);
    const foreign = await pay(ours, 1, 'outsider');
    expect(foreign).toMatchObject({
      status: 400,
      body: { purchase: [`Invalid pk "${ours}" - object does not exist.`] },
    });
    expect(await supplierBalance(t, supplier)).toBe(100000);
  });

  it('lists, filters and shows payments of your stores only', async () => {
    const supplier = await makeSupplier(t);
    const id = await purchase(supplier);
    await pay(id, 10);
    await pay(id, 20);
    const list = await t.call('GET', `/api/payments/?purchase=${id}`, { as: 'owner' });
    expect(list.status).toBe(200);
    expect(list.body.count).toBe(2);
    expect(list.body.results.map((p: { amount: string }) => p.amount)).toEqual(['20.00', '10.00']);
    const bySupplier = await t.call('GET', `/api/payments/?supplier=${supplier}&method=MPESA`, {
      as: 'manager',
    });
    expect(bySupplier.body.count).toBe(2);
    const one = await t.call('GET', `/api/payments/${list.body.results[0].id}/`, { as: 'manager' });
    expect(one.body.amount).toBe('20.00');
    expect((await t.call('GET', '/api/payments/', { as: 'outsider' })).body.count).toBe(0);
    expect((await t.call('GET', `/api/payments/${one.body.id}/`, { as: 'outsider' })).status).toBe(404);
  });

  it('keeps employees out and refuses bad input', async () => {
    expect((await t.call('GET', '/api/payments/', { as: 'employee' })).status).toBe(403);
    expect((await t.call('POST', '/api/payments/', { as: 'employee', body: {} })).status).toBe(403);
    const supplier = await makeSupplier(t);
    const id = await purchase(supplier);
    const before = await rowCount(t, supplierPayments);
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ amount: '0' }, { amount: ['Ensure this value is greater than 0.'] }],
      [{ amount: '-5' }, { amount: ['Ensure this value is greater than 0.'] }],
      [{ amount: '1.001' }, { amount: ['Ensure that there are no more than 2 decimal places.'] }],
      [{ method: 'CREDIT' }, { method: ['Select a valid choice.'] }],
      [{ tip: 1 }, { tip: ['Unknown field.'] }],
      [{ purchase: 'nope' }, { purchase: ['Must be a valid UUID.'] }],
    ];
    for (const [extra, errors] of cases) {
      const res = await t.call('POST', '/api/payments/', {
        as: 'manager',
        body: { purchase: id, amount: '1', method: 'CASH', ...extra },
      });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.body).toEqual(errors);
    }
    expect(await rowCount(t, supplierPayments)).toBe(before);
    expect(await supplierBalance(t, supplier)).toBe(100000);
  });
});
