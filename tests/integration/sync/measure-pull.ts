// Measurement (not a test): the first pull of a 100,000-product store through the real route into a real till,
// while that till keeps selling on its main thread. Prints the pull time, the longest write-lock hold of a pull
// page (BEGIN IMMEDIATE → COMMIT in the worker) and the slowest sale meanwhile.
//   npx tsx tests/integration/sync/measure-pull.ts [products=100000]
import {
  products as cloudProducts,
  barcodes as cloudBarcodes,
} from '../../../src-server/db/schema/catalog.js';
import { newId } from '../../../src-shared/domain/ids.js';
import { SEED_PASSWORD } from '../../server/support/test-server.js';
import { FAST_SYNC, newTill, startCloud } from './support.js';

function ean(n: number): string {
  const body = `62${String(n).padStart(10, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000);
  const cloud = await startCloud();
  const st = newTill({ ...FAST_SYNC, timeoutMs: 60_000, pullLimit: 500 });
  try {
    const db = cloud.t.database.db;
    const started = performance.now();
    for (let from = 0; from < count; from += 5000) {
      const rows = Array.from({ length: Math.min(5000, count - from) }, (_, k) => {
        const i = from + k;
        return {
          id: newId(),
          sku: `SKU-${i}`,
          name: `Product ${i} ${i % 7 === 0 ? 'sugar' : 'rice'}`,
          price: 100 + (i % 900),
        };
      });
      await db.insert(cloudProducts).values(rows);
      await db.insert(cloudBarcodes).values(rows.map((r, k) => ({ code: ean(from + k), productId: r.id })));
    }
    console.log(
      `cloud seeded with ${count} products in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const t0 = performance.now();
    await st.register(cloud, 'Bench till');
    const raw = st.till.ledger.raw;
    const productCount = () => (raw.prepare('select count(*) as n from products').get() as { n: number }).n;
    // Sell as soon as users and one product are there, until the pull is done.
    const flags = { pullDone: false as boolean };
    let sales = 0;
    let slowestSaleMs = 0;
    const selling = (async () => {
      for (;;) {
        if (flags.pullDone) return;
        const ready =
          (
            raw
              .prepare('select count(*) as n from users where phone = ?')
              .get(cloud.t.users.employee.phone) as { n: number }
          ).n > 0 && productCount() > 0;
        if (ready) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      st.till.call('auth.login', { phone: cloud.t.users.employee.phone, password: SEED_PASSWORD });
      st.till.call('session.open', { openingFloat: 0 });
      const productId = (raw.prepare('select id from products limit 1').get() as { id: string }).id;
      const isDone = () => flags.pullDone;
      while (!isDone()) {
        const s0 = performance.now();
        const sale = st.till.call('sale.start', {});
        st.till.call('sale.addItem', { saleId: sale.id, productId });
        const due = st.till.call('sale.get', { saleId: sale.id })?.sale.payment.due ?? 0;
        st.till.call('sale.tender', { saleId: sale.id, method: 'CASH', amount: due });
        st.till.call('sale.complete', { saleId: sale.id });
        slowestSaleMs = Math.max(slowestSaleMs, performance.now() - s0);
        sales++;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    for (;;) {
      const s = await st.syncNow();
      if (s.pullHead > 0 && s.pullCursor >= s.pullHead && productCount() >= count) break;
    }
    flags.pullDone = true;
    await selling;
    const pullS = (performance.now() - t0) / 1000;
    const stats = st.till.sync.pageStats;
    console.log(
      JSON.stringify({
        products: productCount(),
        pull_s: Number(pullS.toFixed(2)),
        pages: stats.pages,
        fetch_s: Number((stats.fetchMs / 1000).toFixed(2)),
        max_lock_hold_ms: Number(stats.maxHoldMs.toFixed(2)),
        sales_during_pull: sales,
        slowest_sale_ms: Number(slowestSaleMs.toFixed(2)),
        fts_rows: (
          raw.prepare("select count(*) as n from products_fts where products_fts match 'sugar'").get() as {
            n: number;
          }
        ).n,
      }),
    );
  } finally {
    await st.close();
    await cloud.close();
  }
}

void main();
