// /api/cash-sessions/: opening (one per terminal, else per user), closing arithmetic (cash net of change,
// voided sales out, client cash in, expenses out), who may close, closing twice, bad input.
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cashSessions } from '../../src-server/db/schema/cash.js';
import { clientReceipts, expenses } from '../../src-server/db/schema/finance.js';
import { clients } from '../../src-server/db/schema/parties.js';
import { terminals } from '../../src-server/db/schema/stores.js';
import { newId } from '../../src-shared/domain/ids.js';
import { auditOf, closeSession, makeProduct, openSession, sell } from './sales-fixtures.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('/api/cash-sessions/', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  const open = (as: 'employee' | 'manager' | 'owner' | 'outsider', body: Record<string, unknown>) =>
    t.call('POST', '/api/cash-sessions/', { as, body });
  const sessionCount = async () => (await t.database.db.select({ n: count() }).from(cashSessions))[0]?.n ?? 0;
  const makeTerminal = async (storeId: string, code: string) => {
    const id = newId();
    await t.database.db.insert(terminals).values({ id, storeId, code, name: `Till ${code}` });
    return id;
  };

  it('opens one session per user; a second open is a 400 until the first is closed', async () => {
    const res = await open('employee', { store: t.store.id, opening_float: '1500.00' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      store: t.store.id,
      terminal: null,
      user: t.users.employee.id,
      opening_float: '1500.00',
      status: 'open',
      closing_total: null,
      expected_total: null,
      variance: null,
      closed_at: null,
    });
    expect((await auditOf(t, 'cash_session', res.body.id)).map((a) => a.action)).toEqual(['open']);

    const second = await open('employee', { store: t.store.id, opening_float: '10' });
    expect(second.status).toBe(400);
    expect(second.body).toEqual({ non_field_errors: ['You already have an open cash session.'] });

    const closed = await closeSession(t, 'employee', res.body.id, '1500.00');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', expected_total: '1500.00', variance: '0.00' });
    const again = await open('employee', { store: t.store.id, opening_float: '10' });
    expect(again.status).toBe(201);
    expect((await closeSession(t, 'employee', again.body.id as string)).status).toBe(200);
  });

  it('opens one session per terminal, whoever opens it', async () => {
    const till = await makeTerminal(t.store.id, 'T01');
    const first = await open('employee', { store: t.store.id, terminal: till, opening_float: '500' });
    expect(first.status).toBe(201);
    expect(first.body.terminal).toBe(till);
    const clash = await open('manager', { store: t.store.id, terminal: till, opening_float: '500' });
    expect(clash.status).toBe(400);
    expect(clash.body).toEqual({ non_field_errors: ['This terminal already has an open cash session.'] });
    const foreignTill = await makeTerminal(t.otherStore.id, 'T09');
    const foreign = await open('manager', { store: t.store.id, terminal: foreignTill, opening_float: '1' });
    expect(foreign.body).toEqual({ terminal: [`Invalid pk "${foreignTill}" - object does not exist.`] });
    expect((await closeSession(t, 'manager', first.body.id as string, '500')).status).toBe(200);
  });

  it('refuses bad input and other stores, opening nothing', async () => {
    const before = await sessionCount();
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [
        { store: t.store.id, opening_float: '-1' },
        { opening_float: ['Ensure this value is greater than or equal to 0.'] },
      ],
      [
        { store: t.store.id, opening_float: '1.001' },
        { opening_float: ['Ensure that there are no more than 2 decimal places.'] },
      ],
      // (missing money reads "A valid number is required." from http/fields.ts for now)
      [{ store: t.store.id }, { opening_float: [expect.any(String)] }],
      [{ store: t.store.id, opening_float: '1', drawer: 2 }, { drawer: ['Unknown field.'] }],
      [
        { store: t.otherStore.id, opening_float: '1' },
        { store: [`Invalid pk "${t.otherStore.id}" - object does not exist.`] },
      ],
    ];
    for (const [body, errors] of cases) {
      const res = await open('manager', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toEqual(errors);
    }
    expect(await sessionCount()).toBe(before);
  });

  it('closes with expected = float + cash sales net of change + client cash − expenses paid out', async () => {
    const session = await openSession(t, 'manager', '1000.00');
    const p = await makeProduct(t, { price: 16500 });
    const sale = () => sell(t, [{ product: p, quantity: 2 }], { session }); // 330.00 each
    const pay = (salesHeader: string, payments: { method: string; amount: string }[]) =>
      t.call('POST', '/api/sales-payments/split/', {
        as: 'employee',
        body: { sales_header: salesHeader, session, payments },
      });

    const a = await sale();
    expect((await pay(a.id, [{ method: 'CASH', amount: '500.00' }])).body.change_due).toBe('170.00'); // +330
    const b = await sale();
    await pay(b.id, [{ method: 'CARD', amount: '330.00' }]); // no cash
    const c = await sale();
    await pay(c.id, [{ method: 'CASH', amount: '330.00' }]);
    const voided = await t.call('POST', `/api/salesheaders/${c.id}/void/`, {
      as: 'manager',
      body: { reason: 'Rang up twice' },
    });
    expect(voided.status).toBe(200); // its cash went back: not counted
    const d = await sale();
    await pay(d.id, [
      { method: 'CARD', amount: '100.00' },
      { method: 'CASH', amount: '300.00' },
    ]); // +230 (change 70)

    const clientId = newId();
    await t.database.db.insert(clients).values({ id: clientId, name: 'Account customer' });
    const base = { clientId, storeId: t.store.id, sessionId: session, userId: t.users.manager.id };
    await t.database.db.insert(clientReceipts).values([
      { ...base, amount: 20000, method: 'CASH' }, // +200 paid in
      { ...base, amount: 10000, method: 'MPESA' }, // not cash
    ]);
    await t.database.db.insert(expenses).values({
      storeId: t.store.id,
      sessionId: session,
      category: 'Transport',
      amount: 5000, // −50 paid out
      expenseDate: '2026-01-31',
      userId: t.users.manager.id,
    });

    const res = await closeSession(t, 'manager', session, '1700.00');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'closed',
      closing_total: '1700.00',
      expected_total: '1710.00', // 1000 + 330 + 230 + 200 − 50
      variance: '-10.00',
      closed_by: t.users.manager.id,
    });
    expect(res.body.closed_at).toEqual(expect.any(String));
    const audit = await auditOf(t, 'cash_session', session);
    expect(audit.map((x) => x.action)).toEqual(['open', 'close']);
    expect(audit[1]?.beforeData).toMatchObject({ status: 'open' });
    expect(audit[1]?.afterData).toMatchObject({ status: 'closed', variance: '-10.00' });

    const twice = await closeSession(t, 'manager', session, '1710.00');
    expect(twice.status).toBe(400);
    expect(twice.body).toEqual({ non_field_errors: ['This cash session is already closed.'] });
    const got = await t.call('GET', `/api/cash-sessions/${session}/`, { as: 'employee' });
    expect(got.body).toEqual(res.body);
  });

  it('lets employees close only their own session; managers close any in their stores', async () => {
    const managers = await openSession(t, 'manager');
    const denied = await closeSession(t, 'employee', managers, '1000');
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({ detail: 'You may close only your own cash session.' });
    const outsider = await closeSession(t, 'outsider', managers, '1000');
    expect(outsider.status).toBe(404);

    const employees = await openSession(t, 'employee');
    const bad = await t.call('POST', `/api/cash-sessions/${employees}/close/`, {
      as: 'employee',
      body: { closing_total: '-3' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ closing_total: ['Ensure this value is greater than or equal to 0.'] });
    const byManager = await closeSession(t, 'manager', employees, '1000.00');
    expect(byManager.status).toBe(200);
    expect(byManager.body).toMatchObject({ user: t.users.employee.id, closed_by: t.users.manager.id });
    expect((await closeSession(t, 'owner', managers, '1000.00')).status).toBe(200);
  });

  it('lists sessions of your stores with filters', async () => {
    const list = await t.call('GET', `/api/cash-sessions/?user=${t.users.employee.id}&status=closed`, {
      as: 'employee',
    });
    expect(list.status).toBe(200);
    expect(list.body.count).toBeGreaterThan(0);
    expect(
      list.body.results.every(
        (s: { user: string; status: string }) => s.user === t.users.employee.id && s.status === 'closed',
      ),
    ).toBe(true);
    const outsider = await t.call('GET', '/api/cash-sessions/', { as: 'outsider' });
    expect(outsider.body).toEqual({ count: 0, next: null, previous: null, results: [] });
    const bad = await t.call('GET', '/api/cash-sessions/?status=maybe', { as: 'owner' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ status: ['Select a valid choice.'] });
  });
});
