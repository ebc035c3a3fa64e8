// /api/sales-payments/: tender rules (non-cash ≤ balance, change only from cash), split payments all or
// none, closed sessions, credit limits, header settlement, tenancy.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients } from '../../src-server/db/schema/parties.js';
import { newId } from '../../src-shared/domain/ids.js';
import { formatMoney } from '../../src-shared/domain/money.js';
import { summarizeTenders } from '../../src-shared/domain/tender.js';
import { auditOf, closeSession, countPayments, makeProduct, openSession, sell } from './sales-fixtures.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('/api/sales-payments/', () => {
  let t: TestServer;
  let session: string;
  beforeAll(async () => {
    t = await startTestServer();
    session = await openSession(t, 'employee');
  });
  afterAll(async () => {
    await t.close();
  });

  /** A fresh unpaid sale of 330.00 (2 × 165.00). */
  const sale330 = async (client?: string) => {
    const p = await makeProduct(t, { price: 16500 });
    return sell(t, [{ product: p, quantity: 2 }], client ? { client } : {});
  };
  const pay = (body: Record<string, unknown>, as: 'employee' | 'manager' | 'outsider' = 'employee') =>
    t.call('POST', '/api/sales-payments/', { as, body: { session, ...body } });
  const split = (body: Record<string, unknown>) =>
    t.call('POST', '/api/sales-payments/split/', { as: 'employee', body: { session, ...body } });
  const header = async (id: string) =>
    (await t.call('GET', `/api/salesheaders/${id}/`, { as: 'owner' })).body;
  const makeClient = async (creditLimit: number, balance = 0) => {
    const id = newId();
    await t.database.db.insert(clients).values({ id, name: `Client ${id.slice(-4)}`, creditLimit, balance });
    return id;
  };
  const clientBalance = async (id: string) =>
    (await t.database.db.select().from(clients).where(eq(clients.id, id)))[0]?.balance;

  it('takes cash over the balance and answers the change due', async () => {
    const sale = await sale330();
    const res = await pay({ sales_header: sale.id, method: 'CASH', amount: '500' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      sales_header: sale.id,
      session,
      method: 'CASH',
      amount: '500.00',
      change_due: '170.00',
      reference: null,
      user: t.users.employee.id,
    });
    expect(await header(sale.id)).toMatchObject({
      paid_total: '330.00',
      change_given: '170.00',
      balance_due: '0.00',
      payment_status: 'paid',
    });
    const audit = await auditOf(t, 'sales_payment', res.body.id);
    expect(audit[0]).toMatchObject({ action: 'create', userId: t.users.employee.id });
    const got = await t.call('GET', `/api/sales-payments/${res.body.id}/`, { as: 'manager' });
    expect(got.body).toEqual(res.body);

    const more = await pay({ sales_header: sale.id, method: 'CASH', amount: '1' });
    expect(more.status).toBe(400);
    expect(more.body).toEqual({ amount: ['This sale is already fully paid'] });
  });

  it('refuses a non-cash payment over the balance; partial payments leave a balance', async () => {
    const sale = await sale330();
    const over = await pay({ sales_header: sale.id, method: 'CARD', amount: '330.01' });
    expect(over.status).toBe(400);
    expect(over.body.amount[0]).toMatch(/at most 330.00/);
    expect((await header(sale.id)).payment_status).toBe('unpaid');

    const card = await pay({
      sales_header: sale.id,
      method: 'MPESA',
      amount: '100.00',
      reference: 'QAB12CD',
    });
    expect(card.status).toBe(201);
    expect(card.body).toMatchObject({ change_due: '0.00', reference: 'QAB12CD' });
    expect(await header(sale.id)).toMatchObject({
      paid_total: '100.00',
      balance_due: '230.00',
      payment_status: 'partial',
    });
    const cash = await pay({ sales_header: sale.id, method: 'CASH', amount: '250.00' });
    expect(cash.body.change_due).toBe('20.00');
    expect(await header(sale.id)).toMatchObject({
      paid_total: '330.00',
      balance_due: '0.00',
      payment_status: 'paid',
    });
  });

  it('splits payments all or none: one bad payment in the list and nothing is written', async () => {
    const sale = await sale330();
    const before = await countPayments(t);
    const bad = await split({
      sales_header: sale.id,
      payments: [
        { method: 'CARD', amount: '200.00', reference: 'C1' },
        { method: 'MPESA', amount: '200.00' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body['payments.1.amount'][0]).toMatch(/at most 130.00/);
    expect(await countPayments(t)).toBe(before);
    expect(await header(sale.id)).toMatchObject({ paid_total: '0.00', payment_status: 'unpaid' });

    const badField = await split({
      sales_header: sale.id,
      payments: [
        { method: 'CASH', amount: '10' },
        { method: 'BITCOIN', amount: '10' },
      ],
    });
    expect(badField.status).toBe(400);
    expect(badField.body).toEqual({ 'payments.1.method': ['Select a valid choice.'] });
    expect(await countPayments(t)).toBe(before);

    const ok = await split({
      sales_header: sale.id,
      payments: [
        { method: 'CARD', amount: '200.00', reference: 'C1' },
        { method: 'CASH', amount: '200.00' },
      ],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.change_due).toBe('70.00');
    expect(
      ok.body.payments.map((p: { method: string; change_due: string }) => [p.method, p.change_due]),
    ).toEqual([
      ['CARD', '0.00'],
      ['CASH', '70.00'],
    ]);
    expect(ok.body.sales_header).toMatchObject({ id: sale.id, paid_total: '330.00', payment_status: 'paid' });
    expect(await countPayments(t)).toBe(before + 2);
    const listed = await t.call('GET', `/api/sales-payments/?sales_header=${sale.id}`, { as: 'employee' });
    expect(listed.body.count).toBe(2);
  });

  it('refuses payments into a closed session, or one of another store', async () => {
    const sale = await sale330();
    const mine = await openSession(t, 'manager');
    expect((await closeSession(t, 'manager', mine, '1000.00')).status).toBe(200);
    const closed = await pay({ sales_header: sale.id, session: mine, method: 'CASH', amount: '330' });
    expect(closed.status).toBe(400);
    expect(closed.body).toEqual({ session: ['This cash session is closed.'] });
    const unknown = await pay({ sales_header: sale.id, session: newId(), method: 'CASH', amount: '330' });
    expect(unknown.body.session[0]).toMatch(/Invalid pk/);
    expect((await header(sale.id)).paid_total).toBe('0.00');
  });

  it('gives CREDIT only to a client with enough room, and raises their balance', async () => {
    const noClient = await sale330();
    const res = await pay({ sales_header: noClient.id, method: 'CREDIT', amount: '330' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ method: ['A CREDIT payment needs a sale with an active client.'] });

    const client = await makeClient(50000, 30000); // 500.00 limit, owes 300.00: 200.00 left
    const sale = await sale330(client);
    const over = await pay({ sales_header: sale.id, method: 'CREDIT', amount: '250' });
    expect(over.status).toBe(400);
    expect(over.body).toEqual({
      amount: ["This is over the client's credit limit: 200.00 of credit is left."],
    });
    expect(await clientBalance(client)).toBe(30000);

    const splitOver = await split({
      sales_header: sale.id,
      payments: [
        { method: 'CREDIT', amount: '150' },
        { method: 'CREDIT', amount: '100' },
      ],
    });
    expect(splitOver.status).toBe(400);
    expect(Object.keys(splitOver.body)).toEqual(['payments.1.amount']);
    expect(await clientBalance(client)).toBe(30000);

    const ok = await split({
      sales_header: sale.id,
      payments: [
        { method: 'CREDIT', amount: '200' },
        { method: 'CASH', amount: '130' },
      ],
    });
    expect(ok.status).toBe(201);
    expect(await clientBalance(client)).toBe(50000);

    // voiding the sale takes the credit back off the client's account
    const voided = await t.call('POST', `/api/salesheaders/${sale.id}/void/`, {
      as: 'manager',
      body: { reason: 'Returned' },
    });
    expect(voided.status).toBe(200);
    expect(await clientBalance(client)).toBe(30000);
    const afterVoid = await pay({ sales_header: sale.id, method: 'CASH', amount: '1' });
    expect(afterVoid.body).toEqual({ sales_header: ['This sale is voided.'] });
  });

  it('refuses bad amounts and unknown fields, and keeps other stores out', async () => {
    const sale = await sale330();
    const before = await countPayments(t);
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [
        { sales_header: sale.id, method: 'CASH', amount: '-5' },
        { amount: ['Ensure this value is greater than 0.'] },
      ],
      [
        { sales_header: sale.id, method: 'CASH', amount: '0' },
        { amount: ['Ensure this value is greater than 0.'] },
      ],
      [
        { sales_header: sale.id, method: 'CASH', amount: '1.005' },
        { amount: ['Ensure that there are no more than 2 decimal places.'] },
      ],
      [{ sales_header: sale.id, method: 'CASH', amount: '5', tip: 1 }, { tip: ['Unknown field.'] }],
      [{ sales_header: sale.id, method: 'cash', amount: '5' }, { method: ['Select a valid choice.'] }],
      [{ sales_header: sale.id, amount: '5' }, { method: ['This field is required.'] }],
    ];
    for (const [body, errors] of cases) {
      const res = await pay(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toEqual(errors);
    }
    const outsider = await pay({ sales_header: sale.id, method: 'CASH', amount: '5' }, 'outsider');
    expect(outsider.status).toBe(400);
    expect(outsider.body).toEqual({ sales_header: [`Invalid pk "${sale.id}" - object does not exist.`] });
    expect(await countPayments(t)).toBe(before);
    expect((await t.call('GET', '/api/sales-payments/', { as: 'outsider' })).body.count).toBe(0);
    const all = await t.call('GET', '/api/sales-payments/?method=CASH', { as: 'employee' });
    expect(all.body.count).toBeGreaterThan(0);
    expect(all.body.results.every((p: { method: string }) => p.method === 'CASH')).toBe(true);
  });

  it('closes a drawer with exactly the payments it took, even those racing the close', async () => {
    const drawer = await openSession(t, 'manager', '0.00');
    const sales = await Promise.all(Array.from({ length: 8 }, () => sale330()));
    const [closed, ...paid] = await Promise.all([
      closeSession(t, 'manager', drawer, '0.00'),
      ...sales.map((sale) =>
        t.call('POST', '/api/sales-payments/', {
          as: 'employee',
          body: { session: drawer, sales_header: sale.id, method: 'CASH', amount: '330.00' },
        }),
      ),
    ]);
    expect(closed.status).toBe(200);
    const accepted = paid.filter((r) => r.status === 201);
    for (const refused of paid.filter((r) => r.status !== 201)) {
      expect(refused.body).toEqual({ session: ['This cash session is closed.'] });
    }
    expect(closed.body.expected_total).toBe(formatMoney(accepted.length * 33000));
  });

  it("rounds a cash split to the store's cash rounding step", async () => {
    const setStep = (step: string) =>
      t.call('PATCH', `/api/stores/${t.store.id}/`, { as: 'owner', body: { cash_rounding_step: step } });
    expect((await setStep('5.00')).status).toBe(200);
    try {
      const p = await makeProduct(t, { price: 16300 });
      const sale = await sell(t, [{ product: p, quantity: 2 }]);
      const res = await split({
        sales_header: sale.id,
        payments: [
          { method: 'MPESA', amount: '100.00' },
          { method: 'CASH', amount: '300.00' },
        ],
      });
      expect(res.status).toBe(201);
      const expected = summarizeTenders({
        total: 32600,
        cashRoundingStep: 500,
        tenders: [
          { id: 'm', method: 'MPESA', amount: 10000 },
          { id: 'c', method: 'CASH', amount: 30000 },
        ],
      });
      expect(expected.roundingAdjustment).not.toBe(0);
      expect(res.body.sales_header).toMatchObject({
        rounding_adjustment: formatMoney(expected.roundingAdjustment),
        balance_due: '0.00',
        payment_status: 'paid',
      });
      expect(res.body.change_due).toBe(formatMoney(expected.change));
    } finally {
      await setStep('0.00');
    }
  });
});
