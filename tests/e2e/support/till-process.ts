// Starts the real browser-mode till (src-main/cli/serve.ts) as a child process for the end-to-end suite: a fresh
// temp data folder (demo store seeded on start), any free port, a generated token. `node --import tsx` runs the
// server directly (not through npm), so stopping the child stops the server.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const RENDERER_INDEX = join(REPO_ROOT, 'dist/renderer/index.html');

/** What a test needs to reach a running till. */
export interface TillServer {
  /** http://127.0.0.1:<port> (no token). */
  url: string;
  /** The launch token (send as `Authorization: Bearer <token>`). */
  token: string;
  /** The till's data folder (ledger.sqlite lives here). */
  dataDir: string;
  /** The page a cashier opens: `<url>/?token=<token>`. */
  pageUrl: string;
}

export interface RunningTill extends TillServer {
  /** SIGTERM, then SIGKILL if it has not exited within 10 s; removes the data folder (unless it was given). */
  stop(): Promise<void>;
}

export interface StartTillOptions {
  /** Catalog size of the seeded demo store (default 300). */
  demoProducts?: number;
  /** Extra environment for the till process. */
  env?: Record<string, string>;
  /**
   * An existing data folder to open (e.g. a ledger seeded by an earlier start), kept when the till stops.
   * Default: a fresh temp folder, removed when the till stops.
   */
  dataDir?: string;
}

const READY_LINE = /AsiriaPOS till ready at (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/;
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export function assertRendererBuilt(): void {
  if (!existsSync(RENDERER_INDEX)) {
    throw new Error(
      `The till screen is not built (${RENDERER_INDEX} is missing): run \`npm run build:renderer\` ` +
        '(`npm run test:e2e` does it before the suite).',
    );
  }
}

export async function startTill(options: StartTillOptions = {}): Promise<RunningTill> {
  assertRendererBuilt();
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'asiria-e2e-'));
  const token = randomBytes(24).toString('base64url');
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'src-main/cli/serve.ts')],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        ASIRIA_DATA_DIR: dataDir,
        TILL_PORT: '0',
        TILL_TOKEN: token,
        TILL_DEMO_PRODUCTS: String(options.demoProducts ?? 300),
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((done) => {
    child.once('exit', () => {
      done();
    });
  });

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await new Promise<string>((ready, fail) => {
      const timer = setTimeout(() => {
        fail(new Error(`the till printed no ready line within ${READY_TIMEOUT_MS / 1000} s:\n${stderr}`));
      }, READY_TIMEOUT_MS);
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        const match = READY_LINE.exec(stdout);
        if (match?.[1] && decodeURIComponent(match[2] ?? '') === token) {
          clearTimeout(timer);
          ready(match[1]);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        fail(new Error(`the till exited (${signal ?? String(code)}) before it was ready:\n${stderr}`));
      });
    });
    return { url, token, dataDir, pageUrl: `${url}/?token=${encodeURIComponent(token)}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
