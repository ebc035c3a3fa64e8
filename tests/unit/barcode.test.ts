import { describe, it, expect } from 'vitest';
import {
  checkGtin,
  checkUpcE,
  classifyScan,
  DEFAULT_WEIGHED_LAYOUT,
  expandUpcE,
  gtinCheckDigit,
  normalizeScan,
} from '../../src-shared/domain/barcode.js';
import type { WeighedBarcodeLayout } from '../../src-shared/domain/barcode.js';
import { expectDomainError } from './expect-domain-error.js';

describe('gtinCheckDigit', () => {
  it.each([
    ['590123412345', 7],
    ['400638133393', 1],
    ['9638507', 4],
    ['7351353', 7],
    ['03600029145', 2],
    ['04210000526', 4],
    ['0000000000000', 0],
    ['950110102091', 7],
    ['1061414100041', 5],
    ['00614141123456789', 0],
  ])('%s → %i', (body, digit) => {
    expect(gtinCheckDigit(body)).toBe(digit);
  });

  it('refuses non-digit or over-long bodies', () => {
    expectDomainError(
      () => gtinCheckDigit('12a4567'),
      'INVALID_BARCODE',
      'A check digit needs 1 to 17 digits, got "12a4567"',
    );
    expectDomainError(() => gtinCheckDigit(''), 'INVALID_BARCODE');
    expectDomainError(() => gtinCheckDigit('1'.repeat(18)), 'INVALID_BARCODE');
  });
});

describe('normalizeScan', () => {
  it('trims whitespace and strips an AIM symbology identifier', () => {
    expect(normalizeScan('  5901234123457\r\n')).toBe('5901234123457');
    expect(normalizeScan(']E05901234123457')).toBe('5901234123457');
    expect(normalizeScan(']E496385074')).toBe('96385074');
    expect(normalizeScan(']C1ABC-123')).toBe('ABC-123');
    expect(normalizeScan('ABC]E0')).toBe('ABC]E0');
  });
});

describe('checkGtin', () => {
  it.each([
    ['5901234123457', 'EAN13'],
    ['4006381333931', 'EAN13'],
    ['96385074', 'EAN8'],
    ['73513537', 'EAN8'],
    ['036000291452', 'UPCA'],
    ['042100005264', 'UPCA'],
  ] as const)('%s is a valid %s', (code, kind) => {
    expect(checkGtin(code)).toEqual({ ok: true, kind, normalized: code });
  });

  it('accepts a code with an AIM prefix and surrounding whitespace', () => {
    expect(checkGtin(' ]E05901234123457 ')).toEqual({ ok: true, kind: 'EAN13', normalized: '5901234123457' });
  });

  it.each([
    ['5901234123458', 'Check digit is 8, expected 7'],
    ['4006381333932', 'Check digit is 2, expected 1'],
    ['96385075', 'Check digit is 5, expected 4'],
    ['036000291453', 'Check digit is 3, expected 2'],
    ['5901234123475', 'Check digit is 5, expected 1'],
  ])('%s has a bad check digit', (code, reason) => {
    expect(checkGtin(code)).toEqual({ ok: false, code: 'BAD_CHECK_DIGIT', reason });
  });

  it('reports wrong lengths and non-digits', () => {
    expect(checkGtin('590123412345')).toEqual({
      ok: false,
      code: 'BAD_CHECK_DIGIT',
      reason: 'Check digit is 5, expected 2',
    });
    expect(checkGtin('59012341234')).toEqual({
      ok: false,
      code: 'BAD_LENGTH',
      reason: 'A GTIN has 8, 12 or 13 digits, got 11',
    });
    expect(checkGtin('10614141000415')).toEqual({
      ok: false,
      code: 'BAD_LENGTH',
      reason: 'A GTIN has 8, 12 or 13 digits, got 14',
    });
    expect(checkGtin('')).toEqual({
      ok: false,
      code: 'NOT_NUMERIC',
      reason: '"" is not a GTIN: it must contain only digits',
    });
    expect(checkGtin('59012341234X7')).toEqual({
      ok: false,
      code: 'NOT_NUMERIC',
      reason: '"59012341234X7" is not a GTIN: it must contain only digits',
    });
  });
});

