// /api/expenses/: running costs, optionally paid from an OPEN cash session (a paid-out of that session).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs } from '../../src-server/db/schema/audit.js';
import { cashSessions } from '../../src-server/db/schema/cash.js';
import { expenses } from '../../src-server/db/schema/finance.js';
import { makeSession, rowCount } from './support/stock-fixtures.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('/api/expenses/', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  const spend = (extra: Record<string, unknown> = {}, as: 'manager' | 'owner' | 'employee' = 'manager') =>
    t.call('POST', '/api/expenses/', {
      as,
      body: {
        store: t.store.id,
        category: 'Transport',
        description: 'Boda to the wholesaler',
        amount: '150',
        ...extra,
      },
    });

  it('records an expense not paid from a drawer, dated today', async () => {
    const res = await spend();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      store: t.store.id,
      session: null,
      category: 'Transport',
      description: 'Boda to the wholesaler',
      amount: '150.00',
      expense_date: new Date().toISOString().slice(0, 10),
      user: t.users.manager.id,
    });
    const [entry] = await t.database.db.select().from(auditLogs).where(eq(auditLogs.objectId, res.body.id));
    expect(entry).toMatchObject({ action: 'create', modelName: 'expense', storeId: t.store.id });
  });

  it('pays an expense from an open session: it counts against that session, on its business date', async () => {
    const session = await makeSession(t, { businessDate: '2026-03-02' });
    const res = await spend({ session, amount: 75.5, category: 'Milk' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ session, expense_date: '2026-03-02', amount: '75.50' });
    const rows = await t.database.db.select().from(expenses).where(eq(expenses.sessionId, session));
    expect(rows.map((r) => r.amount)).toEqual([7550]);
    const list = await t.call('GET', `/api/expenses/?session=${session}`, { as: 'owner' });
    expect(list.body.count).toBe(1);
  });

  it('refuses a closed session, or one of another store, and records nothing', async () => {
    const closed = await makeSession(t, { status: 'closed' });
    const foreign = await makeSession(t, { storeId: t.otherStore.id, userId: t.users.outsider.id });
    const before = await rowCount(t, expenses);
    const res = await spend({ session: closed });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      session: ['This cash session is closed; only an open session can take this.'],
    });
    const other = await spend({ session: foreign });
    expect(other).toMatchObject({
      status: 400,
      body: { session: [`Invalid pk "${foreign}" - object does not exist.`] },
    });
    expect(await rowCount(t, expenses)).toBe(before);
  });

  it('deletes a mistaken expense, but not once its session is closed', async () => {
    const free = await spend({ amount: 1 });
    expect((await t.call('DELETE', `/api/expenses/${free.body.id}/`, { as: 'manager' })).status).toBe(204);
    expect((await t.call('GET', `/api/expenses/${free.body.id}/`, { as: 'manager' })).status).toBe(404);

    const session = await makeSession(t);
    const paidOut = await spend({ session, amount: 2 });
    await t.database.db
      .update(cashSessions)
      .set({ status: 'closed', openKey: null, closedAt: new Date() })
      .where(eq(cashSessions.id, session));
    const refused = await t.call('DELETE', `/api/expenses/${paidOut.body.id}/`, { as: 'owner' });
    expect(refused.status).toBe(400);
    expect((await t.call('GET', `/api/expenses/${paidOut.body.id}/`, { as: 'manager' })).body.amount).toBe(
      '2.00',
    );
  });

  it('lists and filters expenses of your stores only', async () => {
    await spend({ category: 'Rent', amount: 20000, expense_date: '2026-01-31' });
    const rent = await t.call('GET', '/api/expenses/?category=Rent', { as: 'manager' });
    expect(rent.body.results.map((e: { amount: string }) => e.amount)).toEqual(['20000.00']);
    const january = await t.call('GET', '/api/expenses/?date_from=2026-01-01&date_to=2026-01-31', {
      as: 'owner',
    });
    expect(january.body.count).toBe(1);
    const one = await t.call('GET', `/api/expenses/${rent.body.results[0].id}/`, { as: 'owner' });
    expect(one.body.category).toBe('Rent');
    expect((await t.call('GET', '/api/expenses/', { as: 'outsider' })).body.count).toBe(0);
    expect((await t.call('GET', `/api/expenses/${one.body.id}/`, { as: 'outsider' })).status).toBe(404);
    const badDate = await t.call('GET', '/api/expenses/?date_from=31-01-2026', { as: 'owner' });
    expect(badDate.status).toBe(400);
  });

  it('keeps employees out (the person counting the drawer does not record its paid-outs); bad input is a 400', async () => {
    const session = await makeSession(t);
    expect((await spend({ session }, 'employee')).status).toBe(403);
    expect((await t.call('GET', '/api/expenses/', { as: 'employee' })).status).toBe(403);
    const before = await rowCount(t, expenses);
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ amount: '0' }, { amount: ['Ensure this value is greater than 0.'] }],
      [{ amount: '3.141' }, { amount: ['Ensure that there are no more than 2 decimal places.'] }],
      [{ category: '' }, { category: ['This field may not be blank.'] }],
      [{ store: t.otherStore.id }, { store: [`Invalid pk "${t.otherStore.id}" - object does not exist.`] }],
      [{ paid_to: 'x' }, { paid_to: ['Unknown field.'] }],
    ];
    for (const [extra, errors] of cases) {
      const res = await spend({ session, ...extra });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.body).toEqual(errors);
    }
    expect(await rowCount(t, expenses)).toBe(before);
  });
});
