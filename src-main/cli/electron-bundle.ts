// Bundles the Electron shell with esbuild into dist/electron: main.mjs (ESM main process; npm packages stay
// external and load from node_modules), preload.cjs (a sandboxed preload must be one CommonJS file) and
// sync-worker.mjs (the sync worker thread's entry, src-main/sync/worker.ts: worker-host.ts finds it next to
// main.mjs).
import { build } from 'esbuild';
import { join } from 'node:path';

export interface ElectronBundles {
  main: string;
  preload: string;
  syncWorker: string;
}

export async function bundleElectron(root: string): Promise<ElectronBundles> {
  const outDir = join(root, 'dist/electron');
  const main = join(outDir, 'main.mjs');
  const preload = join(outDir, 'preload.cjs');
  const syncWorker = join(outDir, 'sync-worker.mjs');
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: root,
  } as const;
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(root, 'src-main/electron/main.ts')],
      outfile: main,
      format: 'esm',
      packages: 'external',
    }),
    build({
      ...common,
      entryPoints: [join(root, 'src-main/electron/preload.ts')],
      outfile: preload,
      format: 'cjs',
      external: ['electron'],
    }),
    build({
      ...common,
      entryPoints: [join(root, 'src-main/sync/worker.ts')],
      outfile: syncWorker,
      format: 'esm',
      packages: 'external',
    }),
  ]);
  return { main, preload, syncWorker };
}
