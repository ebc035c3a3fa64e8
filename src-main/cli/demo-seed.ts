// npm run demo:seed -- [--products N] [--data-dir DIR] [--force]
// Creates the demo store (users per role, tax classes, N products with barcodes and stock) in the till's ledger.
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ledgerPath, resolveDataDir } from '../config/data-dir.js';
import { openLedger } from '../ledger/connection.js';
import { DEMO_FIXED_PRODUCTS } from '../ledger/seed/demo-catalog.js';
import { DEMO_USERS, seedDemoStore, type DemoRole } from '../ledger/seed/demo-store.js';
import { demoLoginsText, formatCount, formatSeconds, inspectLedger } from './common.js';

const USAGE = `Usage: npm run demo:seed -- [--products N] [--data-dir DIR] [--force]

  --products N    products in the catalog, ${DEMO_FIXED_PRODUCTS.length} well-known ones included (default 2000, max 1000000)
  --data-dir DIR  where the ledger lives (default: $ASIRIA_DATA_DIR or the OS's app-data folder)
  --force         replace an existing ledger (its sales and unsent events are deleted!); stop the till first`;

const DEFAULT_PRODUCTS = 2000;
const MAX_PRODUCTS = 1_000_000;

function fail(message: string): never {
  process.stderr.write(`demo:seed: ${message}\n`);
  process.exit(1);
}

function parseOptions(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        products: { type: 'string' },
        'data-dir': { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const productsText = values.products ?? String(DEFAULT_PRODUCTS);
  const products = /^\d+$/.test(productsText) ? Number(productsText) : NaN;
  if (!Number.isSafeInteger(products) || products < DEMO_FIXED_PRODUCTS.length || products > MAX_PRODUCTS) {
    fail(
      `--products must be a whole number from ${DEMO_FIXED_PRODUCTS.length} to ${formatCount(MAX_PRODUCTS)} (got "${productsText}").`,
    );
  }
  const dataDir = values['data-dir']?.trim() || resolveDataDir();
  return { products, dataDir, force: values.force };
}

function removeLedger(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const file = ledgerPath(options.dataDir);
  const existing = inspectLedger(file);
  if (existing && !options.force) {
    fail(
      `${file} already holds a store ("${existing.storeName ?? existing.storeId}", till ${existing.terminalCode}, ` +
        `${formatCount(existing.products)} products). Pass --force to replace it, or --data-dir to seed elsewhere.`,
    );
  }
  if (existing) {
    removeLedger(file);
    process.stdout.write(
      `Replaced the existing ledger (${formatCount(existing.products)} products, ${formatCount(existing.unsentEvents)} unsent events deleted).\n`,
    );
  }

  const started = performance.now();
  const ledger = openLedger(file);
  let store;
  try {
    store = seedDemoStore(ledger, { products: options.products });
  } finally {
    ledger.close();
  }
  const took = performance.now() - started;
  const created = inspectLedger(file);

  const roles = Object.keys(DEMO_USERS) as DemoRole[];
  process.stdout.write(
    [
      `Created the demo store "${created?.storeName ?? store.storeId}" (till ${store.terminalCode}) in ${file}`,
      `  ${formatCount(store.productCount)} products (${DEMO_FIXED_PRODUCTS.length} well-known + ${formatCount(store.productCount - DEMO_FIXED_PRODUCTS.length)} generated) with barcodes and stock levels, 3 users, 2 clients, 1 supplier`,
      `  took ${formatSeconds(took)}`,
      'Demo logins (phone / password / PIN):',
      `  ${demoLoginsText(roles, '\n  ')}`,
      '',
    ].join('\n'),
  );
}

main();
