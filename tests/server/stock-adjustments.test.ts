// /api/stock-adjustments/: employees request, managers approve (booked exactly once) or reject.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs } from '../../src-server/db/schema/audit.js';
import { stockAdjustments, stockMovements } from '../../src-server/db/schema/stock.js';
import { makeProduct, onHand, rowCount } from './support/stock-fixtures.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('/api/stock-adjustments/', () => {
  let t: TestServer;
  let product: string;
  beforeAll(async () => {
    t = await startTestServer();
    product = await makeProduct(t, { name: 'Eggs (tray)' });
  });
  afterAll(async () => {
    await t.close();
  });

  const request = (quantity: string | number, extra: Record<string, unknown> = {}) =>
    t.call('POST', '/api/stock-adjustments/', {
      as: 'employee',
      body: { store: t.store.id, product, quantity, reason: 'Stock count', ...extra },
    });
  const decide = (
    id: string,
    action: 'approve' | 'reject',
    as: 'manager' | 'owner' | 'employee' = 'manager',
  ) => t.call('POST', `/api/stock-adjustments/${id}/${action}/`, { as });

  it('lets an employee request an adjustment: pending, stock untouched', async () => {
    const before = await onHand(t, product);
    const res = await request('12.5');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      store: t.store.id,
      product,
      quantity: '12.500',
      reason: 'Stock count',
      status: 'pending',
      requested_by: t.users.employee.id,
      decided_by: null,
      movement: null,
    });
    expect(await onHand(t, product)).toBe(before);
  });

  it('books an approved adjustment exactly once; deciding again is a 400', async () => {
    const created = await request('-2', { reason: 'Dropped two trays' });
    const id = created.body.id as string;
    const before = await onHand(t, product);
    expect((await decide(id, 'approve', 'employee')).status).toBe(403);

    const approved = await decide(id, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decided_by: t.users.manager.id });
    expect(approved.body.movement).toEqual(expect.any(String));
    expect(await onHand(t, product)).toBe(before - 2000);
    const movement = await t.call('GET', `/api/stock-movements/${approved.body.movement}/`, {
      as: 'employee',
    });
    expect(movement.body).toMatchObject({
      quantity: '-2.000',
      reason: 'adjustment',
      reference_type: 'stock_adjustment',
      reference_id: id,
      user: t.users.manager.id,
    });

    const again = await decide(id, 'approve', 'owner');
    expect(again).toMatchObject({
      status: 400,
      body: { non_field_errors: ['This adjustment has already been approved.'] },
    });
    expect((await decide(id, 'reject')).status).toBe(400);
    expect(await onHand(t, product)).toBe(before - 2000);
    const [entry] = await t.database.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.objectId, id), eq(auditLogs.action, 'approve')));
    expect(entry).toMatchObject({ modelName: 'stock_adjustment', userId: t.users.manager.id });
    expect(entry?.beforeData).toMatchObject({ status: 'pending' });
  });

  it('books once when two approvals race', async () => {
    const id = (await request('7')).body.id as string;
    const before = await onHand(t, product);
    const results = await Promise.all([decide(id, 'approve'), decide(id, 'approve', 'owner')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(await onHand(t, product)).toBe(before + 7000);
    expect(
      await rowCount(
        t,
        stockMovements,
        and(eq(stockMovements.referenceType, 'stock_adjustment'), eq(stockMovements.referenceId, id)),
      ),
    ).toBe(1);
  });

  it('rejects without booking anything; a rejected adjustment cannot be approved', async () => {
    const id = (await request('-100')).body.id as string;
    const before = await onHand(t, product);
    const rejected = await t.call('POST', `/api/stock-adjustments/${id}/reject/`, {
      as: 'owner',
      body: { reason: 'Recount showed no loss' },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decided_by: t.users.owner.id, movement: null });
    const approve = await decide(id, 'approve');
    expect(approve.body).toEqual({ non_field_errors: ['This adjustment has already been rejected.'] });
    expect(await onHand(t, product)).toBe(before);
    const [entry] = await t.database.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.objectId, id), eq(auditLogs.action, 'reject')));
    expect(entry?.reason).toBe('Recount showed no loss');
  });

  it('lists and filters adjustments of your stores; outsiders see and decide nothing', async () => {
    const pending = await t.call('GET', '/api/stock-adjustments/?status=pending', { as: 'employee' });
    expect(pending.status).toBe(200);
    expect(pending.body.results.every((a: { status: string }) => a.status === 'pending')).toBe(true);
    expect(pending.body.count).toBeGreaterThanOrEqual(1);
    const byProduct = await t.call('GET', `/api/stock-adjustments/?product=${product}`, { as: 'manager' });
    expect(byProduct.body.count).toBe(await rowCount(t, stockAdjustments));
    const id = pending.body.results[0].id as string;
    expect((await t.call('GET', `/api/stock-adjustments/${id}/`, { as: 'employee' })).body.id).toBe(id);
    expect((await t.call('GET', '/api/stock-adjustments/', { as: 'outsider' })).body.count).toBe(0);
    expect((await t.call('GET', `/api/stock-adjustments/${id}/`, { as: 'outsider' })).status).toBe(404);
    expect((await decide(id, 'approve', 'owner')).status).toBe(200);
    const outsider = await t.call('POST', `/api/stock-adjustments/${id}/reject/`, { as: 'outsider' });
    expect(outsider.status).toBe(404);
  });

  it('refuses bad input with field errors and creates nothing', async () => {
    const untracked = await makeProduct(t, { trackStock: false });
    const before = await rowCount(t, stockAdjustments);
    const cases: [string | number, Record<string, unknown>, Record<string, string[]>][] = [
      [0, {}, { quantity: ['Ensure this value is not zero.'] }],
      ['1.0001', {}, { quantity: ['Ensure that there are no more than 3 decimal places.'] }],
      ['abc', {}, { quantity: ['A valid number is required.'] }],
      [1, { reason: '' }, { reason: ['Ensure this field has at least 3 characters.'] }],
      [1, { product: t.store.id }, { product: [`Invalid pk "${t.store.id}" - object does not exist.`] }],
      [1, { product: untracked }, { product: ['This product does not track stock.'] }],
      [
        1,
        { store: t.otherStore.id },
        { store: [`Invalid pk "${t.otherStore.id}" - object does not exist.`] },
      ],
      [1, { note: 'x' }, { note: ['Unknown field.'] }],
    ];
    for (const [quantity, extra, errors] of cases) {
      const res = await request(quantity, extra);
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.body).toEqual(errors);
    }
    expect(await rowCount(t, stockAdjustments)).toBe(before);
    const extra = await t.call('POST', `/api/stock-adjustments/${(await request(1)).body.id}/approve/`, {
      as: 'manager',
      body: { quantity: 5 },
    });
    expect(extra).toMatchObject({ status: 400, body: { quantity: ['Unknown field.'] } });
  });
});
