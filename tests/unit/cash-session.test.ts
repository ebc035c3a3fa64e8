import { describe, it, expect } from 'vitest';
import {
  countDenominations,
  expectedCash,
  KES_DENOMINATIONS,
  reconcileCash,
} from '../../src-shared/domain/cash-session.js';
import { expectDomainError } from './expect-domain-error.js';

describe('KES_DENOMINATIONS', () => {
  it('lists the notes and coins in circulation, largest first, in cents', () => {
    expect(KES_DENOMINATIONS).toEqual([
      { value: 100000, kind: 'note', label: '1000/-' },
      { value: 50000, kind: 'note', label: '500/-' },
      { value: 20000, kind: 'note', label: '200/-' },
      { value: 10000, kind: 'note', label: '100/-' },
      { value: 5000, kind: 'note', label: '50/-' },
      { value: 2000, kind: 'coin', label: '20/-' },
      { value: 1000, kind: 'coin', label: '10/-' },
      { value: 500, kind: 'coin', label: '5/-' },
      { value: 100, kind: 'coin', label: '1/-' },
    ]);
    expect(Object.isFrozen(KES_DENOMINATIONS)).toBe(true);
  });
});

describe('countDenominations', () => {
  it('adds value × count: 3×1000 + 2×500 + 7×50 + 4×20 + 3×1 = 4,433.00', () => {
    expect(
      countDenominations([
        { value: 100000, count: 3 },
        { value: 50000, count: 2 },
        { value: 5000, count: 7 },
        { value: 2000, count: 4 },
        { value: 100, count: 3 },
      ]),
    ).toBe(443300);
  });

  it('counts an empty drawer and zero counts as 0', () => {
    expect(countDenominations([])).toBe(0);
    expect(countDenominations([{ value: 100000, count: 0 }])).toBe(0);
  });

  it('adds repeated denominations (two trays)', () => {
    expect(
      countDenominations([
        { value: 1000, count: 5 },
        { value: 1000, count: 3 },
      ]),
    ).toBe(8000);
  });

  it('refuses unknown denominations', () => {
    const error = expectDomainError(
      () => countDenominations([{ value: 200000, count: 1 }]),
      'UNKNOWN_DENOMINATION',
      '200000 cents is not a known note or coin',
    );
    expect(error.details).toEqual({ index: 0, value: 200000 });
    expectDomainError(() => countDenominations([{ value: 4000, count: 1 }]), 'UNKNOWN_DENOMINATION');
    expectDomainError(() => countDenominations([{ value: 50, count: 1 }]), 'UNKNOWN_DENOMINATION');
  });

  it.each([[-1], [1.5], [Number.NaN]])('refuses count %s', (count) => {
    expectDomainError(
      () => countDenominations([{ value: 5000, count }]),
      'INVALID_COUNT',
      /The count of 50.00 must be a whole number ≥ 0/,
    );
  });

  it('counts against another currency’s denominations when given', () => {
    const ugx = [
      { value: 50000, kind: 'note' as const, label: '50,000' },
      { value: 1000, kind: 'note' as const, label: '1,000' },
      { value: 500, kind: 'coin' as const, label: '500' },
    ];
    expect(
      countDenominations(
        [
          { value: 50000, count: 2 },
          { value: 500, count: 3 },
        ],
        ugx,
      ),
    ).toBe(101500);
    expectDomainError(() => countDenominations([{ value: 100000, count: 1 }], ugx), 'UNKNOWN_DENOMINATION');
  });
});

describe('expectedCash', () => {
  it('is float + cash sales − cash refunds + paid in − paid out', () => {
    expect(
      expectedCash({
        openingFloat: 500000,
        cashSales: 2345000,
        cashRefunds: 35000,
        paidIn: 100000,
        paidOut: 250000,
      }),
    ).toBe(2660000);
    expect(expectedCash({ openingFloat: 0, cashSales: 0, cashRefunds: 0, paidIn: 0, paidOut: 0 })).toBe(0);
    expect(expectedCash({ openingFloat: 1000, cashSales: 0, cashRefunds: 0, paidIn: 0, paidOut: 3000 })).toBe(
      -2000,
    );
  });

  it('refuses fractional figures, naming the field', () => {
    expectDomainError(
      () => expectedCash({ openingFloat: 1.5, cashSales: 0, cashRefunds: 0, paidIn: 0, paidOut: 0 }),
      'INVALID_AMOUNT',
      /^openingFloat/,
    );
    expectDomainError(
      () => expectedCash({ openingFloat: 0, cashSales: 0, cashRefunds: 0, paidIn: 0, paidOut: Number.NaN }),
      'INVALID_AMOUNT',
      /^paidOut/,
    );
  });
});

describe('reconcileCash', () => {
  it('is balanced when the count matches', () => {
    expect(reconcileCash(2660000, 2660000)).toEqual({
      expected: 2660000,
      counted: 2660000,
      variance: 0,
      status: 'balanced',
    });
  });

  it('is over when more cash is counted', () => {
    expect(reconcileCash(2660000, 2665000)).toEqual({
      expected: 2660000,
      counted: 2665000,
      variance: 5000,
      status: 'over',
    });
  });

  it('is short when less cash is counted', () => {
    expect(reconcileCash(2660000, 2659950)).toEqual({
      expected: 2660000,
      counted: 2659950,
      variance: -50,
      status: 'short',
    });
  });

  it('reconciles a counted drawer against the expected figure end to end', () => {
    const expected = expectedCash({
      openingFloat: 500000,
      cashSales: 443300 - 500000 + 1000,
      cashRefunds: 0,
      paidIn: 0,
      paidOut: 0,
    });
    const counted = countDenominations([
      { value: 100000, count: 3 },
      { value: 50000, count: 2 },
      { value: 5000, count: 7 },
      { value: 2000, count: 4 },
      { value: 100, count: 3 },
    ]);
    expect(reconcileCash(expected, counted)).toEqual({
      expected: 444300,
      counted: 443300,
      variance: -1000,
      status: 'short',
    });
  });

  it('refuses fractional figures', () => {
    expectDomainError(() => reconcileCash(1.5, 1), 'INVALID_AMOUNT', /^expected/);
    expectDomainError(() => reconcileCash(1, 1.5), 'INVALID_AMOUNT', /^counted/);
  });
});
