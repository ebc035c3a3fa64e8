// /api/receipts/: money from account clients lowers what they owe, never below zero.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs } from '../../src-server/db/schema/audit.js';
import { clientReceipts } from '../../src-server/db/schema/finance.js';
import { clientBalance, makeClient, makeSession, rowCount } from './support/stock-fixtures.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('/api/receipts/', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  const receive = (client: string, amount: string | number, extra: Record<string, unknown> = {}) =>
    t.call('POST', '/api/receipts/', {
      as: 'manager',
      body: { client, amount, method: 'CASH', store: t.store.id, ...extra },
    });

  it('records a receipt and lowers the client balance, audited with the balances', async () => {
    const client = await makeClient(t, 50000);
    const res = await receive(client, '200.00', { method: 'MPESA', reference: 'RCP-9' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      client,
      store: t.store.id,
      amount: '200.00',
      method: 'MPESA',
      reference: 'RCP-9',
      user: t.users.manager.id,
    });
    expect(await clientBalance(t, client)).toBe(30000);
    const [entry] = await t.database.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.modelName, 'client_receipt'), eq(auditLogs.objectId, res.body.id)));
    expect(entry?.beforeData).toEqual({ client_balance: '500.00' });
    expect(entry?.afterData).toMatchObject({ client_balance: '300.00', amount: '200.00' });

    expect((await receive(client, 300)).status).toBe(201);
    expect(await clientBalance(t, client)).toBe(0);
  });

  it('refuses a receipt beyond what the client owes, changing nothing', async () => {
    const client = await makeClient(t, 10000);
    const before = await rowCount(t, clientReceipts);
    const res = await receive(client, '100.01');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      amount: ['Ensure this value is less than or equal to 100.00 (what the client owes).'],
    });
    const none = await receive(await makeClient(t, 0), 1);
    expect(none.status).toBe(400);
    expect(await rowCount(t, clientReceipts)).toBe(before);
    expect(await clientBalance(t, client)).toBe(10000);
  });

  it('takes cash into an open session of the store (a paid-in), never a closed one', async () => {
    const client = await makeClient(t, 10000);
    const session = await makeSession(t);
    const res = await receive(client, 40, { session });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ session, amount: '40.00' });
    const bySession = await t.call('GET', `/api/receipts/?session=${session}`, { as: 'manager' });
    expect(bySession.body.results.map((r: { id: string }) => r.id)).toEqual([res.body.id]);

    const closed = await makeSession(t, { status: 'closed' });
    const refused = await receive(client, 10, { session: closed });
    expect(refused).toMatchObject({
      status: 400,
      body: { session: ['This cash session is closed; only an open session can take this.'] },
    });
    const foreign = await makeSession(t, { storeId: t.otherStore.id, userId: t.users.outsider.id });
    expect((await receive(client, 10, { session: foreign })).status).toBe(400);
    expect(await clientBalance(t, client)).toBe(6000);
  });

  it('lists, filters and shows receipts of your stores only', async () => {
    const client = await makeClient(t, 10000);
    await receive(client, 10);
    await receive(client, 20, { method: 'CARD' });
    const list = await t.call('GET', `/api/receipts/?client=${client}`, { as: 'owner' });
    expect(list.status).toBe(200);
    expect(list.body.count).toBe(2);
    const cards = await t.call('GET', `/api/receipts/?client=${client}&method=CARD`, { as: 'owner' });
    expect(cards.body.results.map((r: { amount: string }) => r.amount)).toEqual(['20.00']);
    const one = await t.call('GET', `/api/receipts/${cards.body.results[0].id}/`, { as: 'manager' });
    expect(one.body).toMatchObject({ client, method: 'CARD' });
    expect((await t.call('GET', '/api/receipts/', { as: 'outsider' })).body.count).toBe(0);
    expect((await t.call('GET', `/api/receipts/${one.body.id}/`, { as: 'outsider' })).status).toBe(404);
  });

  it('keeps employees out (receipts are manager work) and refuses bad input', async () => {
    const client = await makeClient(t, 10000);
    expect((await t.call('GET', '/api/receipts/', { as: 'employee' })).status).toBe(403);
    const denied = await t.call('POST', '/api/receipts/', {
      as: 'employee',
      body: { client, amount: 1, method: 'CASH', store: t.store.id },
    });
    expect(denied.status).toBe(403);
    const before = await rowCount(t, clientReceipts);
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ amount: '-1' }, { amount: ['Ensure this value is greater than 0.'] }],
      [{ amount: '1.999' }, { amount: ['Ensure that there are no more than 2 decimal places.'] }],
      [{ method: 'VOUCHER' }, { method: ['Select a valid choice.'] }],
      [{ store: t.otherStore.id }, { store: [`Invalid pk "${t.otherStore.id}" - object does not exist.`] }],
      [{ client: t.store.id }, { client: [`Invalid pk "${t.store.id}" - object does not exist.`] }],
      [{ tip: 5 }, { tip: ['Unknown field.'] }],
    ];
    for (const [extra, errors] of cases) {
      const res = await receive(client, 1, extra);
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.body).toEqual(errors);
    }
    expect(await rowCount(t, clientReceipts)).toBe(before);
    expect(await clientBalance(t, client)).toBe(10000);
  });
});
