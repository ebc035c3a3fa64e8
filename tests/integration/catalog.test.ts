import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkUpcE } from '../../src-shared/domain/barcode.js';
import { createTestTill, type TestTill } from '../support/test-till.js';
import { errorOf, product, scaleLabel, withBadCheckDigit } from './sale-support.js';

let t: TestTill;
beforeEach(() => {
  t = createTestTill();
  t.loginAs('cashier');
});
afterEach(() => {
  t.close();
});

function addBarcode(code: string, productKey: string): void {
  t.till.ledger.raw
    .prepare('insert into barcodes (code, product_id) values (?, ?)')
    .run(code, product(t, productKey).id);
}

function setWeighedLayout(layout: unknown): void {
  t.till.ledger.raw.prepare('update stores set weighed_layout = ?').run(JSON.stringify(layout));
}

const names = (query: string, extra: { limit?: number; includeInactive?: boolean } = {}) =>
  t.till.call('catalog.search', { query, ...extra }).products.map((p) => p.name);

describe('catalog.lookup', () => {
  it('finds a product by its EAN-13 with price, VAT band, unit, stock on hand and barcodes', () => {
    const sugar = product(t, 'sugar');
    const found = t.till.call('catalog.lookup', { code: sugar.barcode });
    expect(found.scan).toEqual({
      code: sugar.barcode,
      match: 'barcode',
      gtinKind: 'EAN13',
      valueKind: null,
      qtyMilli: null,
      embeddedPrice: null,
    });
    expect(found.product).toEqual({
      id: sugar.id,
      sku: 'SUG-001',
      name: 'Kabras Sugar 1kg',
      price: 16500,
      taxClass: 'standard',
      band: 'B',
      rateBp: 1600,
      unit: 'pc',
      allowsFraction: false,
      soldByWeight: false,
      trackStock: true,
      isActive: true,
      onHandMilli: 50_000,
      reorderLevelMilli: 10_000,
      barcodes: [sugar.barcode],
    });
  });

  it('cleans what a scanner sends (whitespace, CR/LF, AIM symbology prefix) before looking up', () => {
    const milk = product(t, 'milk');
    expect(t.till.call('catalog.lookup', { code: ` ]E0${milk.barcode}\r\n` }).product.name).toBe(
      'Brookside Milk 500ml',
    );
  });

  it('finds a product by exact SKU, typed in any case', () => {
    expect(t.till.call('catalog.lookup', { code: 'SOD-001' }).scan.match).toBe('sku');
    expect(t.till.call('catalog.lookup', { code: 'sod-001' }).product.name).toBe('Coca-Cola 500ml');
  });

  it('refuses a barcode with a wrong check digit, saying why', () => {
    const err = errorOf(() =>
      t.till.call('catalog.lookup', { code: withBadCheckDigit(product(t, 'sugar').barcode) }),
    );
    expect(err.code).toBe('BAD_CHECK_DIGIT');
    expect(err.message).toMatch(/check digit is \d, expected \d/i);
  });

  it('answers UNKNOWN_BARCODE for a valid GTIN or a text code that no product has', () => {
    expect(errorOf(() => t.till.call('catalog.lookup', { code: '4006381333931' })).code).toBe(
      'UNKNOWN_BARCODE',
    );
    const err = errorOf(() => t.till.call('catalog.lookup', { code: 'NOPE-42' }));
    expect(err.code).toBe('UNKNOWN_BARCODE');
    expect(err.message).toContain('NOPE-42');
  });

  it('matches a UPC-A scan against the same code stored as EAN-13 (leading 0), and a UPC-E against its UPC-A', () => {
    addBarcode('0036000291452', 'milk');
    const upcA = t.till.call('catalog.lookup', { code: '036000291452' });
    expect(upcA.product.name).toBe('Brookside Milk 500ml');
    expect(upcA.scan.gtinKind).toBe('UPCA');

    const expanded = checkUpcE('0425261');
    if (!expanded.ok) throw new Error('test UPC-E is invalid');
    addBarcode(expanded.normalized, 'soda');
    const upcE = t.till.call('catalog.lookup', { code: `0425261${expanded.normalized.slice(-1)}` });
    expect(upcE.product.name).toBe('Coca-Cola 500ml');
    expect(upcE.scan.gtinKind).toBe('UPCE');
  });

  it('reads the weight from an in-store scale label (prefix 20–29, item code = PLU)', () => {
    const found = t.till.call('catalog.lookup', { code: scaleLabel('00001', 1235) });
    expect(found.product.name).toBe('Tomatoes (kg)');
    expect(found.product.soldByWeight).toBe(true);
    expect(found.product.unit).toBe('kg');
    expect(found.scan).toMatchObject({
      match: 'weighed',
      valueKind: 'weight',
      qtyMilli: 1235,
      embeddedPrice: null,
    });
    expect(t.till.call('catalog.lookup', { code: scaleLabel('00002', 500, '28') }).product.name).toBe(
      'Bananas (kg)',
    );
  });

  it("reads the price from a price label when the store's scales print prices, with the weight it buys", () => {
    setWeighedLayout({ valueKind: 'price', valueDecimals: 2 });
    const found = t.till.call('catalog.lookup', { code: scaleLabel('00001', 6000) });
    expect(found.product.name).toBe('Tomatoes (kg)');
    // 60.00 at 120.00/kg = 0.500 kg
    expect(found.scan).toMatchObject({
      match: 'weighed',
      valueKind: 'price',
      embeddedPrice: 6000,
      qtyMilli: 500,
    });
  });

  it('answers UNKNOWN_BARCODE for a scale label whose item code is no product', () => {
    expect(errorOf(() => t.till.call('catalog.lookup', { code: scaleLabel('99999', 1000) })).code).toBe(
      'UNKNOWN_BARCODE',
    );
  });

  it('still returns an inactive product (so the till can say it is discontinued)', () => {
    const found = t.till.call('catalog.lookup', { code: 'OLD-001' });
    expect(found.product).toMatchObject({ name: 'Discontinued Soap Bar', isActive: false });
  });

  it('reflects local stock movements in onHandMilli', () => {
    t.till.ledger.raw
      .prepare(
        `insert into stock_movements (id, store_id, product_id, qty_delta_milli, reason, reference_type, reference_id, user_id, created_at)
         values ('m1', ?, ?, -2000, 'sale', 'sale', 'x', 'u', '2026-11-25T08:00:00.000Z')`,
      )
      .run(t.demo.storeId, product(t, 'soap').id);
    expect(t.till.call('catalog.lookup', { code: 'SOP-001' }).product.onHandMilli).toBe(1000);
  });

  it('needs a logged-in operator and a code', () => {
    expect(errorOf(() => t.till.call('catalog.lookup', { code: '   ' })).code).toBe('VALIDATION_FAILED');
    t.till.call('auth.logout', {});
    expect(errorOf(() => t.till.call('catalog.lookup', { code: 'SUG-001' })).code).toBe('NOT_AUTHENTICATED');
  });
});

