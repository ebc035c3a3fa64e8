import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TillEvent } from '../../src-shared/contract/events.js';
import { completeSale } from '../support/sale-fixture.js';
import { createTestTill, type TestTill } from '../support/test-till.js';
import { errorOf } from '../support/errors.js';

let t: TestTill;
beforeEach(() => {
  t = createTestTill();
});
afterEach(() => {
  t.close();
});

function rows<T>(query: string, ...params: unknown[]): T[] {
  return t.till.ledger.raw.prepare(query).all(...params) as T[];
}

const managerApproval = () => ({ managerId: t.demo.users.manager.id, pin: '2222' });

/** 5 × 1,000/- + 2 × 100/- + 1 × 50/- + 2 × 5/- = 5,260.00 */
const COUNT_5260 = [
  { value: 1000_00, count: 5 },
  { value: 100_00, count: 2 },
  { value: 50_00, count: 1 },
  { value: 5_00, count: 2 },
];

/** Rings up `product` without finishing the sale; holds it when asked. */
function leaveSale(product: string, hold: boolean): string {
  const saleId = t.till.call('sale.start', {}).id;
  t.till.call('sale.addItem', { saleId, productId: t.demo.products[product]!.id });
  if (hold) t.till.call('sale.hold', { saleId, note: 'customer went to fetch money' });
  return saleId;
}

describe('session.cashMovement', () => {
  it('pays cash in and out of the drawer, moving the expected cash, audited and queued for the cloud', () => {
    t.openSession();
    const paidIn = t.till.call('session.cashMovement', {
      kind: 'paid_in',
      amount: 200_00,
      reason: 'change from the bank',
    });
    expect(paidIn).toMatchObject({ kind: 'paid_in', amount: 200_00, expectedCash: 5_200_00 });
    const paidOut = t.till.call('session.cashMovement', {
      kind: 'paid_out',
      amount: 100_00,
      reason: 'bought cleaning supplies',
    });
    expect(paidOut.expectedCash).toBe(5_100_00);
    expect(t.till.call('report.x', {}).drawer).toMatchObject({
      paidIn: 200_00,
      paidInCount: 1,
      paidOut: 100_00,
      paidOutCount: 1,
      expected: 5_100_00,
    });

    const audit = rows<{ action: string; reason: string }>(
      "select action, reason from audit_log where model = 'cash_movement' order by rowid",
    );
    expect(audit).toEqual([
      { action: 'paid_in', reason: 'change from the bank' },
      { action: 'paid_out', reason: 'bought cleaning supplies' },
    ]);
    const events = rows<{ event_id: string }>(
      "select event_id from outbox where type = 'cash.movement' order by seq",
    );
    expect(events.map((e) => e.event_id)).toEqual([paidIn.id, paidOut.id]);
  });

  it('refuses to pay out more cash than the drawer should hold, and writes nothing', () => {
    t.openSession('cashier', 1_000_00);
    const before = t.snapshot();
    const err = errorOf(() =>
      t.till.call('session.cashMovement', { kind: 'paid_out', amount: 1_000_01, reason: 'supplier paid' }),
    );
    expect(err.code).toBe('INSUFFICIENT_CASH');
    expect(err.message).toContain('1000.00');
    expect(t.snapshot()).toEqual(before);
    expect(
      t.till.call('session.cashMovement', { kind: 'paid_out', amount: 1_000_00, reason: 'supplier paid' })
        .expectedCash,
    ).toBe(0);
  });

  it('rejects a zero amount, a missing reason and an unknown kind with field errors', () => {
    t.openSession();
    const before = t.snapshot();
    const err = errorOf(() =>
      t.till.call('session.cashMovement', { kind: 'loan' as 'paid_in', amount: 0, reason: 'x' }),
    );
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual(['amount', 'kind', 'reason']);
    expect(t.snapshot()).toEqual(before);
  });

  it('needs an open session and a logged-in operator', () => {
    t.loginAs('cashier');
    expect(
      errorOf(() =>
        t.till.call('session.cashMovement', { kind: 'paid_in', amount: 100, reason: 'float top-up' }),
      ).code,
    ).toBe('NO_OPEN_SESSION');
    t.till.call('auth.logout', {});
    expect(
      errorOf(() =>
        t.till.call('session.cashMovement', { kind: 'paid_in', amount: 100, reason: 'float top-up' }),
      ).code,
    ).toBe('NOT_AUTHENTICATED');
  });

  it('kicks the drawer open once the movement is saved', () => {
    t.openSession();
    const events: TillEvent[] = [];
    t.till.subscribe((e) => events.push(e));
    const m = t.till.call('session.cashMovement', { kind: 'paid_in', amount: 50_00, reason: 'float top-up' });
    expect(events.filter((e) => e.type === 'drawer.kick').map((e) => e.payload)).toEqual([
      { cause: 'cash_movement', documentId: m.id, at: m.createdAt },
    ]);
  });
});

