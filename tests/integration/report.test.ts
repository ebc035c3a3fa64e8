import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src-shared/domain/ids.js';
import { completeSale, voidSale, type FixtureSale } from '../support/sale-fixture.js';
import { createTestTill, type TestTill } from '../support/test-till.js';
import { errorOf } from '../support/errors.js';

let t: TestTill;
beforeEach(() => {
  t = createTestTill();
});
afterEach(() => {
  t.close();
});

const managerApproval = () => ({ managerId: t.demo.users.manager.id, pin: '2222' });

/**
 * A busy session: a mixed-tax cash sale with a 10 % discount on sugar (787.00, cash 1,000.00, change
 * 213.00), an M-Pesa soda sale (240.00), a voided cash soap sale (320.00), a cash refund of one sugar
 * (148.50), an M-Pesa refund of one soda (80.00), paid in 200.00, paid out 50.00.
 */
function busySession(): { mixed: FixtureSale; soda: FixtureSale; soap: FixtureSale } {
  t.openSession();
  const mixed = completeSale(
    t,
    [
      { product: 'sugar', qtyMilli: 2000, discount: { kind: 'percent', basisPoints: 1000 } },
      { product: 'milk' },
      { product: 'flour' },
      { product: 'paraffin' },
      { product: 'airtime' },
    ],
    [{ method: 'CASH', amount: 1_000_00 }],
  );
  const soda = completeSale(
    t,
    [{ product: 'soda', qtyMilli: 3000 }],
    [{ method: 'MPESA', amount: 240_00, reference: 'QK12345678' }],
  );
  const soap = completeSale(t, [{ product: 'soap' }], [{ method: 'CASH', amount: 320_00 }]);
  voidSale(t, soap.id);
  t.till.call('refund.create', {
    saleId: mixed.id,
    lines: [{ saleLineId: mixed.lines[0]!.id, qtyMilli: 1000 }],
    reason: 'one packet was torn',
    approval: managerApproval(),
  });
  t.till.call('refund.create', {
    saleId: soda.id,
    lines: [{ saleLineId: soda.lines[0]!.id, qtyMilli: 1000 }],
    reason: 'flat soda',
    approval: managerApproval(),
  });
  t.till.call('session.cashMovement', { kind: 'paid_in', amount: 200_00, reason: 'change from the bank' });
  t.till.call('session.cashMovement', { kind: 'paid_out', amount: 50_00, reason: 'tea for the staff' });
  return { mixed, soda, soap };
}

