/**
 * Quantities are integer thousandths (`qtyMilli`): 1 unit = 1000, 1.250 kg = 1250. Weighed goods are
 * therefore exact to the gram, and counted goods are multiples of QTY_ONE.
 */
import { DomainError } from './errors.js';
import { formatScaledDecimal, parseScaledDecimal } from './decimal-text.js';

/** One whole unit, in qtyMilli. */
export const QTY_ONE = 1000;

/** Decimal places of a quantity (thousandths). */
export const QTY_DECIMALS = 3;

/** Returns `v` if it is a safe integer of thousandths, else throws DomainError('INVALID_QUANTITY'). */
export function assertQtyMilli(v: unknown, field = 'quantity'): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
    throw new DomainError(
      'INVALID_QUANTITY',
      `${field} must be a whole number of thousandths (1 unit = 1000), got ${describe(v)}`,
      { field, value: v },
    );
  }
  return v;
}

/** "1" → 1000, "1.250" → 1250, 2.5 → 2500, "-1" → -1000. More than 3 decimals → INVALID_QUANTITY. */
export function parseQuantity(input: string | number): number {
  const parsed = parseScaledDecimal(input, QTY_DECIMALS);
  if (!parsed.ok) {
    throw new DomainError('INVALID_QUANTITY', `Invalid quantity ${describe(input)}: ${parsed.reason}`, {
      input,
    });
  }
  return parsed.value;
}

/** Wire format, always three decimals: 1250 → "1.250", 2000 → "2.000". */
export function formatQuantity(qtyMilli: number): string {
  return formatScaledDecimal(assertQtyMilli(qtyMilli), QTY_DECIMALS);
}

/** Display format, trailing zeros trimmed: 2000 → "2", 1250 → "1.25", 1235 → "1.235". */
export function formatQuantityDisplay(qtyMilli: number): string {
  return formatQuantity(qtyMilli).replace(/\.?0+$/, '');
}

/** True when the quantity is a whole number of units (counted goods). */
export function isWholeQuantity(qtyMilli: number): boolean {
  return assertQtyMilli(qtyMilli) % QTY_ONE === 0;
}

function describe(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}
