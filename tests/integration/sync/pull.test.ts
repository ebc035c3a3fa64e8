// Pull side: the cloud's changes reach the till (a price change), a page is one transaction (a worker killed
// mid-pull leaves the cursor and the replica consistent, no half page), and stock on hand = pulled level +
// pending movements: a sale acknowledged by the cloud is not counted twice before the pull catches up.
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockLevels } from '../../../src-server/db/schema/stock.js';
import { CloudClient } from '../../../src-main/sync/cloud-client.js';
import { applyPullPage } from '../../../src-main/sync/pull-apply.js';
import { pushOnce } from '../../../src-main/sync/push.js';
import { readSyncState } from '../../../src-main/sync/sync-state.js';
import { onHand } from '../../server/sync-fixtures.js';
import { SEED_PASSWORD } from '../../server/support/test-server.js';
import { eventually, FAST_SYNC, newTill, startCloud, type Cloud, type SyncTill } from './support.js';

let cloud: Cloud;
const tills: SyncTill[] = [];
const products: { id: string; barcode: string }[] = [];

function ean(n: number): string {
  const body = `61611${String(n).padStart(7, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

beforeAll(async () => {
  cloud = await startCloud();
  for (let i = 0; i < 120; i++) {
    const res = await cloud.t.call('POST', '/api/products/', {
      as: 'manager',
      body: { name: `Product ${i}`, sku: `P-${i}`, price: `${100 + i}.00`, barcodes: [ean(i)] },
    });
    expect(res.status, res.text).toBe(201);
    products.push({ id: res.body.id as string, barcode: ean(i) });
  }
  await cloud.t.database.db
    .insert(stockLevels)
    .values(products.map((p) => ({ storeId: cloud.t.store.id, productId: p.id, quantity: 10_000 })));
});

afterAll(async () => {
  for (const st of tills) await st.close();
  await cloud.close();
});

function productCount(st: SyncTill): number {
  return (st.till.ledger.raw.prepare('select count(*) as n from products').get() as { n: number }).n;
}

function deviceOf(st: SyncTill) {
  const state = readSyncState(st.till.ledger.raw);
  if (!state) throw new Error('not registered');
  return {
    terminalId: state.terminalId,
    epoch: state.epoch,
    secret: readFileSync(join(st.dataDir, 'device-secret'), 'utf8'),
  };
}

describe('pull', () => {
  it('applies whole pages only: a worker killed mid-pull leaves no half page, and resumes to the head', async () => {
    const st = newTill({ ...FAST_SYNC, pullLimit: 7, crashMidPage: 3 });
    tills.push(st);
    await st.register(cloud, 'Pull till');
    const device = deviceOf(st);
    // The versions of the products' changes, as the cloud's log has them.
    const all = await new CloudClient(cloud.url).pull(device, 0, 5000);
    const productVersions = all.changes.filter((c) => c.entity === 'product').map((c) => c.version);
    expect(productVersions).toHaveLength(120);

    const checkConsistent = () => {
      const cursor = readSyncState(st.till.ledger.raw)?.pullCursor ?? 0;
      expect(productCount(st)).toBe(productVersions.filter((v) => v <= cursor).length);
      return cursor;
    };
    // The first worker dies halfway through its third page's writes: that page is not there at all.
    await eventually(() => !st.till.sync.host.running, 'the crash mid-page');
    expect(checkConsistent()).toBe(all.changes[13]?.version);
    // Then the worker is terminated (mid-request or mid-transaction) several times while it pulls.
    await eventually(() => st.till.sync.host.running, 'the restart after the crash');
    let kills = 0;
    let lastPages = 0;
    while (kills < 3) {
      await eventually(() => st.till.sync.pageStats.pages > lastPages, 'a page');
      st.till.sync.host.restart();
      kills++;
      lastPages = st.till.sync.pageStats.pages;
      checkConsistent();
    }
    expect(st.till.sync.host.starts).toBeGreaterThanOrEqual(5);
    const done = await st.syncNow();
    expect(done.pullCursor).toBe(all.headVersion);
    expect(checkConsistent()).toBe(all.headVersion);
    expect(productCount(st)).toBe(120);
  });

  it('brings a price change from the cloud to the till', async () => {
    const st = newTill();
    tills.push(st);
    await st.register(cloud, 'Price till');
    await st.syncNow();
    st.till.call('auth.login', { phone: cloud.t.users.employee.phone, password: SEED_PASSWORD });
    const p = products[3];
    if (!p) throw new Error('no product');
    expect(st.till.call('catalog.lookup', { code: p.barcode }).product.price).toBe(10300);
    const res = await cloud.t.call('PATCH', `/api/products/${p.id}/`, {
      as: 'manager',
      body: { price: '111.10' },
    });
    expect(res.status, res.text).toBe(200);
    await st.syncNow();
    expect(st.till.call('catalog.lookup', { code: p.barcode }).product.price).toBe(11110);
  });

  it('checkpoints what it pulled: a copy of the ledger file alone (without its WAL) holds the catalog', async () => {
    const st = newTill();
    tills.push(st);
    await st.register(cloud, 'Checkpoint till');
    await st.syncNow();
    expect(productCount(st)).toBe(120);
    // The till itself never checkpoints here (checkpointer: false): only the sync worker can have.
    const copy = join(mkdtempSync(join(tmpdir(), 'asiria-ledger-copy-')), 'ledger.db');
    copyFileSync(st.till.ledger.file, copy);
    const alone = new Database(copy);
    try {
      expect((alone.prepare('select count(*) as n from products').get() as { n: number }).n).toBe(120);
    } finally {
      alone.close();
    }
  });

  it('counts a sale once: pending until acknowledged and pulled, never twice in between', async () => {
    const st = newTill({ ...FAST_SYNC, autoStart: false });
    tills.push(st);
    await st.register(cloud, 'Stock till');
    const device = deviceOf(st);
    const client = new CloudClient(cloud.url);
    const db = st.till.ledger.raw;
    const state = () => readSyncState(db) ?? (undefined as never);
    const pullAll = async () => {
      for (;;) {
        const page = await client.pull(device, state().pullCursor, 500);
        applyPullPage(db, state().storeId, page);
        if (!page.hasMore) return;
      }
    };
    await pullAll();
    const p = products[5];
    if (!p) throw new Error('no product');
    st.till.call('auth.login', { phone: cloud.t.users.employee.phone, password: SEED_PASSWORD });
    const level = () => st.till.call('stock.level', { productId: p.id }).onHandMilli;
    expect(level()).toBe(10_000);

    st.till.call('session.open', { openingFloat: 0 });
    const sale = st.till.call('sale.start', {});
    st.till.call('sale.addItem', { saleId: sale.id, code: p.barcode, qtyMilli: 2000 });
    const due = st.till.call('sale.get', { saleId: sale.id })?.sale.payment.due ?? 0;
    st.till.call('sale.tender', { saleId: sale.id, method: 'CASH', amount: due });
    st.till.call('sale.complete', { saleId: sale.id });
    expect(level()).toBe(8_000);

    // Pushed and acknowledged, not pulled yet: the pulled level (10) does not include it, the movement still counts.
    while ((await pushOnce(db, client, device, state().seqBase, () => new Date().toISOString())).sent > 0);
    expect(await onHand(cloud.t, cloud.t.store.id, p.id)).toBe(8_000);
    const movement = db
      .prepare('select acked_at, acked_version, pending from stock_movements where product_id = ?')
      .get(p.id) as { acked_at: string | null; acked_version: number | null; pending: number };
    expect(movement.acked_at).not.toBeNull();
    expect(movement.acked_version).toBeGreaterThan(state().pullCursor);
    expect(movement.pending).toBe(1);
    expect(level()).toBe(8_000);

    // The pull reaches the version: the pulled level (8) carries the sale, the movement stops counting.
    await pullAll();
    expect(
      (
        db.prepare('select pending from stock_movements where product_id = ?').get(p.id) as {
          pending: number;
        }
      ).pending,
    ).toBe(0);
    expect(level()).toBe(8_000);
    expect(st.till.call('sync.status', {}).queueDepth).toBe(0);
  });
});
