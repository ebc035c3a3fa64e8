// GET /api/products/?search= and the list filters: what a cashier typing into the search box finds —
// word prefixes of the name, the start of a SKU or barcode — and the DRF page around it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gtinCheckDigit } from '../../src-shared/domain/barcode.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const gtin = (body: string) => `${body}${gtinCheckDigit(body)}`;

describe('product search', () => {
  let t: TestServer;
  let drinks: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestServer();
    drinks = (await t.call('POST', '/api/categories/', { as: 'manager', body: { name: 'Drinks' } })).body.id;
    const catalog: [string, string, string | null, boolean, boolean][] = [
      // name, sku, barcode, is a drink, is active
      ['Brookside Milk 500ml', 'BRK-500', gtin('600100000001'), true, true],
      ['Brookside Milk 1L', 'BRK-1000', gtin('600100000002'), true, true],
      ['Mumias Sugar 1kg', 'MUM-1', gtin('600200000001'), false, true],
      ['The Coca-Cola 2L', 'COKE-2', gtin('544900000099'), true, true],
      ['Samsung TV 32"', 'TV-32', null, false, true],
      ['TV stand', 'STAND-1', null, false, true],
      ['Milky Way 50% off', 'MW_50', null, false, false],
      ["Kellogg's Corn Flakes", 'KEL-500', 'KELLOGG-CF', false, true],
    ];
    for (const [name, sku, barcode, drink, active] of catalog) {
      const res = await t.call('POST', '/api/products/', {
        as: 'manager',
        body: { name, sku, price: 100, barcode, is_active: active, ...(drink && { category: drinks }) },
      });
      expect(res.status).toBe(201);
      ids[sku] = res.body.id;
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const skus = async (query: string) => {
    const res = await t.call('GET', `/api/products/?${query}`, { as: 'employee' });
    expect(res.status, query).toBe(200);
    return (res.body.results as { sku: string }[]).map((p) => p.sku);
  };
  const search = (q: string) => skus(`search=${encodeURIComponent(q)}`);

  it('finds products by the start of any word of the name, every word required, ordered by name', async () => {
    expect(await search('milk')).toEqual(['BRK-1000', 'BRK-500', 'MW_50']);
    expect(await search('MILK brook')).toEqual(['BRK-1000', 'BRK-500']);
    expect(await search('brook 500')).toEqual(['BRK-500']);
    expect(await search('sug')).toEqual(['MUM-1']);
    expect(await search('cola')).toEqual(['COKE-2']);
    expect(await search('kellogg')).toEqual(['KEL-500']);
    expect(await search('the')).toEqual(['COKE-2']);
    expect(await search('ilk')).toEqual([]);
    expect(await search('brook sugar')).toEqual([]);
  });

  it('matches short words inside names found by longer words, or alone at the start of the name', async () => {
    expect(await search('samsung tv')).toEqual(['TV-32']);
    expect(await search('brook 1l')).toEqual(['BRK-1000']);
    expect(await search('sa')).toEqual(['TV-32']);
    expect(await search('wa')).toEqual([]);
    expect(await search('way')).toEqual(['MW_50']);
  });

  it('finds products by the start of their SKU or of any of their barcodes', async () => {
    expect(await search('BRK-')).toEqual(['BRK-1000', 'BRK-500']);
    expect(await search('mw_')).toEqual(['MW_50']);
    expect(await search('6001000')).toEqual(['BRK-1000', 'BRK-500']);
    expect(await search(gtin('600200000001'))).toEqual(['MUM-1']);
    expect(await search('kellogg-')).toEqual(['KEL-500']);
    // A search that is both a name word and a code prefix finds both.
    expect(await search('tv')).toEqual(['TV-32', 'STAND-1']);
    expect(await search('stand')).toEqual(['STAND-1']);
  });

  it('treats search operators and wildcards as plain text', async () => {
    expect(await search('50%')).toEqual([]);
    expect(await search('+milk -brook')).toEqual(['BRK-1000', 'BRK-500']);
    expect(await search('"')).toEqual([]);
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
    expect(await search('   ')).toHaveLength(8);
  });

  it('filters by exact barcode, category and active flag, combined with search', async () => {
    expect(await skus(`barcode=${gtin('600100000002')}`)).toEqual(['BRK-1000']);
    expect(await skus('barcode=60010000')).toEqual([]);
    expect(await skus(`category=${drinks}`)).toEqual(['BRK-1000', 'BRK-500', 'COKE-2']);
    expect(await skus(`category=${drinks}&search=milk`)).toEqual(['BRK-1000', 'BRK-500']);
    expect(await skus('is_active=false')).toEqual(['MW_50']);
    expect(await skus('search=milk&is_active=true')).toEqual(['BRK-1000', 'BRK-500']);
    const bad = await t.call('GET', '/api/products/?category=nope&is_active=maybe', { as: 'employee' });
    expect(bad).toMatchObject({
      status: 400,
      body: { category: ['Must be a valid UUID.'], is_active: ['Select a valid choice.'] },
    });
  });

  it('pages search results the DRF way', async () => {
    const first = await t.call('GET', '/api/products/?search=milk&page_size=2', { as: 'employee' });
    expect(first.body).toMatchObject({ count: 3, previous: null });
    expect(first.body.next).toMatch(/page=2/);
    expect(first.body.results.map((p: { sku: string }) => p.sku)).toEqual(['BRK-1000', 'BRK-500']);
    const second = await t.call('GET', '/api/products/?search=milk&page_size=2&page=2', { as: 'employee' });
    expect(second.body).toMatchObject({ count: 3, next: null, results: [{ sku: 'MW_50' }] });
    expect(second.body.previous).not.toMatch(/page=/);
    const past = await t.call('GET', '/api/products/?search=milk&page_size=2&page=3', { as: 'employee' });
    expect(past).toMatchObject({ status: 404, body: { detail: 'Invalid page.' } });
    const none = await t.call('GET', '/api/products/?search=zzzz', { as: 'employee' });
    expect(none.body).toEqual({ count: 0, next: null, previous: null, results: [] });
    const all = await t.call('GET', '/api/products/?page_size=3&page=3', { as: 'employee' });
    expect(all.body).toMatchObject({ count: 8, next: null });
    expect(all.body.results).toHaveLength(2);
  });

  it('finds a product right after it is renamed, and forgets the old name', async () => {
    await t.call('PATCH', `/api/products/${ids['MUM-1']}/`, {
      as: 'manager',
      body: { name: 'Kabras Sugar 1kg' },
    });
    expect(await search('kabras')).toEqual(['MUM-1']);
    expect(await search('mumias')).toEqual([]);
  });
});
