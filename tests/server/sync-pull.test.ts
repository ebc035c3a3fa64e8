// GET /api/sync/pull/ against a real MariaDB: what a till of the store receives after the catalog, users and
// store are changed through the REST API — in the till's shapes, paged, only what its store sees, each
// change once after the cursor — and what stops a till that must not pull.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deviceAuthorization,
  PULL_ENTITY_DATA,
  pullPageSchema,
  SYNC_PROTOCOL_VERSION,
  type PullChange,
  type PullPage,
} from '../../src-shared/contract/sync.js';
import { TAX_CLASS_CODES } from '../../src-shared/domain/tax.js';
import { completeSale } from '../support/sale-fixture.js';
import { syncedTill, type Device } from './sync-fixtures.js';
import { startTestServer, type ApiResponse, type TestServer } from './support/test-server.js';

describe('GET /api/sync/pull/', () => {
  let t: TestServer;
  let device: Device;
  let milkId = '';
  let bagId = '';
  let categoryId = '';
  let unitId = '';
  let clientId = '';
  let strangerId = '';

  const get = (query: string, d: Device = device): Promise<ApiResponse> =>
    t.call('GET', `/api/sync/pull/?${query}`, {
      headers: { authorization: deviceAuthorization(d.terminalId, d.secret) },
    });

  /** One page, checked against the protocol: the page shape and every upsert's data in the till's shape. */
  const page = async (cursor: number, limit = 1000, d: Device = device): Promise<PullPage> => {
    const res = await get(`protocol=${SYNC_PROTOCOL_VERSION}&cursor=${cursor}&limit=${limit}`, d);
    expect(res.status, res.text).toBe(200);
    const parsed = pullPageSchema.parse(res.body);
    for (const c of parsed.changes) {
      if (c.op === 'upsert') {
        const data = PULL_ENTITY_DATA[c.entity].safeParse(c.data);
        expect(data.success, `${c.entity} ${c.id}: ${data.error?.message ?? ''}`).toBe(true);
      } else expect(c.data).toBeNull();
    }
    return parsed;
  };

  /** Every page after `cursor`, following nextCursor until !hasMore. */
  const pullAll = async (cursor = 0, limit = 1000, d: Device = device) => {
    const pages: PullPage[] = [];
    let at = cursor;
    for (;;) {
      const p = await page(at, limit, d);
      pages.push(p);
      at = p.nextCursor;
      if (!p.hasMore) break;
    }
    return { pages, changes: pages.flatMap((p) => p.changes), cursor: at };
  };

  const find = (changes: PullChange[], entity: string, id: string) =>
    changes.filter((c) => c.entity === entity && c.id === id);

  beforeAll(async () => {
    t = await startTestServer();
    const term = await t.call('POST', '/api/terminals/', {
      as: 'manager',
      body: { store: t.store.id, code: 'T01', name: 'Front counter' },
    });
    expect(term.status).toBe(201);
    device = { terminalId: term.body.id, secret: term.body.device_secret, epoch: term.body.epoch };

    const category = await t.call('POST', '/api/categories/', { as: 'manager', body: { name: 'Dairy' } });
    categoryId = category.body.id;
    const unit = await t.call('POST', '/api/units/', {
      as: 'manager',
      body: { name: 'Kilogram', symbol: 'kg', allows_fraction: true },
    });
    expect(unit.status, unit.text).toBe(201);
    unitId = unit.body.id;
    const milk = await t.call('POST', '/api/products/', {
      as: 'manager',
      body: {
        name: 'Brookside Milk 500ml',
        sku: 'MILK-500',
        price: '65.50',
        cost: '50.00',
        tax_class: 'zero',
        category: categoryId,
        barcode: '5901234123457',
        barcodes: ['4006381333931'],
      },
    });
    expect(milk.status, milk.text).toBe(201);
    milkId = milk.body.id;
    const bag = await t.call('POST', '/api/products/', {
      as: 'manager',
      body: { name: 'Carrier bag', sku: 'BAG-1', price: '5.00', unit: unitId },
    });
    expect(bag.status, bag.text).toBe(201);
    bagId = bag.body.id;
    const client = await t.call('POST', '/api/clients/', {
      as: 'manager',
      body: { name: 'Mama Njeri', phone: '0711000111', credit_limit: '5000.00' },
    });
    expect(client.status, client.text).toBe(201);
    clientId = client.body.id;
    // An employee of the OTHER store: a till of this store must never receive them.
    const stranger = await t.call('POST', '/api/users/', {
      as: 'outsider',
      body: {
        phone_number: '0722000222',
        name: 'Stella Stranger',
        role: 'employee',
        password: 'strangerpass1',
        stores: [t.otherStore.id],
      },
    });
    expect(stranger.status, stranger.text).toBe(201);
    strangerId = stranger.body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  let head = 0;

  it("a till's first pull gets its store's catalog, tax classes, users with hashes, clients and settings", async () => {
    const { changes, cursor, pages } = await pullAll(0);
    head = cursor;
    expect(pages.at(-1)?.headVersion).toBe(cursor);

    const [milk] = find(changes, 'product', milkId);
    expect(milk).toMatchObject({
      op: 'upsert',
      data: {
        id: milkId,
        sku: 'MILK-500',
        name: 'Brookside Milk 500ml',
        price: 6550,
        cost: 5000,
        taxClass: 'zero',
        categoryId,
        unitId: null,
        isActive: true,
        trackStock: true,
        barcodes: ['5901234123457', '4006381333931'],
      },
    });
    expect(find(changes, 'product', bagId)[0]?.data).toMatchObject({ unitId, barcodes: [] });
    expect(find(changes, 'category', categoryId)[0]?.data).toMatchObject({ name: 'Dairy', parentId: null });
    expect(find(changes, 'unit', unitId)[0]?.data).toMatchObject({ symbol: 'kg', allowsFraction: true });
    expect(
      changes
        .filter((c) => c.entity === 'tax_class')
        .map((c) => c.id)
        .sort(),
    ).toEqual([...TAX_CLASS_CODES].sort());
    expect(find(changes, 'tax_class', 'standard')[0]?.data).toEqual({
      code: 'standard',
      band: 'B',
      rateBp: 1600,
      label: 'VAT 16%',
    });
    expect(find(changes, 'client', clientId)[0]?.data).toMatchObject({
      name: 'Mama Njeri',
      creditLimit: 500_000,
      creditBalance: 0,
    });
    expect(find(changes, 'store_settings', t.store.id)[0]?.data).toMatchObject({
      name: 'Test Store',
      currency: 'KES',
      pricesIncludeTax: true,
    });

    const users = changes.filter((c) => c.entity === 'user' && c.op === 'upsert');
    const byId = new Map(users.map((u) => [u.id, u.data]));
    expect(byId.get(t.users.manager.id)).toMatchObject({
      storeId: t.store.id,
      role: 'manager',
      phone: t.users.manager.phone,
      passwordHash: expect.stringMatching(/^scrypt\$/),
    });
    expect(byId.get(t.users.employee.id)).toMatchObject({ storeId: t.store.id, role: 'employee' });
    // Owners may log in at every store.
    expect(byId.get(t.users.owner.id)).toMatchObject({ storeId: null, role: 'owner' });
    expect(byId.has(strangerId)).toBe(false);

    // Every entity once, versions strictly increasing.
    const versions = changes.map((c) => c.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(new Set(changes.map((c) => `${c.entity}:${c.id}`)).size).toBe(changes.length);
  });

  it('pages of a few changes, followed to the end, give the same changes in strictly increasing versions', async () => {
    const whole = await pullAll(0, 5000);
    const paged = await pullAll(0, 3);
    expect(paged.pages.length).toBeGreaterThan(3);
    for (const p of paged.pages.slice(0, -1)) {
      expect(p.changes).toHaveLength(3);
      expect(p.hasMore).toBe(true);
    }
    expect(paged.pages.at(-1)?.hasMore).toBe(false);
    expect(paged.changes).toEqual(whole.changes);
    const versions = paged.changes.map((c) => c.version);
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1] ?? 0);
    expect(paged.cursor).toBe(head);
    // At the head: nothing more, the cursor stays.
    const after = await page(head);
    expect(after).toMatchObject({ changes: [], nextCursor: head, hasMore: false, headVersion: head });
  });

  it('a price change reaches the till as exactly that product with its new price', async () => {
    const res = await t.call('PATCH', `/api/products/${milkId}/`, {
      as: 'manager',
      body: { price: '70.00' },
    });
    expect(res.status, res.text).toBe(200);
    const { changes, cursor } = await pullAll(head);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      entity: 'product',
      id: milkId,
      op: 'upsert',
      data: { price: 7000, barcodes: ['5901234123457', '4006381333931'] },
    });
    expect(changes[0]?.version).toBeGreaterThan(head);
    head = cursor;
  });

  it('deactivating and deleting reach the till: flags, deletes, a user who left the store', async () => {
    expect(
      (await t.call('PATCH', `/api/products/${milkId}/`, { as: 'manager', body: { is_active: false } }))
        .status,
    ).toBe(200);
    expect((await t.call('DELETE', `/api/products/${bagId}/`, { as: 'manager' })).status).toBe(204);
    expect((await t.call('DELETE', `/api/users/${t.users.employee.id}/`, { as: 'manager' })).status).toBe(
      204,
    );
    const settings = await t.call('PATCH', `/api/stores/${t.store.id}/`, {
      as: 'owner',
      body: { receipt_footer: 'Karibu tena!' },
    });
    expect(settings.status, settings.text).toBe(200);

    const { changes, cursor } = await pullAll(head);
    expect(find(changes, 'product', milkId)).toMatchObject([{ op: 'upsert', data: { isActive: false } }]);
    expect(find(changes, 'product', bagId)).toMatchObject([{ op: 'delete', data: null }]);
    expect(find(changes, 'user', t.users.employee.id)).toMatchObject([
      { op: 'upsert', data: { isActive: false, storeId: t.store.id } },
    ]);
    expect(find(changes, 'store_settings', t.store.id)).toMatchObject([
      { op: 'upsert', data: { receiptFooter: 'Karibu tena!' } },
    ]);
    head = cursor;

    // The manager is taken out of this store (the owner keeps them in no store): a delete for this store.
    const moved = await t.call('PATCH', `/api/users/${t.users.manager.id}/`, {
      as: 'owner',
      body: { stores: [] },
    });
    expect(moved.status, moved.text).toBe(200);
    const left = await pullAll(head);
    expect(left.changes).toMatchObject([
      { entity: 'user', id: t.users.manager.id, op: 'delete', data: null },
    ]);
    head = left.cursor;
  });

  it('a change of another store does not reach this till; a change of a business-wide entity does', async () => {
    expect(
      (
        await t.call('PATCH', `/api/stores/${t.otherStore.id}/`, {
          as: 'outsider',
          body: { receipt_footer: 'Elsewhere' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await t.call('PATCH', `/api/clients/${clientId}/`, {
          as: 'manager',
          body: { name: 'Mama Njeri Ltd' },
        })
      ).status,
    ).toBe(200);
    const { changes, cursor } = await pullAll(head);
    expect(changes).toMatchObject([{ entity: 'client', id: clientId, data: { name: 'Mama Njeri Ltd' } }]);
    head = cursor;
  });

  it('426 for a till too old for the cloud; 401 for an unknown or revoked device', async () => {
    const old = await get(`protocol=0&cursor=0`);
    expect(old.status).toBe(426);
    expect(old.body).toMatchObject({ code: 'PROTOCOL_TOO_OLD', minProtocol: 1 });
    expect(old.body.detail).toMatch(/Update this till/);

    const unknown = await get(`protocol=${SYNC_PROTOCOL_VERSION}&cursor=0`, {
      ...device,
      terminalId: '01900000-0000-7000-8000-000000000000',
    });
    expect(unknown).toMatchObject({ status: 401, body: { code: 'DEVICE_UNAUTHORIZED' } });
    const wrongSecret = await get(`protocol=${SYNC_PROTOCOL_VERSION}&cursor=0`, {
      ...device,
      secret: 'x'.repeat(43),
    });
    expect(wrongSecret).toMatchObject({ status: 401, body: { code: 'DEVICE_UNAUTHORIZED' } });
    const noCredential = await t.call('GET', `/api/sync/pull/?protocol=${SYNC_PROTOCOL_VERSION}&cursor=0`, {
      as: 'owner',
    });
    expect(noCredential.status).toBe(401);

    expect(
      (await t.call('POST', `/api/terminals/${device.terminalId}/revoke/`, { as: 'owner' })).status,
    ).toBe(200);
    const revoked = await get(`protocol=${SYNC_PROTOCOL_VERSION}&cursor=0`);
    expect(revoked).toMatchObject({ status: 401, body: { code: 'DEVICE_REVOKED' } });
  });
});

describe('pull after a push', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it("a pushed sale's stock change is in the pull by the push's storeVersion, with the new levels", async () => {
    const s = await syncedTill(t, { initialStockMilli: 50_000 });
    try {
      const pull = async (cursor: number) => {
        const res = await t.call(
          'GET',
          `/api/sync/pull/?protocol=${SYNC_PROTOCOL_VERSION}&cursor=${cursor}&limit=5000`,
          { headers: { authorization: deviceAuthorization(s.device.terminalId, s.device.secret) } },
        );
        expect(res.status, res.text).toBe(200);
        return pullPageSchema.parse(res.body);
      };
      const sugar = s.tt.demo.products.sugar?.id ?? '';
      const milk = s.tt.demo.products.milk?.id ?? '';
      const first = await pull(0);
      expect(first.hasMore).toBe(false);
      expect(first.changes.find((c) => c.entity === 'stock_level' && c.id === sugar)?.data).toMatchObject({
        productId: sugar,
        qtyMilli: 50_000,
      });

      s.tt.openSession('cashier');
      completeSale(
        s.tt,
        [{ product: 'sugar', qtyMilli: 2000 }, { product: 'milk' }],
        [{ method: 'CASH', amount: 50_000 }],
      );
      const pushed = await s.push(s.outbox());
      expect(pushed.status, pushed.text).toBe(200);
      const storeVersion = pushed.body.storeVersion as number;
      expect(storeVersion).toBeGreaterThan(first.nextCursor);

      const next = await pull(first.nextCursor);
      const levels = next.changes.filter((c) => c.entity === 'stock_level');
      expect(levels.map((c) => [c.id, c.data?.qtyMilli]).sort()).toEqual(
        [
          [sugar, 48_000],
          [milk, 49_000],
        ].sort(),
      );
      for (const level of levels) expect(level.version).toBeLessThanOrEqual(storeVersion);
      expect(next.headVersion).toBe(storeVersion);
    } finally {
      s.close();
    }
  });
});
