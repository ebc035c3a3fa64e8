// Can the desktop till (Electron) start on this machine? `npm start` asks before it tries, so that where it
// cannot — the binary was never downloaded (no network), there is no display, or the native modules are built
// for Node rather than for Electron — it says why in one line and serves the browser till instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronCheck = { ok: true; binary: string } | { ok: false; why: string };

export interface ElectronCheckInput {
  root: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Runs the binary as Node and returns its NODE_MODULE_VERSION, or null when it does not run. */
  probeAbi?: (binary: string) => string | null;
}

/** The Electron binary: ELECTRON_PATH, else the `electron` package's download (path.txt + dist/). */
export function findElectronBinary(root: string, env: NodeJS.ProcessEnv): ElectronCheck {
  const explicit = env.ELECTRON_PATH?.trim();
  if (explicit) {
    return existsSync(explicit)
      ? { ok: true, binary: explicit }
      : { ok: false, why: `ELECTRON_PATH points to ${explicit}, which does not exist` };
  }
  const pkg = join(root, 'node_modules/electron');
  if (!existsSync(join(pkg, 'package.json')))
    return { ok: false, why: 'the electron package is not installed' };
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const binary = relative ? join(pkg, 'dist', relative) : '';
  if (!binary || !existsSync(binary)) {
    return {
      ok: false,
      why: 'its binary is not downloaded (no network access to fetch it; set ELECTRON_PATH to use one)',
    };
  }
  return { ok: true, binary };
}

/** On Linux a window needs an X11 or Wayland display. */
export function displayProblem(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | null {
  if (platform !== 'linux') return null;
  return env.DISPLAY || env.WAYLAND_DISPLAY
    ? null
    : 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
}

/** The NODE_MODULE_VERSION a native addon was compiled for (from its `node_register_module_v<N>` symbol). */
export function addonAbi(addonFile: string): string | null {
  if (!existsSync(addonFile)) return null;
  const match = /node_register_module_v(\d+)/.exec(readFileSync(addonFile).toString('latin1'));
  return match?.[1] ?? null;
}

function probeElectronAbi(binary: string): string | null {
  const run = spawnSync(binary, ['-p', 'process.versions.modules'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  const abi = run.status === 0 ? run.stdout.trim() : '';
  return /^\d+$/.test(abi) ? abi : null;
}

export function checkElectron(input: ElectronCheckInput): ElectronCheck {
  const found = findElectronBinary(input.root, input.env);
  if (!found.ok) return found;
  const noDisplay = displayProblem(input.env, input.platform);
  if (noDisplay) return { ok: false, why: noDisplay };
  const electronAbi = (input.probeAbi ?? probeElectronAbi)(found.binary);
  if (!electronAbi) return { ok: false, why: `its binary (${found.binary}) does not run` };
  const sqliteAbi = addonAbi(
    join(input.root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
  );
  if (sqliteAbi && sqliteAbi !== electronAbi) {
    return {
      ok: false,
      why:
        `better-sqlite3 is built for Node (ABI ${sqliteAbi}), Electron needs ABI ${electronAbi} ` +
        '(rebuild it for Electron with `npx electron-builder install-app-deps`)',
    };
  }
  return found;
}
