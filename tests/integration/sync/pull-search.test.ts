// The till's product search after a pull: a pull chunk writes each touched product's search row itself, once,
// with its name, SKU and barcodes (the index's triggers are paused inside the chunk; drizzle/sqlite/0005). What a
// cashier types must find exactly what the pulled catalog says — new products, renames, a SKU or a barcode moved
// from one product to another — and the till's own writes keep their triggers after a pull.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPullPage, mergeSearchIndex } from '../../../src-main/sync/pull-apply.js';
import type { PullChange, PullEntityData } from '../../../src-shared/contract/sync.js';
import { newId } from '../../../src-shared/domain/ids.js';
import { createTestTill, type TestTill } from '../../support/test-till.js';

let t: TestTill;
let version = 0;
beforeEach(() => {
  t = createTestTill();
  t.loginAs('cashier');
  version = 0;
});
afterEach(() => {
  t.close();
});

type ProductData = PullEntityData<'product'>;

function productData(over: Partial<ProductData> & { id: string; sku: string; name: string }): ProductData {
  return {
    categoryId: null,
    unitId: null,
    price: 150_00,
    cost: 0,
    taxClass: 'standard',
    reorderLevel: 0,
    trackStock: true,
    isActive: true,
    soldByWeight: false,
    plu: null,
    barcodes: [],
    updatedAt: '2026-11-25T08:00:00.000Z',
    ...over,
  };
}

/** Applies these products as one pull chunk. */
function pull(...products: ProductData[]): void {
  const changes: PullChange[] = products.map((data) => ({
    version: ++version,
    entity: 'product',
    op: 'upsert',
    id: data.id,
    data,
  }));
  applyPullPage(t.till.ledger.raw, t.demo.storeId, {
    changes,
    nextCursor: version,
    hasMore: false,
    headVersion: version,
    serverTime: '2026-11-25T08:00:00.000Z',
  });
}

const found = (query: string) =>
  t.till
    .call('catalog.search', { query, includeInactive: true })
    .products.map((p) => p.sku)
    .sort();

/** Segments of the search index: each is searched on every query. */
const segments = () =>
  (
    t.till.ledger.raw.prepare('select count(distinct segid) as n from products_fts_idx').get() as {
      n: number;
    }
  ).n;

/** SKUs of the products whose search row is missing or says other than the product (none: the index is true). */
function staleSearchRows(): string[] {
  const rows = t.till.ledger.raw
    .prepare(
      `select p.sku from products p left join products_fts f on f.rowid = p.rowid
       where f.rowid is null or f.name <> p.name or f.sku <> p.sku
          or f.barcodes <> coalesce((select group_concat(code, ' ') from barcodes b where b.product_id = p.id), '')
       union all
       select 'orphan ' || f.rowid from products_fts f where f.rowid not in (select rowid from products)`,
    )
    .all() as { sku: string }[];
  return rows.map((r) => r.sku);
}

