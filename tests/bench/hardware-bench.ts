// npm run bench:hardware — receipt encoding and printing speed (not a test). Writes
// bench-results/hardware.json:
// - encode_ms: ESC/POS encoding of a 30-line sale receipt (p50; p95/p99 beside it), against a raw
//   baseline in the same run: the same visible text turned into latin1 bytes with no commands at all;
// - encode_with_logo_ms: the same receipt starting with a 576×96-dot logo (decoded and encoded once per
//   printer configuration — logo_load_ms, once — then copied into each receipt);
// - print_e2e_ms: from calling sale.complete to the receipt's last byte arriving at a TCP printer on
//   127.0.0.1 (the printer in the sale's transaction → commit → worker → encode → connect → DLE EOT
//   status → write), against a raw baseline: a bare socket connecting and writing the same bytes.
// Targets: encode ≤ 2 ms, end to end ≤ 50 ms.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { loadPrinterLogo } from '../../src-main/hardware/escpos/logo.js';
import { renderReceipt } from '../../src-main/hardware/escpos/receipt.js';
import { printerSettingsSchema } from '../../src-shared/contract/device.js';
import type { ReceiptModel } from '../../src-shared/contract/receipt.js';
import { decodeEscPos } from '../support/escpos/decoder.js';
import { VirtualNetworkPrinter } from '../support/escpos/virtual-printer.js';
import { createTestTill, type TestTill } from '../support/test-till.js';
import { round3, summarize, timeEach } from './stats.js';

const SALES = Number(process.env.BENCH_PRINTS ?? 200);
const settings = printerSettingsSchema.parse({});

let productIds: string[] = [];

function ringSale(t: TestTill, lines: number): string {
  productIds = productIds.length
    ? productIds
    : (
        t.till.ledger.raw
          .prepare('select id from products where is_active = 1 and sold_by_weight = 0 order by sku limit 60')
          .all() as { id: string }[]
      ).map((r) => r.id);
  const saleId = t.till.call('sale.start', {}).id;
  for (const productId of productIds.slice(0, lines)) t.till.call('sale.addItem', { saleId, productId });
  const due = t.till.call('sale.get', { saleId })!.sale.payment.due;
  t.till.call('sale.tender', { saleId, method: 'CARD', amount: due, reference: 'BENCH' });
  return saleId;
}

function thirtyLineReceipt(t: TestTill): ReceiptModel {
  const saleId = ringSale(t, 30);
  return t.till.call('sale.complete', { saleId }).receipt;
}

/** A 1200×200 grey-gradient PNG (scaled to 576×96 on 80 mm paper), as a shop's logo file might be. */
function logoBytes(): { bytes: Uint8Array; loadMs: number } {
  const dir = mkdtempSync(join(tmpdir(), 'asiria-bench-logo-'));
  const png = new PNG({ width: 1200, height: 200 });
  for (let k = 0; k < png.data.length; k += 4) {
    const v = ((k / 4) % 1200) / 5;
    png.data.fill(v, k, k + 3);
    png.data[k + 3] = 255;
  }
  const logoPath = join(dir, 'logo.png');
  writeFileSync(logoPath, PNG.sync.write(png));
  const start = performance.now();
  const logo = loadPrinterLogo({ ...settings, logoPath });
  const loadMs = performance.now() - start;
  rmSync(dir, { recursive: true, force: true });
  if (!logo.bytes) throw new Error(`bench logo not loaded: ${String(logo.problem)}`);
  return { bytes: logo.bytes, loadMs };
}

async function rawSocketPrint(
  port: number,
  bytes: Uint8Array,
  printer: VirtualNetworkPrinter,
): Promise<number> {
  const before = printer.jobs.length;
  const start = performance.now();
  await new Promise<void>((resolve, reject) => {
    const socket = new Socket();
    socket.setNoDelay(true);
    socket.once('error', reject);
    socket.connect(port, '127.0.0.1', () => {
      socket.end(bytes, () => {
        resolve();
      });
    });
    socket.on('close', () => undefined);
  });
  const [job] = (await printer.waitForJobs(before + 1)).slice(before);
  return (job?.lastByteAt ?? Number.NaN) - start;
}

