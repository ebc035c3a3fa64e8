import { describe, it, expect } from 'vitest';
import {
  divRoundHalfAwayFromZero,
  mulDivRoundHalfAwayFromZero,
  toSafeNumber,
} from '../../src-shared/domain/rounding.js';
import { expectDomainError } from './expect-domain-error.js';

describe('divRoundHalfAwayFromZero', () => {
  it.each([
    [5, 10, 1],
    [15, 10, 2],
    [25, 10, 3],
    [35, 10, 4],
    [24, 10, 2],
    [26, 10, 3],
    [-5, 10, -1],
    [-15, 10, -2],
    [-25, 10, -3],
    [-24, 10, -2],
    [-26, 10, -3],
    [5, -10, -1],
    [-5, -10, 1],
    [1, 3, 0],
    [2, 3, 1],
    [-2, 3, -1],
    [100, 10, 10],
    [-100, 10, -10],
    [7, 1, 7],
    [1379310, 1000, 1379],
    [1379500, 1000, 1380],
    [-1379500, 1000, -1380],
  ])('%i / %i → %i', (n, d, expected) => {
    expect(divRoundHalfAwayFromZero(n, d)).toBe(expected);
  });

  it('rounds the exact halves of a tax split away from zero: 0.5 cent → 1, −0.5 cent → −1', () => {
    expect(divRoundHalfAwayFromZero(5800, 11600)).toBe(1);
    expect(divRoundHalfAwayFromZero(-5800, 11600)).toBe(-1);
    expect(divRoundHalfAwayFromZero(5799, 11600)).toBe(0);
  });

  it('never returns negative zero', () => {
    expect(Object.is(divRoundHalfAwayFromZero(-1, 3), 0)).toBe(true);
    expect(Object.is(divRoundHalfAwayFromZero(0, -7), 0)).toBe(true);
    expect(Object.is(divRoundHalfAwayFromZero(-1n, 3n), 0)).toBe(true);
  });

  it('is exact at the edge of the safe range', () => {
    expect(divRoundHalfAwayFromZero(Number.MAX_SAFE_INTEGER, 2)).toBe(4503599627370496);
    expect(divRoundHalfAwayFromZero(-Number.MAX_SAFE_INTEGER, 2)).toBe(-4503599627370496);
    expect(divRoundHalfAwayFromZero(Number.MAX_SAFE_INTEGER, 1)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('accepts BigInt operands and rounds them by the same rule', () => {
    expect(divRoundHalfAwayFromZero(2n ** 60n, 1024n)).toBe(1125899906842624);
    expect(divRoundHalfAwayFromZero(2n ** 60n + 512n, 1024n)).toBe(1125899906842625);
    expect(divRoundHalfAwayFromZero(2n ** 60n + 511n, 1024n)).toBe(1125899906842624);
    expect(divRoundHalfAwayFromZero(-(2n ** 60n) - 512n, 1024n)).toBe(-1125899906842625);
    expect(divRoundHalfAwayFromZero(25n, 10)).toBe(3);
    expect(divRoundHalfAwayFromZero(-25, 10n)).toBe(-3);
  });

  it('refuses a result outside the safe-integer range', () => {
    const error = expectDomainError(
      () => divRoundHalfAwayFromZero(2n ** 60n, 1n),
      'NOT_SAFE_INTEGER',
      /too large/,
    );
    expect(error.details).toEqual({ value: '1152921504606846976' });
    expectDomainError(() => divRoundHalfAwayFromZero(-(2n ** 53n), 1n), 'NOT_SAFE_INTEGER');
  });

  it('refuses non-integer and unsafe number operands', () => {
    expectDomainError(() => divRoundHalfAwayFromZero(1.5, 1), 'NOT_SAFE_INTEGER', /numerator/);
    expectDomainError(() => divRoundHalfAwayFromZero(10, 0.5), 'NOT_SAFE_INTEGER', /denominator/);
    expectDomainError(() => divRoundHalfAwayFromZero(Number.NaN, 1), 'NOT_SAFE_INTEGER');
    expectDomainError(() => divRoundHalfAwayFromZero(Number.POSITIVE_INFINITY, 1), 'NOT_SAFE_INTEGER');
    expectDomainError(() => divRoundHalfAwayFromZero(2 ** 53, 1), 'NOT_SAFE_INTEGER');
  });

  it('refuses division by zero', () => {
    expectDomainError(() => divRoundHalfAwayFromZero(1, 0), 'DIVISION_BY_ZERO', 'Cannot divide by zero');
    expectDomainError(() => divRoundHalfAwayFromZero(1n, 0n), 'DIVISION_BY_ZERO');
  });

  it('agrees with an independent integer formula over every small numerator and denominator', () => {
    let checked = 0;
    for (let n = -300; n <= 300; n++) {
      for (let d = 1; d <= 16; d++) {
        const magnitude = Math.floor((2 * Math.abs(n) + d) / (2 * d));
        const expected = n < 0 ? -magnitude : magnitude;
        expect(divRoundHalfAwayFromZero(n, d)).toBe(expected === 0 ? 0 : expected);
        expect(divRoundHalfAwayFromZero(n, -d)).toBe(expected === 0 ? 0 : -expected);
        expect(divRoundHalfAwayFromZero(BigInt(n), BigInt(d))).toBe(expected === 0 ? 0 : expected);
        checked++;
      }
    }
    expect(checked).toBe(601 * 16);
  });
});

describe('mulDivRoundHalfAwayFromZero', () => {
  it('multiplies then divides with one rounding', () => {
    expect(mulDivRoundHalfAwayFromZero(45000, 1235, 1000)).toBe(55575);
    expect(mulDivRoundHalfAwayFromZero(3620, 125, 1000)).toBe(453);
    expect(mulDivRoundHalfAwayFromZero(-3620, 125, 1000)).toBe(-453);
    expect(mulDivRoundHalfAwayFromZero(10000, 1600, 11600)).toBe(1379);
  });

  it('uses exact BigInt arithmetic when the product leaves the safe range', () => {
    expect(mulDivRoundHalfAwayFromZero(Number.MAX_SAFE_INTEGER, 3, 3)).toBe(Number.MAX_SAFE_INTEGER);
    expect(mulDivRoundHalfAwayFromZero(900719925474099, 10000, 10000)).toBe(900719925474099);
    expect(mulDivRoundHalfAwayFromZero(900719925474099, 1600, 11600)).toBe(124237231099876);
  });

  it('refuses a result too large to be exact', () => {
    expectDomainError(
      () => mulDivRoundHalfAwayFromZero(Number.MAX_SAFE_INTEGER, 1000, 1),
      'NOT_SAFE_INTEGER',
    );
    expectDomainError(() => mulDivRoundHalfAwayFromZero(1.5, 2, 1), 'NOT_SAFE_INTEGER');
  });
});

describe('toSafeNumber', () => {
  it('converts safe BigInts and refuses others', () => {
    expect(toSafeNumber(9007199254740991n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(toSafeNumber(-9007199254740991n)).toBe(-Number.MAX_SAFE_INTEGER);
    expectDomainError(() => toSafeNumber(9007199254740992n), 'NOT_SAFE_INTEGER');
  });
});