describe('search after a pull', () => {
  it('finds pulled products by name, SKU and barcode, one search row each', () => {
    pull(
      productData({ id: newId(), sku: 'ZB-100', name: 'Zebrafruit Jam 500g', barcodes: ['6161100000017'] }),
      productData({
        id: newId(),
        sku: 'ZB-200',
        name: 'Zebrafruit Nectar 1L',
        barcodes: ['6161100000024', '6161100000031'],
      }),
    );
    expect(found('zebrafruit')).toEqual(['ZB-100', 'ZB-200']);
    expect(found('nectar')).toEqual(['ZB-200']);
    expect(found('ZB-10')).toEqual(['ZB-100']);
    expect(found('6161100000031')).toEqual(['ZB-200']);
    expect(staleSearchRows()).toEqual([]);
  });

  it('follows a rename and a new barcode: the old words no longer find the product', () => {
    const id = newId();
    pull(productData({ id, sku: 'ZB-300', name: 'Zebrafruit Chutney', barcodes: ['6161100000048'] }));
    pull(productData({ id, sku: 'ZB-300', name: 'Quagga Chutney', barcodes: ['6161100000055'] }));
    expect(found('zebrafruit')).toEqual([]);
    expect(found('quagga')).toEqual(['ZB-300']);
    expect(found('6161100000048')).toEqual([]);
    expect(found('6161100000055')).toEqual(['ZB-300']);
    expect(staleSearchRows()).toEqual([]);
  });

  it('moves a SKU, and a barcode, from one product to another', () => {
    const [a, b, c, d] = [newId(), newId(), newId(), newId()];
    pull(
      productData({ id: a, sku: 'ZB-400', name: 'Zebrafruit Old', barcodes: ['6161100000062'] }),
      productData({ id: b, sku: 'ZB-410', name: 'Zebrafruit Dried', barcodes: ['6161100000086'] }),
    );
    // The cloud gave a's SKU to c and b's barcode to d; a's and b's own changes come in a later chunk.
    pull(
      productData({ id: c, sku: 'ZB-400', name: 'Zebrafruit New' }),
      productData({ id: d, sku: 'ZB-420', name: 'Zebrafruit Sliced', barcodes: ['6161100000086'] }),
    );
    expect(found('6161100000086')).toEqual(['ZB-420']);
    expect(staleSearchRows()).toEqual([]);
    pull(
      productData({ id: a, sku: 'ZB-401', name: 'Zebrafruit Old', barcodes: ['6161100000062'] }),
      productData({ id: b, sku: 'ZB-410', name: 'Zebrafruit Dried', barcodes: [] }),
    );
    expect(found('zebrafruit')).toEqual(['ZB-400', 'ZB-401', 'ZB-410', 'ZB-420']);
    expect(found('6161100000062')).toEqual(['ZB-401']);
    expect(staleSearchRows()).toEqual([]);
  });

  it("leaves the search triggers on for the till's own writes after a pull", () => {
    const id = newId();
    pull(productData({ id, sku: 'ZB-500', name: 'Zebrafruit Syrup' }));
    t.till.ledger.raw
      .prepare('insert into barcodes (code, product_id) values (?, ?)')
      .run('6161100000079', id);
    t.till.ledger.raw.prepare('update products set name = ? where id = ?').run('Okapi Syrup', id);
    expect(found('6161100000079')).toEqual(['ZB-500']);
    expect(found('okapi')).toEqual(['ZB-500']);
    expect(found('zebrafruit')).toEqual([]);
    expect(staleSearchRows()).toEqual([]);
  });

  it('keeps the search index in few segments: a pull chunk merges a step of them', () => {
    // 60 chunks, as a first pull makes them: each leaves its products in a segment of its own.
    for (let chunk = 0; chunk < 60; chunk++) {
      pull(
        ...Array.from({ length: 10 }, (_, i) =>
          productData({
            id: newId(),
            sku: `ZM-${String(chunk * 10 + i)}`,
            name: `Zebramix ${String(chunk)}`,
          }),
        ),
      );
    }
    expect(segments()).toBeLessThanOrEqual(4);
    expect(found('ZM-599')).toEqual(['ZM-599']);
    expect(found('zebramix')).toHaveLength(20);
    expect(staleSearchRows()).toEqual([]);
  });

  it('merges what other writers left in steps (mergeSearchIndex, run when a pull reaches the head)', () => {
    const insert = t.till.ledger.raw.prepare(
      `insert into products (id, sku, name, price, tax_class, updated_at) values (?, ?, ?, 100, 'standard', '')`,
    );
    // One transaction each: FTS5 writes a segment each (it merges none by itself; drizzle/sqlite/0005).
    for (let i = 0; i < 40; i++) insert.run(newId(), `ZQ-${String(i)}`, `Zebraquince ${String(i)}`);
    expect(segments()).toBeGreaterThan(4);
    expect(mergeSearchIndex(t.till.ledger.raw, 200)).toBeGreaterThan(0);
    expect(segments()).toBeLessThanOrEqual(4);
    expect(found('zebraquince')).toHaveLength(20);
    expect(found('ZQ-39')).toEqual(['ZQ-39']);
    expect(staleSearchRows()).toEqual([]);
  });
});
