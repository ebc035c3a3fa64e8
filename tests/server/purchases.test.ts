// /api/purchaseheaders/: ordering, receiving into stock exactly once (also under concurrency), supplier
// balances, changes and cancellation, tenancy, roles and bad input.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs } from '../../src-server/db/schema/audit.js';
import { purchaseHeaders } from '../../src-server/db/schema/purchases.js';
import { stockMovements } from '../../src-server/db/schema/stock.js';
import { makeProduct, makeSupplier, onHand, rowCount, supplierBalance } from './support/stock-fixtures.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('/api/purchaseheaders/', () => {
  let t: TestServer;
  let supplier: string;
  let rice: string;
  let sugar: string;
  beforeAll(async () => {
    t = await startTestServer();
    supplier = await makeSupplier(t);
    rice = await makeProduct(t, { name: 'Rice 1kg' });
    sugar = await makeProduct(t, { name: 'Sugar (loose)' });
  });
  afterAll(async () => {
    await t.close();
  });

  const order = (extra: Record<string, unknown> = {}, as: 'manager' | 'owner' = 'manager') =>
    t.call('POST', '/api/purchaseheaders/', {
      as,
      body: {
        store: t.store.id,
        supplier,
        reference: 'INV-001',
        details: [
          { product: rice, quantity: '3', unit_cost: '33.33' },
          { product: sugar, quantity: '2.5', unit_cost: 100 },
        ],
        ...extra,
      },
    });

  it('orders goods with a computed total; nothing is booked until received', async () => {
    const balance = await supplierBalance(t, supplier);
    const res = await order();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      store: t.store.id,
      supplier,
      reference: 'INV-001',
      status: 'ordered',
      total: '349.99',
      paid_total: '0.00',
      balance_due: '349.99',
      payment_status: 'unpaid',
      received_at: null,
      user: t.users.manager.id,
    });
    expect(res.body.details).toEqual([
      expect.objectContaining({ product: rice, quantity: '3.000', unit_cost: '33.33', line_total: '99.99' }),
      expect.objectContaining({
        product: sugar,
        quantity: '2.500',
        unit_cost: '100.00',
        line_total: '250.00',
      }),
    ]);
    expect(await onHand(t, rice)).toBe(0);
    expect(await supplierBalance(t, supplier)).toBe(balance);
    const [entry] = await t.database.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.modelName, 'purchase_header'), eq(auditLogs.objectId, res.body.id)));
    expect(entry).toMatchObject({ action: 'create', storeId: t.store.id, userId: t.users.manager.id });
  });

  it('receives exactly once: stock in, supplier owes more; a second receive is a 400', async () => {
    const created = await order();
    const id = created.body.id as string;
    const balance = await supplierBalance(t, supplier);
    const [riceBefore, sugarBefore] = [await onHand(t, rice), await onHand(t, sugar)];

    const res = await t.call('POST', `/api/purchaseheaders/${id}/receive/`, { as: 'manager' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'received', received_by: t.users.manager.id });
    expect(res.body.received_at).toEqual(expect.any(String));
    expect(await onHand(t, rice)).toBe(riceBefore + 3000);
    expect(await onHand(t, sugar)).toBe(sugarBefore + 2500);
    expect(await supplierBalance(t, supplier)).toBe(balance + 34999);
    const moves = await t.database.db
      .select()
      .from(stockMovements)
      .where(and(eq(stockMovements.referenceType, 'purchase_header'), eq(stockMovements.referenceId, id)));
    expect(moves.map((m) => [m.reason, m.quantity]).sort()).toEqual([
      ['purchase', 2500],
      ['purchase', 3000],
    ]);

    const again = await t.call('POST', `/api/purchaseheaders/${id}/receive/`, { as: 'owner', body: {} });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ non_field_errors: ['This purchase has already been received.'] });
    expect(await onHand(t, rice)).toBe(riceBefore + 3000);
    expect(await supplierBalance(t, supplier)).toBe(balance + 34999);
  });

  it('books stock once when two receive requests race', async () => {
    const created = await order();
    const id = created.body.id as string;
    const balance = await supplierBalance(t, supplier);
    const before = await onHand(t, rice);
    const results = await Promise.all([
      t.call('POST', `/api/purchaseheaders/${id}/receive/`, { as: 'manager' }),
      t.call('POST', `/api/purchaseheaders/${id}/receive/`, { as: 'owner' }),
      t.call('POST', `/api/purchaseheaders/${id}/receive/`, { as: 'manager' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400]);
    expect(await onHand(t, rice)).toBe(before + 3000);
    expect(await supplierBalance(t, supplier)).toBe(balance + 34999);
    expect(
      await rowCount(
        t,
        stockMovements,
        and(eq(stockMovements.referenceType, 'purchase_header'), eq(stockMovements.referenceId, id)),
      ),
    ).toBe(2);
  });

  it('books stock at once when created as received', async () => {
    const balance = await supplierBalance(t, supplier);
    const before = await onHand(t, sugar);
    const res = await order({
      status: 'received',
      details: [{ product: sugar, quantity: 4, unit_cost: '10' }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'received', total: '40.00' });
    expect(await onHand(t, sugar)).toBe(before + 4000);
    expect(await supplierBalance(t, supplier)).toBe(balance + 4000);
  });

  it('lists, filters and shows purchases of your stores only', async () => {
    const list = await t.call('GET', '/api/purchaseheaders/?status=received&page_size=2', { as: 'owner' });
    expect(list.status).toBe(200);
    expect(list.body.count).toBeGreaterThanOrEqual(3);
    expect(list.body.results).toHaveLength(2);
    expect(list.body.next).toContain('page=2');
    expect(list.body.results.every((p: { status: string }) => p.status === 'received')).toBe(true);
    const search = await t.call('GET', '/api/purchaseheaders/?search=INV-0', { as: 'manager' });
    expect(search.body.count).toBe(Number(list.body.count) + 1);
    const one = await t.call('GET', `/api/purchaseheaders/${list.body.results[0].id}/`, { as: 'manager' });
    expect(one.body.id).toBe(list.body.results[0].id);

    const theirs = await t.call('GET', '/api/purchaseheaders/', { as: 'outsider' });
    expect(theirs.body).toMatchObject({ count: 0, results: [] });
    const peek = await t.call('GET', `/api/purchaseheaders/${one.body.id}/`, { as: 'outsider' });
    expect(peek).toMatchObject({ status: 404, body: { detail: 'Not found.' } });
    const receive = await t.call('POST', `/api/purchaseheaders/${one.body.id}/receive/`, { as: 'outsider' });
    expect(receive.status).toBe(404);
  });

  it('changes lines while ordered (total recomputed), but not once received', async () => {
    const created = await order();
    const id = created.body.id as string;
    const patched = await t.call('PATCH', `/api/purchaseheaders/${id}/`, {
      as: 'manager',
      body: { reference: 'INV-002', details: [{ product: rice, quantity: 10, unit_cost: '5.50' }] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ reference: 'INV-002', total: '55.00' });
    expect(patched.body.details).toHaveLength(1);

    await t.call('POST', `/api/purchaseheaders/${id}/receive/`, { as: 'manager' });
    const late = await t.call('PATCH', `/api/purchaseheaders/${id}/`, {
      as: 'manager',
      body: { details: [{ product: rice, quantity: 1, unit_cost: 1 }] },
    });
    expect(late.status).toBe(400);
    expect(late.body).toEqual({ details: ['A received purchase can no longer change its details.'] });
    const note = await t.call('PATCH', `/api/purchaseheaders/${id}/`, {
      as: 'manager',
      body: { notes: 'ok' },
    });
    expect(note.body).toMatchObject({ notes: 'ok', total: '55.00', status: 'received' });
  });

  it('cancels an ordered purchase on DELETE; a cancelled or received one cannot be received or cancelled', async () => {
    const created = await order();
    const id = created.body.id as string;
    const del = await t.call('DELETE', `/api/purchaseheaders/${id}/`, { as: 'manager' });
    expect(del.status).toBe(204);
    const after = await t.call('GET', `/api/purchaseheaders/${id}/`, { as: 'manager' });
    expect(after.body.status).toBe('cancelled');
    const receive = await t.call('POST', `/api/purchaseheaders/${id}/receive/`, { as: 'manager' });
    expect(receive.status).toBe(400);
    expect(receive.body).toEqual({ non_field_errors: ['A cancelled purchase cannot be received.'] });

    const received = await order({ status: 'received' });
    const refuse = await t.call('DELETE', `/api/purchaseheaders/${received.body.id}/`, { as: 'owner' });
    expect(refuse.status).toBe(400);
  });

  it('keeps employees out of purchasing', async () => {
    expect((await t.call('GET', '/api/purchaseheaders/', { as: 'employee' })).status).toBe(403);
    const create = await t.call('POST', '/api/purchaseheaders/', { as: 'employee', body: {} });
    expect(create).toMatchObject({ status: 403, body: { detail: expect.any(String) } });
    const [any] = await t.database.db.select().from(purchaseHeaders).limit(1);
    const receive = await t.call('POST', `/api/purchaseheaders/${any?.id}/receive/`, { as: 'employee' });
    expect(receive.status).toBe(403);
  });

  it('refuses bad input with field errors and creates nothing', async () => {
    const before = await rowCount(t, purchaseHeaders);
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [
        { details: [{ product: rice, quantity: '1', unit_cost: '-1' }] },
        { 'details.0.unit_cost': ['Ensure this value is greater than or equal to 0.'] },
      ],
      [
        { details: [{ product: rice, quantity: '1.0005', unit_cost: '1' }] },
        { 'details.0.quantity': ['Ensure that there are no more than 3 decimal places.'] },
      ],
      [
        { details: [{ product: rice, quantity: '0', unit_cost: '1' }] },
        { 'details.0.quantity': ['Ensure this value is greater than 0.'] },
      ],
      [{ details: [] }, { details: ['This list may not be empty.'] }],
      [{ status: 'cancelled' }, { status: ['Select a valid choice.'] }],
      [{ colour: 'red' }, { colour: ['Unknown field.'] }],
      [{ store: t.otherStore.id }, { store: [`Invalid pk "${t.otherStore.id}" - object does not exist.`] }],
      [{ supplier: rice }, { supplier: [`Invalid pk "${rice}" - object does not exist.`] }],
      [
        {
          status: 'received',
          details: [
            { product: rice, quantity: 1, unit_cost: 1 },
            { product: supplier, quantity: 1, unit_cost: 1 },
          ],
        },
        { 'details.1.product': [`Invalid pk "${supplier}" - object does not exist.`] },
      ],
    ];
    for (const [extra, errors] of cases) {
      const res = await order(extra);
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.body).toEqual(errors);
    }
    expect(await rowCount(t, purchaseHeaders)).toBe(before);
  });
});
