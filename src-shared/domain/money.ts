/**
 * Money: integer minor units (cents) in every layer. No floats in arithmetic; divisions round by the one
 * rule in ./rounding.ts (half away from zero). The API wire format is a plain decimal string ("500.00").
 */
import { DomainError } from './errors.js';
import {
  assertScaleDigits,
  formatScaledDecimal,
  groupThousands,
  parseScaledDecimal,
} from './decimal-text.js';
import { assertQtyMilli, QTY_ONE } from './quantity.js';
import { mulDivRoundHalfAwayFromZero } from './rounding.js';

/** An amount in integer minor units of its currency (KES cents). */
export type Minor = number;

export interface CurrencyInfo {
  code: string;
  minorDigits: number;
  symbol: string;
}

export const KES: CurrencyInfo = Object.freeze({ code: 'KES', minorDigits: 2, symbol: 'KSh' });

const CURRENCIES: ReadonlyMap<string, CurrencyInfo> = new Map(
  [
    KES,
    { code: 'UGX', minorDigits: 0, symbol: 'USh' },
    { code: 'TZS', minorDigits: 2, symbol: 'TSh' },
    { code: 'RWF', minorDigits: 0, symbol: 'FRw' },
    { code: 'USD', minorDigits: 2, symbol: 'US$' },
    { code: 'EUR', minorDigits: 2, symbol: '€' },
  ].map((c) => [c.code, Object.freeze(c)]),
);

/** The currency for an ISO 4217 code (case-insensitive); unknown → DomainError('UNKNOWN_CURRENCY'). */
export function currencyInfo(code: string): CurrencyInfo {
  const found = CURRENCIES.get(code.trim().toUpperCase());
  if (!found) {
    throw new DomainError('UNKNOWN_CURRENCY', `Unknown currency "${code}"`, {
      code,
      supported: [...CURRENCIES.keys()],
    });
  }
  return found;
}

/** Returns `value` if it is a safe integer of minor units, else throws DomainError('INVALID_AMOUNT'). */
export function assertMinor(value: unknown, field = 'amount'): Minor {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new DomainError(
      'INVALID_AMOUNT',
      `${field} must be a whole number of minor units (cents), got ${describe(value)}`,
      { field, value },
    );
  }
  return value;
}

/**
 * Parses a decimal amount into minor units: "500" → 50000, "500.5" → 50050, "-3.10" → -310,
 * 12.34 → 1234 (a number is read through its decimal string). Refuses "", "abc", "1e3", "1,000",
 * NaN, Infinity and more than `minorDigits` decimals ("1.234") with DomainError('INVALID_AMOUNT').
 * Extra decimals that are zeros are exact and accepted ("500.00" for UGX is 500).
 */
export function parseMoney(input: string | number, minorDigits = 2): Minor {
  assertScaleDigits(minorDigits, 'minorDigits');
  const parsed = parseScaledDecimal(input, minorDigits);
  if (!parsed.ok) {
    throw new DomainError('INVALID_AMOUNT', `Invalid amount ${describe(input)}: ${parsed.reason}`, { input });
  }
  return parsed.value;
}

/** API wire format, no grouping: 50000 → "500.00", -5 → "-0.05"; minorDigits 0 → "500". */
export function formatMoney(minor: Minor, minorDigits = 2): string {
  assertScaleDigits(minorDigits, 'minorDigits');
  return formatScaledDecimal(assertMinor(minor), minorDigits);
}

/**
 * Receipt/UI format: symbol, a space, comma-grouped amount: 123450 → "KSh 1,234.50".
 * A negative amount puts the minus sign first: "-KSh 50.00".
 */
export function formatMoneyDisplay(minor: Minor, currency: CurrencyInfo = KES): string {
  const plain = formatMoney(minor, currency.minorDigits);
  const negative = plain.startsWith('-');
  const unsigned = negative ? plain.slice(1) : plain;
  const dot = unsigned.indexOf('.');
  const whole = dot === -1 ? unsigned : unsigned.slice(0, dot);
  const fraction = dot === -1 ? '' : unsigned.slice(dot);
  return `${negative ? '-' : ''}${currency.symbol} ${groupThousands(whole)}${fraction}`;
}

