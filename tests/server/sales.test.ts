// /api/salesheaders/: totals and VAT, stock out, receipt numbers, price rules, voids, tenancy, bad input.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cashSessions } from '../../src-server/db/schema/cash.js';
import { units } from '../../src-server/db/schema/catalog.js';
import { products } from '../../src-server/db/schema/catalog.js';
import { clients } from '../../src-server/db/schema/parties.js';
import { stores } from '../../src-server/db/schema/stores.js';
import { storeMembers } from '../../src-server/db/schema/users.js';
import { newId } from '../../src-shared/domain/ids.js';
import {
  auditOf,
  closeSession,
  countSales,
  makeProduct,
  movementsOf,
  onHand,
  openSession,
  sell,
} from './sales-fixtures.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('/api/salesheaders/', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('prices 2 × 165.00 at 16 % inclusive: total 330.00 with 45.52 VAT, and the stock leaves', async () => {
    const p = await makeProduct(t, { name: 'Cooking oil 1L', price: 16500, stock: 10000 });
    const res = await t.call('POST', '/api/salesheaders/', {
      as: 'employee',
      body: { store: t.store.id, details: [{ product: p, quantity: 2 }] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      store: t.store.id,
      user: t.users.employee.id,
      subtotal: '330.00',
      discount_total: '0.00',
      net_total: '284.48',
      tax_total: '45.52',
      total: '330.00',
      paid_total: '0.00',
      balance_due: '330.00',
      payment_status: 'unpaid',
      status: 'completed',
      prices_include_tax: true,
      session: null,
      client: null,
    });
    expect(res.body.receipt_number).toMatch(/^TST-\d{6}$/);
    expect(res.body.details).toEqual([
      expect.objectContaining({
        line_no: 1,
        product: p,
        name: 'Cooking oil 1L',
        quantity: '2.000',
        unit_price: '165.00',
        list_unit_price: '165.00',
        tax_class: 'standard',
        tax_band: 'B',
        tax_rate: '16.00',
        net: '284.48',
        tax: '45.52',
        total: '330.00',
        status: 'active',
        overridden: false,
      }),
    ]);
    expect(await onHand(t, p)).toBe(8000);
    const moves = await movementsOf(t, p);
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({
      quantity: -2000,
      reason: 'sale',
      referenceType: 'sales_header',
      referenceId: res.body.id,
    });
    const audit = await auditOf(t, 'sales_header', res.body.id);
    expect(audit.map((a) => a.action)).toEqual(['create']);
    expect(audit[0]).toMatchObject({ userId: t.users.employee.id, storeId: t.store.id });
    expect(audit[0]?.afterData).toMatchObject({ total: '330.00' });

    const got = await t.call('GET', `/api/salesheaders/${res.body.id}/`, { as: 'manager' });
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('applies line discounts and mixes tax classes', async () => {
    const oil = await makeProduct(t, { price: 16500 });
    const bread = await makeProduct(t, { price: 6000, taxClass: 'zero' });
    const sale = await sell(t, [
      { product: oil, quantity: '2', discount: '30.00' },
      { product: bread, quantity: 1 },
    ]);
    expect(sale).toMatchObject({
      subtotal: '390.00',
      discount_total: '30.00',
      total: '360.00',
      tax_total: '41.38',
    });
    expect(sale.details[1]).toMatchObject({ tax_band: 'C', tax: '0.00', total: '60.00' });
  });

  it('adds VAT on top in a store whose prices exclude tax (and starts its own receipt counter)', async () => {
    const storeId = newId();
    await t.database.db
      .insert(stores)
      .values({ id: storeId, name: 'Wholesale', code: 'WHS', pricesIncludeTax: false });
    await t.database.db.insert(storeMembers).values({ storeId, userId: t.users.employee.id });
    const p = await makeProduct(t, { price: 10000 });
    const sale = await sell(t, [{ product: p, quantity: 3 }], { store: storeId });
    expect(sale).toMatchObject({
      prices_include_tax: false,
      net_total: '300.00',
      tax_total: '48.00',
      total: '348.00',
      receipt_number: 'WHS-000001',
    });
    expect(await onHand(t, p, storeId)).toBe(-3000);
  });

  it('numbers receipts gaplessly per store, also under concurrent sales and after refused ones', async () => {
    const p = await makeProduct(t, { price: 1000 });
    const first = await sell(t, [{ product: p, quantity: 1 }]);
    const refused = await t.call('POST', '/api/salesheaders/', {
      as: 'employee',
      body: { store: t.store.id, details: [{ product: p, quantity: 1, discount: '50.00' }] },
    });
    expect(refused.status).toBe(400);
    const parallel = await Promise.all(
      Array.from({ length: 6 }, () => sell(t, [{ product: p, quantity: 1 }], { as: 'manager' })),
    );
    const numbers = [first, ...parallel]
      .map((s: { receipt_number: string }) => Number(s.receipt_number.slice(4)))
      .sort((a, b) => a - b);
    const start = numbers[0] ?? 0;
    expect(numbers).toEqual(Array.from({ length: 7 }, (_, i) => start + i));
    expect(await onHand(t, p)).toBe(-7000);
  });

  it("needs a manager to sell at a price other than the product's", async () => {
    const p = await makeProduct(t, { price: 16500, stock: 5000 });
    const before = await countSales(t);
    const denied = await t.call('POST', '/api/salesheaders/', {
      as: 'employee',
      body: { store: t.store.id, details: [{ product: p, quantity: 1, unit_price: '150.00' }] },
    });
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toMatch(/manager/);
    expect(await countSales(t)).toBe(before);
    expect(await onHand(t, p)).toBe(5000);

    const samePrice = await sell(t, [{ product: p, quantity: 1, unit_price: '165.00' }]);
    expect(samePrice.details[0].overridden).toBe(false);

    const sale = await sell(t, [{ product: p, quantity: 1, unit_price: '150.00' }], { as: 'manager' });
    expect(sale.total).toBe('150.00');
    expect(sale.details[0]).toMatchObject({
      unit_price: '150.00',
      list_unit_price: '165.00',
      overridden: true,
    });
    const audit = await auditOf(t, 'sales_detail', sale.details[0].id);
    expect(audit[0]).toMatchObject({ action: 'price_override', userId: t.users.manager.id });
    expect(audit[0]?.beforeData).toEqual({ unit_price: '165.00' });
    expect(audit[0]?.afterData).toEqual({ unit_price: '150.00' });
  });

  it('refuses bad input with field errors and changes nothing', async () => {
    const p = await makeProduct(t, { stock: 5000 });
    const inactive = await makeProduct(t, { isActive: false });
    const pieces = newId();
    await t.database.db.insert(units).values({ id: pieces, name: 'Piece', symbol: 'pc' });
    const whole = await makeProduct(t);
    await t.database.db.update(products).set({ unitId: pieces }).where(eq(products.id, whole));
    const before = await countSales(t);
    const post = (body: unknown) => t.call('POST', '/api/salesheaders/', { as: 'manager', body });
    const base = { store: t.store.id };
    const cases: [unknown, Record<string, string[]>][] = [
      [{ ...base, details: [] }, { details: ['A sale needs at least one line.'] }],
      [
        { ...base, details: [{ product: newId(), quantity: 1 }] },
        { 'details.0.product': [expect.stringMatching(/Invalid pk/)] },
      ],
      [
        { ...base, details: [{ product: p, quantity: -1 }] },
        { 'details.0.quantity': ['Ensure this value is greater than 0.'] },
      ],
      [
        { ...base, details: [{ product: p, quantity: 1, unit_price: '1.234' }] },
        { 'details.0.unit_price': ['Ensure that there are no more than 2 decimal places.'] },
      ],
      [
        { ...base, details: [{ product: p, quantity: 1, unit_price: '-5' }] },
        { 'details.0.unit_price': ['Ensure this value is greater than or equal to 0.'] },
      ],
      [
        { ...base, details: [{ product: p, quantity: 1, colour: 'red' }] },
        { 'details.0.colour': ['Unknown field.'] },
      ],
      [{ ...base, details: [{ product: p, quantity: 1 }], tip: '5' }, { tip: ['Unknown field.'] }],
      [
        { ...base, details: [{ product: p, quantity: 1, discount: '500.00' }] },
        { 'details.0.discount': [expect.stringMatching(/more than the line/)] },
      ],
      [
        { ...base, details: [{ product: inactive, quantity: 1 }] },
        { 'details.0.product': ['This product is not for sale (inactive).'] },
      ],
      [
        { ...base, details: [{ product: whole, quantity: '1.5' }] },
        { 'details.0.quantity': ['This product is sold in whole units.'] },
      ],
      [
        { store: t.otherStore.id, details: [{ product: p, quantity: 1 }] },
        { store: [`Invalid pk "${t.otherStore.id}" - object does not exist.`] },
      ],
      [
        { ...base, client: newId(), details: [{ product: p, quantity: 1 }] },
        { client: [expect.stringMatching(/Invalid pk/)] },
      ],
      [
        { ...base, session: newId(), details: [{ product: p, quantity: 1 }] },
        { session: [expect.stringMatching(/Invalid pk/)] },
      ],
    ];
    for (const [body, errors] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toEqual(errors);
    }
    expect(await countSales(t)).toBe(before);
    expect(await onHand(t, p)).toBe(5000);
    expect(await movementsOf(t, p)).toEqual([]);
  });

  it('records the session and client; refuses a closed session', async () => {
    const p = await makeProduct(t);
    const clientId = newId();
    await t.database.db.insert(clients).values({ id: clientId, name: 'Acme Ltd' });
    const session = await openSession(t, 'employee');
    const sale = await sell(t, [{ product: p, quantity: 1 }], { session, client: clientId });
    const [row] = await t.database.db.select().from(cashSessions).where(eq(cashSessions.id, session));
    expect(sale).toMatchObject({ session, client: clientId, business_date: row?.businessDate });
    expect((await closeSession(t, 'employee', session)).status).toBe(200);
    const res = await t.call('POST', '/api/salesheaders/', {
      as: 'employee',
      body: { store: t.store.id, session, details: [{ product: p, quantity: 1 }] },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ session: ['This cash session is closed.'] });
  });

  it('lists sales of your stores with filters; outsiders see none of them', async () => {
    const p = await makeProduct(t);
    const a = await sell(t, [{ product: p, quantity: 1 }]);
    const list = await t.call('GET', `/api/salesheaders/?receipt_number=${a.receipt_number}`, {
      as: 'employee',
    });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ count: 1, next: null, previous: null });
    expect(list.body.results[0]).toEqual(a);
    const all = await t.call('GET', '/api/salesheaders/?page_size=2', { as: 'owner' });
    expect(all.body.count).toBeGreaterThan(2);
    expect(all.body.results).toHaveLength(2);
    expect(all.body.next).toMatch(/page=2/);
    const today = a.business_date as string;
    const dated = await t.call(
      'GET',
      `/api/salesheaders/?date_from=${today}&date_to=${today}&status=completed`,
      {
        as: 'owner',
      },
    );
    expect(dated.body.count).toBe(all.body.count);
    const future = await t.call('GET', '/api/salesheaders/?date_from=2999-01-01', { as: 'owner' });
    expect(future.body.count).toBe(0);
    const bad = await t.call('GET', '/api/salesheaders/?date_from=yesterday', { as: 'owner' });
    expect(bad.status).toBe(400);
    expect(bad.body).toHaveProperty('date_from');

    const outsider = await t.call('GET', '/api/salesheaders/', { as: 'outsider' });
    expect(outsider.body.count).toBe(0);
    const one = await t.call('GET', `/api/salesheaders/${a.id}/`, { as: 'outsider' });
    expect(one.status).toBe(404);
    expect(one.body).toEqual({ detail: 'Not found.' });
  });

  it('voids a sale (manager+): stock comes back once, audited with the reason; twice is a 400', async () => {
    const p = await makeProduct(t, { stock: 10000 });
    const sale = await sell(t, [{ product: p, quantity: 3 }]);
    expect(await onHand(t, p)).toBe(7000);
    const url = `/api/salesheaders/${sale.id}/void/`;

    const denied = await t.call('POST', url, { as: 'employee', body: { reason: 'Customer changed mind' } });
    expect(denied.status).toBe(403);
    const noReason = await t.call('POST', url, { as: 'manager', body: { reason: ' ' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toEqual({ reason: ['This field may not be blank.'] });
    const outsider = await t.call('POST', url, { as: 'outsider', body: { reason: 'x' } });
    expect(outsider.status).toBe(404);
    expect(await onHand(t, p)).toBe(7000);

    const res = await t.call('POST', url, { as: 'manager', body: { reason: 'Customer changed mind' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'voided',
      voided_by: t.users.manager.id,
      void_reason: 'Customer changed mind',
    });
    expect(await onHand(t, p)).toBe(10000);
    const moves = await movementsOf(t, p);
    expect(moves.map((m) => [m.quantity, m.reason])).toEqual([
      [-3000, 'sale'],
      [3000, 'void'],
    ]);
    const audit = await auditOf(t, 'sales_header', sale.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'void']);
    expect(audit[1]).toMatchObject({ reason: 'Customer changed mind', userId: t.users.manager.id });
    expect(audit[1]?.beforeData).toMatchObject({ status: 'completed' });
    expect(audit[1]?.afterData).toMatchObject({ status: 'voided' });

    const again = await t.call('POST', url, { as: 'owner', body: { reason: 'again' } });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ non_field_errors: ['This sale is already voided.'] });
    expect(await onHand(t, p)).toBe(10000);
    const voided = await t.call(
      'GET',
      `/api/salesheaders/?status=voided&receipt_number=${sale.receipt_number}`,
      {
        as: 'employee',
      },
    );
    expect(voided.body.count).toBe(1);
  });
});
