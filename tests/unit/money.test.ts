import { describe, it, expect } from 'vitest';
import {
  allocateProportionally,
  assertMinor,
  currencyInfo,
  formatMoney,
  formatMoneyDisplay,
  KES,
  multiplyByQty,
  parseMoney,
  percentOfAmount,
  sumMinor,
} from '../../src-shared/domain/money.js';
import { expectDomainError, seededInt, seededRandom } from './expect-domain-error.js';

describe('currencies', () => {
  it('KES has 2 minor digits and the KSh symbol', () => {
    expect(KES).toEqual({ code: 'KES', minorDigits: 2, symbol: 'KSh' });
    expect(currencyInfo('KES')).toBe(KES);
  });

  it.each([
    ['UGX', 0, 'USh'],
    ['TZS', 2, 'TSh'],
    ['RWF', 0, 'FRw'],
    ['USD', 2, 'US$'],
    ['EUR', 2, '€'],
  ])('%s has %i minor digits, symbol %s', (code, minorDigits, symbol) => {
    expect(currencyInfo(code)).toEqual({ code, minorDigits, symbol });
  });

  it('looks codes up case-insensitively', () => {
    expect(currencyInfo(' kes ')).toBe(KES);
  });

  it('refuses unknown currencies', () => {
    const error = expectDomainError(() => currencyInfo('XYZ'), 'UNKNOWN_CURRENCY', 'Unknown currency "XYZ"');
    expect(error.details?.['supported']).toEqual(['KES', 'UGX', 'TZS', 'RWF', 'USD', 'EUR']);
  });

  it('cannot be mutated', () => {
    expect(Object.isFrozen(KES)).toBe(true);
    expect(Object.isFrozen(currencyInfo('UGX'))).toBe(true);
  });
});

