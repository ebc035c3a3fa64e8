// npm start — the desktop till (Electron). Where Electron cannot start (its binary was never downloaded, no
// display, native modules built for Node only), it says why in one line and serves the browser till instead
// (the same as `npm run serve`; settings in browser-till.ts). ELECTRON_PATH names an Electron binary to use.
import { runBrowserTill, runMain } from './browser-till.js';
import { runDesktopTill } from './desktop-till.js';
import { checkElectron } from './electron-check.js';
import { REPO_ROOT } from './renderer-build.js';

runMain('start', async () => {
  const electron = checkElectron({ root: REPO_ROOT, env: process.env, platform: process.platform });
  if (electron.ok) {
    await runDesktopTill(electron.binary);
    return;
  }
  await runBrowserTill({
    program: 'start',
    notice: `Electron cannot start here: ${electron.why} — serving the browser till instead.`,
  });
});