describe('report.x', () => {
  it("shows the open session's sales, discounts, tenders, refunds, voids and the cash expected now", () => {
    busySession();
    const x = t.till.call('report.x', {});
    expect(x.kind).toBe('X');
    expect(x.openedBy.name).toBe('Achieng Cashier');
    expect(x.sales).toMatchObject({
      count: 3,
      subtotal: 1_380_00,
      discounts: 33_00,
      gross: 1_347_00,
      rounding: 0,
      total: 1_347_00,
    });
    expect(x.sales.net + x.sales.tax).toBe(1_347_00);
    expect(x.tenders).toEqual([
      { method: 'CASH', sales: 1_107_00, voids: 320_00, refunds: 148_50, net: 638_50 },
      { method: 'MPESA', sales: 240_00, voids: 0, refunds: 80_00, net: 160_00 },
    ]);
    expect(x.refunds).toMatchObject({
      count: 2,
      total: 228_50,
      byMethod: [
        { method: 'CASH', amount: 148_50 },
        { method: 'MPESA', amount: 80_00 },
      ],
    });
    expect(x.voids).toEqual({ count: 1, total: 320_00 });
    expect(x.netSales).toBe(798_50);
    expect(x.drawer).toEqual({
      openingFloat: 5_000_00,
      cashSales: 1_107_00,
      cashVoids: 320_00,
      cashRefunds: 148_50,
      paidIn: 200_00,
      paidInCount: 1,
      paidOut: 50_00,
      paidOutCount: 1,
      expected: 5_788_50,
    });
  });

  it('breaks tax down per eTIMS band as the sum of the sold lines', () => {
    const { mixed, soda, soap } = busySession();
    const lines = [...mixed.lines, ...soda.lines, ...soap.lines];
    const expected = new Map<string, { net: number; tax: number; gross: number }>();
    for (const l of lines) {
      const row = expected.get(l.taxClass) ?? { net: 0, tax: 0, gross: 0 };
      expected.set(l.taxClass, { net: row.net + l.net, tax: row.tax + l.tax, gross: row.gross + l.gross });
    }
    const x = t.till.call('report.x', {});
    expect(x.taxBreakdown.map((r) => [r.band, r.taxClass, r.rateBp])).toEqual([
      ['A', 'exempt', 0],
      ['B', 'standard', 1600],
      ['C', 'zero', 0],
      ['D', 'non_vat', 0],
      ['E', 'reduced', 800],
    ]);
    for (const row of x.taxBreakdown)
      expect({ net: row.net, tax: row.tax, gross: row.gross }).toEqual(expected.get(row.taxClass));
    // Band B: sugar 297.00 → 40.97, soda 240.00 → 33.10, soap 320.00 → 44.14 (tax-inclusive, per line)
    expect(x.taxBreakdown.find((r) => r.band === 'B')).toMatchObject({ gross: 857_00, tax: 118_21 });
    expect(x.taxBreakdown.reduce((a, r) => a + r.tax, 0)).toBe(x.sales.tax);
    expect(x.refunds.taxBreakdown.map((r) => [r.band, r.gross])).toEqual([['B', 228_50]]);
  });

  it('starts at the float with nothing sold, and writes nothing', () => {
    t.openSession('cashier', 3_000_00);
    const before = t.snapshot();
    const x = t.till.call('report.x', {});
    expect(x.sales).toEqual({
      count: 0,
      subtotal: 0,
      discounts: 0,
      gross: 0,
      rounding: 0,
      total: 0,
      net: 0,
      tax: 0,
    });
    expect(x.tenders).toEqual([{ method: 'CASH', sales: 0, voids: 0, refunds: 0, net: 0 }]);
    expect(x.taxBreakdown).toEqual([]);
    expect(x.drawer.expected).toBe(3_000_00);
    expect(t.snapshot()).toEqual(before);
  });

  it('needs an open session and a logged-in operator', () => {
    expect(errorOf(() => t.till.call('report.x', {})).code).toBe('NOT_AUTHENTICATED');
    t.loginAs('cashier');
    expect(errorOf(() => t.till.call('report.x', {})).code).toBe('NO_OPEN_SESSION');
    expect(errorOf(() => t.till.call('report.x', { extra: 1 } as never)).code).toBe('VALIDATION_FAILED');
  });
});

describe('report.z', () => {
  it('returns the Z of the last closed session, unchanged by what happens in the next session', () => {
    busySession();
    const z = t.till.call('session.close', { countedTotal: 5_790_00 });
    expect(z).toMatchObject({
      expected: 5_788_50,
      counted: 5_790_00,
      variance: 1_50,
      varianceStatus: 'over',
      netSales: 798_50,
    });
    expect(t.till.call('report.z', {})).toEqual(z);

    t.till.call('session.open', { openingFloat: 1_000_00 });
    completeSale(t, [{ product: 'sugar' }], [{ method: 'CASH', amount: 165_00 }]);
    t.till.call('session.cashMovement', { kind: 'paid_out', amount: 100_00, reason: 'bought receipt rolls' });
    expect(t.till.call('report.z', { sessionId: z.sessionId })).toEqual(z);
    expect(t.till.call('report.z', {})).toEqual(z);
  });

  it('shows a cashier only the Z of sessions they closed; managers see any', () => {
    t.openSession('manager');
    const z = t.till.call('session.close', { countedTotal: 5_000_00 });
    t.loginAs('cashier');
    const forbidden = errorOf(() => t.till.call('report.z', { sessionId: z.sessionId }));
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(errorOf(() => t.till.call('report.z', {})).code).toBe('FORBIDDEN');
    t.loginAs('owner');
    expect(t.till.call('report.z', { sessionId: z.sessionId }).zNumber).toBe(1);
  });

  it('refuses an open session (CONFLICT), an unknown session and a till with no Z yet (NOT_FOUND)', () => {
    const open = t.openSession('manager');
    expect(errorOf(() => t.till.call('report.z', {})).code).toBe('NOT_FOUND');
    expect(errorOf(() => t.till.call('report.z', { sessionId: open })).code).toBe('CONFLICT');
    expect(errorOf(() => t.till.call('report.z', { sessionId: newId() })).code).toBe('NOT_FOUND');
    expect(errorOf(() => t.till.call('report.z', { sessionId: 'not-an-id' })).code).toBe('VALIDATION_FAILED');
  });
});
