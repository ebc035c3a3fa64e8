/**
 * Barcodes: GS1 check digits (EAN-8, UPC-A, EAN-13, UPC-E), in-store weighed-item EAN-13s (prefix
 * 20–29 with an embedded price or weight), and the classification of a raw scan for product lookup.
 */
import { DomainError } from './errors.js';
import type { Minor } from './money.js';
import { divRoundHalfAwayFromZero } from './rounding.js';
import { assertScaleDigits } from './decimal-text.js';
import { QTY_DECIMALS } from './quantity.js';

export type GtinKind = 'EAN8' | 'EAN13' | 'UPCA' | 'UPCE';

/** `normalized`: EAN-13/UPC-A/EAN-8 as scanned (cleaned); a UPC-E expanded to its 12-digit UPC-A. */
export type BarcodeCheck =
  | { ok: true; kind: GtinKind; normalized: string }
  | { ok: false; code: 'BAD_CHECK_DIGIT' | 'BAD_LENGTH' | 'NOT_NUMERIC' | 'BAD_UPCE'; reason: string };

const ALL_DIGITS = /^\d+$/;
const AIM_SYMBOLOGY_ID = /^\][A-Za-z][0-9A-Za-z]/;

/**
 * The GS1 mod-10 check digit of `body` (the digits without the check digit; any GS1 length up to 17,
 * e.g. 7 for EAN-8, 11 for UPC-A, 12 for EAN-13, 13 for GTIN-14, 17 for SSCC): weights 3,1,3,1…
 * from the rightmost body digit. A body that is not 1–17 digits → DomainError('INVALID_BARCODE').
 */
