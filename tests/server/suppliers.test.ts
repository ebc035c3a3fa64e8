// /api/suppliers/: who the business buys from; the balance owed is read-only.
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suppliers } from '../../src-server/db/schema/parties.js';
import { supplierPayments } from '../../src-server/db/schema/purchases.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('/api/suppliers/', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (body: Record<string, unknown>) =>
    t.call('POST', '/api/suppliers/', { as: 'manager', body });

  it('adds, finds, changes and removes a supplier', async () => {
    const res = await create({
      name: 'Bidco Africa',
      phone: '+254700123456',
      kra_pin: 'P000111222Q',
      address: 'Thika Road',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Bidco Africa',
      phone: '+254700123456',
      kra_pin: 'P000111222Q',
      address: 'Thika Road',
      email: null,
      balance: '0.00',
      is_active: true,
    });
    const id = res.body.id as string;
    await create({ name: 'Brookside Dairy', phone: '0711000000' });
    const found = await t.call('GET', '/api/suppliers/?search=bidco', { as: 'employee' });
    expect(found.body).toMatchObject({ count: 1, results: [{ id }] });
    const byPhone = await t.call('GET', '/api/suppliers/?search=0711', { as: 'employee' });
    expect(byPhone.body.results.map((s: { name: string }) => s.name)).toEqual(['Brookside Dairy']);
    const patched = await t.call('PATCH', `/api/suppliers/${id}/`, { as: 'owner', body: { address: null } });
    expect(patched.body).toMatchObject({ name: 'Bidco Africa', address: null });
    expect((await t.call('DELETE', `/api/suppliers/${id}/`, { as: 'manager' })).status).toBe(204);
    expect((await t.call('GET', `/api/suppliers/${id}/`, { as: 'manager' })).status).toBe(404);
  });

  it('keeps the balance read-only and writes to managers', async () => {
    const before = (await t.database.db.select({ n: count() }).from(suppliers))[0]?.n;
    const bal = await create({ name: 'Sneaky', balance: '-500' });
    expect(bal).toMatchObject({ status: 400, body: { balance: ['Unknown field.'] } });
    const denied = await t.call('POST', '/api/suppliers/', { as: 'employee', body: { name: 'Mine' } });
    expect(denied.status).toBe(403);
    expect((await t.database.db.select({ n: count() }).from(suppliers))[0]?.n).toBe(before);
  });

  it('refuses to delete a supplier that has been paid (409); deactivating works', async () => {
    const id = (await create({ name: 'Kapa Oil' })).body.id as string;
    await t.database.db
      .insert(supplierPayments)
      .values({ supplierId: id, amount: 100, method: 'MPESA', userId: t.users.owner.id });
    const refused = await t.call('DELETE', `/api/suppliers/${id}/`, { as: 'owner' });
    expect(refused).toMatchObject({ status: 409, body: { detail: expect.stringMatching(/deactivate/) } });
    const off = await t.call('PUT', `/api/suppliers/${id}/`, {
      as: 'owner',
      body: { name: 'Kapa Oil', is_active: false },
    });
    expect(off.body.is_active).toBe(false);
    const inactive = await t.call('GET', '/api/suppliers/?is_active=false', { as: 'employee' });
    expect(inactive.body.results.map((s: { id: string }) => s.id)).toEqual([id]);
  });
});
