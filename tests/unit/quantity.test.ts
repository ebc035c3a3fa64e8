import { describe, it, expect } from 'vitest';
import {
  assertQtyMilli,
  formatQuantity,
  formatQuantityDisplay,
  isWholeQuantity,
  parseQuantity,
  QTY_ONE,
} from '../../src-shared/domain/quantity.js';
import { expectDomainError } from './expect-domain-error.js';

describe('QTY_ONE', () => {
  it('is one unit in thousandths', () => {
    expect(QTY_ONE).toBe(1000);
  });
});

describe('assertQtyMilli', () => {
  it('returns safe integers unchanged', () => {
    expect(assertQtyMilli(1250)).toBe(1250);
    expect(assertQtyMilli(0)).toBe(0);
    expect(assertQtyMilli(-1000)).toBe(-1000);
  });

  it.each([[1.5], [Number.NaN], [Number.POSITIVE_INFINITY], ['1000'], [null], [undefined], [2 ** 53]])(
    'refuses %j',
    (v) => {
      expectDomainError(
        () => assertQtyMilli(v),
        'INVALID_QUANTITY',
        /quantity must be a whole number of thousandths/,
      );
    },
  );

  it('names the field in the message', () => {
    expectDomainError(() => assertQtyMilli(0.5, 'weight'), 'INVALID_QUANTITY', /^weight must be/);
  });
});

describe('parseQuantity', () => {
  it.each<[string | number, number]>([
    ['1', 1000],
    ['1.250', 1250],
    ['1.25', 1250],
    ['0.005', 5],
    ['  3 ', 3000],
    ['-2', -2000],
    ['+2.5', 2500],
    ['1.2500', 1250],
    [2.5, 2500],
    [1.235, 1235],
    [0, 0],
    [12, 12000],
  ])('%j → %i', (input, expected) => {
    expect(parseQuantity(input)).toBe(expected);
  });

  it('parses −0 as 0', () => {
    expect(Object.is(parseQuantity('-0.000'), 0)).toBe(true);
  });

  it.each<[string | number, RegExp]>([
    ['', /is empty/],
    ['abc', /not a plain decimal/],
    ['1.2345', /more than 3 decimal places/],
    ['1e3', /not a plain decimal/],
    ['1,5', /not a plain decimal/],
    ['.5', /not a plain decimal/],
    [Number.NaN, /not a finite number/],
    [Number.POSITIVE_INFINITY, /not a finite number/],
    [0.0001, /more than 3 decimal places/],
    [1e-7, /not a plain decimal/],
  ])('refuses %j', (input, reason) => {
    expectDomainError(() => parseQuantity(input), 'INVALID_QUANTITY', reason);
  });
});

describe('formatQuantity / formatQuantityDisplay', () => {
  it.each([
    [1250, '1.250', '1.25'],
    [2000, '2.000', '2'],
    [1235, '1.235', '1.235'],
    [5, '0.005', '0.005'],
    [100, '0.100', '0.1'],
    [0, '0.000', '0'],
    [-1500, '-1.500', '-1.5'],
    [10000, '10.000', '10'],
  ])('%i → %s / %s', (qty, wire, display) => {
    expect(formatQuantity(qty)).toBe(wire);
    expect(formatQuantityDisplay(qty)).toBe(display);
  });

  it('round-trips through parseQuantity', () => {
    for (const qty of [0, 1, 5, 999, 1000, 1001, 1250, 123456789, -42]) {
      expect(parseQuantity(formatQuantity(qty))).toBe(qty);
      expect(parseQuantity(formatQuantityDisplay(qty))).toBe(qty);
    }
  });

  it('refuses a non-integer quantity', () => {
    expectDomainError(() => formatQuantity(1.5), 'INVALID_QUANTITY');
  });
});

describe('isWholeQuantity', () => {
  it('tells counted from weighed quantities', () => {
    expect(isWholeQuantity(3000)).toBe(true);
    expect(isWholeQuantity(0)).toBe(true);
    expect(isWholeQuantity(1250)).toBe(false);
  });
});