describe('UPC-E', () => {
  it.each([
    ['04252614', '042100005264'],
    ['0425261', '042100005264'],
    ['425261', '042100005264'],
    ['01234505', '012000003455'],
    ['01234514', '012100003454'],
    ['01234523', '012200003453'],
    ['01234531', '012300000451'],
    ['01234543', '012340000053'],
    ['01234558', '012345000058'],
    ['01234596', '012345000096'],
    ['06543217', '065100004327'],
    ['12345656', '123456000056'],
  ])('%s expands to UPC-A %s', (upce, upca) => {
    expect(expandUpcE(upce)).toBe(upca);
    expect(checkUpcE(upce)).toEqual({ ok: true, kind: 'UPCE', normalized: upca });
    expect(checkGtin(upca)).toEqual({ ok: true, kind: 'UPCA', normalized: upca });
  });

  it('refuses a bad UPC-E check digit', () => {
    expect(checkUpcE('04252615')).toEqual({
      ok: false,
      code: 'BAD_CHECK_DIGIT',
      reason: 'Check digit is 5, expected 4',
    });
    expectDomainError(() => expandUpcE('04252615'), 'BAD_CHECK_DIGIT', 'Check digit is 5, expected 4');
  });

  it('refuses number systems other than 0 and 1', () => {
    expect(checkUpcE('24252614')).toEqual({
      ok: false,
      code: 'BAD_UPCE',
      reason: 'A UPC-E starts with number system 0 or 1, got 2',
    });
    expectDomainError(() => expandUpcE('2425261'), 'BAD_UPCE');
  });

  it('refuses wrong lengths and non-digits', () => {
    expect(checkUpcE('12345')).toEqual({
      ok: false,
      code: 'BAD_LENGTH',
      reason: 'A UPC-E has 6, 7 or 8 digits, got 5',
    });
    expect(checkUpcE('042526145')).toMatchObject({ ok: false, code: 'BAD_LENGTH' });
    expect(checkUpcE('0425A614')).toMatchObject({ ok: false, code: 'NOT_NUMERIC' });
    expectDomainError(() => expandUpcE('abc'), 'NOT_NUMERIC');
  });
});

describe('classifyScan: GTINs and text', () => {
  it.each([
    ['5901234123457', 'EAN13'],
    ['4006381333931', 'EAN13'],
    ['96385074', 'EAN8'],
    ['036000291452', 'UPCA'],
  ] as const)('%s is a %s', (code, gtinKind) => {
    expect(classifyScan(code)).toEqual({ kind: 'gtin', gtinKind, code });
  });

  it('cleans the scan first', () => {
    expect(classifyScan(']E0 4006381333931\n')).toEqual({
      kind: 'gtin',
      gtinKind: 'EAN13',
      code: '4006381333931',
    });
  });

  it('reports a bad check digit with the reason', () => {
    expect(classifyScan('5901234123458')).toEqual({
      kind: 'invalid',
      code: '5901234123458',
      errorCode: 'BAD_CHECK_DIGIT',
      reason: 'Check digit is 8, expected 7',
    });
    expect(classifyScan('73513538')).toEqual({
      kind: 'invalid',
      code: '73513538',
      errorCode: 'BAD_CHECK_DIGIT',
      reason: 'Check digit is 8, expected 7',
    });
  });

  it('treats other codes as text to look up as they are', () => {
    expect(classifyScan('SKU-00123')).toEqual({ kind: 'text', code: 'SKU-00123' });
    expect(classifyScan('1234')).toEqual({ kind: 'text', code: '1234' });
    expect(classifyScan('10614141000415')).toEqual({ kind: 'text', code: '10614141000415' });
    expect(classifyScan(']C1ABC 123')).toEqual({ kind: 'text', code: 'ABC 123' });
  });

  it('reports an empty scan', () => {
    expect(classifyScan('  \r\n')).toEqual({
      kind: 'invalid',
      code: '',
      errorCode: 'EMPTY',
      reason: 'The scan is empty',
    });
  });
});

