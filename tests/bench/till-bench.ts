// `npm run bench` — the till benchmark on a 100,000-product demo catalog (not a test).
// Prints a table and writes bench-results/till.json. Every speed figure is set against a raw baseline
// measured in the same run: sale.complete against the same rows written with raw prepared statements.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveDataDir } from '../../src-main/config/data-dir.js';
import { demoBarcode } from '../../src-main/ledger/seed/demo-store.js';
import { openTill, type Till } from '../../src-main/till.js';
import { rawCompleteFloor } from './raw-floor.js';
import { round3, summarize, timeEach } from './stats.js';
import { seededRandom } from '../../src-main/ledger/seed/seeded-random.js';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 20_000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 2_000);
const SALES = Number(process.env.BENCH_SALES ?? 400);

// The bench never touches a real till's ledger: it works in <data dir>/bench, recreated every run.
const benchDir = join(resolveDataDir(), 'bench');
rmSync(benchDir, { recursive: true, force: true });
mkdirSync(benchDir, { recursive: true });

/** Seeds with `npm run demo:seed` in a child process, so the bench's RSS is a till's, not a seeder's. */
function seed(): { seedMs: number } {
  const start = performance.now();
  const cli = join(import.meta.dirname, '../../src-main/cli/demo-seed.ts');
  const args = ['--import', 'tsx', cli, '--products', String(PRODUCTS), '--data-dir', benchDir, '--force'];
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error(`demo:seed failed with exit code ${String(run.status)}`);
  return { seedMs: performance.now() - start };
}

