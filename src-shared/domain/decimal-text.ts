/**
 * Exact conversion between decimal text ("1234.50", "1.250") and scaled integers (123450, 1250).
 * Shared by money (scale = the currency's minor digits) and quantity (scale = 3) parsing/formatting.
 * No floating-point arithmetic: a JavaScript number input is converted through its shortest decimal
 * string (String(12.34) === "12.34"), so whatever the number prints as is what is parsed.
 */
import { DomainError } from './errors.js';

export type ScaledDecimalParse = { ok: true; value: number } | { ok: false; reason: string };

const PLAIN_DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Largest scale accepted anywhere (minor digits of a currency, decimals of a barcode value). */
export const MAX_SCALE_DIGITS = 6;

export function assertScaleDigits(digits: number, field: string): void {
  if (!Number.isSafeInteger(digits) || digits < 0 || digits > MAX_SCALE_DIGITS) {
    throw new DomainError(
      'INVALID_SCALE',
      `${field} must be a whole number from 0 to ${MAX_SCALE_DIGITS}, got ${String(digits)}`,
      {
        field,
        value: digits,
      },
    );
  }
}

/**
 * Parses a plain decimal ("500", "-3.10", "+7", "007.5") into an integer scaled by 10^scaleDigits.
 * Decimals beyond the scale are accepted only when they are zeros ("1.2300" at scale 2 is 123), because
 * the value is still exact; "1.234" at scale 2 is refused. Exponents, grouping, blanks and non-finite
 * numbers are refused. −0 parses to 0.
 */
export function parseScaledDecimal(input: string | number, scaleDigits: number): ScaledDecimalParse {
  const raw: unknown = input; // callers may be plain JavaScript: check the type at run time too
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, reason: 'is not a finite number' };
    text = String(raw);
  } else if (typeof raw === 'string') {
    text = raw.trim();
    if (text === '') return { ok: false, reason: 'is empty' };
  } else {
    return { ok: false, reason: 'must be a string or a number' };
  }
  const match = PLAIN_DECIMAL.exec(text);
  if (!match)
    return { ok: false, reason: 'is not a plain decimal number (digits, optional sign and decimal point)' };
  const sign = match[1] ?? '';
  const whole = match[2] ?? '0';
  const fraction = match[3] ?? '';
  const kept = fraction.slice(0, scaleDigits);
  const excess = fraction.slice(scaleDigits);
  if (/[1-9]/.test(excess)) {
    return {
      ok: false,
      reason:
        scaleDigits === 0
          ? 'must be a whole number (no decimals)'
          : `has more than ${scaleDigits} decimal place${scaleDigits === 1 ? '' : 's'}`,
    };
  }
  const magnitude = BigInt(whole + kept.padEnd(scaleDigits, '0'));
  if (magnitude > MAX_SAFE) return { ok: false, reason: 'is too large' };
  const value = Number(magnitude);
  if (value === 0) return { ok: true, value: 0 };
  return { ok: true, value: sign === '-' ? -value : value };
}

/** Formats a scaled integer as plain decimal text with exactly `scaleDigits` decimals: (-5, 2) → "-0.05". */
export function formatScaledDecimal(value: number, scaleDigits: number): string {
  const negative = value < 0;
  const digits = Math.abs(value).toString();
  if (scaleDigits === 0) return (negative ? '-' : '') + digits;
  const padded = digits.padStart(scaleDigits + 1, '0');
  const whole = padded.slice(0, padded.length - scaleDigits);
  const fraction = padded.slice(padded.length - scaleDigits);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** Inserts a comma every three digits of an unsigned digit string: "1234567" → "1,234,567". */
export function groupThousands(wholeDigits: string): string {
  return wholeDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
