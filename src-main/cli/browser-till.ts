// The browser-mode till (`npm run serve`, and `npm start` where Electron cannot start): opens the ledger in the
// data folder (seeding the demo store on first run), serves the till screen (dist/renderer, built on first run)
// and the till API on 127.0.0.1, prints ONE ready line to stdout (URL with the per-launch token, demo logins)
// and stops cleanly on SIGINT/SIGTERM. Lines for people go to stderr; logs are JSON lines on stderr (LOG_LEVEL;
// default info, warn when stderr is a terminal).
//   TILL_PORT           port (default 4318; 0 = any free port)
//   TILL_TOKEN          the token (default: random per launch; at least 16 characters)
//   ASIRIA_DATA_DIR     data folder (default: the OS's app-data folder)
//   TILL_DEMO_PRODUCTS  catalog size when seeding a new ledger (default 2000)
//   TILL_RENDERER_DIR   a built till screen to serve as it is (default dist/renderer, built when missing)
//   TILL_DEMO_PRODUCTS=0  no demo store: an unprovisioned till (register it from the screen or as below)
//   --register <url> --phone <p> --password <pw> [--store <code>] [--till-name <name>] (or ASIRIA_REGISTER_URL,
//     _PHONE, _PASSWORD, _STORE, _TILL_NAME): register an unregistered till with that cloud before serving;
//     no demo store is seeded then. ASIRIA_SYNC_INTERVAL_MS / _BACKOFF_MAX_MS / _TIMEOUT_MS tune the sync worker.
import type { Logger } from 'pino';
import { resolveDataDir } from '../config/data-dir.js';
import { createRendererSite } from '../host/http/renderer-site.js';
import { startHttpHost, type HttpHost } from '../host/http/server.js';
import { openHostTill } from '../host/open-host-till.js';
import type { Till } from '../till.js';
import {
  CliConfigError,
  DEFAULT_TILL_PORT,
  demoProductsFromEnv,
  intFromEnv,
  registrationFrom,
  tokenFromEnv,
  type RegistrationSettings,
} from './cli-env.js';
import { createCliLogger, demoLoginsText, demoUsersIn, formatCount } from './common.js';
import { rendererFromEnv, type RendererBuild } from './renderer-build.js';

const FORCED_EXIT_MS = 10_000;
let stoppingNow = false;

export interface BrowserTillOptions {
  /** Prefix of one-line error messages (`serve: …`). */
  program: string;
  /** A line for the person at the terminal, printed just before the ready line (why this is not Electron). */
  notice?: string;
}

/** A line for the person at the terminal (stdout is kept for the ready line scripts parse). */
export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

function readyLine(url: string, token: string, till: Till): string {
  const roles = demoUsersIn(till.ledger.raw);
  const logins = roles.length ? ` | demo logins (phone / password / PIN): ${demoLoginsText(roles)}` : '';
  const products = (till.ledger.raw.prepare('select count(*) as n from products').get() as { n: number }).n;
  return `AsiriaPOS till ready at ${url}/?token=${encodeURIComponent(token)} (${formatCount(products)} products)${logins} | Ctrl+C stops`;
}

function pendingMessage(build: RendererBuild) {
  const status = build.status();
  switch (status.state) {
    case 'building':
    case 'ready':
      return {
        title: 'AsiriaPOS is preparing the till screen',
        text: 'The till screen is being built (first run only). This page reloads by itself.',
        reload: true,
      };
    case 'failed':
    case 'unavailable':
      return {
        title: 'The till screen is not built',
        text: `It could not be built here (${status.why}). Run "npm run build:renderer" to see why, then reload this page.`,
        reload: false,
      };
  }
}

function announceBuild(build: RendererBuild, log: Logger): void {
  const status = build.status();
  if (status.state === 'unavailable') {
    say(
      `The till screen is not built (${status.why}): run \`npm run build:renderer\`, then reload the page.`,
    );
    return;
  }
  if (status.state !== 'building') return;
  say('Building the till screen (first run only, a few seconds): the page shows it as soon as it is ready.');
  void build.done.then((done) => {
    if (done.state === 'ready') say('The till screen is built.');
    else if (done.state === 'failed' && !stoppingNow) {
      log.warn({ output: done.output }, 'vite build of the till screen failed');
      say(
        `Could not build the till screen (${done.why}): run \`npm run build:renderer\` to see why. The till API keeps running.`,
      );
    }
  });
}

export async function runBrowserTill(options: BrowserTillOptions): Promise<void> {
  const log = createCliLogger('asiria-till');
  const fail: (message: string) => never = (message) => {
    log.fatal(message);
    say(`${options.program}: ${message}`);
    process.exit(1);
  };

  let port: number, demoProducts: number, token: string;
  let registration: RegistrationSettings | null;
  try {
    port = intFromEnv('TILL_PORT', DEFAULT_TILL_PORT, 0, 65535);
    demoProducts = demoProductsFromEnv();
    token = tokenFromEnv();
    registration = registrationFrom();
  } catch (error) {
    if (error instanceof CliConfigError) fail(error.message);
    throw error;
  }

  const till = openHostTill({
    dataDir: resolveDataDir(),
    demoProducts: registration ? 0 : demoProducts,
    log,
  });
  if (registration && !till.sync.registered) {
    const registered = await till.invokeAsync('sync.register', registration);
    if (!registered.ok) {
      till.close();
      fail(`cannot register with ${registration.serverUrl}: ${registered.error.message}`);
    }
    log.info(
      { serverUrl: registration.serverUrl, tillName: registration.tillName },
      'registered with the cloud',
    );
  }
  const build = rendererFromEnv();
  let host: HttpHost;
  try {
    host = await startHttpHost({
      till,
      port,
      token,
      log,
      renderer: createRendererSite({ dir: build.dir, pendingMessage: () => pendingMessage(build) }),
    });
  } catch (error) {
    build.stop();
    till.close();
    const code = (error as NodeJS.ErrnoException).code;
    fail(
      code === 'EADDRINUSE'
        ? `port ${port} is already in use (set TILL_PORT, 0 = any free port).`
        : `cannot start the HTTP host: ${String(error)}`,
    );
  }
  log.info({ url: host.url, methods: till.methods.length, renderer: build.dir }, 'HTTP host listening');

  if (options.notice) say(options.notice);
  announceBuild(build, log);
  process.stdout.write(`${readyLine(host.url, token, till)}\n`);

  const stop = (signal: NodeJS.Signals) => {
    // A terminal's Ctrl+C reaches npm, tsx and this process alike: the first signal stops, repeats are ignored.
    if (stoppingNow) return;
    stoppingNow = true;
    log.info({ signal }, 'stopping');
    setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, FORCED_EXIT_MS).unref();
    build.stop();
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

/**
 * Runs an entry point's main(): an unexpected failure is one line on stderr, exit 1. The JSON log gets the details
 * (with the stack) only when stderr is not a terminal: a person at a terminal never meets a stack trace.
 */
export function runMain(program: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (!process.stderr.isTTY)
      createCliLogger('asiria-till').fatal({ err: error }, `${program} failed to start`);
    say(`${program}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
