// GET /api/products/?search= and the list filters: what a cashier typing into the search box finds —
// word prefixes of the name, the start of a SKU or barcode — and the DRF page around it.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src-server/app.js';
import { gtinCheckDigit } from '../../src-shared/domain/barcode.js';
import { ProductListCache } from '../../src-server/services/product-list-cache.js';
import { callerFor, startTestServer, type TestServer } from './support/test-server.js';

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

  it('counts and orders right away on another API node after a product changes on this one', async () => {
    // Two nodes on one database, as behind a load balancer: each keeps its own list counts per catalog
    // version, and the version lives in the database.
    const other = await buildApp({ config: t.config, db: t.database.db, logger: pino({ level: 'silent' }) });
    await other.app.ready();
    const onOther = callerFor(other.app, (role) => t.token(role));
    const found = async (query: string) => {
      const res = await onOther('GET', `/api/products/?search=${query}`, { as: 'employee' });
      return {
        count: res.body.count as number,
        skus: (res.body.results as { sku: string }[]).map((p) => p.sku),
      };
    };
    try {
      expect(await found('milk')).toEqual({ count: 3, skus: ['BRK-1000', 'BRK-500', 'MW_50'] });
      const created = await t.call('POST', '/api/products/', {
        as: 'manager',
        body: { name: 'Brookside Milk 250ml', sku: 'BRK-250', price: 60 },
      });
      expect(created.status).toBe(201);
      expect(await found('milk')).toEqual({ count: 4, skus: ['BRK-1000', 'BRK-250', 'BRK-500', 'MW_50'] });
      await t.call('PATCH', `/api/products/${created.body.id as string}/`, {
        as: 'manager',
        body: { name: 'Daima Yoghurt 250ml' },
      });
      expect(await found('milk')).toEqual({ count: 3, skus: ['BRK-1000', 'BRK-500', 'MW_50'] });
      expect(await found('daima')).toEqual({ count: 1, skus: ['BRK-250'] });
      await t.call('DELETE', `/api/products/${created.body.id as string}/`, { as: 'manager' });
      expect(await found('daima')).toEqual({ count: 0, skus: [] });
    } finally {
      await other.app.close();
    }
  });

  it('pages the same beyond the first ids a node keeps per list', async () => {
    const everything = await t.call('GET', '/api/products/?page_size=100', { as: 'employee' });
    const all = (everything.body.results as { sku: string }[]).map((p) => p.sku);
    expect(all.length).toBeGreaterThan(5);
    const kept = t.ctx.productLists;
    t.ctx.productLists = new ProductListCache({ idsKept: 2 });
    try {
      const paged: string[] = [];
      for (let page = 1; page <= Math.ceil(all.length / 3); page++) {
        const res = await t.call('GET', `/api/products/?page_size=3&page=${String(page)}`, {
          as: 'employee',
        });
        expect(res.body.count).toBe(all.length);
        paged.push(...(res.body.results as { sku: string }[]).map((p) => p.sku));
      }
      expect(paged).toEqual(all);
      const second = await t.call('GET', '/api/products/?page_size=1&page=2', { as: 'employee' });
      expect(second.body.results.map((p: { sku: string }) => p.sku)).toEqual([all[1]]);
    } finally {
      t.ctx.productLists = kept;
    }
  });
});
