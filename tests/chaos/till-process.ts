// A real till process for the chaos harness: `src-main/cli/serve.ts` (the browser-mode till, bundled once by
// bundle.ts) with its own data folder that survives SIGKILL and restarts, its clock skewed by
// ASIRIA_CLOCK_OFFSET_MS, driven over its HTTP RPC (POST /rpc/<method>, Bearer token) like the till screen
// drives it.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { TillInput, TillMethodName, TillOutput } from '../../src-shared/contract/till-api.js';
import { REPO_ROOT } from '../e2e/support/till-process.js';
import { chaosBundles } from './bundle.js';

const READY_LINE = /AsiriaPOS till ready at (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/;

/** An RPC the till answered with an error (as opposed to a till that is not there). */
export class TillRpcError extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
    message: string,
  ) {
    super(`${method}: ${code} ${message}`);
  }
}

export interface ChaosTillOptions {
  name: string;
  dataDir: string;
  clockOffsetMs: number;
  env?: Record<string, string>;
}

export class ChaosTill {
  readonly name: string;
  readonly dataDir: string;
  readonly token = randomBytes(24).toString('base64url');
  #child: ChildProcessByStdio<null, Readable, Readable> | null = null;
  #url = '';
  #log = '';
  #generation = 0;
  readonly #options: ChaosTillOptions;

  constructor(options: ChaosTillOptions) {
    this.#options = options;
    this.name = options.name;
    this.dataDir = options.dataDir;
    mkdirSync(options.dataDir, { recursive: true });
  }

  /** Bumped at every start: a workload step that began under an older one knows the till restarted. */
  get generation(): number {
    return this.#generation;
  }

  running(): boolean {
    const c = this.#child;
    return c !== null && c.exitCode === null && c.signalCode === null;
  }

  log(): string {
    return this.#log;
  }

  async start(): Promise<void> {
    const rendererDir = join(this.dataDir, '..', `${this.name}-no-screen`);
    mkdirSync(rendererDir, { recursive: true });
    const child = spawn(process.execPath, (await chaosBundles()).till, {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        ASIRIA_DATA_DIR: this.dataDir,
        TILL_PORT: '0',
        TILL_TOKEN: this.token,
        TILL_DEMO_PRODUCTS: '0', // no demo store: the till gets its users and catalog from the cloud
        TILL_RENDERER_DIR: rendererDir,
        ASIRIA_CLOCK_OFFSET_MS: String(this.#options.clockOffsetMs),
        LOG_LEVEL: process.env.CHAOS_TILL_LOG_LEVEL ?? 'warn',
        ...this.#options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.#log = (this.#log + chunk).slice(-100_000);
    });
    let stdout = '';
    this.#url = await new Promise<string>((ready, fail) => {
      const timer = setTimeout(() => {
        fail(new Error(`${this.name} printed no ready line within 60 s:\n${this.#log.slice(-4000)}`));
      }, 60_000);
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        const match = READY_LINE.exec(stdout);
        if (match?.[1]) {
          clearTimeout(timer);
          ready(match[1]);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        fail(
          new Error(
            `${this.name} exited (${signal ?? String(code)}) before ready:\n${this.#log.slice(-4000)}`,
          ),
        );
      });
    });
    this.#generation++;
  }

  /** SIGKILL: no goodbye, whatever it was doing (a sale, a push, a pull page). */
  async kill(): Promise<void> {
    const child = this.#child;
    this.#child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM (a clean stop), SIGKILL after 10 s. */
  async stop(): Promise<void> {
    const child = this.#child;
    this.#child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  async call<K extends TillMethodName>(method: K, input: TillInput<K>): Promise<TillOutput<K>> {
    if (!this.running()) throw new Error(`${this.name} is not running`);
    const res = await fetch(`${this.#url}/rpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(input),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await res.json()) as {
      ok: boolean;
      value?: TillOutput<K>;
      error?: { code: string; message: string };
    };
    if (!body.ok) throw new TillRpcError(method, body.error?.code ?? '?', body.error?.message ?? '');
    return body.value as TillOutput<K>;
  }
}
