// `npm run serve` and `npm start` as a newcomer meets them: real child processes, a real ledger in a temp folder,
// real HTTP. `npm start` here cannot start Electron (no binary, or ELECTRON_PATH pointing nowhere), so it must say
// why in ONE line and serve the browser till — never a stack trace.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TILL_PAGE_CSP } from '../../src-main/host/http/renderer-site.js';

const ROOT = resolve(import.meta.dirname, '../..');
const INDEX = '<!doctype html><html><head><title>AsiriaPOS</title></head><body></body></html>';

let scratch: string;
let rendererDir: string;
const children: ChildProcessByStdio<null, Readable, Readable>[] = [];

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'asiria-serve-'));
  rendererDir = join(scratch, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX);
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

interface Till {
  child: ChildProcessByStdio<null, Readable, Readable>;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function launch(entry: 'serve' | 'start', env: Record<string, string | undefined>): Till {
  const child = spawn(process.execPath, ['--import', 'tsx', `src-main/cli/${entry}.ts`], {
    cwd: ROOT,
    env: {
      ...process.env,
      ASIRIA_DATA_DIR: join(scratch, 'data'),
      TILL_PORT: '0',
      TILL_DEMO_PRODUCTS: '50',
      TILL_RENDERER_DIR: rendererDir,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exit = new Promise<number | null>((done) => child.on('close', done));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function readyUrl(till: Till): Promise<{ base: string; token: string }> {
  const line = await new Promise<string>((ready, fail) => {
    const check = () => {
      if (till.stdout().includes('\n')) ready(till.stdout().split('\n')[0]!);
    };
    till.child.stdout.on('data', check);
    void till.exit.then((code) => {
      fail(new Error(`exited (${code}) before it was ready: ${till.stderr()}`));
    });
  });
  const match = /^AsiriaPOS till ready at (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+) /.exec(line);
  expect(match, line).not.toBeNull();
  return { base: match![1]!, token: decodeURIComponent(match![2]!) };
}

async function expectWorkingTill(base: string, token: string): Promise<void> {
  const page = await fetch(`${base}/?token=${encodeURIComponent(token)}`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toBe(TILL_PAGE_CSP);
  expect(await page.text()).toBe(INDEX);
  const login = await fetch(`${base}/rpc/auth.login`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ phone: '0700000003', password: 'cashier1234' }),
  });
  expect(login.status).toBe(200);
}

describe('npm run serve', () => {
  it('serves the till screen and the till API on the printed URL, and stops cleanly', async () => {
    const till = launch('serve', { TILL_TOKEN: 'serve-token-0123456789' });
    const { base, token } = await readyUrl(till);
    expect(token).toBe('serve-token-0123456789');
    await expectWorkingTill(base, token);
    expect(till.stdout().trim().split('\n')).toHaveLength(1);
    expect(till.stderr()).toBe(''); // nothing to explain: no notice, logs at warn
    till.child.kill('SIGTERM');
    expect(await till.exit).toBe(0);
  });

  it('says in one line what is wrong with a setting, without a stack trace', async () => {
    const till = launch('serve', { TILL_PORT: 'eighty' });
    expect(await till.exit).toBe(1);
    const lines = till
      .stderr()
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('{'));
    expect(lines).toEqual(['serve: TILL_PORT must be a whole number from 0 to 65535 (got "eighty").']);
    expect(till.stderr()).not.toMatch(/\n\s+at /);
  });

  it('says how to build the screen when TILL_RENDERER_DIR holds none, and still serves the API', async () => {
    const till = launch('serve', { TILL_RENDERER_DIR: join(scratch, 'empty') });
    const { base, token } = await readyUrl(till);
    expect(till.stderr()).toContain('The till screen is not built');
    expect(till.stderr()).toContain('npm run build:renderer');
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build:renderer');
    const users = await fetch(`${base}/rpc/auth.users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(users.status).toBe(200);
  });
});

describe('npm start where Electron cannot start', () => {
  it('says why in one line and serves the browser till', async () => {
    const till = launch('start', { ELECTRON_PATH: join(scratch, 'no-electron-here') });
    const { base, token } = await readyUrl(till);
    expect(till.stderr().trim().split('\n')).toEqual([
      `Electron cannot start here: ELECTRON_PATH points to ${join(scratch, 'no-electron-here')}, which does not exist — serving the browser till instead.`,
    ]);
    await expectWorkingTill(base, token);
    till.child.kill('SIGINT');
    expect(await till.exit).toBe(0);
  });

  it('without a display (or a downloaded binary) it says so and serves the browser till', async () => {
    const till = launch('start', {
      ELECTRON_PATH: undefined,
      DISPLAY: undefined,
      WAYLAND_DISPLAY: undefined,
    });
    const { base, token } = await readyUrl(till);
    const notice = till.stderr().trim().split('\n');
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatch(
      /^Electron cannot start here: (its binary is not downloaded|there is no display)[^\n]* — serving the browser till instead\.$/,
    );
    await expectWorkingTill(base, token);
    till.child.kill('SIGTERM');
    expect(await till.exit).toBe(0);
  });
});