describe('session.close', () => {
  it('reconciles float + cash sales + paid in − paid out − cash refunds against a denomination count (5,265.00 expected, 5,260.00 counted → 5.00 short)', () => {
    const sessionId = t.openSession();
    const sale = completeSale(
      t,
      [{ product: 'sugar', qtyMilli: 2000 }],
      [{ method: 'CASH', amount: 500_00 }],
    );
    expect(sale).toMatchObject({ total: 330_00, change: 170_00 });
    t.till.call('session.cashMovement', { kind: 'paid_in', amount: 200_00, reason: 'change from the bank' });
    t.till.call('session.cashMovement', {
      kind: 'paid_out',
      amount: 100_00,
      reason: 'bought cleaning supplies',
    });
    t.till.call('refund.create', {
      receiptNumber: sale.receiptNumber,
      lines: [{ saleLineId: sale.lines[0]!.id, qtyMilli: 1000 }],
      tender: 'cash',
      reason: 'damaged packet',
      approval: managerApproval(),
    });
    expect(t.till.call('report.x', {}).drawer.expected).toBe(5_265_00);

    const events: TillEvent[] = [];
    t.till.subscribe((e) => events.push(e));
    const z = t.till.call('session.close', { denominations: COUNT_5260 });
    expect(z).toMatchObject({
      kind: 'Z',
      sessionId,
      zNumber: 1,
      zLabel: 'T01-Z0001',
      expected: 5_265_00,
      counted: 5_260_00,
      variance: -5_00,
      varianceStatus: 'short',
      blind: false,
      denominations: COUNT_5260,
      closedBy: { id: t.demo.users.cashier.id, name: 'Achieng Cashier' },
    });
    expect(z.drawer).toEqual({
      openingFloat: 5_000_00,
      cashSales: 330_00,
      cashVoids: 0,
      cashRefunds: 165_00,
      paidIn: 200_00,
      paidInCount: 1,
      paidOut: 100_00,
      paidOutCount: 1,
      expected: 5_265_00,
    });
    expect(t.till.call('session.current', {})).toBeNull();
    expect(events).toContainEqual({ type: 'session.changed', payload: { sessionId, status: 'closed' } });

    const [row] = rows<Record<string, unknown>>('select * from cash_sessions where id = ?', sessionId);
    expect(row).toMatchObject({
      status: 'closed',
      counted_total: 5_260_00,
      expected_cash: 5_265_00,
      variance: -5_00,
      z_number: 1,
      blind_close: 0,
    });
    const [audit] = rows<{ after: string; user_id: string }>(
      "select after, user_id from audit_log where action = 'session_close'",
    );
    expect(JSON.parse(audit!.after)).toMatchObject({
      closeId: z.closeId,
      zNumber: 1,
      variance: -5_00,
      status: 'short',
    });
    const [event] = rows<{ event_id: string; payload: string }>(
      "select event_id, payload from outbox where type = 'session.closed'",
    );
    expect(event!.event_id).toBe(z.closeId);
    expect(event!.event_id).not.toBe(sessionId);
    expect(JSON.parse(event!.payload)).toMatchObject({
      sessionId,
      zNumber: 1,
      counted: 5_260_00,
      variance: -5_00,
    });
  });

  it('numbers Z reports 1, 2 … across sessions and a counted total works as well as denominations', () => {
    t.openSession();
    expect(t.till.call('session.close', { countedTotal: 5_000_00 })).toMatchObject({
      zNumber: 1,
      variance: 0,
      varianceStatus: 'balanced',
    });
    t.till.call('session.open', { openingFloat: 2_000_00 });
    t.till.call('session.cashMovement', { kind: 'paid_in', amount: 10_00, reason: 'found in the till' });
    const z2 = t.till.call('session.close', { countedTotal: 2_020_00 });
    expect(z2).toMatchObject({
      zNumber: 2,
      zLabel: 'T01-Z0002',
      expected: 2_010_00,
      variance: 10_00,
      varianceStatus: 'over',
      denominations: null,
    });
  });

  it('records a blind close', () => {
    const sessionId = t.openSession();
    expect(t.till.call('session.close', { countedTotal: 5_000_00, blind: true }).blind).toBe(true);
    expect(
      rows<{ blind_close: number }>('select blind_close from cash_sessions where id = ?', sessionId)[0]!
        .blind_close,
    ).toBe(1);
  });

  it('refuses to close over an open sale and held sales, saying which, and writes nothing', () => {
    t.openSession();
    leaveSale('sugar', true);
    const open = leaveSale('milk', false);
    t.till.call('sale.addItem', { saleId: open, productId: t.demo.products['soda']!.id });
    const before = t.snapshot();
    const err = errorOf(() => t.till.call('session.close', { countedTotal: 5_000_00 }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe(
      'Finish or cancel an open sale with 2 line(s) and 1 held sale before closing the session.',
    );
    expect(t.snapshot()).toEqual(before);
    expect(t.till.call('session.current', {})?.status).toBe('open');
  });

  it('closes over a started sale that has no items yet', () => {
    t.openSession();
    t.till.call('sale.start', {});
    expect(t.till.call('session.close', { countedTotal: 5_000_00 }).zNumber).toBe(1);
  });

  it('rejects a count given both ways (or not at all), and an unknown note, writing nothing', () => {
    t.openSession();
    const before = t.snapshot();
    const both = errorOf(() =>
      t.till.call('session.close', { countedTotal: 5_000_00, denominations: COUNT_5260 }),
    );
    expect(both.code).toBe('VALIDATION_FAILED');
    expect(both.fieldErrors?.['countedTotal']).toEqual([
      'give the counted total or the denomination count (one of them)',
    ]);
    expect(errorOf(() => t.till.call('session.close', {})).code).toBe('VALIDATION_FAILED');
    expect(errorOf(() => t.till.call('session.close', { countedTotal: -1 })).code).toBe('VALIDATION_FAILED');
    const unknownNote = errorOf(() =>
      t.till.call('session.close', { denominations: [{ value: 300_00, count: 1 }] }),
    );
    expect(unknownNote.code).toBe('UNKNOWN_DENOMINATION');
    expect(t.snapshot()).toEqual(before);
  });

  it('needs an open session', () => {
    t.loginAs('cashier');
    expect(errorOf(() => t.till.call('session.close', { countedTotal: 0 })).code).toBe('NO_OPEN_SESSION');
  });

  it("lets a cashier close another cashier's session only with a manager's approval", () => {
    t.openSession('owner');
    t.loginAs('cashier');
    const before = t.snapshot();
    expect(errorOf(() => t.till.call('session.close', { countedTotal: 5_000_00 })).code).toBe(
      'APPROVAL_REQUIRED',
    );
    const wrongPin = errorOf(() =>
      t.till.call('session.close', {
        countedTotal: 5_000_00,
        approval: { ...managerApproval(), pin: '9999' },
      }),
    );
    expect(wrongPin.code).toBe('APPROVAL_INVALID');
    expect(t.snapshot()).toEqual(before);
    const z = t.till.call('session.close', { countedTotal: 5_000_00, approval: managerApproval() });
    expect(z.closedBy.id).toBe(t.demo.users.cashier.id);
    expect(
      rows<{ approved_by: string }>("select approved_by from audit_log where action = 'session_close'")[0]!
        .approved_by,
    ).toBe(t.demo.users.manager.id);
  });

  it('keeps the figures of a closed session after a restart', () => {
    t.openSession();
    completeSale(t, [{ product: 'milk', qtyMilli: 3000 }], [{ method: 'CASH', amount: 200_00 }]);
    const z = t.till.call('session.close', { countedTotal: 5_195_00 });
    t.restart();
    t.loginAs('cashier');
    expect(t.till.call('report.z', {})).toEqual(z);
  });
});
