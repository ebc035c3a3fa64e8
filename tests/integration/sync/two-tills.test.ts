// Two tills of one store sell while the cloud is unreachable; when it comes back both drain their outboxes: the
// cloud's sales add up to both tills' completed sales to the cent, and every till's stock level equals the
// cloud's after a final sync (level + pending movements, never counted twice).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onHand } from '../../server/sync-fixtures.js';
import { SEED_PASSWORD } from '../../server/support/test-server.js';
import { newTill, startCloud, type Cloud, type SyncTill } from './support.js';

let cloud: Cloud;
const products: { id: string; barcode: string }[] = [];
let a: SyncTill;
let b: SyncTill;

beforeAll(async () => {
  cloud = await startCloud();
  for (const [i, barcode] of ['6161100000018', '6161100000025'].entries()) {
    const res = await cloud.t.call('POST', '/api/products/', {
      as: 'manager',
      body: { name: `Item ${i}`, sku: `ITEM-${i}`, price: i === 0 ? '145.50' : '99.95', barcodes: [barcode] },
    });
    expect(res.status, res.text).toBe(201);
    products.push({ id: res.body.id as string, barcode });
  }
  a = newTill();
  b = newTill();
  await a.register(cloud, 'Till A');
  await b.register(cloud, 'Till B');
  await a.syncNow();
  await b.syncNow();
});

afterAll(async () => {
  await a.close();
  await b.close();
  await cloud.close();
});

/** A cashier's cash sale of `qty` of each product, paid exactly; returns its total. */
function sell(st: SyncTill, qty: number): number {
  const sale = st.till.call('sale.start', {});
  for (const p of products)
    st.till.call('sale.addItem', { saleId: sale.id, code: p.barcode, qtyMilli: qty * 1000 });
  const view = st.till.call('sale.get', { saleId: sale.id });
  if (!view) throw new Error('sale vanished');
  st.till.call('sale.tender', { saleId: sale.id, method: 'CASH', amount: view.sale.payment.due });
  return st.till.call('sale.complete', { saleId: sale.id }).sale.payment.due;
}

function completedTotal(st: SyncTill): number {
  return (st.till.ledger.raw.prepare('select coalesce(sum(total), 0) as t from sales').get() as { t: number })
    .t;
}

function levelAt(st: SyncTill, productId: string): number {
  return st.till.call('stock.level', { productId }).onHandMilli;
}

describe('two tills of one store', () => {
  it('sell offline, drain when the cloud is back, and agree with the cloud to the cent', async () => {
    for (const st of [a, b]) {
      st.till.call('auth.login', { phone: cloud.t.users.employee.phone, password: SEED_PASSWORD });
      st.till.call('session.open', { openingFloat: 1_000_00 });
    }
    await cloud.gate.shut();
    let soldA = 0;
    let soldB = 0;
    try {
      for (let i = 1; i <= 3; i++) soldA += sell(a, i);
      for (let i = 1; i <= 4; i++) soldB += sell(b, i);
      const offline = await a.syncNow();
      expect(offline.state).toBe('offline');
      expect(offline.queueDepth).toBeGreaterThan(3);
      // Offline the till counts its own sales on top of the last pulled level (0 in the cloud).
      expect(levelAt(a, products[0]?.id ?? '')).toBe(-6000);
      expect(levelAt(b, products[0]?.id ?? '')).toBe(-10000);
    } finally {
      await cloud.gate.open();
    }
    expect(soldA).toBe(completedTotal(a));
    expect(soldB).toBe(completedTotal(b));

    // Both drain; a final round lets each pull the other's movements.
    for (const st of [a, b, a, b]) {
      const s = await st.syncNow();
      expect(s).toMatchObject({ state: 'idle', queueDepth: 0 });
    }

    const list = await cloud.t.call('GET', '/api/salesheaders/?page_size=500', { as: 'manager' });
    expect(list.status).toBe(200);
    const cloudCents = (list.body.results as { total: string }[]).reduce(
      (sum, s) => sum + Math.round(Number(s.total) * 100),
      0,
    );
    expect(list.body.count).toBe(7);
    expect(cloudCents).toBe(soldA + soldB);

    for (const p of products) {
      const cloudLevel = await onHand(cloud.t, cloud.t.store.id, p.id);
      expect(cloudLevel).toBe(-(1 + 2 + 3 + 1 + 2 + 3 + 4) * 1000);
      expect(levelAt(a, p.id)).toBe(cloudLevel);
      expect(levelAt(b, p.id)).toBe(cloudLevel);
    }
  });
});
