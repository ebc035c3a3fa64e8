import { describe, it, expect } from 'vitest';
import {
  isTaxClassCode,
  splitTax,
  TAX_CLASS_CODES,
  TAX_CLASSES,
  taxBreakdown,
  taxClass,
} from '../../src-shared/domain/tax.js';
import { expectDomainError } from './expect-domain-error.js';

describe('tax classes', () => {
  it('maps every class to its rate, eTIMS band and label', () => {
    expect(TAX_CLASSES).toEqual({
      standard: { code: 'standard', band: 'B', rateBp: 1600, label: 'VAT 16%' },
      reduced: { code: 'reduced', band: 'E', rateBp: 800, label: 'VAT 8%' },
      zero: { code: 'zero', band: 'C', rateBp: 0, label: 'Zero-rated' },
      exempt: { code: 'exempt', band: 'A', rateBp: 0, label: 'Exempt' },
      non_vat: { code: 'non_vat', band: 'D', rateBp: 0, label: 'Non-VAT' },
    });
    expect(TAX_CLASS_CODES).toEqual(['standard', 'reduced', 'zero', 'exempt', 'non_vat']);
    expect(Object.isFrozen(TAX_CLASSES)).toBe(true);
    expect(Object.isFrozen(TAX_CLASSES.standard)).toBe(true);
  });

  it('recognises class codes', () => {
    expect(isTaxClassCode('standard')).toBe(true);
    expect(isTaxClassCode('non_vat')).toBe(true);
    expect(isTaxClassCode('Standard')).toBe(false);
    expect(isTaxClassCode('vat')).toBe(false);
    expect(isTaxClassCode(16)).toBe(false);
    expect(isTaxClassCode('toString')).toBe(false);
  });

  it('looks classes up and refuses unknown ones', () => {
    expect(taxClass('zero')).toBe(TAX_CLASSES.zero);
    expect(taxClass('reduced').rateBp).toBe(800);
    expectDomainError(() => taxClass('luxury'), 'UNKNOWN_TAX_CLASS', 'Unknown tax class "luxury"');
    expectDomainError(() => taxClass('constructor'), 'UNKNOWN_TAX_CLASS');
  });
});

describe('splitTax, prices including tax', () => {
  it.each([
    [11600, 1600, 10000, 1600],
    [10000, 1600, 8621, 1379],
    [5000, 1600, 4310, 690],
    [1, 1600, 1, 0],
    [4, 1600, 3, 1],
    [0, 1600, 0, 0],
    [10800, 800, 10000, 800],
    [10000, 800, 9259, 741],
    [9999, 0, 9999, 0],
  ])('gross %i at %i bp → net %i, tax %i', (gross, rateBp, net, tax) => {
    expect(splitTax(gross, rateBp, true)).toEqual({ net, tax, gross });
  });

  it('rounds an exact half cent of tax away from zero', () => {
    // At 100 % (10000 bp) the tax is half the gross: gross 1 → 0.5 → 1; gross 3 → 1.5 → 2.
    expect(splitTax(1, 10000, true)).toEqual({ net: 0, tax: 1, gross: 1 });
    expect(splitTax(3, 10000, true)).toEqual({ net: 1, tax: 2, gross: 3 });
    expect(splitTax(-3, 10000, true)).toEqual({ net: -1, tax: -2, gross: -3 });
  });

  it('splits refund (negative) lines to the exact negatives of the sale', () => {
    expect(splitTax(-10000, 1600, true)).toEqual({ net: -8621, tax: -1379, gross: -10000 });
    for (let gross = 1; gross <= 5000; gross += 7) {
      const sale = splitTax(gross, 1600, true);
      const refund = splitTax(-gross, 1600, true);
      expect(refund).toEqual({ net: 0 - sale.net, tax: 0 - sale.tax, gross: 0 - sale.gross });
    }
  });

  it('always has net + tax = gross', () => {
    for (let gross = 0; gross <= 20000; gross += 13) {
      const { net, tax } = splitTax(gross, 1600, true);
      expect(net + tax).toBe(gross);
    }
  });
});