function main(): void {
  console.log(`AsiriaPOS till bench — ${PRODUCTS.toLocaleString('en')} products, data in ${benchDir}`);
  const { seedMs } = seed();
  console.log(`seeded in ${(seedMs / 1000).toFixed(1)} s`);

  // Cold start: open the ledger (pragmas + migrations check) and answer the first lookup.
  // The cashier's login (a deliberately slow scrypt) is not part of it: it is timed out of the sum.
  const openStart = performance.now();
  let till: Till = openTill({ dataDir: benchDir, checkpointer: false });
  const openMs = performance.now() - openStart;
  till.call('auth.login', { phone: '0700000003', password: 'cashier1234' });
  const firstQueryStart = performance.now();
  till.call('catalog.lookup', { code: demoBarcode(PRODUCTS) });
  const coldStartMs = openMs + (performance.now() - firstQueryStart);
  const codes = (till.ledger.raw.prepare('select code from barcodes').all() as { code: string }[]).map(
    (r) => r.code,
  );
  till.close();
  till = openTill({ dataDir: benchDir, checkpointer: false });
  till.call('auth.login', { phone: '0700000003', password: 'cashier1234' });

  const random = seededRandom(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

  // Barcode lookups through the till API (validation + dispatch + query).
  const lookupCodes = Array.from({ length: LOOKUPS }, () => pick(codes));
  const lookup = summarize(timeEach(lookupCodes, (code) => till.call('catalog.lookup', { code })));

  // Search as you type: prefixes of real product names, one or two words.
  const names = (
    till.ledger.raw.prepare('select name from products where is_active = 1').all() as { name: string }[]
  ).map((r) => r.name);
  const queries = Array.from({ length: SEARCHES }, () => {
    const words = pick(names).split(' ');
    const take = 1 + Math.floor(random() * Math.min(2, words.length));
    const chosen = words.slice(0, take);
    const last = chosen[chosen.length - 1] ?? '';
    chosen[chosen.length - 1] = last.slice(
      0,
      Math.max(2, Math.min(last.length, 2 + Math.floor(random() * 4))),
    );
    return chosen.join(' ');
  });
  const search = summarize(timeEach(queries, (text) => till.call('catalog.search', { query: text })));

  // sale.complete for a 10-line, 2-tender sale (only the complete call is timed).
  till.call('session.open', { openingFloat: 1_000_000 });
  const sellable = (
    till.ledger.raw
      .prepare(
        'select b.code from barcodes b join products p on p.id = b.product_id where p.is_active = 1 and p.sold_by_weight = 0',
      )
      .all() as { code: string }[]
  ).map((r) => r.code);
  const prepareSale = (): string => {
    const sale = till.call('sale.start', {});
    for (let i = 0; i < 10; i++) till.call('sale.addItem', { saleId: sale.id, code: pick(sellable) });
    const due = till.call('sale.get', { saleId: sale.id })?.sale.payment.due ?? 0;
    till.call('sale.tender', {
      saleId: sale.id,
      method: 'MPESA',
      amount: Math.floor(due / 2),
      reference: 'QK7BENCH01',
    });
    const balance = till.call('sale.get', { saleId: sale.id })?.sale.payment.balance ?? 0;
    till.call('sale.tender', { saleId: sale.id, method: 'CASH', amount: balance + 1_000 });
    return sale.id;
  };
  // Interleaved with the floor, sale by sale, so both meet the same disk and WAL state.
  const floorSale = rawCompleteFloor(till.ledger.raw);
  const readCartState = till.ledger.raw.prepare('select state from carts where id = ?');
  const completeSamples: number[] = [];
  const floorSamples: number[] = [];
  const timed = (fn: () => unknown): number => {
    const start = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (let i = 0; i < SALES + 20; i++) {
    const saleId = prepareSale();
    const cartState = (readCartState.get(saleId) as { state: string }).state;
    const completeMs = timed(() => till.call('sale.complete', { saleId }));
    const floorMs = timed(floorSale.prepare(cartState));
    if (i >= 20) {
      completeSamples.push(completeMs);
      floorSamples.push(floorMs);
    }
  }
  const complete = summarize(completeSamples);
  const floor = summarize(floorSamples);
  till.close();

  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  const results = {
    products: PRODUCTS,
    seed_s: round3(seedMs / 1000),
    lookup_p50_ms: round3(lookup.p50),
    lookup_p99_ms: round3(lookup.p99),
    search_p50_ms: round3(search.p50),
    search_p95_ms: round3(search.p95),
    complete_p50_ms: round3(complete.p50),
    complete_p99_ms: round3(complete.p99),
    floor_p50_ms: round3(floor.p50),
    floor_p99_ms: round3(floor.p99),
    complete_ratio: round3(complete.p99 / floor.p99),
    complete_ratio_p50: round3(complete.p50 / floor.p50),
    cold_start_ms: round3(coldStartMs),
    rss_mb: Math.round(rssMb),
  };
  const targets: Record<string, [number, number]> = {
    'barcode lookup p99 (ms)': [results.lookup_p99_ms, 0.2],
    'text search p95 (ms)': [results.search_p95_ms, 5],
    'sale.complete p99 / raw floor p99': [results.complete_ratio, 1.5],
    'cold start (ms)': [results.cold_start_ms, 1000],
    'process RSS (MB)': [results.rss_mb, 200],
  };
  console.log('');
  console.table({
    'barcode lookup': { p50: results.lookup_p50_ms, 'p95/p99': results.lookup_p99_ms, n: lookup.n },
    'text search': { p50: results.search_p50_ms, 'p95/p99': results.search_p95_ms, n: search.n },
    'sale.complete (10 lines, 2 tenders)': {
      p50: results.complete_p50_ms,
      'p95/p99': results.complete_p99_ms,
      n: complete.n,
    },
    'raw prepared-statement floor': {
      p50: results.floor_p50_ms,
      'p95/p99': results.floor_p99_ms,
      n: floor.n,
    },
  });
  console.table(
    Object.fromEntries(
      Object.entries(targets).map(([k, [v, t]]) => [
        k,
        { measured: v, target: `≤ ${t}`, ok: v <= t ? 'yes' : 'NO' },
      ]),
    ),
  );
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/till.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('wrote bench-results/till.json');
  rmSync(benchDir, { recursive: true, force: true });
}

main();
