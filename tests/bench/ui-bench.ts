// `npm run bench:ui` — the till screen benchmark (not a test): the real browser-mode till (src-main/cli/serve.ts,
// started by tests/e2e/support/till-process.ts) on a 100,000-product demo store, driven by Chromium
// (Debian's, never a download) through playwright-core, and its till API over HTTP from this process.
//   launch: spawning `serve` on the already-seeded ledger (renderer already built) → login screen usable
//   scan:   keyboard-wedge bursts into the scan field with a 100-line cart, first key → cart row painted
//   search: a product-name prefix typed into the scan field → matching results painted
//   rpc:    catalog.lookup and sale.complete (10 lines, 2 tenders) over keep-alive HTTP, sequential
// Raw baselines from the same run: the same calls in-process (openTill().call on the same ledger, after the
// host stopped) and a bare node:http echo of the same payload sizes. Writes bench-results/ui.json.
// Knobs: BENCH_UI_PRODUCTS (100000), BENCH_UI_SCANS (200), BENCH_UI_SEARCHES (30), BENCH_UI_RPC_CALLS (1000),
// BENCH_UI_LAUNCHES (3), PLAYWRIGHT_CHROMIUM_EXECUTABLE (/usr/bin/chromium).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { SaleCompleted, SaleView } from '../../src-shared/contract/sale.js';
import { openTill, type Till } from '../../src-main/till.js';
import { REPO_ROOT, startTill, type RunningTill } from '../e2e/support/till-process.js';
import { installProbe, measureScan, measureSearch, type PageSample } from './ui-bench-page.js';
import { rpcClient, startEchoServer, type EchoServer, type RpcClient } from './ui-bench-rpc.js';
import { round3, summarize, type Timing } from './stats.js';
import { seededRandom } from '../../src-main/ledger/seed/seeded-random.js';

const PRODUCTS = Number(process.env.BENCH_UI_PRODUCTS ?? 100_000);
const SCANS = Number(process.env.BENCH_UI_SCANS ?? 200);
const SEARCHES = Number(process.env.BENCH_UI_SEARCHES ?? 30);
const RPC_CALLS = Number(process.env.BENCH_UI_RPC_CALLS ?? 1_000);
const LAUNCHES = Math.max(1, Number(process.env.BENCH_UI_LAUNCHES ?? 3));
const CART_LINES = 100;
const SALE_LINES = 10;
const LOOKUP_WARMUP = 50;
const COMPLETE_WARMUP = 20;
/** use-product-search.ts SEARCH_DEBOUNCE_MS: a longer pause while typing would start an earlier search. */
const SEARCH_PAUSE_MS = 80;
/** wedge-detector.ts maxGapMs: a longer pause makes a burst a person's typing. */
const WEDGE_GAP_MS = 50;
const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? '/usr/bin/chromium';
const CASHIER = { name: 'Achieng Cashier', phone: '0700000003', password: 'cashier1234' };
const FLOAT_TEXT = '10,000';

const random = seededRandom(11);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

interface Sellable {
  code: string;
  name: string;
}

const elapsedMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
const fig = (t: Timing) => ({
  p50: round3(t.p50),
  p95: round3(t.p95),
  p99: round3(t.p99),
  max: round3(t.max),
});
const median = (xs: number[]) => summarize(xs).p50;

// ---- what to scan and search: read once from the seeded ledger ------------------------------------------

function catalogSample(dataDir: string): { sellable: Sellable[]; names: string[] } {
  const till = openTill({ dataDir, hardware: false, checkpointer: false });
  try {
    const sellable = till.ledger.raw
      .prepare(
        `select b.code, p.name from barcodes b join products p on p.id = b.product_id
         where p.is_active = 1 and p.sold_by_weight = 0`,
      )
      .all() as Sellable[];
    return { sellable, names: sellable.map((s) => s.name) };
  } finally {
    till.close();
  }
}

/** Prefixes a cashier types: the first word of a real name and 2–5 letters of the next. */
function searchQueries(names: readonly string[], n: number): string[] {
  return Array.from({ length: n }, () => {
    const [first = 'a', second] = pick(names).match(/[\p{L}\p{N}]+/gu) ?? [];
    return second ? `${first} ${second.slice(0, 2 + Math.floor(random() * 4))}` : first;
  });
}

