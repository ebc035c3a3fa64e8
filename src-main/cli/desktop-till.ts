// The desktop till, launched by `npm start` where Electron can run (see electron-check.ts): makes sure the till
// screen is built, bundles the shell, starts Electron on it and ends with it. Ctrl+C closes the window.
import { spawn } from 'node:child_process';
import { CliConfigError, demoProductsFromEnv, flagFromEnv } from './cli-env.js';
import { say } from './browser-till.js';
import { bundleElectron } from './electron-bundle.js';
import { ensureRendererBuilt, REPO_ROOT } from './renderer-build.js';

export async function runDesktopTill(electronBinary: string): Promise<void> {
  try {
    demoProductsFromEnv();
    flagFromEnv('ASIRIA_KIOSK');
  } catch (error) {
    if (error instanceof CliConfigError) {
      say(`start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const build = ensureRendererBuilt();
  if (build.status().state === 'building') say('Building the till screen (first run only, a few seconds)…');
  const screen = await build.done;
  if (screen.state !== 'ready') {
    say(
      `start: the till screen could not be built (${screen.why}): run \`npm run build:renderer\` to see why.`,
    );
    process.exit(1);
  }
  const bundles = await bundleElectron(REPO_ROOT);
  const child = spawn(electronBinary, [bundles.main], { cwd: REPO_ROOT, stdio: 'inherit' });
  say(`AsiriaPOS desktop till starting (Electron ${electronBinary}) | Ctrl+C stops`);
  const forward = (signal: NodeJS.Signals) => {
    child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  await new Promise<void>((done) => {
    child.on('exit', (code, signal) => {
      process.exitCode = code ?? (signal ? 1 : 0);
      done();
    });
    child.on('error', (error) => {
      say(`start: Electron did not start: ${error.message}`);
      process.exitCode = 1;
      done();
    });
  });
}
