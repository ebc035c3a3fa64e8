// /api/products/: the catalog a manager keeps and every cashier reads — barcodes checked with the shared
// GS1 rules and unique across products, tax bands, stock on hand per store, audited writes, deletion
// refused once stock records exist.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs } from '../../src-server/db/schema/audit.js';
import { barcodes, products } from '../../src-server/db/schema/catalog.js';
import { stockLevels } from '../../src-server/db/schema/stock.js';
import { gtinCheckDigit } from '../../src-shared/domain/barcode.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const gtin = (body: string) => `${body}${gtinCheckDigit(body)}`;

describe('/api/products/', () => {
  let t: TestServer;
  let categoryId: string;
  let unitId: string;
  beforeAll(async () => {
    t = await startTestServer();
    categoryId = (await t.call('POST', '/api/categories/', { as: 'manager', body: { name: 'Dairy' } })).body
      .id;
    unitId = (
      await t.call('POST', '/api/units/', {
        as: 'manager',
        body: { name: 'Kilogram', symbol: 'kg', allows_fraction: true },
      })
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (body: Record<string, unknown>) => t.call('POST', '/api/products/', { as: 'manager', body });
  const productCount = async () => (await t.database.db.select({ n: count() }).from(products))[0]?.n;

  it('creates a product with its barcodes, tax band and audit entry', async () => {
    const res = await create({
      name: 'Brookside Milk 500ml',
      sku: 'MILK-500',
      barcode: '5901234123457',
      barcodes: ['4006381333931', 'INT-0001'],
      category: categoryId,
      unit: unitId,
      price: '65.50',
      cost: 50,
      tax_class: 'zero',
      reorder_level: '10.5',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Brookside Milk 500ml',
      sku: 'MILK-500',
      barcode: '5901234123457',
      barcodes: ['5901234123457', '4006381333931', 'INT-0001'],
      category: categoryId,
      unit: unitId,
      price: '65.50',
      cost: '50.00',
      tax_class: 'zero',
      tax_band: 'C',
      reorder_level: '10.500',
      track_stock: true,
      is_active: true,
      stock_on_hand: null,
    });
    const fetched = await t.call('GET', `/api/products/${res.body.id}/`, { as: 'employee' });
    expect(fetched.body).toEqual(res.body);
    // Ids are stored lower-case and compared as bytes; an id a client sends in capitals is the same id.
    const shouted = await t.call('GET', `/api/products/${String(res.body.id).toUpperCase()}/`, {
      as: 'employee',
    });
    expect(shouted.body).toEqual(res.body);
    const [entry] = await t.database.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.modelName, 'product'), eq(auditLogs.objectId, res.body.id)));
    expect(entry).toMatchObject({ action: 'create', userId: t.users.manager.id });
    expect(entry?.afterData).toMatchObject({ sku: 'MILK-500', barcode: '5901234123457' });
  });

  it('maps every tax class to its eTIMS band and defaults to standard', async () => {
    const bands: Record<string, string> = {
      standard: 'B',
      reduced: 'E',
      zero: 'C',
      exempt: 'A',
      non_vat: 'D',
    };
    for (const [taxClass, band] of Object.entries(bands)) {
      const res = await create({
        name: `Tax ${taxClass}`,
        sku: `TAX-${taxClass}`,
        price: 1,
        tax_class: taxClass,
      });
      expect(res.body).toMatchObject({ tax_class: taxClass, tax_band: band });
    }
    const plain = await create({ name: 'Plain', sku: 'TAX-DEFAULT', price: '1' });
    expect(plain.body).toMatchObject({ tax_class: 'standard', tax_band: 'B', barcode: null, barcodes: [] });
    const bad = await create({ name: 'Bad', sku: 'TAX-BAD', price: 1, tax_class: 'luxury' });
    expect(bad).toMatchObject({ status: 400, body: { tax_class: ['Select a valid choice.'] } });
  });

  it('refuses a GTIN with a wrong check digit, naming the field and the reason; nothing is saved', async () => {
    const before = await productCount();
    const primary = await create({ name: 'Bad code', sku: 'BAD-1', price: 1, barcode: '5901234123458' });
    expect(primary).toMatchObject({ status: 400, body: { barcode: ['Check digit is 8, expected 7'] } });
    const listed = await create({
      name: 'Bad code',
      sku: 'BAD-1',
      price: 1,
      barcodes: ['96385074', '036000291453'],
    });
    expect(listed).toMatchObject({ status: 400, body: { 'barcodes.1': ['Check digit is 3, expected 2'] } });
    expect(await productCount()).toBe(before);
  });

  it('accepts internal codes and numeric codes that are not GTIN lengths as they are', async () => {
    const res = await create({
      name: 'Loose sweets',
      sku: 'SWEETS',
      price: 2,
      barcodes: ['12345', 'ABC-123'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ barcode: '12345', barcodes: ['12345', 'ABC-123'] });
    const spaced = await create({ name: 'Spaced', sku: 'SPACED', price: 2, barcode: 'A B' });
    expect(spaced.status).toBe(400);
    expect(spaced.body.barcode).toEqual(['A barcode is printable characters without spaces.']);
  });

  it('refuses a barcode or SKU another product already uses', async () => {
    const first = await create({
      name: 'Kimbo 1kg',
      sku: 'KIMBO-1',
      price: 300,
      barcode: gtin('600111000001'),
    });
    expect(first.status).toBe(201);
    const before = await productCount();
    const dupBarcode = await create({
      name: 'Copy',
      sku: 'KIMBO-COPY',
      price: 1,
      barcodes: ['OTHER-1', gtin('600111000001')],
    });
    expect(dupBarcode).toMatchObject({
      status: 400,
      body: { 'barcodes.1': ['product with this barcode already exists.'] },
    });
    const dupSku = await create({ name: 'Copy', sku: 'KIMBO-1', price: 1 });
    expect(dupSku).toMatchObject({ status: 400, body: { sku: ['product with this sku already exists.'] } });
    expect(await productCount()).toBe(before);
    const patched = await t.call('PATCH', `/api/products/${first.body.id}/`, {
      as: 'manager',
      body: { barcode: gtin('600111000001') },
    });
    expect(patched.status).toBe(200);
  });

  it('changes barcodes: a new primary is added, a list replaces, null drops the primary', async () => {
    const res = await create({
      name: 'Sugar 2kg',
      sku: 'SUGAR-2',
      price: 250,
      barcode: 'S-1',
      barcodes: ['S-2'],
    });
    const id = res.body.id as string;
    const patch = (body: unknown) => t.call('PATCH', `/api/products/${id}/`, { as: 'manager', body });
    expect((await patch({ barcode: 'S-3' })).body).toMatchObject({
      barcode: 'S-3',
      barcodes: ['S-3', 'S-1', 'S-2'],
    });
    expect((await patch({ barcodes: ['S-2', 'S-4'] })).body).toMatchObject({
      barcode: 'S-2',
      barcodes: ['S-2', 'S-4'],
    });
    expect((await patch({ barcode: null })).body).toMatchObject({ barcode: 'S-4', barcodes: ['S-4'] });
    expect((await patch({ barcodes: [] })).body).toMatchObject({ barcode: null, barcodes: [] });
    const stored = await t.database.db.select().from(barcodes).where(eq(barcodes.productId, id));
    expect(stored).toEqual([]);
    // The freed code can go to another product.
    expect((await create({ name: 'Other sugar', sku: 'SUGAR-X', price: 1, barcode: 'S-1' })).status).toBe(
      201,
    );
  });

  it('validates money, quantities, references and unknown fields without saving anything', async () => {
    const before = await productCount();
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ price: '-1' }, { price: ['Ensure this value is greater than or equal to 0.'] }],
      [{ price: '1.234' }, { price: ['Ensure that there are no more than 2 decimal places.'] }],
      [{ price: 'abc' }, { price: ['A valid number is required.'] }],
      [
        { price: 1, reorder_level: '1.2345' },
        { reorder_level: ['Ensure that there are no more than 3 decimal places.'] },
      ],
      [
        { price: 1, category: t.store.id },
        { category: [`Invalid pk "${t.store.id}" - object does not exist.`] },
      ],
      [{ price: 1, unit: t.store.id }, { unit: [`Invalid pk "${t.store.id}" - object does not exist.`] }],
      [{ price: 1, colour: 'red' }, { colour: ['Unknown field.'] }],
      [{ price: 1, stock_on_hand: '5' }, { stock_on_hand: ['Unknown field.'] }],
    ];
    for (const [extra, errors] of cases) {
      const res = await create({ name: 'Invalid', sku: 'INVALID', ...extra });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.body).toEqual(errors);
    }
    const missing = await create({ sku: 'NO-NAME' });
    expect(missing.body).toEqual({ name: ['This field is required.'], price: ['This field is required.'] });
    expect(await productCount()).toBe(before);
  });

  it('lets employees read but not write; PUT replaces, PATCH changes, both audited with before/after', async () => {
    const res = await create({ name: 'Bread', sku: 'BREAD', price: 60 });
    const id = res.body.id as string;
    expect((await t.call('GET', `/api/products/${id}/`, { as: 'employee' })).status).toBe(200);
    for (const [method, url] of [
      ['POST', '/api/products/'],
      ['PATCH', `/api/products/${id}/`],
      ['DELETE', `/api/products/${id}/`],
    ] as const) {
      const denied = await t.call(method, url, { as: 'employee', body: { price: 1 } });
      expect(denied).toMatchObject({ status: 403, body: { detail: expect.any(String) } });
    }
    const put = await t.call('PUT', `/api/products/${id}/`, {
      as: 'owner',
      body: { name: 'White Bread', sku: 'BREAD', price: '62.00', tax_class: 'exempt' },
    });
    expect(put.body).toMatchObject({ name: 'White Bread', price: '62.00', tax_band: 'A' });
    const incomplete = await t.call('PUT', `/api/products/${id}/`, { as: 'owner', body: { name: 'x' } });
    expect(incomplete.status).toBe(400);
    const patched = await t.call('PATCH', `/api/products/${id}/`, {
      as: 'manager',
      body: { is_active: false },
    });
    expect(patched.body).toMatchObject({ name: 'White Bread', is_active: false });
    const entries = await t.database.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.objectId, id), eq(auditLogs.action, 'update')));
    expect(entries.map((e) => [e.beforeData, e.afterData])).toEqual([
      [
        expect.objectContaining({ name: 'Bread', price: '60.00' }),
        expect.objectContaining({ name: 'White Bread' }),
      ],
      [expect.objectContaining({ is_active: true }), expect.objectContaining({ is_active: false })],
    ]);
  });

  it('shows stock on hand for one of your stores only', async () => {
    const res = await create({ name: 'Rice 5kg', sku: 'RICE-5', price: 800 });
    const id = res.body.id as string;
    await t.database.db.insert(stockLevels).values({ storeId: t.store.id, productId: id, quantity: 12500 });
    const mine = await t.call('GET', `/api/products/${id}/?store=${t.store.id}`, { as: 'employee' });
    expect(mine.body.stock_on_hand).toBe('12.500');
    const listed = await t.call('GET', `/api/products/?search=RICE-5&store=${t.store.id}`, {
      as: 'employee',
    });
    expect(listed.body.results.map((p: { stock_on_hand: string }) => p.stock_on_hand)).toEqual(['12.500']);
    const never = await t.call('GET', `/api/products/?search=BREAD&store=${t.store.id}`, { as: 'employee' });
    expect(never.body.results[0].stock_on_hand).toBe('0.000');
    const theirs = await t.call('GET', `/api/products/${id}/?store=${t.otherStore.id}`, { as: 'employee' });
    expect(theirs).toMatchObject({
      status: 400,
      body: { store: [`Invalid pk "${t.otherStore.id}" - object does not exist.`] },
    });
    const outsider = await t.call('GET', `/api/products/?store=${t.store.id}`, { as: 'outsider' });
    expect(outsider.status).toBe(400);
  });

  it('deletes an unused product with its barcodes, and refuses one with stock records (409)', async () => {
    const unused = await create({ name: 'Typo product', sku: 'TYPO', price: 1, barcode: 'TYPO-1' });
    const deleted = await t.call('DELETE', `/api/products/${unused.body.id}/`, { as: 'manager' });
    expect(deleted.status).toBe(204);
    expect((await t.call('GET', `/api/products/${unused.body.id}/`, { as: 'manager' })).status).toBe(404);
    expect(await t.database.db.select().from(barcodes).where(eq(barcodes.code, 'TYPO-1'))).toEqual([]);
    const [entry] = await t.database.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.objectId, unused.body.id), eq(auditLogs.action, 'delete')));
    expect(entry?.beforeData).toMatchObject({ sku: 'TYPO', barcodes: ['TYPO-1'] });

    const stocked = await create({ name: 'Stocked', sku: 'STOCKED', price: 1 });
    await t.database.db
      .insert(stockLevels)
      .values({ storeId: t.store.id, productId: stocked.body.id, quantity: 0 });
    const refused = await t.call('DELETE', `/api/products/${stocked.body.id}/`, { as: 'manager' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/deactivate/);
    expect((await t.call('GET', `/api/products/${stocked.body.id}/`, { as: 'manager' })).status).toBe(200);
    const deletes = await t.database.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.objectId, stocked.body.id), eq(auditLogs.action, 'delete')));
    expect(deletes).toEqual([]);
  });

  it('answers 404 for unknown and malformed ids', async () => {
    for (const url of [`/api/products/${t.store.id}/`, '/api/products/not-a-uuid/']) {
      expect(await t.call('GET', url, { as: 'manager' })).toMatchObject({
        status: 404,
        body: { detail: 'Not found.' },
      });
    }
    const patch = await t.call('PATCH', `/api/products/${t.store.id}/`, {
      as: 'manager',
      body: { price: 1 },
    });
    expect(patch.status).toBe(404);
  });
});
