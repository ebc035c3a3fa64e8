// The desktop till through Playwright's Electron launcher: the hardened window opens the till screen from
// app://till, the preload exposes exactly `window.asiria`, no Node in the page, and a call reaches the till core.
// Runs only where Electron can start (ELECTRON_PATH or a downloaded `electron` package, a display, native modules
// built for Electron) — the same check `npm start` makes; elsewhere it is skipped with the reason.
import { _electron } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleElectron } from '../../src-main/cli/electron-bundle.js';
import { checkElectron } from '../../src-main/cli/electron-check.js';
import type { TillResult } from '../../src-shared/contract/errors.js';
import { expect, test } from './fixtures.js';
import { saveScreen } from './support/screens.js';
import { assertRendererBuilt, REPO_ROOT } from './support/till-process.js';

const electron = checkElectron({ root: REPO_ROOT, env: process.env, platform: process.platform });

interface PageGlobals {
  asiria?: Record<string, unknown> & { call(method: string, input: unknown): Promise<TillResult<unknown>> };
  require?: unknown;
  process?: unknown;
}

test('the desktop till opens the login screen in a hardened window', async () => {
  if (!electron.ok) {
    const why = `Electron cannot start here: ${electron.why}`;
    process.stderr.write(`electron smoke test skipped — ${why}\n`); // the list reporter shows it
    test.skip(true, why);
    return;
  }
  assertRendererBuilt();
  const bundles = await bundleElectron(REPO_ROOT);
  const dataDir = mkdtempSync(join(tmpdir(), 'asiria-electron-'));
  const rootUser = process.getuid?.() === 0;
  const app = await _electron.launch({
    executablePath: electron.binary,
    args: [...(rootUser ? ['--no-sandbox'] : []), bundles.main],
    env: { ...process.env, ASIRIA_DATA_DIR: dataDir, TILL_DEMO_PRODUCTS: '300' },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByText('Choose your name, then type your password.')).toBeVisible();
    expect(window.url()).toBe('app://till/index.html');
    const seen = await window.evaluate(async () => {
      const page = globalThis as unknown as PageGlobals;
      const users = await page.asiria?.call('auth.users', {});
      return {
        bridgeKeys: Object.keys(page.asiria ?? {}).sort(),
        require: typeof page.require,
        process: typeof page.process,
        usersOk: users?.ok,
      };
    });
    expect(seen).toEqual({
      bridgeKeys: ['call', 'onEvent'],
      require: 'undefined',
      process: 'undefined',
      usersOk: true,
    });
    // window.open is denied: still one window.
    await window.evaluate(() => {
      (globalThis as unknown as { open(url: string): unknown }).open('https://example.com/');
    });
    expect(app.windows()).toHaveLength(1);
    await saveScreen(window, 'electron-login');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
