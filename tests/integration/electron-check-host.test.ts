// How `npm start` decides whether the desktop till (Electron) can start, on fake electron packages in a temp
// folder — and on this repository's own node_modules.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addonAbi,
  checkElectron,
  displayProblem,
  findElectronBinary,
} from '../../src-main/cli/electron-check.js';

const ROOT = resolve(import.meta.dirname, '../..');
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'asiria-electron-check-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function fakeElectronPackage(options: { pathTxt?: string; binary?: boolean }): string {
  const pkg = join(root, 'node_modules/electron');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{"name":"electron"}');
  if (options.pathTxt !== undefined) writeFileSync(join(pkg, 'path.txt'), options.pathTxt);
  if (options.binary) writeFileSync(join(pkg, 'dist', options.pathTxt ?? 'electron'), '');
  return join(pkg, 'dist', options.pathTxt ?? 'electron');
}

function fakeSqliteAddon(abi: string): void {
  const release = join(root, 'node_modules/better-sqlite3/build/Release');
  mkdirSync(release, { recursive: true });
  writeFileSync(join(release, 'better_sqlite3.node'), `\x7fELF...node_register_module_v${abi}\0...`);
}

describe('npm start: can Electron start here?', () => {
  it('finds the binary from ELECTRON_PATH or the electron package download', () => {
    expect(findElectronBinary(root, {})).toEqual({ ok: false, why: 'the electron package is not installed' });
    fakeElectronPackage({});
    expect(findElectronBinary(root, {})).toMatchObject({
      ok: false,
      why: expect.stringContaining('not downloaded'),
    });
    const binary = fakeElectronPackage({ pathTxt: 'electron', binary: true });
    expect(findElectronBinary(root, {})).toEqual({ ok: true, binary });
    expect(findElectronBinary(root, { ELECTRON_PATH: '/nowhere/electron' })).toEqual({
      ok: false,
      why: 'ELECTRON_PATH points to /nowhere/electron, which does not exist',
    });
    expect(findElectronBinary(root, { ELECTRON_PATH: binary })).toEqual({ ok: true, binary });
  });

  it('on this machine: the electron package is installed without its binary', () => {
    expect(findElectronBinary(ROOT, {})).toMatchObject({
      ok: false,
      why: expect.stringContaining('its binary is not downloaded'),
    });
  });

  it('needs a display on Linux only', () => {
    expect(displayProblem({}, 'linux')).toContain('no display');
    expect(displayProblem({ DISPLAY: ':0' }, 'linux')).toBeNull();
    expect(displayProblem({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeNull();
    expect(displayProblem({}, 'win32')).toBeNull();
  });

  it('reads the ABI a native addon was built for (this repository: Node’s own)', () => {
    expect(addonAbi(join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(
      process.versions.modules,
    );
    expect(addonAbi(join(root, 'missing.node'))).toBeNull();
  });

  it('refuses when better-sqlite3 is built for another ABI than Electron’s, accepts when they match', () => {
    const binary = fakeElectronPackage({ pathTxt: 'electron', binary: true });
    const env = { DISPLAY: ':0' };
    fakeSqliteAddon('115');
    const mismatch = checkElectron({ root, env, platform: 'linux', probeAbi: () => '140' });
    expect(mismatch).toMatchObject({ ok: false, why: expect.stringContaining('ABI 115') });
    expect(mismatch.ok ? '' : mismatch.why).toContain('Electron needs ABI 140');
    expect(checkElectron({ root, env, platform: 'linux', probeAbi: () => '115' })).toEqual({
      ok: true,
      binary,
    });
    expect(checkElectron({ root, env, platform: 'linux', probeAbi: () => null })).toMatchObject({
      ok: false,
      why: expect.stringContaining('does not run'),
    });
    expect(checkElectron({ root, env: {}, platform: 'linux', probeAbi: () => '115' })).toMatchObject({
      ok: false,
      why: expect.stringContaining('no display'),
    });
  });
});
