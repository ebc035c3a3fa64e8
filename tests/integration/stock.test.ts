import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TillEvent } from '../../src-shared/contract/events.js';
import { onHandMilliMany } from '../../src-main/services/stock-levels.js';
import { createTestTill, type TestTill } from '../support/test-till.js';
import { errorOf } from '../support/errors.js';

let t: TestTill;
beforeEach(() => {
  t = createTestTill();
});
afterEach(() => {
  t.close();
});

function rows<T>(sql: string, params: object = {}): T[] {
  return t.till.ledger.raw.prepare(sql).all(params) as T[];
}

/** A cashier asks for a correction; returns the request id. */
function cashierRequests(productKey: string, qtyDeltaMilli: number, reason = 'shelf count differs'): string {
  t.loginAs('cashier');
  const productId = t.demo.products[productKey]!.id;
  return t.till.call('stock.requestAdjustment', { productId, qtyDeltaMilli, reason }).id;
}

function events(): TillEvent[] {
  const seen: TillEvent[] = [];
  t.till.subscribe((e) => seen.push(e));
  return seen;
}

describe('stock levels', () => {
  it('shows soap (3 on hand, reorder at 5) as low, bread (0) as out, sugar as ok', () => {
    t.loginAs('cashier');
    const soap = t.till.call('stock.level', { productId: t.demo.products.soap!.id });
    expect(soap).toEqual({
      productId: t.demo.products.soap!.id,
      sku: 'SOP-001',
      name: 'Omo Washing Powder 1kg',
      onHandMilli: 3000,
      reorderLevelMilli: 5000,
      trackStock: true,
      status: 'low',
    });
    expect(t.till.call('stock.level', { productId: t.demo.products.bread!.id })).toMatchObject({
      onHandMilli: 0,
      status: 'out',
    });
    expect(t.till.call('stock.level', { productId: t.demo.products.sugar!.id })).toMatchObject({
      onHandMilli: 50_000,
      status: 'ok',
    });
  });

  it('reports a product that is not stock-tracked (airtime) as ok, never out', () => {
    t.loginAs('cashier');
    expect(t.till.call('stock.level', { productId: t.demo.products.airtime!.id })).toMatchObject({
      trackStock: false,
      status: 'ok',
    });
  });

  it('needs a login, a UUID and an existing product', () => {
    expect(errorOf(() => t.till.call('stock.level', { productId: t.demo.products.soap!.id })).code).toBe(
      'NOT_AUTHENTICATED',
    );
    t.loginAs('cashier');
    const bad = errorOf(() => t.till.call('stock.level', { productId: 'soap' }));
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(bad.fieldErrors ?? {})).toEqual(['productId']);
    expect(
      errorOf(() => t.till.call('stock.level', { productId: '00000000-0000-7000-8000-000000000000' })).code,
    ).toBe('NOT_FOUND');
  });

  it('lists low-stock products by name: soap is there, bread (out) and airtime (untracked) are not', () => {
    t.loginAs('cashier');
    const low = t.till.call('stock.lowStock', { limit: 500 });
    const skus = low.items.map((i) => i.sku);
    expect(skus).toContain('SOP-001');
    expect(skus).not.toContain('BRD-001');
    expect(skus).not.toContain('AIR-100');
    expect(low.total).toBe(low.items.length);
    for (const item of low.items) {
      expect(item.status).toBe('low');
      expect(item.onHandMilli).toBeGreaterThan(0);
      expect(item.onHandMilli).toBeLessThanOrEqual(item.reorderLevelMilli);
    }
    const names = low.items.map((i) => i.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('lists out-of-stock products: bread is there, the inactive and the untracked are not', () => {
    t.loginAs('cashier');
    const out = t.till.call('stock.outOfStock', {});
    const skus = out.items.map((i) => i.sku);
    expect(skus).toContain('BRD-001');
    expect(skus).not.toContain('AIR-100');
    expect(skus).not.toContain('BAG-001');
    expect(
      out.items.every((i) => i.onHandMilli <= 0 && (i.status === 'out' || i.status === 'oversold')),
    ).toBe(true);
  });

  it('pages the low-stock list with limit and offset', () => {
    t.loginAs('cashier');
    const all = t.till.call('stock.lowStock', { limit: 500 });
    const first = t.till.call('stock.lowStock', { limit: 1, offset: 0 });
    const second = t.till.call('stock.lowStock', { limit: 1, offset: 1 });
    expect(first.items).toEqual(all.items.slice(0, 1));
    expect(second.items).toEqual(all.items.slice(1, 2));
    expect(first.total).toBe(all.total);
    expect(t.till.call('stock.lowStock', { offset: 400 })).toEqual({
      items: [],
      total: all.total,
      limit: 50,
      offset: 400,
    });
    expect(errorOf(() => t.till.call('stock.lowStock', { limit: 0 })).code).toBe('VALIDATION_FAILED');
  });

  it('agrees with a product-by-product count on a 5,000-product catalog', () => {
    const big = createTestTill({ products: 5000 });
    try {
      big.loginAs('cashier');
      const ids = big.till.ledger.raw
        .prepare('select id, reorder_level as r from products where track_stock = 1 and is_active = 1')
        .all() as {
        id: string;
        r: number;
      }[];
      const levels = onHandMilliMany(
        big.till.ledger.read,
        ids.map((p) => p.id),
      );
      const expectedLow = ids.filter(
        (p) => (levels.get(p.id) ?? 0) > 0 && (levels.get(p.id) ?? 0) <= p.r,
      ).length;
      const expectedOut = ids.filter((p) => (levels.get(p.id) ?? 0) <= 0).length;
      const low = big.till.call('stock.lowStock', { limit: 10 });
      expect(low.items).toHaveLength(10);
      expect(low.total).toBe(expectedLow);
      expect(big.till.call('stock.outOfStock', { limit: 10 }).total).toBe(expectedOut);
    } finally {
      big.close();
    }
  });
});

describe('stock adjustments', () => {
  it('an employee request is pending and audited, and moves no stock', () => {
    const id = cashierRequests('soap', 10_000, 'delivery found in the store room');
    const pending = rows<{ status: string; requested_by: string }>(
      'select status, requested_by from stock_adjustments where id = @id',
      { id },
    );
    expect(pending).toEqual([{ status: 'pending', requested_by: t.demo.users.cashier.id }]);
    expect(t.till.call('stock.level', { productId: t.demo.products.soap!.id }).onHandMilli).toBe(3000);
    expect(rows('select * from stock_movements')).toHaveLength(0);
    expect(rows<{ action: string }>('select action from audit_log where object_id = @id', { id })).toEqual([
      { action: 'stock_adjustment_request' },
    ]);
  });

  it('approving +10 soap brings it from 3 (low) to 13 (ok) with a movement and an outbox event', () => {
    const id = cashierRequests('soap', 10_000);
    t.loginAs('manager');
    const seen = events();
    const decision = t.till.call('stock.approveAdjustment', {
      adjustmentId: id,
      note: 'checked the delivery note',
    });
    expect(decision.level).toMatchObject({ onHandMilli: 13_000, status: 'ok' });
    expect(decision.adjustment).toMatchObject({
      status: 'approved',
      qtyDeltaMilli: 10_000,
      requestedByName: 'Achieng Cashier',
      decidedBy: t.demo.users.manager.id,
      decidedByName: 'Otieno Manager',
      decisionNote: 'checked the delivery note',
    });
    const movements = rows<Record<string, unknown>>('select * from stock_movements');
    expect(movements).toEqual([
      expect.objectContaining({
        id: decision.adjustment.movementId,
        product_id: t.demo.products.soap!.id,
        qty_delta_milli: 10_000,
        reason: 'adjustment',
        reference_type: 'stock_adjustment',
        reference_id: id,
        acked_at: null,
      }),
    ]);
    const outbox = rows<{ type: string; payload: string }>(
      'select type, payload from outbox where event_id = @e',
      {
        e: decision.adjustment.movementId,
      },
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.type).toBe('stock.adjusted');
    expect(JSON.parse(outbox[0]!.payload)).toMatchObject({
      adjustment: { id, status: 'approved' },
      movement: { qtyDeltaMilli: 10_000 },
    });
    const audit = rows<{ approved_by: string }>(
      "select approved_by from audit_log where action = 'stock_adjustment_approve'",
    );
    expect(audit).toEqual([{ approved_by: t.demo.users.manager.id }]);
    expect(seen.filter((e) => e.type === 'stock.alert')).toEqual([]);
    expect(t.till.call('stock.lowStock', { limit: 500 }).items.map((i) => i.sku)).not.toContain('SOP-001');
    t.restart();
    t.loginAs('cashier');
    expect(t.till.call('stock.level', { productId: t.demo.products.soap!.id }).onHandMilli).toBe(13_000);
  });

  it('raises a stock alert when an approved adjustment leaves stock low, out or oversold', () => {
    const soapId = cashierRequests('soap', -2000, 'two packets torn');
    const breadId = cashierRequests('bread', -1000, 'counted one loaf sold twice');
    t.loginAs('manager');
    const seen = events();
    t.till.call('stock.approveAdjustment', { adjustmentId: soapId });
    const bread = t.till.call('stock.approveAdjustment', { adjustmentId: breadId });
    expect(bread.level).toMatchObject({ onHandMilli: -1000, status: 'oversold' });
    expect(seen.filter((e) => e.type === 'stock.alert').map((e) => e.payload)).toEqual([
      expect.objectContaining({ sku: 'SOP-001', onHandMilli: 1000, reorderLevelMilli: 5000, kind: 'low' }),
      expect.objectContaining({ sku: 'BRD-001', onHandMilli: -1000, kind: 'oversold' }),
    ]);
    expect(t.till.call('stock.outOfStock', {}).items.find((i) => i.sku === 'BRD-001')?.status).toBe(
      'oversold',
    );
  });

  it('rejecting leaves the stock as it was and records who decided', () => {
    const id = cashierRequests('soap', 10_000);
    t.loginAs('manager');
    const decision = t.till.call('stock.rejectAdjustment', { adjustmentId: id, note: 'no delivery today' });
    expect(decision.adjustment).toMatchObject({
      status: 'rejected',
      decisionNote: 'no delivery today',
      movementId: null,
    });
    expect(decision.level).toMatchObject({ onHandMilli: 3000, status: 'low' });
    expect(rows('select * from stock_movements')).toHaveLength(0);
    expect(
      rows<{ action: string }>(
        "select action from audit_log where action like 'stock_adjustment_%' order by rowid",
      ),
    ).toEqual([{ action: 'stock_adjustment_request' }, { action: 'stock_adjustment_reject' }]);
  });

  it('a decided request cannot be decided again (CONFLICT) and nothing is written', () => {
    const id = cashierRequests('soap', 10_000);
    t.loginAs('manager');
    t.till.call('stock.approveAdjustment', { adjustmentId: id });
    const before = t.snapshot();
    expect(errorOf(() => t.till.call('stock.approveAdjustment', { adjustmentId: id })).code).toBe('CONFLICT');
    expect(errorOf(() => t.till.call('stock.rejectAdjustment', { adjustmentId: id })).code).toBe('CONFLICT');
    expect(t.snapshot()).toEqual(before);
    expect(t.till.call('stock.level', { productId: t.demo.products.soap!.id }).onHandMilli).toBe(13_000);
  });

  it('a cashier cannot approve or reject; an unknown request is NOT_FOUND', () => {
    const id = cashierRequests('soap', 10_000);
    const before = t.snapshot();
    expect(errorOf(() => t.till.call('stock.approveAdjustment', { adjustmentId: id })).code).toBe(
      'FORBIDDEN',
    );
    expect(errorOf(() => t.till.call('stock.rejectAdjustment', { adjustmentId: id })).code).toBe('FORBIDDEN');
    expect(errorOf(() => t.till.call('stock.pendingAdjustments', {})).code).toBe('FORBIDDEN');
    expect(t.snapshot()).toEqual(before);
    t.loginAs('manager');
    expect(
      errorOf(() =>
        t.till.call('stock.approveAdjustment', { adjustmentId: '00000000-0000-7000-8000-000000000000' }),
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('nobody approves their own request except the owner; a manager may withdraw their own', () => {
    t.loginAs('manager');
    const productId = t.demo.products.sugar!.id;
    const own = t.till.call('stock.requestAdjustment', {
      productId,
      qtyDeltaMilli: -5000,
      reason: 'expired',
    });
    const before = t.snapshot();
    const err = errorOf(() => t.till.call('stock.approveAdjustment', { adjustmentId: own.id }));
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toContain('own');
    expect(t.snapshot()).toEqual(before);
    t.loginAs('owner');
    expect(t.till.call('stock.approveAdjustment', { adjustmentId: own.id }).level.onHandMilli).toBe(45_000);
    const ownerOwn = t.till.call('stock.requestAdjustment', {
      productId,
      qtyDeltaMilli: 1000,
      reason: 'found one',
    });
    expect(t.till.call('stock.approveAdjustment', { adjustmentId: ownerOwn.id }).level.onHandMilli).toBe(
      46_000,
    );
    t.loginAs('manager');
    const withdrawn = t.till.call('stock.requestAdjustment', {
      productId,
      qtyDeltaMilli: 1000,
      reason: 'miscounted',
    });
    expect(t.till.call('stock.rejectAdjustment', { adjustmentId: withdrawn.id }).adjustment.status).toBe(
      'rejected',
    );
  });

  it('refuses bad requests with field errors and writes nothing', () => {
    t.loginAs('cashier');
    const productId = t.demo.products.soap!.id;
    const before = t.snapshot();
    const zero = errorOf(() =>
      t.till.call('stock.requestAdjustment', { productId, qtyDeltaMilli: 0, reason: 'count' }),
    );
    expect(zero.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(zero.fieldErrors ?? {})).toEqual(['qtyDeltaMilli']);
    const fraction = errorOf(() =>
      t.till.call('stock.requestAdjustment', { productId, qtyDeltaMilli: 1.5, reason: 'x' }),
    );
    expect(Object.keys(fraction.fieldErrors ?? {}).sort()).toEqual(['qtyDeltaMilli', 'reason']);
    const extra = errorOf(() =>
      t.till.call('stock.requestAdjustment', {
        productId,
        qtyDeltaMilli: 1000,
        reason: 'count',
        approvedBy: 'me',
      } as never),
    );
    expect(extra.code).toBe('VALIDATION_FAILED');
    const untracked = errorOf(() =>
      t.till.call('stock.requestAdjustment', {
        productId: t.demo.products.airtime!.id,
        qtyDeltaMilli: 1000,
        reason: 'count',
      }),
    );
    expect(untracked.code).toBe('VALIDATION_FAILED');
    expect(untracked.message).toContain('not stock-tracked');
    const missing = errorOf(() =>
      t.till.call('stock.requestAdjustment', {
        productId: '00000000-0000-7000-8000-000000000000',
        qtyDeltaMilli: 1000,
        reason: 'count',
      }),
    );
    expect(missing.code).toBe('NOT_FOUND');
    expect(t.snapshot()).toEqual(before);
  });

  it("lists pending requests oldest first for the manager's approvals queue", () => {
    const first = cashierRequests('soap', 10_000);
    t.clock.advance(60_000);
    const second = cashierRequests('bread', 24_000, 'morning delivery');
    t.loginAs('manager');
    const queue = t.till.call('stock.pendingAdjustments', {});
    expect(queue.total).toBe(2);
    expect(queue.items.map((a) => [a.id, a.sku, a.requestedByName])).toEqual([
      [first, 'SOP-001', 'Achieng Cashier'],
      [second, 'BRD-001', 'Achieng Cashier'],
    ]);
    t.till.call('stock.rejectAdjustment', { adjustmentId: first });
    expect(t.till.call('stock.pendingAdjustments', {}).items.map((a) => a.id)).toEqual([second]);
  });
});

describe('stock movements', () => {
  it('lists movements newest first, filtered by product and time, for managers only', () => {
    const a = cashierRequests('soap', 10_000);
    const b = cashierRequests('bread', 24_000);
    t.loginAs('manager');
    t.till.call('stock.approveAdjustment', { adjustmentId: a });
    t.clock.advance(3_600_000);
    const later = t.clock.now().toISOString();
    t.till.call('stock.approveAdjustment', { adjustmentId: b });

    const all = t.till.call('stock.movements', {});
    expect(all.total).toBe(2);
    expect(all.items.map((m) => [m.sku, m.qtyDeltaMilli, m.reason, m.userName])).toEqual([
      ['BRD-001', 24_000, 'adjustment', 'Otieno Manager'],
      ['SOP-001', 10_000, 'adjustment', 'Otieno Manager'],
    ]);
    expect(
      t.till.call('stock.movements', { productId: t.demo.products.soap!.id }).items.map((m) => m.referenceId),
    ).toEqual([a]);
    expect(t.till.call('stock.movements', { from: later }).items.map((m) => m.sku)).toEqual(['BRD-001']);
    expect(t.till.call('stock.movements', { to: later }).items.map((m) => m.sku)).toEqual(['SOP-001']);
    // The same instant written with Nairobi's offset selects the same movements.
    const nairobi = new Date(Date.parse(later) + 3 * 3_600_000).toISOString().replace('Z', '+03:00');
    expect(t.till.call('stock.movements', { from: nairobi }).items.map((m) => m.sku)).toEqual(['BRD-001']);
    expect(t.till.call('stock.movements', { limit: 1, offset: 1 }).items.map((m) => m.sku)).toEqual([
      'SOP-001',
    ]);
    const backwards = errorOf(() =>
      t.till.call('stock.movements', { from: later, to: '2020-01-01T00:00:00Z' }),
    );
    expect(backwards.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(backwards.fieldErrors ?? {})).toEqual(['from']);

    t.loginAs('cashier');
    expect(errorOf(() => t.till.call('stock.movements', {})).code).toBe('FORBIDDEN');
  });
});
