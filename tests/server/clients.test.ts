// /api/clients/: customer accounts a manager opens and every cashier can look up for a credit sale.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs } from '../../src-server/db/schema/audit.js';
import { clientReceipts } from '../../src-server/db/schema/finance.js';
import { clients } from '../../src-server/db/schema/parties.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('/api/clients/', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (body: Record<string, unknown>) => t.call('POST', '/api/clients/', { as: 'manager', body });
  const clientCount = async () => (await t.database.db.select({ n: count() }).from(clients))[0]?.n;

  it('opens an account with a credit limit; the balance starts at zero and the change is audited', async () => {
    const res = await create({
      name: 'Wanjiku Stores',
      phone: '0722111222',
      email: 'orders@wanjiku.co.ke',
      kra_pin: 'p051234567x',
      credit_limit: '5000',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Wanjiku Stores',
      phone: '0722111222',
      email: 'orders@wanjiku.co.ke',
      kra_pin: 'P051234567X',
      credit_limit: '5000.00',
      balance: '0.00',
      is_active: true,
    });
    expect((await t.call('GET', `/api/clients/${res.body.id}/`, { as: 'employee' })).body).toEqual(res.body);
    const [entry] = await t.database.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.modelName, 'client'), eq(auditLogs.objectId, res.body.id)));
    expect(entry).toMatchObject({ action: 'create', userId: t.users.manager.id });
    const minimal = await create({ name: 'Walk-in Account' });
    expect(minimal.body).toMatchObject({ phone: null, email: null, kra_pin: null, credit_limit: '0.00' });
  });

  it('searches by name or phone and pages the DRF way', async () => {
    await create({ name: 'Otieno Hardware', phone: '0733000111' });
    await create({ name: 'Otieno Butchery', phone: '0733000222', is_active: false });
    const byName = await t.call('GET', '/api/clients/?search=otieno', { as: 'employee' });
    expect(byName.body.results.map((c: { name: string }) => c.name)).toEqual([
      'Otieno Butchery',
      'Otieno Hardware',
    ]);
    const byPhone = await t.call('GET', '/api/clients/?search=000222', { as: 'employee' });
    expect(byPhone.body.results.map((c: { name: string }) => c.name)).toEqual(['Otieno Butchery']);
    const both = await t.call('GET', '/api/clients/?search=otieno%200733000111', { as: 'employee' });
    expect(both.body.count).toBe(1);
    const active = await t.call('GET', '/api/clients/?search=otieno&is_active=true', { as: 'employee' });
    expect(active.body.results.map((c: { name: string }) => c.name)).toEqual(['Otieno Hardware']);
    const page = await t.call('GET', '/api/clients/?page_size=1&page=2', { as: 'employee' });
    expect(page.body).toMatchObject({ count: await clientCount(), results: [expect.any(Object)] });
    expect(page.body.next).toMatch(/page=3/);
    expect(page.body.previous).toMatch(/page_size=1/);
    const huge = await t.call('GET', '/api/clients/?page_size=501', { as: 'employee' });
    expect(huge.status).toBe(400);
  });

  it('refuses bad input and read-only fields, changing nothing', async () => {
    const before = await clientCount();
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ credit_limit: '-1' }, { credit_limit: ['Ensure this value is greater than or equal to 0.'] }],
      [
        { credit_limit: '10.005' },
        { credit_limit: ['Ensure that there are no more than 2 decimal places.'] },
      ],
      [{ balance: '100' }, { balance: ['Unknown field.'] }],
      [{ email: 'not-an-email' }, { email: ['Enter a valid email address.'] }],
      [{ kra_pin: '12345' }, { kra_pin: ['Enter a valid KRA PIN (e.g. A123456789B).'] }],
      [
        { phone: '12' },
        { phone: ['Enter a valid phone number (9 to 15 digits, optionally starting with +).'] },
      ],
      [{ name: '' }, { name: ['This field may not be blank.'] }],
    ];
    for (const [fields, errors] of cases) {
      const res = await create({ name: 'Bad', ...fields });
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(res.body).toEqual(errors);
    }
    expect(await clientCount()).toBe(before);
  });

  it('lets employees read but not write', async () => {
    const id = (await create({ name: 'Read Only' })).body.id as string;
    expect((await t.call('GET', '/api/clients/', { as: 'employee' })).status).toBe(200);
    const denied = await t.call('POST', '/api/clients/', { as: 'employee', body: { name: 'Mine' } });
    expect(denied).toMatchObject({ status: 403, body: { detail: expect.any(String) } });
    expect(
      (await t.call('PATCH', `/api/clients/${id}/`, { as: 'employee', body: { name: 'x' } })).status,
    ).toBe(403);
    expect((await t.call('DELETE', `/api/clients/${id}/`, { as: 'employee' })).status).toBe(403);
  });

  it('changes, replaces and deletes an account; one with receipts can only be deactivated (409)', async () => {
    const id = (await create({ name: 'Kamau', credit_limit: 100 })).body.id as string;
    const patched = await t.call('PATCH', `/api/clients/${id}/`, {
      as: 'manager',
      body: { credit_limit: 250.5 },
    });
    expect(patched.body).toMatchObject({ name: 'Kamau', credit_limit: '250.50' });
    const put = await t.call('PUT', `/api/clients/${id}/`, {
      as: 'owner',
      body: { name: 'Kamau & Sons', email: '' },
    });
    expect(put.body).toMatchObject({ name: 'Kamau & Sons', email: null, credit_limit: '250.50' });
    const [update] = await t.database.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.objectId, id), eq(auditLogs.action, 'update')));
    expect(update?.beforeData).toMatchObject({ credit_limit: '100.00' });
    expect(update?.afterData).toMatchObject({ credit_limit: '250.50' });

    await t.database.db
      .insert(clientReceipts)
      .values({ clientId: id, amount: 5000, method: 'CASH', userId: t.users.manager.id });
    const refused = await t.call('DELETE', `/api/clients/${id}/`, { as: 'manager' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/deactivate/);
    expect((await t.call('GET', `/api/clients/${id}/`, { as: 'manager' })).status).toBe(200);
    const off = await t.call('PATCH', `/api/clients/${id}/`, { as: 'manager', body: { is_active: false } });
    expect(off.body.is_active).toBe(false);

    const unused = (await create({ name: 'Typo' })).body.id as string;
    expect((await t.call('DELETE', `/api/clients/${unused}/`, { as: 'manager' })).status).toBe(204);
    expect(await t.call('GET', `/api/clients/${unused}/`, { as: 'manager' })).toMatchObject({
      status: 404,
      body: { detail: 'Not found.' },
    });
    const [deleted] = await t.database.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.objectId, unused), eq(auditLogs.action, 'delete')));
    expect(deleted?.beforeData).toMatchObject({ name: 'Typo' });
  });
});
