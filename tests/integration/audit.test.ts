import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestTill, type TestTill } from '../support/test-till.js';
import { errorOf } from '../support/errors.js';

let t: TestTill;
beforeEach(() => {
  t = createTestTill();
});
afterEach(() => {
  t.close();
});

/** 08:00 cashier logs in and asks for +10 soap; 09:00 the manager logs in and approves it. */
function morning(): { adjustmentId: string } {
  t.loginAs('cashier');
  const { id } = t.till.call('stock.requestAdjustment', {
    productId: t.demo.products.soap!.id,
    qtyDeltaMilli: 10_000,
    reason: 'delivery in the store room',
  });
  t.clock.advance(3_600_000);
  t.loginAs('manager');
  t.till.call('stock.approveAdjustment', { adjustmentId: id });
  return { adjustmentId: id };
}

describe('audit.list', () => {
  it('shows a manager what happened, newest first, with who did it and who approved', () => {
    const { adjustmentId } = morning();
    const log = t.till.call('audit.list', {});
    expect(log.items.map((e) => [e.action, e.userName])).toEqual([
      ['stock_adjustment_approve', 'Otieno Manager'],
      ['login', 'Otieno Manager'],
      ['stock_adjustment_request', 'Achieng Cashier'],
      ['login', 'Achieng Cashier'],
    ]);
    expect(log.total).toBe(4);
    const approve = log.items[0]!;
    expect(approve).toMatchObject({
      model: 'stock_adjustment',
      objectId: adjustmentId,
      approvedBy: t.demo.users.manager.id,
      approvedByName: 'Otieno Manager',
      terminalId: t.demo.terminalId,
      reason: 'delivery in the store room',
      before: { status: 'pending', onHandMilli: 3000 },
      after: { status: 'approved', onHandMilli: 13_000 },
      createdAt: '2026-11-25T09:00:00.000Z',
    });
  });

  it('filters by action, user, object and time window, and pages', () => {
    const { adjustmentId } = morning();
    const cashier = t.demo.users.cashier.id;
    expect(t.till.call('audit.list', { action: 'login' }).items.map((e) => e.userName)).toEqual([
      'Otieno Manager',
      'Achieng Cashier',
    ]);
    expect(t.till.call('audit.list', { userId: cashier }).items.map((e) => e.action)).toEqual([
      'stock_adjustment_request',
      'login',
    ]);
    expect(t.till.call('audit.list', { objectId: adjustmentId }).items.map((e) => e.action)).toEqual([
      'stock_adjustment_approve',
      'stock_adjustment_request',
    ]);
    expect(t.till.call('audit.list', { from: '2026-11-25T08:30:00Z' }).total).toBe(2);
    expect(
      t.till.call('audit.list', { to: '2026-11-25T11:30:00+03:00' }).items.map((e) => e.userName),
    ).toEqual(['Achieng Cashier', 'Achieng Cashier']);
    expect(
      t.till.call('audit.list', { action: 'login', userId: cashier, from: '2026-11-25T08:30:00Z' }).total,
    ).toBe(0);
    const page2 = t.till.call('audit.list', { limit: 3, offset: 3 });
    expect(page2).toMatchObject({ total: 4, limit: 3, offset: 3 });
    expect(page2.items.map((e) => e.action)).toEqual(['login']);
  });

  it('is closed to employees and to nobody-logged-in', () => {
    expect(errorOf(() => t.till.call('audit.list', {})).code).toBe('NOT_AUTHENTICATED');
    t.loginAs('cashier');
    const err = errorOf(() => t.till.call('audit.list', {}));
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toContain('manager');
  });

  it('the owner reads it too, and reading it writes nothing', () => {
    morning();
    t.loginAs('owner');
    const before = t.snapshot();
    expect(t.till.call('audit.list', { limit: 1 }).items[0]!.action).toBe('login');
    expect(t.snapshot()).toEqual(before);
  });

  it('rejects bad filters with field errors', () => {
    t.loginAs('manager');
    const window = errorOf(() =>
      t.till.call('audit.list', { from: '2026-11-26T00:00:00Z', to: '2026-11-25T00:00:00Z' }),
    );
    expect(window.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(window.fieldErrors ?? {})).toEqual(['from']);
    const bad = errorOf(() =>
      t.till.call('audit.list', { userId: 'cashier', from: 'yesterday', limit: 1000 }),
    );
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['from', 'limit', 'userId']);
    expect(errorOf(() => t.till.call('audit.list', { model: 'user' } as never)).code).toBe(
      'VALIDATION_FAILED',
    );
  });
});
