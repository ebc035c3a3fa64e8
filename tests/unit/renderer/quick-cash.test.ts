// Quick-cash amounts on the tender screen: the exact balance, then the next 50/100/500/1,000 shillings.
import { describe, expect, it } from 'vitest';
import { quickCashAmounts, roundUpTo } from '../../../src-renderer/screens/tender/quick-cash.js';

const KES = (shillings: number) => shillings * 100;

describe('quickCashAmounts', () => {
  it('offers exact, then the next 50, 100, 500 and 1,000 above the balance', () => {
    expect(quickCashAmounts(KES(645))).toEqual([KES(645), KES(650), KES(700), KES(1000)]);
    expect(quickCashAmounts(KES(1234) + 50)).toEqual([
      KES(1234) + 50,
      KES(1250),
      KES(1300),
      KES(1500),
      KES(2000),
    ]);
  });

  it('drops duplicates when the balance is already round', () => {
    expect(quickCashAmounts(KES(500))).toEqual([KES(500), KES(1000)]);
    expect(quickCashAmounts(KES(1000))).toEqual([KES(1000)]);
    expect(quickCashAmounts(KES(100))).toEqual([KES(100), KES(500), KES(1000)]);
  });

  it('handles cents and tiny balances', () => {
    expect(quickCashAmounts(1)).toEqual([1, KES(50), KES(100), KES(500), KES(1000)]);
    expect(quickCashAmounts(KES(49) + 99)).toEqual([KES(49) + 99, KES(50), KES(100), KES(500), KES(1000)]);
  });

  it('offers nothing when nothing is owed or the balance is not whole cents', () => {
    expect(quickCashAmounts(0)).toEqual([]);
    expect(quickCashAmounts(-500)).toEqual([]);
    expect(quickCashAmounts(12.5)).toEqual([]);
    expect(quickCashAmounts(Number.NaN)).toEqual([]);
  });

  it('every amount covers the balance, is a multiple of its step, and the list is ascending', () => {
    for (let balance = 1; balance < KES(3000); balance += 997) {
      const amounts = quickCashAmounts(balance);
      expect(amounts[0]).toBe(balance);
      expect([...amounts].sort((a, b) => a - b)).toEqual(amounts);
      expect(new Set(amounts).size).toBe(amounts.length);
      for (const a of amounts) expect(a).toBeGreaterThanOrEqual(balance);
      for (const a of amounts.slice(1))
        expect([5000, 10000, 50000, 100000].some((s) => a % s === 0)).toBe(true);
    }
  });
});

describe('roundUpTo', () => {
  it('rounds up to the step with integers only', () => {
    expect(roundUpTo(64500, 5000)).toBe(65000);
    expect(roundUpTo(65000, 5000)).toBe(65000);
    expect(roundUpTo(1, 100000)).toBe(100000);
  });
});