/** unitPrice × qtyMilli / 1000, rounded by the rule: 45000 × 1235 → 55575 (450.00/kg × 1.235 kg). */
export function multiplyByQty(unitPrice: Minor, qtyMilli: number): Minor {
  return mulDivRoundHalfAwayFromZero(assertMinor(unitPrice, 'unitPrice'), assertQtyMilli(qtyMilli), QTY_ONE);
}

/** amount × basisPoints / 10 000, rounded by the rule: (10050, 1000) → 1005, (5, 1000) → 1 (0.5 up). */
export function percentOfAmount(amount: Minor, basisPoints: number): Minor {
  if (!Number.isSafeInteger(basisPoints)) {
    throw new DomainError(
      'INVALID_PERCENT',
      `basisPoints must be a whole number, got ${String(basisPoints)}`,
      {
        basisPoints,
      },
    );
  }
  return mulDivRoundHalfAwayFromZero(assertMinor(amount), basisPoints, 10_000);
}

/**
 * Splits `total` (≥ 0) over `weights` (each ≥ 0) in proportion, by the largest-remainder method:
 * every part first gets floor(total × weight / Σweights); the cents still missing go one each to the
 * parts with the largest remainders, ties going to the larger weight, then to the lower index.
 * The result always sums EXACTLY to `total`, and no part exceeds its exact share rounded up.
 *
 * All-zero weights: the total is split evenly (every weight treated as 1), leftover cents to the
 * lowest indexes. Empty weights: [] for a zero total, DomainError('ALLOCATION_IMPOSSIBLE') otherwise.
 */
export function allocateProportionally(total: Minor, weights: readonly Minor[]): Minor[] {
  assertMinor(total, 'total');
  if (total < 0) {
    throw new DomainError('INVALID_AMOUNT', `The total to allocate cannot be negative, got ${total}`, {
      total,
    });
  }
  weights.forEach((w, i) => {
    assertMinor(w, `weights[${i}]`);
    if (w < 0) {
      throw new DomainError('INVALID_AMOUNT', `Allocation weights cannot be negative, got ${w} at ${i}`, {
        index: i,
        weight: w,
      });
    }
  });
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new DomainError('ALLOCATION_IMPOSSIBLE', `Cannot allocate ${formatMoney(total)} over no parts`, {
      total,
    });
  }
  const allZero = weights.every((w) => w === 0);
  const effective = weights.map((w) => BigInt(allZero ? 1 : w));
  const weightSum = effective.reduce((a, b) => a + b, 0n);
  const bigTotal = BigInt(total);

  const parts = effective.map((weight, index) => {
    const exact = bigTotal * weight;
    return { index, weight, share: exact / weightSum, remainder: exact % weightSum };
  });
  let leftover = bigTotal - parts.reduce((a, p) => a + p.share, 0n);
  const byPriority = [...parts].sort((a, b) => {
    if (a.remainder !== b.remainder) return a.remainder > b.remainder ? -1 : 1;
    if (a.weight !== b.weight) return a.weight > b.weight ? -1 : 1;
    return a.index - b.index;
  });
  for (const part of byPriority) {
    if (leftover === 0n) break;
    part.share += 1n;
    leftover -= 1n;
  }
  return parts.map((p) => Number(p.share));
}

/** Σ values; every value must be a safe integer and so must the sum (else NOT_SAFE_INTEGER). */
export function sumMinor(values: readonly Minor[]): Minor {
  let sum = 0;
  values.forEach((v, i) => {
    sum += assertMinor(v, `values[${i}]`);
    if (!Number.isSafeInteger(sum)) {
      throw new DomainError(
        'NOT_SAFE_INTEGER',
        'The sum of the amounts is too large to be represented exactly',
        {
          index: i,
        },
      );
    }
  });
  return sum;
}

function describe(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}
