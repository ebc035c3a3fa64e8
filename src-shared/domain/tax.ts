/**
 * Tax classes and the tax split of a line.
 *
 * Rates are basis points (1600 = 16 %). Each class maps to its KRA eTIMS tax band
 * (A exempt, B 16 %, C zero-rated, D non-VAT, E 8 %).
 *
 * THE TAX RULE: tax is computed per line, on the line's final amount (after its discounts and its share
 * of any cart discount), rounded by the one rounding rule (half away from zero, ./rounding.ts). A
 * receipt's or report's tax breakdown is the SUM of those per-line figures — tax is never recomputed on
 * a band total — so the lines, the breakdown and the sale total always agree to the cent.
 */
import { DomainError } from './errors.js';
import { assertMinor } from './money.js';
import type { Minor } from './money.js';
import { mulDivRoundHalfAwayFromZero } from './rounding.js';

export type TaxClassCode = 'standard' | 'reduced' | 'zero' | 'exempt' | 'non_vat';
export type EtimsBand = 'A' | 'B' | 'C' | 'D' | 'E';

export interface TaxClass {
  code: TaxClassCode;
  band: EtimsBand;
  rateBp: number;
  label: string;
}

export const TAX_CLASSES: Readonly<Record<TaxClassCode, TaxClass>> = Object.freeze({
  standard: Object.freeze({ code: 'standard', band: 'B', rateBp: 1600, label: 'VAT 16%' }),
  reduced: Object.freeze({ code: 'reduced', band: 'E', rateBp: 800, label: 'VAT 8%' }),
  zero: Object.freeze({ code: 'zero', band: 'C', rateBp: 0, label: 'Zero-rated' }),
  exempt: Object.freeze({ code: 'exempt', band: 'A', rateBp: 0, label: 'Exempt' }),
  non_vat: Object.freeze({ code: 'non_vat', band: 'D', rateBp: 0, label: 'Non-VAT' }),
});

export const TAX_CLASS_CODES: readonly TaxClassCode[] = Object.freeze([
  'standard',
  'reduced',
  'zero',
  'exempt',
  'non_vat',
]);

export function isTaxClassCode(s: unknown): s is TaxClassCode {
  return typeof s === 'string' && (TAX_CLASS_CODES as readonly string[]).includes(s);
}

/** The class for a code; unknown → DomainError('UNKNOWN_TAX_CLASS'). */
export function taxClass(code: string): TaxClass {
  if (!isTaxClassCode(code)) {
    throw new DomainError('UNKNOWN_TAX_CLASS', `Unknown tax class "${code}"`, {
      code,
      supported: TAX_CLASS_CODES,
    });
  }
  return TAX_CLASSES[code];
}

export interface TaxSplit {
  net: Minor;
  tax: Minor;
  gross: Minor;
}

/**
 * Splits one line amount into net, tax and gross.
 * - pricesIncludeTax: `amount` is gross; tax = round(gross × rate / (10000 + rate)); net = gross − tax.
 *   16 % of 116.00 → tax 16.00; of 100.00 → tax 13.79 (1379.31 cents), net 86.21.
 * - otherwise: `amount` is net; tax = round(net × rate / 10000); gross = net + tax.
 * Negative amounts (refund lines) split to the exact negatives of the positive amount.
 */
export function splitTax(amount: Minor, rateBp: number, pricesIncludeTax: boolean): TaxSplit {
  assertMinor(amount);
  if (!Number.isSafeInteger(rateBp) || rateBp < 0) {
    throw new DomainError(
      'INVALID_TAX_RATE',
      `A tax rate must be a whole number of basis points ≥ 0, got ${String(rateBp)}`,
      {
        rateBp,
      },
    );
  }
  if (pricesIncludeTax) {
    const tax = mulDivRoundHalfAwayFromZero(amount, rateBp, 10_000 + rateBp);
    return { net: amount - tax, tax, gross: amount };
  }
  const tax = mulDivRoundHalfAwayFromZero(amount, rateBp, 10_000);
  const gross = amount + tax;
  assertMinor(gross, 'gross');
  return { net: amount, tax, gross };
}

export interface TaxBreakdownRow {
  taxClass: TaxClassCode;
  band: EtimsBand;
  rateBp: number;
  label: string;
  net: Minor;
  tax: Minor;
  gross: Minor;
}

export interface TaxedLine {
  taxClass: TaxClassCode;
  net: Minor;
  tax: Minor;
  gross: Minor;
}

/**
 * One row per tax class present in `lines`, each the sum of its lines' net/tax/gross (see THE TAX RULE
 * above), ordered by eTIMS band A..E. Classes with no lines are omitted.
 */
export function taxBreakdown(lines: readonly TaxedLine[]): TaxBreakdownRow[] {
  const rows = new Map<TaxClassCode, TaxBreakdownRow>();
  lines.forEach((line, i) => {
    const cls = taxClass(line.taxClass);
    const row = rows.get(cls.code) ?? {
      taxClass: cls.code,
      band: cls.band,
      rateBp: cls.rateBp,
      label: cls.label,
      net: 0,
      tax: 0,
      gross: 0,
    };
    row.net = assertMinor(row.net + assertMinor(line.net, `lines[${i}].net`), 'net');
    row.tax = assertMinor(row.tax + assertMinor(line.tax, `lines[${i}].tax`), 'tax');
    row.gross = assertMinor(row.gross + assertMinor(line.gross, `lines[${i}].gross`), 'gross');
    rows.set(cls.code, row);
  });
  return [...rows.values()].sort((a, b) => (a.band < b.band ? -1 : a.band > b.band ? 1 : 0));
}
