// /api/salesdetails/: listing lines, price overrides (manager+, reason, audit, totals recomputed) and
// line voids (stock back, totals recomputed), refused on voided sales.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, makeProduct, movementsOf, onHand, openSession, sell } from './sales-fixtures.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('/api/salesdetails/', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  const twoLineSale = async () => {
    const oil = await makeProduct(t, { price: 16500, stock: 10000 });
    const rice = await makeProduct(t, { price: 20000, stock: 10000 });
    const sale = await sell(t, [
      { product: oil, quantity: 2 },
      { product: rice, quantity: 1 },
    ]);
    expect(sale.total).toBe('530.00');
    return { oil, rice, sale, oilLine: sale.details[0].id as string, riceLine: sale.details[1].id as string };
  };
  const header = async (id: string) =>
    (await t.call('GET', `/api/salesheaders/${id}/`, { as: 'owner' })).body;

  it('lists and retrieves lines of your stores only', async () => {
    const { sale, oilLine } = await twoLineSale();
    const list = await t.call('GET', `/api/salesdetails/?sales_header=${sale.id}`, { as: 'employee' });
    expect(list.status).toBe(200);
    expect(list.body.count).toBe(2);
    expect(list.body.results.map((l: { line_no: number }) => l.line_no)).toEqual([1, 2]);
    const one = await t.call('GET', `/api/salesdetails/${oilLine}/`, { as: 'employee' });
    expect(one.body).toEqual(sale.details[0]);
    expect((await t.call('GET', `/api/salesdetails/${oilLine}/`, { as: 'outsider' })).status).toBe(404);
    const outsiderList = await t.call('GET', `/api/salesdetails/?sales_header=${sale.id}`, {
      as: 'outsider',
    });
    expect(outsiderList.body.count).toBe(0);
  });

  it('overrides a price: manager+ with a reason, audited before/after, header repriced', async () => {
    const { sale, oilLine } = await twoLineSale();
    const url = `/api/salesdetails/${oilLine}/`;
    const denied = await t.call('PATCH', url, {
      as: 'employee',
      body: { unit_price: '150.00', reason: 'Promo' },
    });
    expect(denied.status).toBe(403);
    const noReason = await t.call('PATCH', url, { as: 'manager', body: { unit_price: '150.00' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toEqual({ reason: ['This field is required.'] });
    const negative = await t.call('PATCH', url, { as: 'manager', body: { unit_price: '-1', reason: 'x' } });
    expect(negative.body).toEqual({ unit_price: ['Ensure this value is greater than or equal to 0.'] });
    const extra = await t.call('PATCH', url, {
      as: 'manager',
      body: { unit_price: '1', reason: 'x', quantity: 5 },
    });
    expect(extra.body).toEqual({ quantity: ['Unknown field.'] });
    expect((await header(sale.id)).total).toBe('530.00');

    const res = await t.call('PATCH', url, {
      as: 'manager',
      body: { unit_price: '150.00', reason: 'Price match' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      unit_price: '150.00',
      list_unit_price: '165.00',
      overridden: true,
      total: '300.00',
    });
    const after = await header(sale.id);
    expect(after).toMatchObject({
      subtotal: '500.00',
      total: '500.00',
      tax_total: '68.97',
      balance_due: '500.00',
    });
    const audit = await auditOf(t, 'sales_detail', oilLine);
    expect(audit.map((a) => a.action)).toEqual(['price_override']);
    expect(audit[0]).toMatchObject({ reason: 'Price match', userId: t.users.manager.id });
    expect(audit[0]?.beforeData).toMatchObject({ unit_price: '165.00', total: '330.00' });
    expect(audit[0]?.afterData).toMatchObject({ unit_price: '150.00', total: '300.00' });

    // back to the list price clears the override
    const reset = await t.call('PATCH', url, { as: 'owner', body: { unit_price: '165.00', reason: 'Undo' } });
    expect(reset.body).toMatchObject({ overridden: false, unit_price: '165.00' });
    expect((await header(sale.id)).total).toBe('530.00');
  });

  it('voids a line with ?reason=: stock back, totals recomputed, audited; not the last line', async () => {
    const { oil, rice, sale, oilLine, riceLine } = await twoLineSale();
    const url = `/api/salesdetails/${oilLine}/`;
    expect((await t.call('DELETE', url, { as: 'employee' })).status).toBe(403);
    const noReason = await t.call('DELETE', url, { as: 'manager' });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toEqual({ reason: ['This field is required.'] });
    expect(await onHand(t, oil)).toBe(8000);

    const res = await t.call('DELETE', `${url}?reason=Damaged`, { as: 'manager' });
    expect(res.status).toBe(204);
    expect(await onHand(t, oil)).toBe(10000);
    expect((await movementsOf(t, oil)).map((m) => [m.quantity, m.reason, m.referenceType])).toEqual([
      [-2000, 'sale', 'sales_header'],
      [2000, 'void', 'sales_detail'],
    ]);
    const after = await header(sale.id);
    expect(after).toMatchObject({
      subtotal: '200.00',
      total: '200.00',
      tax_total: '27.59',
      balance_due: '200.00',
    });
    expect(after.details[0]).toMatchObject({
      status: 'voided',
      void_reason: 'Damaged',
      voided_by: t.users.manager.id,
    });
    const audit = await auditOf(t, 'sales_detail', oilLine);
    expect(audit[0]).toMatchObject({ action: 'void', reason: 'Damaged' });
    expect(audit[0]?.afterData).toMatchObject({ status: 'voided' });

    const twice = await t.call('DELETE', `${url}?reason=again`, { as: 'manager' });
    expect(twice.status).toBe(400);
    expect(twice.body).toEqual({ non_field_errors: ['This line is already voided.'] });
    const last = await t.call('DELETE', `/api/salesdetails/${riceLine}/?reason=x`, { as: 'manager' });
    expect(last.status).toBe(400);
    expect(last.body.non_field_errors[0]).toMatch(/void the sale instead/);
    expect(await onHand(t, rice)).toBe(9000);
  });

  it('refuses changes on a voided sale and changes that would leave more paid than the total', async () => {
    const { sale, oilLine, riceLine } = await twoLineSale();
    const session = await openSession(t, 'manager');
    const paid = await t.call('POST', '/api/sales-payments/', {
      as: 'manager',
      body: { sales_header: sale.id, session, method: 'CARD', amount: '530.00', reference: 'A1' },
    });
    expect(paid.status).toBe(201);
    const cut = await t.call('PATCH', `/api/salesdetails/${oilLine}/`, {
      as: 'manager',
      body: { unit_price: '100.00', reason: 'Too late' },
    });
    expect(cut.status).toBe(400);
    expect(cut.body.non_field_errors[0]).toMatch(/more paid than its total/);
    expect((await header(sale.id)).total).toBe('530.00');

    const voided = await t.call('POST', `/api/salesheaders/${sale.id}/void/`, {
      as: 'manager',
      body: { reason: 'Wrong customer' },
    });
    expect(voided.status).toBe(200);
    const patch = await t.call('PATCH', `/api/salesdetails/${riceLine}/`, {
      as: 'manager',
      body: { unit_price: '300.00', reason: 'x' },
    });
    expect(patch.status).toBe(400);
    expect(patch.body).toEqual({ non_field_errors: ['This sale is voided and can no longer be changed.'] });
    const del = await t.call('DELETE', `/api/salesdetails/${riceLine}/?reason=x`, { as: 'manager' });
    expect(del.status).toBe(400);
  });
});
