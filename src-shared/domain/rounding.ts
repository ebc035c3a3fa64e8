/**
 * THE rounding rule of AsiriaPOS.
 *
 * Whenever a money or quantity computation has to divide (unit price × quantity / 1000, amount × basis
 * points / 10 000, the tax contained in a tax-inclusive price, cash rounding to a coin step, converting a
 * weighed-barcode value between decimal scales), the exact rational result is rounded to the nearest
 * integer of the target unit (the minor unit for money, the thousandth for quantities), and an exact half
 * rounds AWAY FROM ZERO:
 *
 *     0.5 → 1     1.5 → 2     2.5 → 3     2.4999 → 2
 *    −0.5 → −1   −1.5 → −2   −2.5 → −3   −2.4999 → −2
 *
 * The rule is symmetric, so a refund line is always the exact negative of the sale line it reverses.
 * Banker's rounding (half to even) is NOT used anywhere. The decision is taken on exact integers
 * (`number` while every value is a safe integer, `BigInt` otherwise); a floating-point quotient never
 * decides a rounding. A result outside the safe-integer range is an error, never a silent loss.
 */
import { DomainError } from './errors.js';

type IntegerLike = number | bigint;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;

function toBigInt(value: IntegerLike, role: string): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) {
    throw new DomainError('NOT_SAFE_INTEGER', `The ${role} must be a safe integer, got ${String(value)}`, {
      [role]: value,
    });
  }
  return BigInt(value);
}

/** Converts an exact BigInt result to a number, refusing anything outside the safe-integer range. */
export function toSafeNumber(value: bigint): number {
  if (value > MAX_SAFE || value < MIN_SAFE) {
    throw new DomainError(
      'NOT_SAFE_INTEGER',
      `The result ${value.toString()} is too large to be represented exactly`,
      {
        value: value.toString(),
      },
    );
  }
  return Number(value);
}

function divideNumbers(numerator: number, denominator: number): number {
  const negative = numerator < 0 !== denominator < 0;
  const a = Math.abs(numerator);
  const b = Math.abs(denominator);
  const remainder = a % b; // exact for safe integers
  let quotient = (a - remainder) / b; // exact: a − r is a multiple of b
  if (remainder * 2 >= b) quotient += 1;
  if (quotient === 0) return 0; // never return −0
  return negative ? -quotient : quotient;
}

/**
 * numerator / denominator, rounded to the nearest integer with halves away from zero (see the header).
 * Throws DomainError('NOT_SAFE_INTEGER') for non-integer inputs or an unsafe result and
 * DomainError('DIVISION_BY_ZERO') for a zero denominator.
 */
export function divRoundHalfAwayFromZero(numerator: IntegerLike, denominator: IntegerLike): number {
  if (
    typeof numerator === 'number' &&
    typeof denominator === 'number' &&
    Number.isSafeInteger(numerator) &&
    Number.isSafeInteger(denominator) &&
    denominator !== 0
  ) {
    return divideNumbers(numerator, denominator);
  }
  const n = toBigInt(numerator, 'numerator');
  const d = toBigInt(denominator, 'denominator');
  if (d === 0n) throw new DomainError('DIVISION_BY_ZERO', 'Cannot divide by zero');
  const negative = n < 0n !== d < 0n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  let quotient = a / b;
  if ((a % b) * 2n >= b) quotient += 1n;
  return toSafeNumber(negative ? -quotient : quotient);
}

/**
 * a × b / denominator rounded by the rule, computed exactly: the product is formed with BigInt when it
 * could leave the safe-integer range.
 */
export function mulDivRoundHalfAwayFromZero(a: number, b: number, denominator: number): number {
  const product = a * b;
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(product)) {
    return divRoundHalfAwayFromZero(product, denominator);
  }
  return divRoundHalfAwayFromZero(toBigInt(a, 'multiplicand') * toBigInt(b, 'multiplier'), denominator);
}
