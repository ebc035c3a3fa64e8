// The built till screen (dist/renderer, from `npm run build:renderer`). When it is missing — a fresh clone after
// `npm install` — the till builds it in the background with Vite so a newcomer meets a working screen: into a
// private temp folder first, renamed into place when complete, so two tills building at once (or a half-finished
// build that was stopped) never leave a broken dist/renderer behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = join(REPO_ROOT, 'dist/renderer');
const VITE_CONFIG = 'vite.renderer.config.ts';
const OUTPUT_TAIL_CHARS = 4000;

export type RendererStatus =
  | { state: 'ready' }
  | { state: 'building' }
  | { state: 'failed'; why: string; output: string }
  | { state: 'unavailable'; why: string };

export type SettledRendererStatus = Exclude<RendererStatus, { state: 'building' }>;

export interface RendererBuild {
  readonly dir: string;
  status(): RendererStatus;
  /** Settles when the screen is ready or cannot be built. */
  readonly done: Promise<SettledRendererStatus>;
  /** Stops a build in progress and removes its temp folder. */
  stop(): void;
}

export function rendererBuilt(dir = RENDERER_DIR): boolean {
  return existsSync(join(dir, 'index.html'));
}

function fixed(dir: string, status: SettledRendererStatus): RendererBuild {
  return { dir, status: () => status, done: Promise.resolve(status), stop: () => undefined };
}

/**
 * TILL_RENDERER_DIR names an already built screen (used as it is, never built); else dist/renderer, built when
 * it is missing.
 */
export function rendererFromEnv(env: NodeJS.ProcessEnv = process.env): RendererBuild {
  const explicit = env.TILL_RENDERER_DIR?.trim();
  if (!explicit) return ensureRendererBuilt();
  const dir = resolve(explicit);
  return rendererBuilt(dir)
    ? fixed(dir, { state: 'ready' })
    : fixed(dir, { state: 'unavailable', why: `TILL_RENDERER_DIR (${dir}) holds no index.html` });
}

/** Starts a build when dist/renderer is missing; `ready` at once when it is there. */
export function ensureRendererBuilt(root = REPO_ROOT, dir = join(root, 'dist/renderer')): RendererBuild {
  if (rendererBuilt(dir)) return fixed(dir, { state: 'ready' });
  if (!existsSync(join(root, VITE_CONFIG))) {
    return fixed(dir, { state: 'unavailable', why: `${VITE_CONFIG} is missing` });
  }
  const viteBin = join(root, 'node_modules/vite/bin/vite.js');
  if (!existsSync(viteBin))
    return fixed(dir, { state: 'unavailable', why: 'vite is not installed (npm install)' });

  const temp = join(root, 'dist', `.renderer-build-${process.pid}-${Date.now()}`);
  mkdirSync(join(root, 'dist'), { recursive: true });
  let status: RendererStatus = { state: 'building' };
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [viteBin, 'build', '--config', VITE_CONFIG, '--outDir', temp, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } },
  );
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const done = new Promise<SettledRendererStatus>((settle) => {
    child.on('error', (error) => {
      const failed = { state: 'failed', why: error.message, output } as const;
      status = failed;
      settle(failed);
    });
    child.on('close', (code, signal) => {
      let settled: SettledRendererStatus;
      if (code === 0 && existsSync(join(temp, 'index.html'))) {
        try {
          renameSync(temp, dir);
        } catch {
          // Another till finished first: use its build.
          rmSync(temp, { recursive: true, force: true });
        }
        settled = rendererBuilt(dir)
          ? { state: 'ready' }
          : { state: 'failed', why: `could not move the build into ${dir}`, output };
      } else {
        rmSync(temp, { recursive: true, force: true });
        settled = { state: 'failed', why: `vite build ended with ${signal ?? `exit code ${code}`}`, output };
      }
      status = settled;
      settle(settled);
    });
  });
  return {
    dir,
    status: () => status,
    done,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}
