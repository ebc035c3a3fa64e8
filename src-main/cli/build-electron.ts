// npm run build:electron — bundles the Electron shell into dist/electron (npm start does it on demand).
import { bundleElectron } from './electron-bundle.js';
import { REPO_ROOT } from './renderer-build.js';

bundleElectron(REPO_ROOT)
  .then((bundles) => {
    process.stdout.write(`Electron shell bundled: ${bundles.main}, ${bundles.preload}\n`);
  })
  .catch((error: unknown) => {
    process.stderr.write(`build:electron: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
