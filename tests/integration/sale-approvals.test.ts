import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestTill, type TestTill } from '../support/test-till.js';
import { errorOf, rows, startSale } from './sale-support.js';

let t: TestTill;
let saleId: string;
let sugarLine: string;
let milkLine: string;

beforeEach(() => {
  t = createTestTill();
  saleId = startSale(t);
  sugarLine = t.till.call('sale.addItem', { saleId, code: 'SUG-001', qtyMilli: 2000 }).lines[0]!.id;
  milkLine = t.till.call('sale.addItem', { saleId, code: 'MLK-001' }).lines[1]!.id;
});
afterEach(() => {
  t.close();
});

const managerApproval = () => ({ managerId: t.demo.users.manager.id, pin: '2222' });

interface AuditRow {
  action: string;
  userId: string;
  approvedBy: string | null;
  reason: string | null;
  objectId: string;
  before: string | null;
  after: string | null;
}
const audits = (action: string) =>
  rows<AuditRow>(
    t,
    'select action, user_id as userId, approved_by as approvedBy, reason, object_id as objectId, before, after from audit_log where action = ?',
    action,
  ).map((a) => ({
    ...a,
    before: JSON.parse(a.before ?? 'null') as unknown,
    after: JSON.parse(a.after ?? 'null') as unknown,
  }));

describe('line discounts', () => {
  it('needs a manager: an employee without approval gets APPROVAL_REQUIRED and nothing changes', () => {
    const before = t.snapshot();
    const err = errorOf(() =>
      t.till.call('sale.setLineDiscount', {
        saleId,
        lineId: sugarLine,
        discount: { kind: 'percent', basisPoints: 1000 },
        reason: 'damaged pack',
      }),
    );
    expect(err.code).toBe('APPROVAL_REQUIRED');
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses a wrong manager PIN with APPROVAL_INVALID', () => {
    const before = t.snapshot();
    const err = errorOf(() =>
      t.till.call('sale.setLineDiscount', {
        saleId,
        lineId: sugarLine,
        discount: { kind: 'percent', basisPoints: 1000 },
        reason: 'damaged pack',
        approval: { managerId: t.demo.users.manager.id, pin: '9999' },
      }),
    );
    expect(err.code).toBe('APPROVAL_INVALID');
    expect(t.snapshot()).toEqual(before);
  });

  it("does not accept a cashier's own PIN as an approval", () => {
    const err = errorOf(() =>
      t.till.call('sale.setLineDiscount', {
        saleId,
        lineId: sugarLine,
        discount: { kind: 'amount', amount: 100 },
        reason: 'loyal customer',
        approval: { managerId: t.demo.users.cashier.id, pin: '3333' },
      }),
    );
    expect(err.code).toBe('APPROVAL_INVALID');
  });

  it('applies with a manager approval, reprices VAT and is audited with the reason and approver', () => {
    const sale = t.till.call('sale.setLineDiscount', {
      saleId,
      lineId: sugarLine,
      discount: { kind: 'percent', basisPoints: 1000 },
      reason: 'damaged pack',
      approval: managerApproval(),
    });
    // 2 × 165.00 = 330.00 − 10 % = 297.00; VAT 16/116 of it = 40.97
    expect(sale.lines[0]).toMatchObject({
      lineDiscount: 3300,
      gross: 29700,
      tax: 4097,
      discount: { kind: 'percent', basisPoints: 1000 },
      discountReason: 'damaged pack',
    });
    expect(sale.totals.total).toBe(29700 + 6500);
    expect(audits('line_discount')).toEqual([
      {
        action: 'line_discount',
        userId: t.demo.users.cashier.id,
        approvedBy: t.demo.users.manager.id,
        reason: 'damaged pack',
        objectId: saleId,
        before: { lineId: sugarLine, name: 'Kabras Sugar 1kg', discount: null },
        after: {
          lineId: sugarLine,
          name: 'Kabras Sugar 1kg',
          discount: { kind: 'percent', basisPoints: 1000 },
          amount: 3300,
        },
      },
    ]);
    expect(
      rows(
        t,
        "select seq from outbox where type = 'audit.recorded' and json_extract(payload, '$.action') = 'line_discount'",
      ),
    ).toHaveLength(1);
  });

  it('lets a logged-in manager discount without a PIN', () => {
    t.loginAs('manager');
    const sale = t.till.call('sale.setLineDiscount', {
      saleId,
      lineId: milkLine,
      discount: { kind: 'amount', amount: 500 },
      reason: 'near expiry',
    });
    expect(sale.lines[1]?.gross).toBe(6000);
    expect(audits('line_discount')[0]).toMatchObject({
      userId: t.demo.users.manager.id,
      approvedBy: t.demo.users.manager.id,
    });
  });

  it('needs a reason, and a discount may not exceed the line', () => {
    const noReason = errorOf(() =>
      t.till.call('sale.setLineDiscount', {
        saleId,
        lineId: milkLine,
        discount: { kind: 'amount', amount: 500 },
        approval: managerApproval(),
      }),
    );
    expect(noReason.code).toBe('VALIDATION_FAILED');
    expect(noReason.fieldErrors).toHaveProperty('reason');
    const before = t.snapshot();
    const tooMuch = errorOf(() =>
      t.till.call('sale.setLineDiscount', {
        saleId,
        lineId: milkLine,
        discount: { kind: 'amount', amount: 7000 },
        reason: 'too generous',
        approval: managerApproval(),
      }),
    );
    expect(tooMuch.code).toBe('DISCOUNT_EXCEEDS_LINE');
    expect(t.snapshot()).toEqual(before);
  });

  it('removes a discount without approval', () => {
    t.till.call('sale.setLineDiscount', {
      saleId,
      lineId: milkLine,
      discount: { kind: 'amount', amount: 500 },
      reason: 'near expiry',
      approval: managerApproval(),
    });
    const sale = t.till.call('sale.setLineDiscount', { saleId, lineId: milkLine, discount: null });
    expect(sale.lines[1]).toMatchObject({ lineDiscount: 0, gross: 6500, discount: null });
  });
});