describe('assertMinor', () => {
  it('returns safe integers unchanged', () => {
    expect(assertMinor(50000)).toBe(50000);
    expect(assertMinor(-310)).toBe(-310);
    expect(assertMinor(0)).toBe(0);
    expect(assertMinor(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each([[12.5], [Number.NaN], [Number.POSITIVE_INFINITY], ['500'], [null], [undefined], [2 ** 53], [10n]])(
    'refuses %s',
    (v) => {
      expectDomainError(
        () => assertMinor(v),
        'INVALID_AMOUNT',
        /^amount must be a whole number of minor units/,
      );
    },
  );

  it('names the field and records the value', () => {
    const error = expectDomainError(
      () => assertMinor(1.5, 'unitPrice'),
      'INVALID_AMOUNT',
      'unitPrice must be a whole number of minor units (cents), got 1.5',
    );
    expect(error.details).toEqual({ field: 'unitPrice', value: 1.5 });
  });
});

describe('parseMoney', () => {
  it.each<[string | number, number]>([
    ['500', 50000],
    ['500.5', 50050],
    ['500.50', 50050],
    ['-3.10', -310],
    ['+7', 700],
    ['0.05', 5],
    ['-0.05', -5],
    ['007.50', 750],
    ['  1234.56\n', 123456],
    ['1234567.89', 123456789],
    ['500.000', 50000],
    [500, 50000],
    [12.34, 1234],
    [-3.1, -310],
    [0.1, 10],
    [0, 0],
    [1234567.89, 123456789],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('%j → %i', (input, expected) => {
    expect(parseMoney(input)).toBe(expected);
  });

  it('parses −0 as 0, not −0', () => {
    expect(Object.is(parseMoney('-0.00'), 0)).toBe(true);
    expect(Object.is(parseMoney(-0), 0)).toBe(true);
  });

  it('parses with the currency’s minor digits', () => {
    expect(parseMoney('5000', 0)).toBe(5000);
    expect(parseMoney('5000.00', 0)).toBe(5000);
    expect(parseMoney('1.234', 3)).toBe(1234);
    expectDomainError(
      () => parseMoney('5000.5', 0),
      'INVALID_AMOUNT',
      /must be a whole number \(no decimals\)/,
    );
    expectDomainError(() => parseMoney('1.23', 1), 'INVALID_AMOUNT', /more than 1 decimal place$/);
  });

  it.each<[string | number, string]>([
    ['', 'Invalid amount "": is empty'],
    ['   ', 'Invalid amount "   ": is empty'],
    ['abc', 'Invalid amount "abc": is not a plain decimal number (digits, optional sign and decimal point)'],
    ['1.234', 'Invalid amount "1.234": has more than 2 decimal places'],
    ['1e3', 'Invalid amount "1e3": is not a plain decimal number (digits, optional sign and decimal point)'],
    [
      '1,000.00',
      'Invalid amount "1,000.00": is not a plain decimal number (digits, optional sign and decimal point)',
    ],
    [
      'KSh 5',
      'Invalid amount "KSh 5": is not a plain decimal number (digits, optional sign and decimal point)',
    ],
    ['5.', 'Invalid amount "5.": is not a plain decimal number (digits, optional sign and decimal point)'],
    ['--5', 'Invalid amount "--5": is not a plain decimal number (digits, optional sign and decimal point)'],
    ['90071992547409.92', 'Invalid amount "90071992547409.92": is too large'],
    [Number.NaN, 'Invalid amount NaN: is not a finite number'],
    [Number.POSITIVE_INFINITY, 'Invalid amount Infinity: is not a finite number'],
    [1.234, 'Invalid amount 1.234: has more than 2 decimal places'],
    [0.1 + 0.2, 'Invalid amount 0.30000000000000004: has more than 2 decimal places'],
    [1e21, 'Invalid amount 1e+21: is not a plain decimal number (digits, optional sign and decimal point)'],
  ])('refuses %j', (input, message) => {
    expectDomainError(() => parseMoney(input), 'INVALID_AMOUNT', message);
  });

  it('refuses a value of the wrong type from plain JavaScript callers', () => {
    expectDomainError(
      () => parseMoney(null as unknown as string),
      'INVALID_AMOUNT',
      /must be a string or a number/,
    );
  });

  it('refuses an impossible number of minor digits', () => {
    expectDomainError(() => parseMoney('1', 7), 'INVALID_SCALE');
    expectDomainError(() => parseMoney('1', -1), 'INVALID_SCALE');
  });
});

describe('formatMoney', () => {
  it.each([
    [50000, '500.00'],
    [-5, '-0.05'],
    [5, '0.05'],
    [0, '0.00'],
    [123456789, '1234567.89'],
    [-123456789, '-1234567.89'],
    [100, '1.00'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('%i → %s', (minor, text) => {
    expect(formatMoney(minor)).toBe(text);
  });

  it('uses the minor digits given', () => {
    expect(formatMoney(5000, 0)).toBe('5000');
    expect(formatMoney(-5000, 0)).toBe('-5000');
    expect(formatMoney(1234, 3)).toBe('1.234');
  });

  it('refuses non-integers', () => {
    expectDomainError(() => formatMoney(12.5), 'INVALID_AMOUNT');
  });

  it('round-trips with parseMoney for many values', () => {
    const random = seededRandom(2024);
    for (let i = 0; i < 2000; i++) {
      const minor = seededInt(random, -10_000_000_000, 10_000_000_000);
      expect(parseMoney(formatMoney(minor))).toBe(minor);
      expect(parseMoney(formatMoney(minor, 0), 0)).toBe(minor);
    }
  });
});

describe('formatMoneyDisplay', () => {
  it.each([
    [123450, 'KSh 1,234.50'],
    [50000, 'KSh 500.00'],
    [5, 'KSh 0.05'],
    [0, 'KSh 0.00'],
    [123456789, 'KSh 1,234,567.89'],
    [100000000, 'KSh 1,000,000.00'],
    [-5000, '-KSh 50.00'],
    [-123450, '-KSh 1,234.50'],
  ])('%i → %s', (minor, text) => {
    expect(formatMoneyDisplay(minor)).toBe(text);
  });

  it('formats other currencies with their digits and symbol', () => {
    expect(formatMoneyDisplay(1500000, currencyInfo('UGX'))).toBe('USh 1,500,000');
    expect(formatMoneyDisplay(999, currencyInfo('USD'))).toBe('US$ 9.99');
    expect(formatMoneyDisplay(123456, currencyInfo('TZS'))).toBe('TSh 1,234.56');
  });
});

describe('multiplyByQty', () => {
  it.each([
    [50000, 1000, 50000],
    [6500, 3000, 19500],
    [45000, 1235, 55575],
    [9999, 333, 3330],
    [3620, 125, 453],
    [1, 500, 1],
    [1, 499, 0],
    [0, 5000, 0],
    [12345, 0, 0],
    [-3620, 125, -453],
    [3620, -125, -453],
  ])('%i × %i/1000 → %i', (price, qty, expected) => {
    expect(multiplyByQty(price, qty)).toBe(expected);
  });

  it('is exact for large prices × quantities (BigInt path)', () => {
    expect(multiplyByQty(1_000_000_000_000, 5_000)).toBe(5_000_000_000_000);
    expect(multiplyByQty(900719925474099, 1000)).toBe(900719925474099);
  });

  it('refuses bad input and overflow', () => {
    expectDomainError(() => multiplyByQty(1.5, 1000), 'INVALID_AMOUNT', /^unitPrice/);
    expectDomainError(() => multiplyByQty(100, 1.5), 'INVALID_QUANTITY');
    expectDomainError(() => multiplyByQty(Number.MAX_SAFE_INTEGER, 2000), 'NOT_SAFE_INTEGER');
  });
});

describe('percentOfAmount', () => {
  it.each([
    [10050, 1000, 1005],
    [5, 1000, 1],
    [4, 1000, 0],
    [-5, 1000, -1],
    [10000, 1600, 1600],
    [12345, 10000, 12345],
    [12345, 0, 0],
    [999, 1250, 125],
    [333, 5000, 167],
    [-333, 5000, -167],
  ])('%i × %i bp → %i', (amount, bp, expected) => {
    expect(percentOfAmount(amount, bp)).toBe(expected);
  });

  it('refuses fractional basis points and bad amounts', () => {
    expectDomainError(() => percentOfAmount(100, 12.5), 'INVALID_PERCENT');
    expectDomainError(() => percentOfAmount(1.5, 100), 'INVALID_AMOUNT');
  });
});

describe('allocateProportionally', () => {
  it('splits in proportion when it divides exactly', () => {
    expect(allocateProportionally(1000, [1, 1, 2])).toEqual([250, 250, 500]);
    expect(allocateProportionally(600, [100, 200, 300])).toEqual([100, 200, 300]);
  });

  it('gives leftover cents to the largest remainders', () => {
    expect(allocateProportionally(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateProportionally(10000, [45000, 19500, 6000])).toEqual([6383, 2766, 851]);
    expect(allocateProportionally(10, [3, 3, 4])).toEqual([3, 3, 4]);
    // 11 × [3, 3, 4] / 10 = [3.3, 3.3, 4.4]: the one leftover cent goes to the .4 remainder.
    expect(allocateProportionally(11, [3, 3, 4])).toEqual([3, 3, 5]);
  });

  it('breaks equal remainders by the larger weight, then the lower index', () => {
    // 5 × [1, 3] / 4 = [1.25, 3.75] → floors [1, 3], remainders [1, 3]: the cent goes to index 1.
    expect(allocateProportionally(5, [1, 3])).toEqual([1, 4]);
    // 1 × [2, 2, 4] / 8: remainders 2, 2, 4 → index 2 (largest remainder).
    expect(allocateProportionally(1, [2, 2, 4])).toEqual([0, 0, 1]);
    // 2 × [1, 3, 1, 3] / 8: remainders 2, 6, 2, 6 → indexes 1 and 3.
    expect(allocateProportionally(2, [1, 3, 1, 3])).toEqual([0, 1, 0, 1]);
    // 3 × [1, 1, 2] / 4 = [0.75, 0.75, 1.5] → floors [0, 0, 1], remainders 3, 3, 2 → indexes 0 and 1.
    expect(allocateProportionally(3, [1, 1, 2])).toEqual([1, 1, 1]);
    // Equal remainders and weights: lower index first.
    expect(allocateProportionally(2, [1, 1, 1])).toEqual([1, 1, 0]);
    // 3 × [5, 10, 5] / 20 = [0.75, 1.5, 0.75] → floors [0, 1, 0]; the two .75 remainders get the cents.
    expect(allocateProportionally(3, [5, 10, 5])).toEqual([1, 1, 1]);
  });

  it('ties on remainder go to the larger weight before the lower index', () => {
    // 5 × [1, 6, 3] / 10 = [0.5, 3, 1.5]: indexes 0 and 2 tie on the .5 remainder; weight 3 beats weight 1.
    expect(allocateProportionally(5, [1, 6, 3])).toEqual([0, 3, 2]);
    // 5 × [3, 6, 1] / 10 = [1.5, 3, 0.5]: the same tie, the larger weight is now first.
    expect(allocateProportionally(5, [3, 6, 1])).toEqual([2, 3, 0]);
    // 1 × [1, 2, 1, 2] / 6: indexes 1 and 3 tie on remainder AND weight → the lower index, 1.
    expect(allocateProportionally(1, [1, 2, 1, 2])).toEqual([0, 1, 0, 0]);
    // 3 × [2, 4, 4, 2] / 12 = [0.5, 1, 1, 0.5]: indexes 0 and 3 tie on both → index 0.
    expect(allocateProportionally(3, [2, 4, 4, 2])).toEqual([1, 1, 1, 0]);
    // 7 × [3, 1, 3, 1] / 8 = [2.625, 0.875, 2.625, 0.875]: the .875s first (1, 3), then the lower .625 (0).
    expect(allocateProportionally(7, [3, 1, 3, 1])).toEqual([3, 1, 2, 1]);
  });

  it('gives nothing to zero weights', () => {
    expect(allocateProportionally(100, [0, 3, 0, 1])).toEqual([0, 75, 0, 25]);
    expect(allocateProportionally(101, [0, 3, 0, 1])).toEqual([0, 76, 0, 25]);
  });

  it('splits evenly over all-zero weights, leftover cents to the lowest indexes', () => {
    expect(allocateProportionally(100, [0, 0, 0])).toEqual([34, 33, 33]);
    expect(allocateProportionally(2, [0, 0, 0])).toEqual([1, 1, 0]);
    expect(allocateProportionally(0, [0, 0])).toEqual([0, 0]);
  });

  it('handles zero totals and empty weights', () => {
    expect(allocateProportionally(0, [5, 7])).toEqual([0, 0]);
    expect(allocateProportionally(0, [])).toEqual([]);
    expectDomainError(
      () => allocateProportionally(100, []),
      'ALLOCATION_IMPOSSIBLE',
      'Cannot allocate 1.00 over no parts',
    );
  });

  it('refuses negative or fractional totals and weights', () => {
    expectDomainError(() => allocateProportionally(-1, [1]), 'INVALID_AMOUNT', /cannot be negative/);
    expectDomainError(
      () => allocateProportionally(100, [1, -1]),
      'INVALID_AMOUNT',
      /weights cannot be negative, got -1 at 1/,
    );
    expectDomainError(() => allocateProportionally(1.5, [1]), 'INVALID_AMOUNT');
    expectDomainError(() => allocateProportionally(1, [0.5]), 'INVALID_AMOUNT', /^weights\[0\]/);
  });

  it('is exact with huge weights (BigInt products)', () => {
    const big = Number.MAX_SAFE_INTEGER;
    expect(allocateProportionally(big, [big, big])).toEqual([4503599627370496, 4503599627370495]);
    expect(allocateProportionally(3, [big, big, big])).toEqual([1, 1, 1]);
  });

  it('never loses or invents a cent, and never gives a part more than its share rounded up (seeded)', () => {
    const random = seededRandom(0xa5a5);
    let runs = 0;
    for (let run = 0; run < 3000; run++) {
      const n = seededInt(random, 1, 12);
      const maxWeight = [10, 1000, 1_000_000, 1_000_000_000_000][seededInt(random, 0, 3)]!;
      const weights = Array.from({ length: n }, () =>
        random() < 0.15 ? 0 : seededInt(random, 0, maxWeight),
      );
      const total = seededInt(random, 0, [1, 100, 1_000_000, 1_000_000_000_000][seededInt(random, 0, 3)]!);
      const parts = allocateProportionally(total, weights);
      expect(parts).toHaveLength(n);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      const weightSum = weights.reduce((a, b) => a + BigInt(b), 0n);
      parts.forEach((part, i) => {
        expect(part).toBeGreaterThanOrEqual(0);
        expect(Number.isSafeInteger(part)).toBe(true);
        if (weightSum > 0n) {
          const exact = BigInt(total) * BigInt(weights[i]!);
          const floor = exact / weightSum;
          const ceil = exact % weightSum === 0n ? floor : floor + 1n;
          expect(BigInt(part) >= floor && BigInt(part) <= ceil).toBe(true);
        }
      });
      runs++;
    }
    expect(runs).toBe(3000);
  });
});

describe('sumMinor', () => {
  it('adds amounts', () => {
    expect(sumMinor([])).toBe(0);
    expect(sumMinor([100, 250, -50])).toBe(300);
    expect(sumMinor([Number.MAX_SAFE_INTEGER - 1, 1])).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses non-integers and an unsafe sum', () => {
    expectDomainError(() => sumMinor([1, 1.5]), 'INVALID_AMOUNT', /^values\[1\]/);
    expectDomainError(() => sumMinor([Number.MAX_SAFE_INTEGER, 1]), 'NOT_SAFE_INTEGER', /too large/);
  });
});
