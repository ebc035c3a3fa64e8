/**
 * Cash session (drawer) arithmetic: counting the drawer by denomination, the cash the drawer should
 * hold, and the variance between the two at close.
 */
import { DomainError } from './errors.js';
import { assertMinor, formatMoney } from './money.js';
import type { Minor } from './money.js';

export interface Denomination {
  value: Minor;
  kind: 'note' | 'coin';
  label: string;
}

/** Kenyan shilling notes and coins in circulation, largest first (values in cents). */
export const KES_DENOMINATIONS: readonly Denomination[] = Object.freeze(
  (
    [
      [1000, 'note'],
      [500, 'note'],
      [200, 'note'],
      [100, 'note'],
      [50, 'note'],
      [20, 'coin'],
      [10, 'coin'],
      [5, 'coin'],
      [1, 'coin'],
    ] as const
  ).map(([shillings, kind]) => Object.freeze({ value: shillings * 100, kind, label: `${shillings}/-` })),
);

export type DenominationCount = ReadonlyArray<{ value: Minor; count: number }>;

/**
 * Σ value × count. A value not among `allowed` → DomainError('UNKNOWN_DENOMINATION'); a negative or
 * non-integer count → DomainError('INVALID_COUNT'). The same value may appear more than once (e.g.
 * counted from two trays); its counts add up.
 */
export function countDenominations(
  counts: DenominationCount,
  allowed: readonly Denomination[] = KES_DENOMINATIONS,
): Minor {
  const known = new Set(allowed.map((d) => d.value));
  let total = 0;
  counts.forEach(({ value, count }, i) => {
    if (!known.has(value)) {
      throw new DomainError('UNKNOWN_DENOMINATION', `${String(value)} cents is not a known note or coin`, {
        index: i,
        value,
      });
    }
    const c: unknown = count;
    if (typeof c !== 'number' || !Number.isSafeInteger(c) || c < 0) {
      throw new DomainError(
        'INVALID_COUNT',
        `The count of ${formatMoney(value)} must be a whole number ≥ 0, got ${String(c)}`,
        { index: i, value, count: c },
      );
    }
    total = assertMinor(total + value * c, 'counted total');
  });
  return total;
}

export interface CashFigures {
  openingFloat: Minor;
  /** Cash received net of change given. */
  cashSales: Minor;
  cashRefunds: Minor;
  paidIn: Minor;
  paidOut: Minor;
}

/** openingFloat + cashSales − cashRefunds + paidIn − paidOut. */
export function expectedCash(f: CashFigures): Minor {
  const result =
    assertMinor(f.openingFloat, 'openingFloat') +
    assertMinor(f.cashSales, 'cashSales') -
    assertMinor(f.cashRefunds, 'cashRefunds') +
    assertMinor(f.paidIn, 'paidIn') -
    assertMinor(f.paidOut, 'paidOut');
  return assertMinor(result, 'expected cash');
}

export interface Reconciliation {
  expected: Minor;
  counted: Minor;
  /** counted − expected: positive = over, negative = short. */
  variance: Minor;
  status: 'balanced' | 'over' | 'short';
}

export function reconcileCash(expected: Minor, counted: Minor): Reconciliation {
  assertMinor(expected, 'expected');
  assertMinor(counted, 'counted');
  const variance = assertMinor(counted - expected, 'variance');
  return {
    expected,
    counted,
    variance,
    status: variance === 0 ? 'balanced' : variance > 0 ? 'over' : 'short',
  };
}