describe('cart discount', () => {
  it('spreads an amount over the lines (largest remainder) and is audited', () => {
    expect(
      errorOf(() =>
        t.till.call('sale.setCartDiscount', {
          saleId,
          discount: { kind: 'amount', amount: 5000 },
          reason: 'bulk buy',
        }),
      ).code,
    ).toBe('APPROVAL_REQUIRED');
    const sale = t.till.call('sale.setCartDiscount', {
      saleId,
      discount: { kind: 'amount', amount: 5000 },
      reason: 'bulk buy',
      approval: managerApproval(),
    });
    expect(sale.totals).toMatchObject({ subtotal: 39500, cartDiscountTotal: 5000, total: 34500 });
    // 50.00 over 330.00 and 65.00: 41.77 and 8.23
    expect(sale.lines.map((l) => l.cartDiscountShare)).toEqual([4177, 823]);
    expect(sale.cartDiscount).toEqual({ kind: 'amount', amount: 5000 });
    expect(audits('cart_discount')).toEqual([
      expect.objectContaining({
        approvedBy: t.demo.users.manager.id,
        reason: 'bulk buy',
        before: { discount: null },
        after: { discount: { kind: 'amount', amount: 5000 }, amount: 5000 },
      }),
    ]);
  });
});

describe('price override', () => {
  it('needs a manager approval and a reason; audited with before and after', () => {
    const before = t.snapshot();
    expect(
      errorOf(() =>
        t.till.call('sale.overridePrice', {
          saleId,
          lineId: sugarLine,
          unitPrice: 15000,
          reason: 'price match',
        }),
      ).code,
    ).toBe('APPROVAL_REQUIRED');
    expect(
      errorOf(() =>
        t.till.call('sale.overridePrice', {
          saleId,
          lineId: sugarLine,
          unitPrice: 15000,
          reason: 'price match',
          approval: { managerId: t.demo.users.owner.id, pin: '0000' },
        }),
      ).code,
    ).toBe('APPROVAL_INVALID');
    expect(t.snapshot()).toEqual(before);

    const sale = t.till.call('sale.overridePrice', {
      saleId,
      lineId: sugarLine,
      unitPrice: 15000,
      reason: 'price match',
      approval: managerApproval(),
    });
    expect(sale.lines[0]).toMatchObject({
      listUnitPrice: 16500,
      unitPrice: 15000,
      overridden: true,
      overrideReason: 'price match',
      gross: 30000,
    });
    expect(audits('price_override')).toEqual([
      expect.objectContaining({
        userId: t.demo.users.cashier.id,
        approvedBy: t.demo.users.manager.id,
        reason: 'price match',
        before: { lineId: sugarLine, name: 'Kabras Sugar 1kg', listUnitPrice: 16500, unitPrice: 16500 },
        after: { lineId: sugarLine, name: 'Kabras Sugar 1kg', listUnitPrice: 16500, unitPrice: 15000 },
      }),
    ]);
  });

  it('does not merge another scan of the product into an overridden line', () => {
    t.till.call('sale.overridePrice', {
      saleId,
      lineId: sugarLine,
      unitPrice: 15000,
      reason: 'price match',
      approval: managerApproval(),
    });
    const sale = t.till.call('sale.addItem', { saleId, code: 'SUG-001' });
    expect(sale.lines.map((l) => [l.name, l.qtyMilli, l.unitPrice])).toEqual([
      ['Kabras Sugar 1kg', 2000, 15000],
      ['Brookside Milk 500ml', 1000, 6500],
      ['Kabras Sugar 1kg', 1000, 16500],
    ]);
  });
});

describe('void line', () => {
  it('removes a line only with approval; audited with what was removed', () => {
    const before = t.snapshot();
    expect(
      errorOf(() =>
        t.till.call('sale.voidLine', { saleId, lineId: sugarLine, reason: 'customer changed mind' }),
      ).code,
    ).toBe('APPROVAL_REQUIRED');
    expect(t.snapshot()).toEqual(before);
    const sale = t.till.call('sale.voidLine', {
      saleId,
      lineId: sugarLine,
      reason: 'customer changed mind',
      approval: managerApproval(),
    });
    expect(sale.lines.map((l) => l.name)).toEqual(['Brookside Milk 500ml']);
    expect(sale.lines[0]?.lineNo).toBe(1);
    expect(sale.totals.total).toBe(6500);
    expect(audits('void_line')).toEqual([
      expect.objectContaining({
        approvedBy: t.demo.users.manager.id,
        reason: 'customer changed mind',
        before: expect.objectContaining({
          lineId: sugarLine,
          name: 'Kabras Sugar 1kg',
          qtyMilli: 2000,
          unitPrice: 16500,
          gross: 33000,
        }),
        after: { total: 6500 },
      }),
    ]);
  });

  it('needs a reason', () => {
    const err = errorOf(() =>
      t.till.call('sale.voidLine', { saleId, lineId: sugarLine, reason: '', approval: managerApproval() }),
    );
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.fieldErrors).toHaveProperty('reason');
  });
});
