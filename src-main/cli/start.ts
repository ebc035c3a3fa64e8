// npm start — runs the till core in browser mode (until the Electron UI lands): opens the ledger in the data
// dir (seeding the demo store on first run), serves the till API on 127.0.0.1, prints ONE ready line to stdout
// (URL with the per-launch token, demo logins) and stops cleanly on SIGINT/SIGTERM. Logs: JSON lines on stderr.
//   TILL_PORT        port (default 4318; 0 = any free port)
//   TILL_TOKEN       the token (default: random per launch; at least 16 characters)
//   ASIRIA_DATA_DIR  data folder (default: the OS's app-data folder)
//   TILL_DEMO_PRODUCTS  catalog size when seeding a new ledger (default 2000)
import { randomBytes } from 'node:crypto';
import { resolveDataDir } from '../config/data-dir.js';
import { startHttpHost, type HttpHost } from '../host/http/server.js';
import { seedDemoStore } from '../ledger/seed/demo-store.js';
import { loadIdentity } from '../services/identity.js';
import { openTill, type Till } from '../till.js';
import { createCliLogger, demoLoginsText, demoUsersIn, formatCount, formatSeconds } from './common.js';

const DEFAULT_PORT = 4318;
const DEFAULT_DEMO_PRODUCTS = 2000;
const FORCED_EXIT_MS = 10_000;

const log = createCliLogger('asiria-till');

function fail(message: string): never {
  log.fatal(message);
  process.stderr.write(`start: ${message}\n`);
  process.exit(1);
}

function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const text = process.env[name]?.trim();
  if (!text) return fallback;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max)
    fail(`${name} must be a whole number from ${min} to ${max} (got "${text}").`);
  return value;
}

function hasStore(till: Till): boolean {
  try {
    loadIdentity(till.ledger.read);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const port = intFromEnv('TILL_PORT', DEFAULT_PORT, 0, 65535);
  const demoProducts = intFromEnv('TILL_DEMO_PRODUCTS', DEFAULT_DEMO_PRODUCTS, 12, 1_000_000);
  const token = process.env.TILL_TOKEN?.trim() || randomBytes(24).toString('base64url');
  if (token.length < 16) fail('TILL_TOKEN must be at least 16 characters.');
  const dataDir = resolveDataDir();

  const till = openTill({
    dataDir,
    onInternalError: (method, error) => {
      log.error({ err: error, method }, 'till API call failed inside the till');
    },
  });
  log.info({ dataDir, ledger: till.ledger.file }, 'ledger open');
  if (!hasStore(till)) {
    const started = performance.now();
    seedDemoStore(till.ledger, { products: demoProducts });
    log.info(
      { products: demoProducts, took: formatSeconds(performance.now() - started) },
      'seeded the demo store (new ledger)',
    );
  }

  let host: HttpHost;
  try {
    host = await startHttpHost({ till, port, token, log });
  } catch (error) {
    till.close();
    const code = (error as NodeJS.ErrnoException).code;
    fail(
      code === 'EADDRINUSE'
        ? `port ${port} is already in use (set TILL_PORT, 0 = any free port).`
        : `cannot start the HTTP host: ${String(error)}`,
    );
  }
  log.info({ url: host.url, methods: till.methods.length }, 'HTTP host listening');

  const roles = demoUsersIn(till.ledger.raw);
  const logins = roles.length ? ` | demo logins (phone / password / PIN): ${demoLoginsText(roles)}` : '';
  const products = (till.ledger.raw.prepare('select count(*) as n from products').get() as { n: number }).n;
  process.stdout.write(
    `AsiriaPOS till ready at ${host.url}/?token=${encodeURIComponent(token)} (${formatCount(products)} products)${logins} | Ctrl+C stops\n`,
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A terminal's Ctrl+C reaches npm, tsx and this process alike: the first signal stops, repeats are ignored.
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, FORCED_EXIT_MS).unref();
    host
      .close()
      .then(() => {
        till.close();
        log.info('stopped');
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'error while stopping');
        process.exitCode = 1;
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'the till failed to start');
  process.stderr.write(`start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