describe('classifyScan: weighed items', () => {
  it('has a default layout of prefix 20–29, 5-digit item, 5-digit weight in grams', () => {
    expect(DEFAULT_WEIGHED_LAYOUT).toEqual({
      prefixes: ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29'],
      itemCodeLength: 5,
      valueLength: 5,
      valueKind: 'weight',
      valueDecimals: 3,
    });
  });

  it('reads the weight: 20 12345 01235 6 → item 12345, 1.235 kg', () => {
    expect(classifyScan('2012345012356')).toEqual({
      kind: 'weighed',
      code: '2012345012356',
      prefix: '20',
      itemCode: '12345',
      valueKind: 'weight',
      weightMilli: 1235,
    });
    expect(classifyScan('2900001123457')).toMatchObject({
      prefix: '29',
      itemCode: '00001',
      weightMilli: 12345,
    });
  });

  it('reads the price with a price layout: 21 12345 00999 5 → 9.99', () => {
    const priceLayout: WeighedBarcodeLayout = {
      ...DEFAULT_WEIGHED_LAYOUT,
      valueKind: 'price',
      valueDecimals: 2,
    };
    expect(classifyScan('2112345009995', priceLayout)).toEqual({
      kind: 'weighed',
      code: '2112345009995',
      prefix: '21',
      itemCode: '12345',
      valueKind: 'price',
      price: 999,
    });
    expect(classifyScan('2512345019992', priceLayout)).toMatchObject({ itemCode: '12345', price: 1999 });
  });

  it('converts the embedded price to the store currency’s minor units', () => {
    const wholeShillings: WeighedBarcodeLayout = {
      ...DEFAULT_WEIGHED_LAYOUT,
      valueKind: 'price',
      valueDecimals: 0,
    };
    expect(classifyScan('2112345009995', wholeShillings)).toMatchObject({ price: 99900 });
    expect(classifyScan('2112345009995', wholeShillings, 0)).toMatchObject({ price: 999 });
    const cents: WeighedBarcodeLayout = { ...DEFAULT_WEIGHED_LAYOUT, valueKind: 'price', valueDecimals: 2 };
    // 9.99 in a currency without minor units (UGX) rounds by the rule to 10
    expect(classifyScan('2112345009995', cents, 0)).toMatchObject({ price: 10 });
  });

  it('converts the embedded weight to thousandths', () => {
    const decagrams: WeighedBarcodeLayout = { ...DEFAULT_WEIGHED_LAYOUT, valueDecimals: 2 };
    expect(classifyScan('2012345012356', decagrams)).toMatchObject({ weightMilli: 12350 });
    const tenthGrams: WeighedBarcodeLayout = { ...DEFAULT_WEIGHED_LAYOUT, valueDecimals: 4 };
    // 0.1235 kg → 0.124 kg (half away from zero)
    expect(classifyScan('2012345012356', tenthGrams)).toMatchObject({ weightMilli: 124 });
  });

  it('validates the check digit of a weighed code first', () => {
    expect(classifyScan('2012345012357')).toEqual({
      kind: 'invalid',
      code: '2012345012357',
      errorCode: 'BAD_CHECK_DIGIT',
      reason: 'Check digit is 7, expected 6',
    });
  });

  it('does not treat prefix-20 codes of other lengths or other prefixes as weighed', () => {
    expect(classifyScan('20123451')).toEqual({ kind: 'gtin', gtinKind: 'EAN8', code: '20123451' });
    expect(classifyScan('5901234123457')).toMatchObject({ kind: 'gtin' });
    const only20: WeighedBarcodeLayout = { ...DEFAULT_WEIGHED_LAYOUT, prefixes: ['20'] };
    expect(classifyScan('2512345019992', only20)).toEqual({
      kind: 'gtin',
      gtinKind: 'EAN13',
      code: '2512345019992',
    });
  });

  it('supports other item and value lengths', () => {
    const layout: WeighedBarcodeLayout = {
      prefixes: ['2'],
      itemCodeLength: 6,
      valueLength: 5,
      valueKind: 'price',
      valueDecimals: 2,
    };
    // 2 012345 01235 6 → item 012345, price 12.35
    expect(classifyScan('2012345012356', layout)).toMatchObject({
      prefix: '2',
      itemCode: '012345',
      price: 1235,
    });
    const shortValue: WeighedBarcodeLayout = { ...DEFAULT_WEIGHED_LAYOUT, itemCodeLength: 4, valueLength: 4 };
    // 20 1234 5012 … → item 1234, weight 5.012 kg
    expect(classifyScan('2012345012356', shortValue)).toMatchObject({ itemCode: '1234', weightMilli: 5012 });
  });

  it('refuses an impossible layout', () => {
    expectDomainError(
      () => classifyScan('2012345012356', { ...DEFAULT_WEIGHED_LAYOUT, valueLength: 6 }),
      'INVALID_LAYOUT',
      /fit in the 12 digits/,
    );
    expectDomainError(
      () => classifyScan('2012345012356', { ...DEFAULT_WEIGHED_LAYOUT, prefixes: ['2x'] }),
      'INVALID_LAYOUT',
    );
    expectDomainError(
      () => classifyScan('2012345012356', { ...DEFAULT_WEIGHED_LAYOUT, itemCodeLength: 0 }),
      'INVALID_LAYOUT',
    );
    expectDomainError(
      () => classifyScan('2012345012356', { ...DEFAULT_WEIGHED_LAYOUT, valueDecimals: 9 }),
      'INVALID_SCALE',
    );
    expectDomainError(
      () =>
        classifyScan('2012345012356', {
          ...DEFAULT_WEIGHED_LAYOUT,
          valueKind: 'volume' as 'weight',
        }),
      'INVALID_LAYOUT',
      'Invalid weighed-barcode layout: value kind must be price or weight',
    );
  });
});