// ---- the till screen in Chromium ----------------------------------------------------------------------------

async function loginScreenUsable(page: Page): Promise<void> {
  await page.getByRole('button', { name: CASHIER.name }).waitFor({ state: 'visible' });
}

async function logInAndOpenSession(page: Page): Promise<void> {
  await page.getByRole('button', { name: CASHIER.name }).click();
  await page.getByLabel('Password').fill(CASHIER.password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  const scan = page.getByLabel('Scan or search');
  const openSession = page.getByRole('heading', { name: 'Open a cash session' });
  await scan.or(openSession).waitFor({ state: 'visible' });
  if (await openSession.isVisible()) {
    await page.getByLabel('Opening float (KES)').fill(FLOAT_TEXT);
    await page.getByRole('button', { name: 'Open session' }).click();
  }
  await scan.waitFor({ state: 'visible' });
  await page.waitForFunction(() => {
    const doc = (globalThis as unknown as { document: { activeElement: { id?: string } | null } }).document;
    return doc.activeElement?.id === 'scan-input';
  });
}

interface ScreenFigures {
  newLine: PageSample[];
  scans: PageSample[];
  searches: PageSample[];
  searchesDropped: number;
}

async function measureScreen(page: Page, sellable: readonly Sellable[]): Promise<ScreenFigures> {
  await installProbe(page);
  const cdp = await page.context().newCDPSession(page);
  const cart: Sellable[] = [];
  const seen = new Set<string>();
  while (cart.length < CART_LINES) {
    const item = pick(sellable);
    if (seen.has(item.name)) continue; // one row per product, told apart by name
    seen.add(item.name);
    cart.push(item);
  }
  const newLine: PageSample[] = [];
  for (const [row, item] of cart.entries()) {
    newLine.push(await measureScan(page, cdp, item.code, { rows: row + 1, row, name: item.name, qty: '1' }));
  }
  process.stderr.write(`  cart built: ${CART_LINES} lines\n`);

  const qty = cart.map(() => 1);
  const scans: PageSample[] = [];
  for (let i = 0; i < SCANS; i++) {
    const row = Math.floor(random() * cart.length);
    const item = cart[row]!;
    qty[row] = (qty[row] ?? 0) + 1;
    scans.push(
      await measureScan(page, cdp, item.code, {
        rows: CART_LINES,
        row,
        name: item.name,
        qty: String(qty[row]),
      }),
    );
  }
  process.stderr.write(`  ${SCANS} scans on the ${CART_LINES}-line cart\n`);

  const searches: PageSample[] = [];
  let searchesDropped = 0;
  for (const query of searchQueries(
    sellable.map((s) => s.name),
    SEARCHES * 2,
  )) {
    if (searches.length === SEARCHES) break;
    const sample = await measureSearch(page, query);
    // A pause longer than the screen's search pause started an earlier search: not this measurement.
    if (sample.maxGapMs >= SEARCH_PAUSE_MS) searchesDropped++;
    else searches.push(sample);
  }
  process.stderr.write(`  ${searches.length} searches\n`);
  return { newLine, scans, searches, searchesDropped };
}

// ---- the till API: over HTTP and in-process -----------------------------------------------------------------

interface Caller {
  call<T>(method: string, input: object): Promise<T> | T;
}

/** The same calls as the HTTP client makes, through the till's untyped entry point (what the host calls). */
function inProcessCaller(till: Till): Caller {
  return {
    call<T>(method: string, input: object): Promise<T> | T {
      const result = till.invoke(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
  };
}

function saleCodes(sellable: readonly Sellable[]): string[] {
  return Array.from({ length: SALE_LINES }, () => pick(sellable).code);
}

/** A 10-line sale paid half by M-Pesa and the rest in cash (with change); returns its id, ready to complete. */
async function readySale(api: Caller, codes: readonly string[]): Promise<string> {
  const sale = await api.call<SaleView>('sale.start', {});
  let view = sale;
  for (const code of codes) view = await api.call<SaleView>('sale.addItem', { saleId: sale.id, code });
  const due = view.payment.due;
  view = await api.call<SaleView>('sale.tender', {
    saleId: sale.id,
    method: 'MPESA',
    amount: Math.floor(due / 2),
    reference: 'QK7BENCH01',
  });
  await api.call('sale.tender', { saleId: sale.id, method: 'CASH', amount: view.payment.balance + 1_000 });
  return sale.id;
}

interface ApiFigures {
  lookup: number[];
  complete: number[];
  lookupReplyBytes: number;
  completeReplyBytes: number;
}

async function measureApi(
  api: Caller,
  lookupCodes: readonly string[],
  sales: readonly string[][],
): Promise<ApiFigures> {
  const lookup: number[] = [];
  let lookupReplyBytes = 0;
  for (const [i, code] of lookupCodes.entries()) {
    const start = process.hrtime.bigint();
    const value = await api.call('catalog.lookup', { code });
    const ms = elapsedMs(start);
    if (i >= LOOKUP_WARMUP) lookup.push(ms);
    else lookupReplyBytes = JSON.stringify({ ok: true, value }).length;
  }
  const complete: number[] = [];
  let completeReplyBytes = 0;
  for (const [i, codes] of sales.entries()) {
    const saleId = await readySale(api, codes);
    const start = process.hrtime.bigint();
    const value = await api.call<SaleCompleted>('sale.complete', { saleId });
    const ms = elapsedMs(start);
    if (i >= COMPLETE_WARMUP) complete.push(ms);
    else completeReplyBytes = JSON.stringify({ ok: true, value }).length;
  }
  return { lookup, complete, lookupReplyBytes, completeReplyBytes };
}

/** The transport floor: the same request bodies, answers of the same sizes, from a server with no till. */
async function measureEcho(
  echo: EchoServer,
  lookupCodes: readonly string[],
  api: ApiFigures,
): Promise<{ lookup: number[]; complete: number[] }> {
  const client = rpcClient(echo.url, 'echo');
  try {
    const run = async (n: number, body: (i: number) => string, bytes: number) => {
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        const start = process.hrtime.bigint();
        await client.post('/rpc/echo', body(i), { 'x-reply-bytes': String(bytes) });
        if (i >= LOOKUP_WARMUP) samples.push(elapsedMs(start));
      }
      return samples;
    };
    return {
      lookup: await run(
        lookupCodes.length,
        (i) => JSON.stringify({ code: lookupCodes[i] }),
        api.lookupReplyBytes,
      ),
      complete: await run(
        RPC_CALLS + LOOKUP_WARMUP,
        () => JSON.stringify({ saleId: '0190a0b0-0000-7000-8000-000000000000' }),
        api.completeReplyBytes,
      ),
    };
  } finally {
    client.close();
  }
}

// ---- the run -------------------------------------------------------------------------------------------------

const cleanups: (() => Promise<void> | void)[] = [];
async function cleanUp(): Promise<void> {
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch (error) {
      process.stderr.write(`cleanup: ${String(error)}\n`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const dataDir = mkdtempSync(join(tmpdir(), 'asiria-ui-bench-'));
  cleanups.push(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });
  console.log(`AsiriaPOS till screen bench — ${PRODUCTS.toLocaleString('en')} products, data in ${dataDir}`);

  // 1. Seed the ledger with a first start (timed apart: launch is measured on the seeded ledger).
  let start = process.hrtime.bigint();
  let till: RunningTill | null = await startTill({ dataDir, demoProducts: PRODUCTS });
  const seedMs = elapsedMs(start);
  await till.stop();
  till = null;
  console.log(`seeded by the first start in ${(seedMs / 1000).toFixed(1)} s`);
  const { sellable, names } = catalogSample(dataDir);
  if (names.length < CART_LINES * 2) throw new Error(`too few products with barcodes (${names.length})`);

  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM });
  cleanups.push(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const page = await context.newPage();

  // 2. Launch: spawn serve → ready line → the login screen usable in Chromium. The last launch stays up.
  const launches: { launchMs: number; readyMs: number }[] = [];
  for (let i = 0; i < LAUNCHES; i++) {
    start = process.hrtime.bigint();
    const running = await startTill({ dataDir, demoProducts: PRODUCTS });
    till = running;
    cleanups.push(() => running.stop());
    const readyMs = elapsedMs(start);
    await page.goto(running.pageUrl);
    await loginScreenUsable(page);
    launches.push({ launchMs: elapsedMs(start), readyMs });
    if (i < LAUNCHES - 1) {
      await running.stop();
      till = null;
    }
  }
  if (!till) throw new Error('no till running after the launches');
  console.log(`launch: ${launches.map((l) => `${Math.round(l.launchMs)} ms`).join(', ')}`);

  // 3. The screen: log in, session, a 100-line cart, scans, searches.
  await logInAndOpenSession(page);
  const screen = await measureScreen(page, sellable);
  await browser.close(); // no page listening to events while the API is timed

  // 4. The till API over HTTP (the screen's sale is put on hold first: one open sale per operator).
  const http: RpcClient = rpcClient(till.url, till.token);
  cleanups.push(() => {
    http.close();
  });
  const lookupCodes = Array.from({ length: RPC_CALLS + LOOKUP_WARMUP }, () => pick(sellable).code);
  const sales = Array.from({ length: RPC_CALLS + COMPLETE_WARMUP }, () => saleCodes(sellable));
  const open = await http.call<{ sale: SaleView } | null>('sale.get', {});
  if (open) await http.call('sale.hold', { saleId: open.sale.id });
  const overHttp = await measureApi(http, lookupCodes, sales);
  http.close();
  await till.stop();
  console.log('till API over HTTP measured');

  // 5. Baselines: a bare node:http echo of the same sizes, then the same calls in-process on the same ledger.
  const echoServer = await startEchoServer();
  cleanups.push(() => echoServer.stop());
  const echo = await measureEcho(echoServer, lookupCodes, overHttp);
  await echoServer.stop();
  const inProcessTill: Till = openTill({ dataDir });
  let closed = false;
  const closeInProcess = () => {
    if (!closed) inProcessTill.close();
    closed = true;
  };
  cleanups.push(closeInProcess);
  inProcessTill.call('auth.login', { phone: CASHIER.phone, password: CASHIER.password });
  const inProcess = await measureApi(inProcessCaller(inProcessTill), lookupCodes, sales);
  closeInProcess();
  console.log('baselines measured');

  const scanFirst = summarize(screen.scans.map((s) => s.fromFirstKeyMs));
  const scanEnter = summarize(screen.scans.map((s) => s.fromLastKeyMs));
  const scanBurst = summarize(screen.scans.map((s) => s.typingMs));
  const newLineFirst = summarize(screen.newLine.map((s) => s.fromFirstKeyMs));
  const searchLast = summarize(screen.searches.map((s) => s.fromLastKeyMs));
  const searchFirst = summarize(screen.searches.map((s) => s.fromFirstKeyMs));
  const httpLookup = summarize(overHttp.lookup);
  const httpComplete = summarize(overHttp.complete);
  const inLookup = summarize(inProcess.lookup);
  const inComplete = summarize(inProcess.complete);
  const echoLookup = summarize(echo.lookup);
  const echoComplete = summarize(echo.complete);
  const scansAsTyping = [...screen.newLine, ...screen.scans].filter((s) => s.maxGapMs > WEDGE_GAP_MS).length;

  const results = {
    products: PRODUCTS,
    scan_p50_ms: round3(scanFirst.p50),
    scan_p95_ms: round3(scanFirst.p95),
    search_ms: round3(searchLast.p50),
    launch_ms: round3(median(launches.map((l) => l.launchMs))),
    rpc_lookup_p50_ms: round3(httpLookup.p50),
    rpc_lookup_p99_ms: round3(httpLookup.p99),
    rpc_complete_p50_ms: round3(httpComplete.p50),
    rpc_complete_p99_ms: round3(httpComplete.p99),
    targets: {
      scan_p95_ms: 50,
      search_ms: 100,
      launch_ms: 2000,
      rpc_lookup_p99_ms: 2,
      rpc_complete_p99_ms: 5,
    },
    scan: {
      what: `keyboard-wedge burst (EAN-13 + Enter as real Chromium key events, all queued at once like a scanner's) on a ${CART_LINES}-line cart, a quantity going up; first key → row painted`,
      n: scanFirst.n,
      from_first_key_ms: fig(scanFirst),
      from_enter_ms: fig(scanEnter),
      burst_ms: fig(scanBurst),
      treated_as_typing: scansAsTyping,
      new_line_while_building_cart_ms: fig(newLineFirst),
    },
    search: {
      what: 'a product-name prefix typed into the scan field → a matching result painted; includes the screen’s 80 ms search pause',
      n: searchLast.n,
      dropped_for_slow_typing: screen.searchesDropped,
      from_last_key_ms: fig(searchLast),
      from_first_key_ms: fig(searchFirst),
    },
    launch: {
      what: 'spawn serve (ledger seeded, renderer built) → login screen usable in Chromium; median of the runs',
      runs_ms: launches.map((l) => round3(l.launchMs)),
      ready_line_ms: launches.map((l) => round3(l.readyMs)),
      seed_first_start_ms: round3(seedMs),
    },
    rpc: {
      what: `sequential calls over one keep-alive HTTP connection (node:http), ${RPC_CALLS} timed each; sale.complete of a ${SALE_LINES}-line sale paid by M-Pesa + cash, only the complete call timed`,
      http: { lookup: fig(httpLookup), complete: fig(httpComplete) },
      in_process: { lookup: fig(inLookup), complete: fig(inComplete) },
      echo: {
        what: 'bare node:http server (child process) answering the same request with a body of the same size',
        lookup: fig(echoLookup),
        complete: fig(echoComplete),
        reply_bytes: { lookup: overHttp.lookupReplyBytes, complete: overHttp.completeReplyBytes },
      },
      ratios: {
        lookup_http_vs_in_process_p50: round3(httpLookup.p50 / inLookup.p50),
        lookup_http_vs_in_process_p99: round3(httpLookup.p99 / inLookup.p99),
        complete_http_vs_in_process_p50: round3(httpComplete.p50 / inComplete.p50),
        complete_http_vs_in_process_p99: round3(httpComplete.p99 / inComplete.p99),
        lookup_host_overhead_over_echo_p50_ms: round3(httpLookup.p50 - inLookup.p50 - echoLookup.p50),
      },
    },
    machine: {
      cpus: cpus().length,
      loadavg_before: loadBefore.map(round3),
      loadavg_after: loadavg().map(round3),
      node: process.version,
    },
  };

  const targets: [string, number, number][] = [
    ['scan p95, first key → painted (ms)', results.scan_p95_ms, 50],
    ['search p50, last key → painted (ms)', results.search_ms, 100],
    ['launch → login usable (ms)', results.launch_ms, 2000],
    ['RPC catalog.lookup p99 (ms)', results.rpc_lookup_p99_ms, 2],
    ['RPC sale.complete p99 (ms)', results.rpc_complete_p99_ms, 5],
  ];
  console.log('');
  console.table({
    'scan, first key → painted': fig(scanFirst),
    'scan, Enter → painted': fig(scanEnter),
    'search, last key → painted': fig(searchLast),
    'catalog.lookup over HTTP': fig(httpLookup),
    'catalog.lookup in-process': fig(inLookup),
    'echo (lookup sizes)': fig(echoLookup),
    'sale.complete over HTTP': fig(httpComplete),
    'sale.complete in-process': fig(inComplete),
    'echo (complete sizes)': fig(echoComplete),
  });
  console.table(
    Object.fromEntries(
      targets.map(([k, v, t]) => [k, { measured: v, target: `≤ ${t}`, ok: v <= t ? 'yes' : 'NO' }]),
    ),
  );
  console.log(
    `load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (${cpus().length} CPUs)`,
  );
  const out = join(REPO_ROOT, 'bench-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'ui.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('wrote bench-results/ui.json');
}

main()
  .catch((error: unknown) => {
    process.stderr.write(
      `bench:ui failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