describe('splitTax, prices excluding tax', () => {
  it.each([
    [10000, 1600, 1600, 11600],
    [8621, 1600, 1379, 10000],
    [3, 1600, 0, 3],
    [4, 1600, 1, 5],
    [10000, 800, 800, 10800],
    [6250, 800, 500, 6750],
    [10000, 0, 0, 10000],
    [-10000, 1600, -1600, -11600],
    [-4, 1600, -1, -5],
  ])('net %i at %i bp → tax %i, gross %i', (net, rateBp, tax, gross) => {
    expect(splitTax(net, rateBp, false)).toEqual({ net, tax, gross });
  });

  it('rounds an exact half cent of tax away from zero', () => {
    // 3 × 5000 / 10000 = 1.5 → 2
    expect(splitTax(3, 5000, false)).toEqual({ net: 3, tax: 2, gross: 5 });
    expect(splitTax(-3, 5000, false)).toEqual({ net: -3, tax: -2, gross: -5 });
    // 25 × 200 / 10000 = 0.5 → 1
    expect(splitTax(25, 200, false)).toEqual({ net: 25, tax: 1, gross: 26 });
  });
});

describe('splitTax errors', () => {
  it('refuses fractional amounts and bad rates', () => {
    expectDomainError(() => splitTax(10.5, 1600, true), 'INVALID_AMOUNT');
    expectDomainError(() => splitTax(100, -1, true), 'INVALID_TAX_RATE', /got -1/);
    expectDomainError(() => splitTax(100, 16.5, false), 'INVALID_TAX_RATE');
    expectDomainError(() => splitTax(Number.MAX_SAFE_INTEGER, 1600, false), 'INVALID_AMOUNT', /^gross/);
  });
});

describe('taxBreakdown', () => {
  it('sums the per-line figures per class, ordered by band A..E', () => {
    const rows = taxBreakdown([
      { taxClass: 'reduced', net: 10000, tax: 800, gross: 10800 },
      { taxClass: 'standard', net: 8621, tax: 1379, gross: 10000 },
      { taxClass: 'exempt', net: 5000, tax: 0, gross: 5000 },
      { taxClass: 'standard', net: 8621, tax: 1379, gross: 10000 },
      { taxClass: 'zero', net: 2500, tax: 0, gross: 2500 },
      { taxClass: 'non_vat', net: 100, tax: 0, gross: 100 },
    ]);
    expect(rows).toEqual([
      { taxClass: 'exempt', band: 'A', rateBp: 0, label: 'Exempt', net: 5000, tax: 0, gross: 5000 },
      {
        taxClass: 'standard',
        band: 'B',
        rateBp: 1600,
        label: 'VAT 16%',
        net: 17242,
        tax: 2758,
        gross: 20000,
      },
      { taxClass: 'zero', band: 'C', rateBp: 0, label: 'Zero-rated', net: 2500, tax: 0, gross: 2500 },
      { taxClass: 'non_vat', band: 'D', rateBp: 0, label: 'Non-VAT', net: 100, tax: 0, gross: 100 },
      { taxClass: 'reduced', band: 'E', rateBp: 800, label: 'VAT 8%', net: 10000, tax: 800, gross: 10800 },
    ]);
  });

  it('is the sum of line taxes, not the tax of the summed gross', () => {
    // Three lines of 1.00 gross at 16 %: each line's tax is 0.14 (13.79 cents) → 0.42; taxing 3.00 at once would give 0.41.
    const lines = [100, 100, 100].map((gross) => ({
      taxClass: 'standard' as const,
      ...splitTax(gross, 1600, true),
    }));
    expect(lines[0]).toEqual({ taxClass: 'standard', net: 86, tax: 14, gross: 100 });
    expect(taxBreakdown(lines)).toEqual([
      { taxClass: 'standard', band: 'B', rateBp: 1600, label: 'VAT 16%', net: 258, tax: 42, gross: 300 },
    ]);
    expect(splitTax(300, 1600, true).tax).toBe(41);
  });

  it('omits classes without lines and nets refunds inside a class', () => {
    expect(taxBreakdown([])).toEqual([]);
    expect(
      taxBreakdown([
        { taxClass: 'standard', net: 8621, tax: 1379, gross: 10000 },
        { taxClass: 'standard', net: -8621, tax: -1379, gross: -10000 },
      ]),
    ).toEqual([
      { taxClass: 'standard', band: 'B', rateBp: 1600, label: 'VAT 16%', net: 0, tax: 0, gross: 0 },
    ]);
  });

  it('refuses unknown classes and fractional figures', () => {
    expectDomainError(
      () => taxBreakdown([{ taxClass: 'luxury' as 'standard', net: 1, tax: 0, gross: 1 }]),
      'UNKNOWN_TAX_CLASS',
    );
    expectDomainError(
      () => taxBreakdown([{ taxClass: 'standard', net: 1.5, tax: 0, gross: 1 }]),
      'INVALID_AMOUNT',
      /^lines\[0\]\.net/,
    );
  });
});
