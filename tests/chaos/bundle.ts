// The chaos harness starts many till and server processes (restarts included): under tsx each start spends
// seconds compiling TypeScript. So the till CLI (src-main/cli/serve.ts), its sync worker (sync-worker.mjs
// next to it: worker-host.ts looks there) and the server CLI (src-server/cli/server.ts) are bundled ONCE per
// harness process with esbuild into node_modules/.cache/asiria-chaos/<unique>/ and started with plain `node`.
// npm packages stay external (they load from the repo's node_modules). Lookups relative to a source file (the
// drizzle migration folders, the repo root) keep working: `import.meta.url` / `import.meta.dirname` in the
// repo's own sources are replaced by that source file's location — except in worker-host.ts, which must see
// the bundle's own location to find sync-worker.mjs. CHAOS_TSX=1 runs the sources under tsx instead (no
// bundle).
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../e2e/support/till-process.js';

export interface ChaosBundles {
  /** Node arguments that start the till CLI (`node ...till`). */
  till: string[];
  /** Node arguments that start the server CLI. */
  server: string[];
}

/** Rewrites `import.meta.url` / `.dirname` / `.filename` in the repo's sources to that source's location. */
const sourceLocations: Plugin = {
  name: 'source-locations',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta') || args.path.endsWith(join('sync', 'worker-host.ts'))) {
        return { contents: text, loader: 'ts' };
      }
      const contents = text
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      return { contents, loader: 'ts' };
    });
  },
};

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function bundle(): Promise<ChaosBundles> {
  if (process.env.CHAOS_TSX === '1') {
    return {
      till: ['--import', 'tsx', join(REPO_ROOT, 'src-main/cli/serve.ts')],
      server: ['--import', 'tsx', join(REPO_ROOT, 'src-server/cli/server.ts')],
    };
  }
  const cacheDir = join(REPO_ROOT, 'node_modules/.cache/asiria-chaos');
  // Bundles of harness processes that are gone (a test worker killed before its exit handler ran).
  for (const name of existsSync(cacheDir) ? readdirSync(cacheDir) : []) {
    const pid = Number(name.split('-')[0]);
    if (Number.isSafeInteger(pid) && pid > 0 && !alive(pid)) {
      rmSync(join(cacheDir, name), { recursive: true, force: true });
    }
  }
  const outDir = join(cacheDir, `${String(process.pid)}-${randomBytes(4).toString('hex')}`);
  mkdirSync(outDir, { recursive: true });
  process.once('exit', () => {
    rmSync(outDir, { recursive: true, force: true });
  });
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
    absWorkingDir: REPO_ROOT,
    plugins: [sourceLocations],
  };
  const till = join(outDir, 'serve.mjs');
  const server = join(outDir, 'server.mjs');
  await Promise.all([
    build({ ...common, entryPoints: [join(REPO_ROOT, 'src-main/cli/serve.ts')], outfile: till }),
    build({
      ...common,
      entryPoints: [join(REPO_ROOT, 'src-main/sync/worker.ts')],
      outfile: join(outDir, 'sync-worker.mjs'),
    }),
    build({ ...common, entryPoints: [join(REPO_ROOT, 'src-server/cli/server.ts')], outfile: server }),
  ]);
  return { till: ['--enable-source-maps', till], server: ['--enable-source-maps', server] };
}

let bundles: Promise<ChaosBundles> | null = null;

/** The bundles of this harness process (built on first use). */
export function chaosBundles(): Promise<ChaosBundles> {
  bundles ??= bundle();
  return bundles;
}
