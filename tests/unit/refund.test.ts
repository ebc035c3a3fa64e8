import { describe, expect, it } from 'vitest';
import { splitTax } from '../../src-shared/domain/tax.js';
import {
  allocateRefund,
  NOTHING_REFUNDED,
  refundLineAmounts,
  type RefundableLine,
  type RefundedSoFar,
} from '../../src-shared/domain/refund.js';
import { expectDomainError, seededInt, seededRandom } from './expect-domain-error.js';

function line(gross: number, qtyMilli: number, rateBp = 1600): RefundableLine {
  const { net, tax } = splitTax(gross, rateBp, true);
  return { qtyMilli, rateBp, net, tax, gross };
}

function refundAll(l: RefundableLine, parts: number[]) {
  let done: RefundedSoFar = NOTHING_REFUNDED;
  return parts.map((qty) => {
    const r = refundLineAmounts(l, done, qty);
    done = {
      qtyMilli: done.qtyMilli + r.qtyMilli,
      net: done.net + r.net,
      tax: done.tax + r.tax,
      gross: done.gross + r.gross,
    };
    return r;
  });
}

describe('refundLineAmounts', () => {
  it('refunds in proportion to the quantity, split with the line rate', () => {
    // 3 × 165.00 less 0.01 = 494.99: one unit is round(164.9966…) = 165.00, tax 16 % inclusive 22.76
    expect(refundLineAmounts(line(494_99, 3000), NOTHING_REFUNDED, 1000)).toEqual({
      qtyMilli: 1000,
      gross: 165_00,
      tax: 22_76,
      net: 142_24,
      completesLine: false,
    });
  });

  it('gives the last refund of a line exactly what is left', () => {
    const l = line(494_99, 3000);
    const [a, b] = refundAll(l, [1000, 2000]);
    expect(b).toMatchObject({ gross: 329_99, completesLine: true });
    expect(a!.gross + b!.gross).toBe(l.gross);
    expect(a!.tax + b!.tax).toBe(l.tax);
    expect(a!.net + b!.net).toBe(l.net);
  });

  it('never lets rounding make earlier refunds eat into the last one', () => {
    // 0.05 for 1 kg refunded 100 g at a time: each is round(0.5 cent) = 1 cent, capped at what is left
    const parts = refundAll(
      line(5, 1000, 0),
      Array.from({ length: 10 }, () => 100),
    );
    expect(parts.map((p) => p.gross)).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
  });

  it('sums to the line to the cent however the quantity is split (seeded property)', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 500; i++) {
      const qty = seededInt(random, 1, 12) * (random() < 0.3 ? 137 : 1000);
      const l = line(seededInt(random, 0, 500_000), qty, [0, 800, 1600][seededInt(random, 0, 2)]);
      const parts: number[] = [];
      let left = qty;
      while (left > 0) {
        const q = Math.min(left, seededInt(random, 1, qty));
        parts.push(q);
        left -= q;
      }
      const refunds = refundAll(l, parts);
      expect(
        refunds.every((r) => r.gross >= 0 && r.tax >= 0 && r.net >= 0 && r.net + r.tax === r.gross),
      ).toBe(true);
      expect(refunds.reduce((a, r) => a + r.gross, 0)).toBe(l.gross);
      expect(refunds.reduce((a, r) => a + r.tax, 0)).toBe(l.tax);
    }
  });

  it('refuses more than is left and a non-positive quantity', () => {
    const l = line(330_00, 2000);
    expectDomainError(
      () => refundLineAmounts(l, { qtyMilli: 1500, net: 0, tax: 0, gross: 0 }, 1000),
      'REFUND_EXCEEDS_SOLD',
    );
    expectDomainError(() => refundLineAmounts(l, NOTHING_REFUNDED, 0), 'INVALID_QUANTITY');
    expectDomainError(() => refundLineAmounts(l, NOTHING_REFUNDED, 1.5), 'INVALID_QUANTITY');
  });
});

describe('allocateRefund', () => {
  it('splits over the tenders in proportion to what each can still take, summing exactly', () => {
    expect(allocateRefund(165_00, [200_00, 130_00])).toEqual({ parts: [100_00, 65_00], excess: 0 });
    expect(allocateRefund(100, [1, 1, 1])).toEqual({ parts: [1, 1, 1], excess: 97 });
    expect(allocateRefund(2, [1, 1, 1])).toEqual({ parts: [1, 1, 0], excess: 0 });
  });

  it('ignores exhausted tenders and pays what is beyond all of them as excess', () => {
    expect(allocateRefund(50, [0, -20, 30])).toEqual({ parts: [0, 0, 30], excess: 20 });
    expect(allocateRefund(50, [])).toEqual({ parts: [], excess: 50 });
  });

  it('refuses a negative total', () => {
    expectDomainError(() => allocateRefund(-1, [10]), 'INVALID_AMOUNT');
  });
});