export function gtinCheckDigit(body: string): number {
  if (!/^\d{1,17}$/.test(body)) {
    throw new DomainError('INVALID_BARCODE', `A check digit needs 1 to 17 digits, got "${body}"`, { body });
  }
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Trims whitespace (and a trailing CR/LF) and strips an AIM symbology identifier such as "]E0". */
export function normalizeScan(raw: string): string {
  return raw.trim().replace(AIM_SYMBOLOGY_ID, '').trim();
}

function verifyCheckDigit(digits: string): string | null {
  const expected = gtinCheckDigit(digits.slice(0, -1));
  const actual = digits.slice(-1);
  return actual === String(expected) ? null : `Check digit is ${actual}, expected ${expected}`;
}

/**
 * Validates an EAN-8 (8 digits), UPC-A (12) or EAN-13 (13). An 8-digit code is always taken as EAN-8
 * here; use checkUpcE for a UPC-E.
 */
export function checkGtin(code: string): BarcodeCheck {
  const c = normalizeScan(code);
  if (!ALL_DIGITS.test(c)) {
    return { ok: false, code: 'NOT_NUMERIC', reason: `"${c}" is not a GTIN: it must contain only digits` };
  }
  const kind: GtinKind | undefined =
    c.length === 8 ? 'EAN8' : c.length === 12 ? 'UPCA' : c.length === 13 ? 'EAN13' : undefined;
  if (kind === undefined) {
    return { ok: false, code: 'BAD_LENGTH', reason: `A GTIN has 8, 12 or 13 digits, got ${c.length}` };
  }
  const bad = verifyCheckDigit(c);
  if (bad !== null) return { ok: false, code: 'BAD_CHECK_DIGIT', reason: bad };
  return { ok: true, kind, normalized: c };
}

function expandUpcEBody(numberSystem: string, data: string): string {
  const [d1, d2, d3, d4, d5, d6] = data;
  switch (d6) {
    case '0':
    case '1':
    case '2':
      return `${numberSystem}${d1}${d2}${d6}0000${d3}${d4}${d5}`;
    case '3':
      return `${numberSystem}${d1}${d2}${d3}00000${d4}${d5}`;
    case '4':
      return `${numberSystem}${d1}${d2}${d3}${d4}00000${d5}`;
    default:
      return `${numberSystem}${d1}${d2}${d3}${d4}${d5}0000${d6}`;
  }
}

/**
 * Validates a UPC-E and expands it to UPC-A. Accepted forms:
 * - 6 digits: the data digits only (number system 0 assumed, check digit computed);
 * - 7 digits: number system + 6 data digits (check digit computed);
 * - 8 digits: number system + 6 data digits + check digit (verified against the expanded UPC-A).
 * The number system must be 0 or 1. `normalized` is the 12-digit UPC-A.
 */
export function checkUpcE(code: string): BarcodeCheck {
  const c = normalizeScan(code);
  if (!ALL_DIGITS.test(c)) {
    return { ok: false, code: 'NOT_NUMERIC', reason: `"${c}" is not a UPC-E: it must contain only digits` };
  }
  if (c.length < 6 || c.length > 8) {
    return { ok: false, code: 'BAD_LENGTH', reason: `A UPC-E has 6, 7 or 8 digits, got ${c.length}` };
  }
  const numberSystem = c.length === 6 ? '0' : c.slice(0, 1);
  const data = c.length === 6 ? c : c.slice(1, 7);
  if (numberSystem !== '0' && numberSystem !== '1') {
    return {
      ok: false,
      code: 'BAD_UPCE',
      reason: `A UPC-E starts with number system 0 or 1, got ${numberSystem}`,
    };
  }
  const body = expandUpcEBody(numberSystem, data);
  const expected = String(gtinCheckDigit(body));
  if (c.length === 8 && c.slice(7) !== expected) {
    return {
      ok: false,
      code: 'BAD_CHECK_DIGIT',
      reason: `Check digit is ${c.slice(7)}, expected ${expected}`,
    };
  }
  return { ok: true, kind: 'UPCE', normalized: body + expected };
}

/** The 12-digit UPC-A of a UPC-E (forms as in checkUpcE); an invalid UPC-E → DomainError(<its code>). */
export function expandUpcE(code: string): string {
  const result = checkUpcE(code);
  if (!result.ok) throw new DomainError(result.code, result.reason, { code });
  return result.normalized;
}

export interface WeighedBarcodeLayout {
  /** EAN-13 prefixes reserved for in-store weighed items; default '20'..'29'. */
  prefixes: readonly string[];
  /** Digits of the item code, starting right after the prefix; default 5. */
  itemCodeLength: number;
  /** Digits of the embedded value, starting right after the item code; default 5. */
  valueLength: number;
  valueKind: 'price' | 'weight';
  /** price: decimals of the embedded price (2 → cents); weight: 3 → grams = qtyMilli. */
  valueDecimals: number;
}

export const DEFAULT_WEIGHED_LAYOUT: WeighedBarcodeLayout = Object.freeze({
  prefixes: Object.freeze(['20', '21', '22', '23', '24', '25', '26', '27', '28', '29']),
  itemCodeLength: 5,
  valueLength: 5,
  valueKind: 'weight',
  valueDecimals: 3,
});

export type ScanClassification =
  | { kind: 'gtin'; gtinKind: GtinKind; code: string }
  | {
      kind: 'weighed';
      code: string;
      prefix: string;
      itemCode: string;
      valueKind: 'price' | 'weight';
      price?: Minor;
      weightMilli?: number;
    }
  | { kind: 'invalid'; code: string; errorCode: string; reason: string }
  | { kind: 'text'; code: string };

function assertLayout(layout: WeighedBarcodeLayout): void {
  const fail = (why: string): never => {
    throw new DomainError('INVALID_LAYOUT', `Invalid weighed-barcode layout: ${why}`, { layout });
  };
  // Layouts come from store settings: check them at run time, whatever their static type says.
  const valueKind: unknown = layout.valueKind;
  if (layout.prefixes.some((p) => !/^\d{1,3}$/.test(p))) {
    fail('each prefix must be 1 to 3 digits');
  }
  if (!Number.isSafeInteger(layout.itemCodeLength) || layout.itemCodeLength < 1) {
    fail('item code length must be ≥ 1');
  }
  if (!Number.isSafeInteger(layout.valueLength) || layout.valueLength < 1) {
    fail('value length must be ≥ 1');
  }
  if (valueKind !== 'price' && valueKind !== 'weight') {
    fail('value kind must be price or weight');
  }
  assertScaleDigits(layout.valueDecimals, 'valueDecimals');
  const longestPrefix = Math.max(0, ...layout.prefixes.map((p) => p.length));
  if (longestPrefix + layout.itemCodeLength + layout.valueLength > 12) {
    fail('prefix, item code and value must fit in the 12 digits before the check digit');
  }
}

/** Re-expresses an integer with `fromDecimals` decimals as one with `toDecimals` (rounded by the rule). */
function rescale(value: number, fromDecimals: number, toDecimals: number): number {
  if (toDecimals >= fromDecimals) return value * 10 ** (toDecimals - fromDecimals);
  return divRoundHalfAwayFromZero(value, 10 ** (fromDecimals - toDecimals));
}

/**
 * What a raw scan is, for product lookup:
 * - surrounding whitespace and an AIM symbology identifier ("]E0") are removed first;
 * - digits only, 8/12/13 long: a GTIN (EAN-8, UPC-A, EAN-13) whose check digit must be right, else
 *   'invalid' with the reason; a valid EAN-13 whose prefix is one of layout.prefixes is 'weighed', with
 *   its item code and its embedded price (in minor units of a currency with `minorDigits`) or weight
 *   (qtyMilli);
 * - anything else (letters, other lengths: internal SKUs, Code 128 text, GTIN-14) is 'text', looked up
 *   as is. An empty scan is 'invalid' (errorCode 'EMPTY').
 */
export function classifyScan(
  raw: string,
  layout: WeighedBarcodeLayout = DEFAULT_WEIGHED_LAYOUT,
  minorDigits = 2,
): ScanClassification {
  assertLayout(layout);
  assertScaleDigits(minorDigits, 'minorDigits');
  const code = normalizeScan(raw);
  if (code === '') return { kind: 'invalid', code, errorCode: 'EMPTY', reason: 'The scan is empty' };
  if (!ALL_DIGITS.test(code) || ![8, 12, 13].includes(code.length)) return { kind: 'text', code };
  const check = checkGtin(code);
  if (!check.ok) return { kind: 'invalid', code, errorCode: check.code, reason: check.reason };
  const prefix =
    code.length === 13
      ? [...layout.prefixes].sort((x, y) => y.length - x.length).find((p) => code.startsWith(p))
      : undefined;
  if (prefix === undefined) return { kind: 'gtin', gtinKind: check.kind, code };

  const itemStart = prefix.length;
  const valueStart = itemStart + layout.itemCodeLength;
  const itemCode = code.slice(itemStart, valueStart);
  const value = Number(code.slice(valueStart, valueStart + layout.valueLength));
  if (layout.valueKind === 'price') {
    const price = rescale(value, layout.valueDecimals, minorDigits);
    return { kind: 'weighed', code, prefix, itemCode, valueKind: 'price', price };
  }
  const weightMilli = rescale(value, layout.valueDecimals, QTY_DECIMALS);
  return { kind: 'weighed', code, prefix, itemCode, valueKind: 'weight', weightMilli };
}
