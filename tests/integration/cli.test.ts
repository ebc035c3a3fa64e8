// The till's command-line entry points, run as real child processes (what `npm run demo:seed` / `npm start` run).
import Database from 'better-sqlite3';
import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

let dataDir: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'asiria-cli-'));
});
afterEach(() => {
  for (const child of children.splice(0)) killGroup(child, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Each child leads its own process group, so it and everything it started can be found and killed. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Waits (up to 5 s) for every process of the group to be gone; exited children may linger briefly as zombies. */
async function groupGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (!groupAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface Run {
  child: ChildProcessByStdio<null, Readable, Readable>;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function run(command: string, args: string[], env: Record<string, string> = {}): Run {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  const exit = new Promise<number | null>((done) => {
    child.on('close', (code) => {
      done(code);
    });
  });
  return { child, stdout: () => out, stderr: () => err, exit };
}

function productCount(dir: string): number {
  const db = new Database(join(dir, 'ledger.sqlite'), { readonly: true });
  try {
    return (db.prepare('select count(*) as n from products').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('npm run demo:seed', () => {
  it('creates the demo store with the asked number of products and prints the logins', async () => {
    const seed = run('npx', ['tsx', 'src-main/cli/demo-seed.ts', '--products', '300', '--data-dir', dataDir]);
    expect(await seed.exit).toBe(0);
    expect(productCount(dataDir)).toBe(300);
    expect(seed.stdout()).toContain('300 products');
    expect(seed.stdout()).toContain('cashier 0700000003 / cashier1234 / PIN 3333');
    expect(seed.stdout()).toMatch(/took \d+\.\d s/);
  });

  it('refuses to overwrite an existing store without --force, and replaces it with --force', async () => {
    expect(
      await run(TSX, ['src-main/cli/demo-seed.ts', '--products', '300', '--data-dir', dataDir]).exit,
    ).toBe(0);
    const again = run(TSX, ['src-main/cli/demo-seed.ts', '--products', '50', '--data-dir', dataDir]);
    expect(await again.exit).toBe(1);
    expect(again.stderr()).toContain('already holds a store');
    expect(again.stderr()).toContain('--force');
    expect(productCount(dataDir)).toBe(300);
    const forced = run(TSX, [
      'src-main/cli/demo-seed.ts',
      '--products',
      '50',
      '--data-dir',
      dataDir,
      '--force',
    ]);
    expect(await forced.exit).toBe(0);
    expect(productCount(dataDir)).toBe(50);
  });

  it('rejects a bad --products value with a clear message', async () => {
    const bad = run(TSX, ['src-main/cli/demo-seed.ts', '--products', 'lots', '--data-dir', dataDir]);
    expect(await bad.exit).toBe(1);
    expect(bad.stderr()).toContain('--products must be a whole number');
  });
});

describe('npm run serve (the browser till)', () => {
  it('serves the till on the printed URL, logs in over HTTP, and stops cleanly on SIGTERM', async () => {
    const till = run(TSX, ['src-main/cli/serve.ts'], {
      TILL_PORT: '0',
      ASIRIA_DATA_DIR: dataDir,
      TILL_DEMO_PRODUCTS: '100',
    });
    const line = await new Promise<string>((ready, fail) => {
      const check = () => {
        const first = till.stdout().split('\n')[0];
        if (till.stdout().includes('\n') && first) ready(first);
      };
      till.child.stdout.on('data', check);
      void till.exit.then((code) => {
        fail(new Error(`start exited (${code}) before it was ready: ${till.stderr()}`));
      });
    });
    const match = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(line);
    expect(match).not.toBeNull();
    const [, base, token] = match!;
    expect(line).toContain('cashier 0700000003 / cashier1234 / PIN 3333');

    const res = await fetch(`${base}/rpc/auth.login`, {
      method: 'POST',
      headers: { authorization: `Bearer ${decodeURIComponent(token!)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '0700000003', password: 'cashier1234' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { value: { role: string } }).value.role).toBe('employee');
    // Logs are JSON lines on stderr; stdout carried only the ready line.
    expect(till.stdout().trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(till.stderr().split('\n')[0]!)).toMatchObject({ msg: 'ledger open' });

    till.child.kill('SIGTERM');
    expect(await till.exit).toBe(0);
    expect(await groupGone(till.child.pid!)).toBe(true);
    await expect(fetch(`${base}/`)).rejects.toThrow();
    expect(productCount(dataDir)).toBe(100);
  });

  it('reuses an existing ledger instead of seeding a new one', async () => {
    expect(
      await run(TSX, ['src-main/cli/demo-seed.ts', '--products', '30', '--data-dir', dataDir]).exit,
    ).toBe(0);
    const till = run(TSX, ['src-main/cli/serve.ts'], { TILL_PORT: '0', ASIRIA_DATA_DIR: dataDir });
    await new Promise<void>((ready) => {
      till.child.stdout.on('data', () => {
        if (till.stdout().includes('\n')) ready();
      });
    });
    expect(till.stdout()).toContain('(30 products)');
    till.child.kill('SIGINT');
    expect(await till.exit).toBe(0);
  });

  it('refuses a token that is too short', async () => {
    const till = run(TSX, ['src-main/cli/serve.ts'], {
      TILL_PORT: '0',
      ASIRIA_DATA_DIR: dataDir,
      TILL_TOKEN: 'short',
    });
    expect(await till.exit).toBe(1);
    expect(till.stderr()).toContain('TILL_TOKEN must be at least 16 characters');
  });
});
