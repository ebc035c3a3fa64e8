import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TillEvent } from '../../src-shared/contract/events.js';
import { newId } from '../../src-shared/domain/ids.js';
import { onHandMilli } from '../../src-main/services/stock-levels.js';
import { completeSale, voidSale } from '../support/sale-fixture.js';
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

const approval = () => ({ managerId: t.demo.users.manager.id, pin: '2222' });

/** Three sugars with 0.01 off the line: 494.99, which does not split evenly in three. */
function threeSugars() {
  return completeSale(
    t,
    [{ product: 'sugar', qtyMilli: 3000, discount: { kind: 'amount', amount: 1 } }],
    [{ method: 'CASH', amount: 500_00 }],
  );
}

describe('refund.create', () => {
  it('refunds a 3-unit line as 1 then 2 for exactly the line total, then refuses a third refund', () => {
    t.openSession();
    const sale = threeSugars();
    const line = sale.lines[0]!;
    expect(line.gross).toBe(494_99);

    const first = t.till.call('refund.create', {
      receiptNumber: sale.receiptNumber,
      lines: [{ saleLineId: line.id, qtyMilli: 1000 }],
      reason: 'torn packet',
      approval: approval(),
    });
    expect(first).toMatchObject({
      refundNumber: 'T01-R000001',
      receiptNumber: sale.receiptNumber,
      total: 165_00,
    });
    expect(first.lines[0]).toMatchObject({
      name: 'Kabras Sugar 1kg',
      qtyMilli: 1000,
      gross: 165_00,
      tax: 22_76,
      net: 142_24,
      band: 'B',
    });

    const second = t.till.call('refund.create', {
      receiptNumber: sale.receiptNumber,
      lines: [{ saleLineId: line.id, qtyMilli: 2000 }],
      reason: 'customer returned the rest',
      approval: approval(),
    });
    expect(second.refundNumber).toBe('T01-R000002');
    expect(first.total + second.total).toBe(line.gross);
    expect(first.lines[0]!.tax + second.lines[0]!.tax).toBe(line.tax);
    expect(first.lines[0]!.net + second.lines[0]!.net).toBe(line.net);

    const before = t.snapshot();
    const third = errorOf(() =>
      t.till.call('refund.create', {
        receiptNumber: sale.receiptNumber,
        lines: [{ saleLineId: line.id, qtyMilli: 1000 }],
        reason: 'again',
        approval: approval(),
      }),
    );
    expect(third.code).toBe('REFUND_EXCEEDS_SOLD');
    expect(third.message).toBe('"Kabras Sugar 1kg" has already been refunded in full (3 sold).');
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses more than is left on a line, naming the line and what is left', () => {
    t.openSession();
    const sale = threeSugars();
    t.till.call('refund.create', {
      saleId: sale.id,
      lines: [{ saleLineId: sale.lines[0]!.id, qtyMilli: 2000 }],
      reason: 'damaged',
      approval: approval(),
    });
    const err = errorOf(() =>
      t.till.call('refund.create', {
        saleId: sale.id,
        lines: [{ saleLineId: sale.lines[0]!.id, qtyMilli: 1500 }],
        reason: 'damaged',
        approval: approval(),
      }),
    );
    expect(err.code).toBe('REFUND_EXCEEDS_SOLD');
    expect(err.message).toBe('Only 1 of "Kabras Sugar 1kg" can still be refunded (3 sold, 2 refunded).');
  });

  it('pays an M-Pesa sale back to M-Pesa with the original reference, and a split sale back over both tenders', () => {
    t.openSession();
    const mpesa = completeSale(
      t,
      [{ product: 'soda', qtyMilli: 2000 }],
      [{ method: 'MPESA', amount: 160_00, reference: 'QK12345678' }],
    );
    const refund = t.till.call('refund.create', {
      receiptNumber: mpesa.receiptNumber,
      lines: [{ saleLineId: mpesa.lines[0]!.id, qtyMilli: 1000 }],
      tender: 'original',
      reason: 'flat soda',
      approval: approval(),
    });
    expect(refund.payments).toEqual([
      { id: expect.any(String), method: 'MPESA', amount: 80_00, reference: 'QK12345678' },
    ]);

    // 330.00 paid 200.00 by M-Pesa and 200.00 cash (130.00 after 70.00 change): a full refund goes back the same way.
    const split = completeSale(
      t,
      [{ product: 'sugar', qtyMilli: 2000 }],
      [
        { method: 'MPESA', amount: 200_00, reference: 'QK99999999' },
        { method: 'CASH', amount: 200_00 },
      ],
    );
    const back = t.till.call('refund.create', {
      saleId: split.id,
      lines: [{ saleLineId: split.lines[0]!.id, qtyMilli: 2000 }],
      reason: 'wrong sugar',
      approval: approval(),
    });
    expect(back.payments.map((p) => [p.method, p.amount, p.reference])).toEqual([
      ['MPESA', 200_00, 'QK99999999'],
      ['CASH', 130_00, null],
    ]);
  });

  it('pays back in cash when asked, even for an M-Pesa sale, and cash refunds leave the drawer', () => {
    t.openSession();
    const sale = completeSale(
      t,
      [{ product: 'soda' }],
      [{ method: 'MPESA', amount: 80_00, reference: 'QK12345678' }],
    );
    const events: TillEvent[] = [];
    t.till.subscribe((e) => events.push(e));
    const refund = t.till.call('refund.create', {
      saleId: sale.id,
      lines: [{ saleLineId: sale.lines[0]!.id, qtyMilli: 1000 }],
      tender: 'cash',
      reason: 'flat soda',
      approval: approval(),
    });
    expect(refund.payments.map((p) => [p.method, p.amount])).toEqual([['CASH', 80_00]]);
    expect(t.till.call('report.x', {}).drawer.expected).toBe(5_000_00 - 80_00);
    expect(events.filter((e) => e.type === 'drawer.kick').map((e) => e.payload)).toEqual([
      { cause: 'refund', documentId: refund.id, at: refund.createdAt },
    ]);
  });

  it("puts tracked goods back in stock (not untracked ones) and splits tax with each line's class", () => {
    t.openSession();
    const sugarBefore = onHandMilli(t.till.ledger.read, t.demo.products['sugar']!.id);
    const sale = completeSale(
      t,
      [{ product: 'sugar', qtyMilli: 2000 }, { product: 'paraffin' }, { product: 'airtime' }],
      [{ method: 'CASH', amount: 580_00 }],
    );
    expect(onHandMilli(t.till.ledger.read, t.demo.products['sugar']!.id)).toBe(sugarBefore - 2000);
    const refund = t.till.call('refund.create', {
      saleId: sale.id,
      lines: sale.lines.map((l) => ({ saleLineId: l.id, qtyMilli: 1000 })),
      reason: 'order cancelled',
      approval: approval(),
    });
    expect(onHandMilli(t.till.ledger.read, t.demo.products['sugar']!.id)).toBe(sugarBefore - 1000);
    const movements = rows<{
      product_id: string;
      qty_delta_milli: number;
      reason: string;
      reference_id: string;
    }>(
      "select product_id, qty_delta_milli, reason, reference_id from stock_movements where reason = 'refund' order by product_id",
    );
    expect(movements).toHaveLength(2);
    expect(movements.every((m) => m.qty_delta_milli === 1000 && m.reference_id === refund.id)).toBe(true);
    expect(movements.map((m) => m.product_id).sort()).toEqual(
      [t.demo.products['sugar']!.id, t.demo.products['paraffin']!.id].sort(),
    );
    // Paraffin 150.00 at 8 %: tax 11.11; airtime is non-VAT: no tax.
    expect(refund.lines.map((l) => [l.band, l.gross, l.tax])).toEqual([
      ['B', 165_00, 22_76],
      ['E', 150_00, 11_11],
      ['D', 100_00, 0],
    ]);
    expect(refund.taxBreakdown.map((r) => [r.band, r.tax])).toEqual([
      ['B', 22_76],
      ['D', 0],
      ['E', 11_11],
    ]);
    expect(refund.total).toBe(415_00);
  });

  it('writes the refund, its lines, payments, stock, audit entry and one outbox event together', () => {
    t.openSession();
    const sale = threeSugars();
    const before = t.snapshot();
    const refund = t.till.call('refund.create', {
      saleId: sale.id,
      lines: [{ saleLineId: sale.lines[0]!.id, qtyMilli: 1000 }],
      reason: 'torn packet',
      approval: approval(),
    });
    const after = t.snapshot();
    expect({
      refunds: after['refunds']! - before['refunds']!,
      refund_lines: after['refund_lines']! - before['refund_lines']!,
      refund_payments: after['refund_payments']! - before['refund_payments']!,
      stock_movements: after['stock_movements']! - before['stock_movements']!,
      audit_log: after['audit_log']! - before['audit_log']!,
    }).toEqual({ refunds: 1, refund_lines: 1, refund_payments: 1, stock_movements: 1, audit_log: 1 });
    const [audit] = rows<{ action: string; user_id: string; approved_by: string; reason: string }>(
      "select action, user_id, approved_by, reason from audit_log where action = 'refund'",
    );
    expect(audit).toEqual({
      action: 'refund',
      user_id: t.demo.users.cashier.id,
      approved_by: t.demo.users.manager.id,
      reason: 'torn packet',
    });
    const [event] = rows<{ payload: string }>(
      "select payload from outbox where type = 'refund.created' and event_id = ?",
      refund.id,
    );
    expect(JSON.parse(event!.payload)).toMatchObject({
      id: refund.id,
      refundNumber: 'T01-R000001',
      total: 165_00,
      lines: [{ saleLineId: sale.lines[0]!.id, qtyMilli: 1000, gross: 165_00 }],
      payments: [{ method: 'CASH', amount: 165_00 }],
      stockMovements: [{ qtyDeltaMilli: 1000, reason: 'refund' }],
    });
    expect(refund).toMatchObject({
      cashier: { name: 'Achieng Cashier' },
      approvedBy: { name: 'Otieno Manager' },
      terminalCode: 'T01',
    });
  });

  it('returns a refund receipt naming the original receipt, with the refunded lines and where the money went', () => {
    t.openSession();
    const sale = completeSale(
      t,
      [
        { product: 'tomatoes', qtyMilli: 1500 },
        { product: 'soda', qtyMilli: 2000 },
      ],
      [{ method: 'MPESA', amount: 340_00, reference: 'QK12345678' }],
    );
    const refund = t.till.call('refund.create', {
      receiptNumber: sale.receiptNumber,
      lines: [
        { saleLineId: sale.lines[0]!.id, qtyMilli: 500 },
        { saleLineId: sale.lines[1]!.id, qtyMilli: 1000 },
      ],
      reason: 'soft tomatoes, warm soda',
      approval: approval(),
    });
    expect(refund.receipt).toMatchObject({
      kind: 'refund',
      documentId: refund.id,
      receiptNumber: 'T01-R000001',
      originalReceiptNumber: sale.receiptNumber,
      store: { name: 'Asiria Demo Duka', kraPin: 'P051234567X' },
      cashier: 'Achieng Cashier',
      total: 140_00,
      totalDue: 140_00,
      paid: 140_00,
      change: 0,
      barcode: 'T01-R000001',
      tenders: [{ method: 'MPESA', label: 'M-Pesa', amount: 140_00, reference: 'QK12345678' }],
    });
    expect(refund.receipt.lines.map((l) => [l.name, l.qtyDisplay, l.lineTotal, l.band])).toEqual([
      ['Tomatoes (kg)', '0.5 kg', 60_00, 'A'],
      ['Coca-Cola 500ml', '1', 80_00, 'B'],
    ]);
    expect(refund.receipt.taxes.map((r) => [r.band, r.gross, r.tax])).toEqual([
      ['A', 60_00, 0],
      ['B', 80_00, 11_03],
    ]);
  });

  it('keeps refund numbers gapless: a refused refund does not use a number', () => {
    t.openSession();
    const sale = threeSugars();
    const refundOne = () =>
      t.till.call('refund.create', {
        saleId: sale.id,
        lines: [{ saleLineId: sale.lines[0]!.id, qtyMilli: 1000 }],
        reason: 'torn packet',
        approval: approval(),
      });
    expect(refundOne().refundNumber).toBe('T01-R000001');
    expect(
      errorOf(() =>
        t.till.call('refund.create', {
          saleId: sale.id,
          lines: [{ saleLineId: sale.lines[0]!.id, qtyMilli: 5000 }],
          reason: 'too many',
          approval: approval(),
        }),
      ).code,
    ).toBe('REFUND_EXCEEDS_SOLD');
    expect(
      errorOf(() =>
        t.till.call('refund.create', {
          saleId: sale.id,
          lines: [{ saleLineId: sale.lines[0]!.id, qtyMilli: 1000 }],
          reason: 'bad pin',
          approval: { ...approval(), pin: '0000' },
        }),
      ).code,
    ).toBe('APPROVAL_INVALID');
    expect(refundOne().refundNumber).toBe('T01-R000002');
    expect(refundOne().refundNumber).toBe('T01-R000003');
  });

  it("needs a manager's approval for a cashier; a manager approves their own refund", () => {
    t.openSession();
    const sale = threeSugars();
    const input = {
      saleId: sale.id,
      lines: [{ saleLineId: sale.lines[0]!.id, qtyMilli: 1000 }],
      reason: 'torn packet',
    };
    const before = t.snapshot();
    expect(errorOf(() => t.till.call('refund.create', input)).code).toBe('APPROVAL_REQUIRED');
    expect(
      errorOf(() => t.till.call('refund.create', { ...input, approval: { ...approval(), pin: '9999' } }))
        .code,
    ).toBe('APPROVAL_INVALID');
    expect(
      errorOf(() =>
        t.till.call('refund.create', {
          ...input,
          approval: { managerId: t.demo.users.cashier.id, pin: '3333' },
        }),
      ).code,
    ).toBe('APPROVAL_INVALID');
    expect(t.snapshot()).toEqual(before);
    t.loginAs('manager');
    const refund = t.till.call('refund.create', input);
    expect(refund.approvedBy.id).toBe(t.demo.users.manager.id);
    expect(refund.cashier.id).toBe(t.demo.users.manager.id);
  });

  it('refuses a voided sale, an unknown receipt and a line from another sale, writing nothing', () => {
    t.openSession();
    const sale = threeSugars();
    const other = completeSale(t, [{ product: 'milk' }], [{ method: 'CASH', amount: 65_00 }]);
    const before = t.snapshot();
    expect(
      errorOf(() =>
        t.till.call('refund.create', {
          receiptNumber: 'T01-999999',
          lines: [{ saleLineId: sale.lines[0]!.id, qtyMilli: 1000 }],
          reason: 'unknown',
          approval: approval(),
        }),
      ).code,
    ).toBe('NOT_FOUND');
    const foreign = errorOf(() =>
      t.till.call('refund.create', {
        saleId: sale.id,
        lines: [{ saleLineId: other.lines[0]!.id, qtyMilli: 1000 }],
        reason: 'wrong line',
        approval: approval(),
      }),
    );
    expect(foreign.code).toBe('NOT_FOUND');
    expect(foreign.message).toContain(sale.receiptNumber);
    expect(t.snapshot()).toEqual(before);
    voidSale(t, other.id);
    const voided = errorOf(() =>
      t.till.call('refund.create', {
        saleId: other.id,
        lines: [{ saleLineId: other.lines[0]!.id, qtyMilli: 1000 }],
        reason: 'voided',
        approval: approval(),
      }),
    );
    expect(voided.code).toBe('ALREADY_VOIDED');
  });

  it('rejects malformed requests with field errors', () => {
    t.openSession();
    const sale = threeSugars();
    const lineId = sale.lines[0]!.id;
    const both = errorOf(() =>
      t.till.call('refund.create', {
        saleId: sale.id,
        receiptNumber: sale.receiptNumber,
        lines: [{ saleLineId: lineId, qtyMilli: 1000 }],
        reason: 'both given',
      }),
    );
    expect(both.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(both.fieldErrors ?? {})).toEqual(['receiptNumber']);
    const bad = errorOf(() =>
      t.till.call('refund.create', {
        saleId: sale.id,
        lines: [
          { saleLineId: lineId, qtyMilli: 0 },
          { saleLineId: lineId, qtyMilli: 1000 },
        ],
        tender: 'voucher' as 'cash',
        reason: '',
      }),
    );
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual([
      'lines',
      'lines.0.qtyMilli',
      'reason',
      'tender',
    ]);
    expect(
      errorOf(() => t.till.call('refund.create', { saleId: sale.id, lines: [], reason: 'nothing' })).code,
    ).toBe('VALIDATION_FAILED');
  });

  it('needs an open session; and cannot pay out more cash than the drawer holds', () => {
    t.openSession('cashier', 0);
    const sale = completeSale(
      t,
      [{ product: 'soda' }],
      [{ method: 'MPESA', amount: 80_00, reference: 'QK12345678' }],
    );
    const input = {
      saleId: sale.id,
      lines: [{ saleLineId: sale.lines[0]!.id, qtyMilli: 1000 }],
      reason: 'flat soda',
      approval: approval(),
    };
    const before = t.snapshot();
    expect(errorOf(() => t.till.call('refund.create', { ...input, tender: 'cash' })).code).toBe(
      'INSUFFICIENT_CASH',
    );
    expect(t.snapshot()).toEqual(before);
    t.till.call('session.close', { countedTotal: 0 });
    expect(errorOf(() => t.till.call('refund.create', input)).code).toBe('NO_OPEN_SESSION');
  });

  it('refunds a weighed line in parts that add up to the line exactly', () => {
    t.openSession();
    const sale = completeSale(
      t,
      [{ product: 'tomatoes', qtyMilli: 1235 }],
      [{ method: 'CASH', amount: 200_00 }],
    );
    const line = sale.lines[0]!;
    expect(line.gross).toBe(148_20);
    const parts = [333, 333, 569].map(
      (qtyMilli) =>
        t.till.call('refund.create', {
          saleId: sale.id,
          lines: [{ saleLineId: line.id, qtyMilli }],
          reason: 'soft tomatoes',
          approval: approval(),
        }).total,
    );
    expect(parts).toEqual([39_96, 39_96, 68_28]); // round(148.20 × 333 / 1235) = 39.96, the last takes the rest
    expect(parts.reduce((a, b) => a + b, 0)).toBe(line.gross);
    expect(
      errorOf(() =>
        t.till.call('refund.create', {
          saleId: sale.id,
          lines: [{ saleLineId: line.id, qtyMilli: 1 }],
          reason: 'one more gram',
          approval: approval(),
        }),
      ).code,
    ).toBe('REFUND_EXCEEDS_SOLD');
  });

  it('is refused to nobody logged in', () => {
    expect(
      errorOf(() =>
        t.till.call('refund.create', {
          saleId: newId(),
          lines: [{ saleLineId: newId(), qtyMilli: 1000 }],
          reason: 'nobody',
        }),
      ).code,
    ).toBe('NOT_AUTHENTICATED');
  });
});
