// /api/terminals/: the tills of a store — managed by its managers and owners, seen by its members only.
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cashSessions } from '../../src-server/db/schema/cash.js';
import { terminals } from '../../src-server/db/schema/stores.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('/api/terminals/', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (body: Record<string, unknown>, as: 'manager' | 'owner' | 'outsider' = 'manager') =>
    t.call('POST', '/api/terminals/', { as, body });
  const terminalCount = async () => (await t.database.db.select({ n: count() }).from(terminals))[0]?.n;

  it('adds tills to a store; codes are upper-cased and unique within the store', async () => {
    const res = await create({ store: t.store.id, code: 't01', name: 'Front counter' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      store: t.store.id,
      code: 'T01',
      name: 'Front counter',
      is_active: true,
      // Creating a till registers its device (tests/server/sync-devices.test.ts): secret shown once.
      is_registered: true,
      epoch: 1,
      registered_at: expect.any(String),
      device_secret: expect.any(String),
      last_seen_at: null,
    });
    expect((await create({ store: t.store.id, code: 'T02', name: 'Butchery' })).status).toBe(201);
    const dup = await create({ store: t.store.id, code: 'T01', name: 'Again' });
    expect(dup).toMatchObject({
      status: 400,
      body: { code: ['terminal with this code already exists in this store.'] },
    });
    const bad = await create({ store: t.store.id, code: 'T-01', name: 'Dash' });
    expect(bad).toMatchObject({
      status: 400,
      body: { code: ['Use 1 to 10 letters or digits, e.g. "T01".'] },
    });
    // Another store may have its own T01.
    expect((await create({ store: t.otherStore.id, code: 'T01', name: 'Theirs' }, 'outsider')).status).toBe(
      201,
    );
  });

  it("shows each member their own stores' tills only", async () => {
    const mine = await t.call('GET', '/api/terminals/', { as: 'employee' });
    expect(mine.body).toMatchObject({ count: 2, next: null, previous: null });
    expect(mine.body.results.map((x: { code: string }) => x.code)).toEqual(['T01', 'T02']);
    const theirs = await t.call('GET', '/api/terminals/', { as: 'outsider' });
    expect(theirs.body.results.map((x: { name: string }) => x.name)).toEqual(['Theirs']);
    const theirId = theirs.body.results[0].id as string;
    expect((await t.call('GET', `/api/terminals/${theirId}/`, { as: 'owner' })).status).toBe(404);
    expect(
      (await t.call('PATCH', `/api/terminals/${theirId}/`, { as: 'owner', body: { name: 'Mine now' } }))
        .status,
    ).toBe(404);
    expect((await t.call('DELETE', `/api/terminals/${theirId}/`, { as: 'owner' })).status).toBe(404);
    const filtered = await t.call('GET', `/api/terminals/?store=${t.otherStore.id}`, { as: 'owner' });
    expect(filtered.body.count).toBe(0);
    const search = await t.call('GET', '/api/terminals/?search=butch', { as: 'employee' });
    expect(search.body.results.map((x: { code: string }) => x.code)).toEqual(['T02']);
  });

  it('refuses a till in a store you do not belong to, and employees may not add tills', async () => {
    const before = await terminalCount();
    const foreign = await create({ store: t.otherStore.id, code: 'T09', name: 'Sneaky' });
    expect(foreign).toMatchObject({
      status: 400,
      body: { store: [`Invalid pk "${t.otherStore.id}" - object does not exist.`] },
    });
    const employee = await t.call('POST', '/api/terminals/', {
      as: 'employee',
      body: { store: t.store.id, code: 'T09', name: 'Mine' },
    });
    expect(employee.status).toBe(403);
    expect(await terminalCount()).toBe(before);
  });

  it('renames and deactivates a till but never moves it to another store', async () => {
    const id = (await create({ store: t.store.id, code: 'T03', name: 'Spare' })).body.id as string;
    const renamed = await t.call('PATCH', `/api/terminals/${id}/`, {
      as: 'manager',
      body: { name: 'Drive-through' },
    });
    expect(renamed.body).toMatchObject({ code: 'T03', name: 'Drive-through' });
    const moved = await t.call('PATCH', `/api/terminals/${id}/`, {
      as: 'owner',
      body: { store: t.otherStore.id },
    });
    expect(moved).toMatchObject({
      status: 400,
      body: { store: ['The store of a terminal cannot be changed.'] },
    });
    const put = await t.call('PUT', `/api/terminals/${id}/`, {
      as: 'owner',
      body: { store: t.store.id, code: 't04', name: 'Drive-through', is_active: false },
    });
    expect(put.body).toMatchObject({ code: 'T04', is_active: false });
    const clash = await t.call('PATCH', `/api/terminals/${id}/`, { as: 'owner', body: { code: 'T01' } });
    expect(clash.status).toBe(400);
  });

  it('deletes an unused till; one with cash sessions can only be deactivated (409)', async () => {
    const used = (await create({ store: t.store.id, code: 'T05', name: 'Busy' })).body.id as string;
    await t.database.db.insert(cashSessions).values({
      storeId: t.store.id,
      terminalId: used,
      userId: t.users.employee.id,
      businessDate: '2026-01-31',
      openingFloat: 100000,
    });
    const refused = await t.call('DELETE', `/api/terminals/${used}/`, { as: 'manager' });
    expect(refused).toMatchObject({ status: 409, body: { detail: expect.stringMatching(/deactivate/) } });
    const unused = (await create({ store: t.store.id, code: 'T06', name: 'Unboxed' })).body.id as string;
    expect((await t.call('DELETE', `/api/terminals/${unused}/`, { as: 'employee' })).status).toBe(403);
    expect((await t.call('DELETE', `/api/terminals/${unused}/`, { as: 'manager' })).status).toBe(204);
    expect((await t.call('GET', `/api/terminals/${unused}/`, { as: 'manager' })).status).toBe(404);
  });
});