async function main(): Promise<void> {
  const t = createTestTill({ products: 200 });
  t.openSession();
  const receipt = thirtyLineReceipt(t);
  if (receipt.lines.length !== 30) throw new Error(`expected 30 lines, got ${String(receipt.lines.length)}`);
  const bytes = renderReceipt(receipt, settings);
  const printed = decodeEscPos(bytes);
  const visible = printed.lines.join('\n');

  const runs = Array.from({ length: 2000 }, (_, i) => i);
  const encode = summarize(timeEach(runs, () => renderReceipt(receipt, settings), 200));
  const rawEncode = summarize(timeEach(runs, () => Buffer.from(visible, 'latin1'), 200));
  const logo = logoBytes();
  const withLogo = summarize(timeEach(runs, () => renderReceipt(receipt, settings, logo.bytes), 200));

  const printer = new VirtualNetworkPrinter();
  await printer.on();
  t.loginAs('manager');
  t.till.call('device.configure', {
    kind: 'printer',
    name: 'Bench printer',
    connection: { type: 'tcp', host: '127.0.0.1', port: printer.port },
  });
  await new Promise((r) => setImmediate(r));
  t.loginAs('cashier');
  const e2e: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < SALES + 10; i++) {
    const saleId = ringSale(t, 30);
    const before = printer.jobs.length;
    const start = performance.now();
    t.till.call('sale.complete', { saleId });
    const [job] = (await printer.waitForJobs(before + 1)).slice(before);
    const ms = (job?.lastByteAt ?? Number.NaN) - start;
    const rawMs = await rawSocketPrint(printer.port, job?.bytes ?? bytes, printer);
    if (i >= 10) {
      e2e.push(ms);
      raw.push(rawMs);
    }
  }
  const printE2e = summarize(e2e);
  const rawPrint = summarize(raw);
  await printer.off();
  await t.till.hardware?.stop();
  t.close();

  const results = {
    when: new Date().toISOString(),
    receipt_lines: receipt.lines.length,
    receipt_bytes: bytes.length,
    encode_ms: round3(encode.p50),
    encode: { p50: round3(encode.p50), p95: round3(encode.p95), p99: round3(encode.p99) },
    encode_raw_baseline_ms: round3(rawEncode.p50),
    encode_with_logo_ms: round3(withLogo.p50),
    encode_with_logo: { p50: round3(withLogo.p50), p95: round3(withLogo.p95), p99: round3(withLogo.p99) },
    logo_load_ms: round3(logo.loadMs),
    print_e2e_ms: round3(printE2e.p50),
    print_e2e: {
      n: printE2e.n,
      p50: round3(printE2e.p50),
      p95: round3(printE2e.p95),
      p99: round3(printE2e.p99),
    },
    print_raw_socket_baseline_ms: round3(rawPrint.p50),
    print_raw_socket: { p50: round3(rawPrint.p50), p95: round3(rawPrint.p95), p99: round3(rawPrint.p99) },
    targets: { encode_ms: 2, print_e2e_ms: 50 },
  };
  console.table({
    'encode 30-line receipt': { p50: results.encode.p50, p95: results.encode.p95, p99: results.encode.p99 },
    'raw: text → bytes': { p50: results.encode_raw_baseline_ms },
    'encode 30-line receipt with logo': {
      p50: results.encode_with_logo.p50,
      p95: results.encode_with_logo.p95,
      p99: results.encode_with_logo.p99,
    },
    'logo: decode + encode once per printer': { p50: results.logo_load_ms },
    'sale.complete → last byte at printer': {
      p50: results.print_e2e.p50,
      p95: results.print_e2e.p95,
      p99: results.print_e2e.p99,
    },
    'raw: bare socket, same bytes': {
      p50: results.print_raw_socket.p50,
      p95: results.print_raw_socket.p95,
      p99: results.print_raw_socket.p99,
    },
  });
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/hardware.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('wrote bench-results/hardware.json');
}

await main();