describe('catalog.search', () => {
  it('matches every typed token as a prefix ("kab sug" → Kabras Sugar 1kg)', () => {
    expect(names('kab sug')).toEqual(['Kabras Sugar 1kg']);
    expect(names('Kabras Sugar 1kg')).toEqual(['Kabras Sugar 1kg']);
    expect(names('tom')).toEqual(['Tomatoes (kg)']);
  });

  it('ranks by relevance, then name: shorter names first among equal hits', () => {
    const result = names('sugar');
    expect(result).toHaveLength(4);
    expect(result[0]).toBe('Kabras Sugar 1kg');
    expect(result).toContain('Kimbo Sugar 1kg');
    expect(result[3]).toBe('Kericho Gold Sugar 250g');
  });

  it('puts an exact SKU or barcode hit first', () => {
    expect(names('SOD-001')[0]).toBe('Coca-Cola 500ml');
    expect(names(product(t, 'soap').barcode)[0]).toBe('Omo Washing Powder 1kg');
    expect(names('sku-000017')[0]).toBe('Kimbo Sugar 1kg');
  });

  it('finds products by SKU and barcode prefixes too', () => {
    expect(names('PAR-0')).toEqual(['Paraffin 1L']);
    expect(names(product(t, 'bread').barcode.slice(0, 12))).toContain('Festive White Bread 400g');
  });

  it('never throws on FTS syntax typed by a user', () => {
    for (const weird of [
      '"',
      '*',
      ':',
      '-',
      '(',
      ')',
      '"sugar',
      'sug*',
      'name:sugar',
      '-sugar',
      '(sugar OR',
      'NEAR(a b)',
      "o'brien",
      'AND',
      'sugar NOT',
      '\\',
      '%_',
      '^sug',
    ]) {
      expect(() => t.till.call('catalog.search', { query: weird }), weird).not.toThrow();
    }
    expect(names('"sugar')).toContain('Kabras Sugar 1kg');
    expect(names('name:sugar')).toEqual([]);
    expect(names('(((')).toEqual([]);
    expect(names('')).toEqual([]);
  });

  it('leaves inactive products out unless asked for', () => {
    expect(names('discontinued')).toEqual([]);
    expect(names('discontinued', { includeInactive: true })).toEqual(['Discontinued Soap Bar']);
  });

  it('returns at most `limit` results (default 20, at most 100)', () => {
    expect(names('k', { limit: 3 })).toHaveLength(3);
    expect(names('s')).toHaveLength(20);
    expect(errorOf(() => t.till.call('catalog.search', { query: 'k', limit: 101 })).code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('returns full product views (price, VAT band, stock)', () => {
    const [milk] = t.till.call('catalog.search', { query: 'brookside milk' }).products;
    expect(milk).toMatchObject({ sku: 'MLK-001', price: 6500, band: 'C', rateBp: 0, onHandMilli: 80_000 });
  });
});
