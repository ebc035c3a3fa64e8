// Field types of the REST API (DESIGN.md "Money, quantities, ids, time"), built on src-shared/domain:
// money in as a string or number → integer minor units, out as "500.00"; quantities likewise with 3
// decimals; ids UUIDs; timestamps ISO-8601 UTC.
import { z } from 'zod';
import { formatMoney, parseMoney } from '../../src-shared/domain/money.js';
import { formatQuantity, parseQuantity } from '../../src-shared/domain/quantity.js';
import { isDomainError } from '../../src-shared/domain/errors.js';

export type Sign = 'any' | 'nonNegative' | 'positive';

function decimalField(parse: (input: string | number) => number, decimals: number, sign: Sign, max: number) {
  return z
    .union([z.string(), z.number()], {
      error: (issue) =>
        issue.input === undefined ? 'This field is required.' : 'A valid number is required.',
    })
    .transform((input, ctx) => {
      let value: number;
      try {
        value = parse(input);
      } catch (error) {
        const reason = isDomainError(error) ? error.message : String(error);
        ctx.addIssue({
          code: 'custom',
          message: /decimal place/.test(reason)
            ? `Ensure that there are no more than ${decimals} decimal places.`
            : /too large/.test(reason)
              ? 'Ensure this value is not too large.'
              : 'A valid number is required.',
        });
        return z.NEVER;
      }
      if (sign === 'nonNegative' && value < 0) {
        ctx.addIssue({ code: 'custom', message: 'Ensure this value is greater than or equal to 0.' });
        return z.NEVER;
      }
      if (sign === 'positive' && value <= 0) {
        ctx.addIssue({ code: 'custom', message: 'Ensure this value is greater than 0.' });
        return z.NEVER;
      }
      if (Math.abs(value) > max) {
        ctx.addIssue({ code: 'custom', message: 'Ensure this value is not too large.' });
        return z.NEVER;
      }
      return value;
    });
}

/**
 * A money input: "500", "500.5", 500.5 → 50050 minor units. Over-precise ("1.234"), non-numeric and, per
 * `sign`, negative or zero amounts are a field error. Default sign: nonNegative.
 */
export function moneyIn(sign: Sign = 'nonNegative', minorDigits = 2) {
  return decimalField((v) => parseMoney(v, minorDigits), minorDigits, sign, 1e15).meta({
    description: `Decimal amount with up to ${minorDigits} decimal places, as a string ("500.00") or a number.`,
    example: '500.00',
  });
}

/** A quantity input: "1.250" → 1250 thousandths. Default sign: positive. */
export function quantityIn(sign: Sign = 'positive') {
  return decimalField(parseQuantity, 3, sign, 1e12).meta({
    description: 'Decimal quantity with up to 3 decimal places, as a string ("1.250") or a number.',
    example: '1.000',
  });
}

/** Response field for money: a decimal string with 2 places. Fill it with toMoney(minor). */
export const moneyOut = z.string().meta({ description: 'Decimal amount, 2 places', example: '500.00' });
/** Response field for a quantity: a decimal string with 3 places. Fill it with toQuantity(qtyMilli). */
export const quantityOut = z.string().meta({ description: 'Decimal quantity, 3 places', example: '1.000' });

export const toMoney = (minor: number, minorDigits = 2): string => formatMoney(minor, minorDigits);
export const toQuantity = (qtyMilli: number): string => formatQuantity(qtyMilli);

/** Timestamps out: ISO-8601 UTC with milliseconds ("2026-01-31T09:15:00.000Z"). */
export const timestampOut = z.iso.datetime().meta({ example: '2026-01-31T09:15:00.000Z' });
export const toTimestamp = (d: Date): string => d.toISOString();
export const toTimestampOrNull = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const uuidField = z
  .uuid({
    error: (issue) => (issue.input === undefined ? 'This field is required.' : 'Must be a valid UUID.'),
  })
  // Id columns compare bytes (ASCII, binary collation: db/columns.ts); every id is stored lower-case.
  .toLowerCase();

/** Path parameters of a detail route: `/api/things/:id/`. A non-UUID id answers 404, like DRF. */
export const idParams = z.object({ id: uuidField });

/** Query-string boolean as DRF's BooleanFilter reads it: true/false/1/0. */
export const queryBool = z
  .enum(['true', 'false', 'True', 'False', '1', '0'], { error: 'Select a valid choice.' })
  .transform((v) => v === 'true' || v === 'True' || v === '1');

/** A phone number: 9–15 digits, optional leading +. */
export const phoneNumberField = z
  .string()
  .trim()
  .regex(/^\+?\d{9,15}$/, 'Enter a valid phone number (9 to 15 digits, optionally starting with +).');

/** The Kenyan till PIN: 4–8 digits. */
export const pinField = z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits.');
