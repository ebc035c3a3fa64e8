// /api/notifications/: your own notifications only; mark one or all read.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../src-server/db/schema/audit.js';
import { newId } from '../../src-shared/domain/ids.js';
import { startTestServer, type SeedRole, type TestServer } from './support/test-server.js';

describe('/api/notifications/', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  const notify = async (role: SeedRole, title: string, kind = 'stock_alert'): Promise<string> => {
    const id = newId();
    await t.database.db.insert(notifications).values({
      id,
      userId: t.users[role].id,
      storeId: role === 'outsider' ? t.otherStore.id : t.store.id,
      kind,
      title,
      body: `${title}, details`,
      data: { product_id: 'p1' },
    });
    return id;
  };
  const readAt = async (id: string) =>
    (
      await t.database.db
        .select({ r: notifications.readAt })
        .from(notifications)
        .where(eq(notifications.id, id))
    )[0]?.r;

  it('lists only your own notifications, newest first', async () => {
    await notify('manager', 'Low stock: Milk');
    await notify('manager', 'Sync event quarantined', 'quarantined_event');
    const theirs = await notify('employee', 'Shift reminder', 'reminder');
    const res = await t.call('GET', '/api/notifications/', { as: 'manager' });
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(2);
    expect(res.body.results[0]).toMatchObject({
      title: 'Sync event quarantined',
      kind: 'quarantined_event',
      body: 'Sync event quarantined, details',
      data: { product_id: 'p1' },
      store: t.store.id,
      is_read: false,
      read_at: null,
    });
    const stock = await t.call('GET', '/api/notifications/?kind=stock_alert', { as: 'manager' });
    expect(stock.body.results.map((n: { title: string }) => n.title)).toEqual(['Low stock: Milk']);
    const peek = await t.call('GET', `/api/notifications/${theirs}/`, { as: 'manager' });
    expect(peek).toMatchObject({ status: 404, body: { detail: 'Not found.' } });
    const own = await t.call('GET', `/api/notifications/${theirs}/`, { as: 'employee' });
    expect(own.body.title).toBe('Shift reminder');
    expect((await t.call('GET', '/api/notifications/')).status).toBe(401);
  });

  it('marks one read (POST read/ or PATCH), keeps the first read time, and can mark unread', async () => {
    const id = await notify('owner', 'Out of stock: Bread');
    const read = await t.call('POST', `/api/notifications/${id}/read/`, { as: 'owner' });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, is_read: true });
    const firstRead = read.body.read_at as string;
    expect(firstRead).toEqual(expect.any(String));
    const again = await t.call('PATCH', `/api/notifications/${id}/`, {
      as: 'owner',
      body: { is_read: true },
    });
    expect(again.body.read_at).toBe(firstRead);
    const unread = await t.call('PATCH', `/api/notifications/${id}/`, {
      as: 'owner',
      body: { is_read: false },
    });
    expect(unread.body).toMatchObject({ is_read: false, read_at: null });
    const filtered = await t.call('GET', '/api/notifications/?is_read=false', { as: 'owner' });
    expect(filtered.body.results.map((n: { id: string }) => n.id)).toContain(id);
  });

  it("cannot touch someone else's notification", async () => {
    const id = await notify('employee', 'Private');
    expect((await t.call('POST', `/api/notifications/${id}/read/`, { as: 'manager' })).status).toBe(404);
    const patch = await t.call('PATCH', `/api/notifications/${id}/`, {
      as: 'owner',
      body: { is_read: true },
    });
    expect(patch.status).toBe(404);
    expect(await readAt(id)).toBeNull();
  });

  it('marks all of your unread notifications read, and no one else’s', async () => {
    await notify('employee', 'One');
    await notify('employee', 'Two');
    const outsiders = await notify('outsider', 'Not yours');
    const before = await t.call('GET', '/api/notifications/?is_read=false', { as: 'employee' });
    const res = await t.call('POST', '/api/notifications/read_all/', { as: 'employee' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      detail: `${before.body.count} notification(s) marked read.`,
      updated: before.body.count,
    });
    const after = await t.call('GET', '/api/notifications/?is_read=false', { as: 'employee' });
    expect(after.body.count).toBe(0);
    expect(await readAt(outsiders)).toBeNull();
    const twice = await t.call('POST', '/api/notifications/read_all/', { as: 'employee', body: {} });
    expect(twice.body.updated).toBe(0);
  });

  it('refuses bad input', async () => {
    const id = await notify('manager', 'Bad input target');
    const bad = await t.call('PATCH', `/api/notifications/${id}/`, {
      as: 'manager',
      body: { is_read: 'yes' },
    });
    expect(bad).toMatchObject({ status: 400, body: { is_read: ['Must be a valid boolean.'] } });
    const unknown = await t.call('PATCH', `/api/notifications/${id}/`, {
      as: 'manager',
      body: { is_read: true, title: 'Hacked' },
    });
    expect(unknown).toMatchObject({ status: 400, body: { title: ['Unknown field.'] } });
    expect(await readAt(id)).toBeNull();
    expect((await t.call('GET', '/api/notifications/?is_read=perhaps', { as: 'manager' })).status).toBe(400);
  });
});
