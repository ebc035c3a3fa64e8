// What every host does at start-up (browser mode and the Electron shell alike): open the ledger in the data
// folder (migrations run inside openTill) and, on a ledger with no store yet, seed the demo store so a newcomer
// meets a working till at once. Cloud registration replaces the demo store once the sync issue lands.
import { seedDemoStore } from '../ledger/seed/demo-store.js';
import { clockFromEnv } from '../services/clock.js';
import { loadIdentity } from '../services/identity.js';
import { openTill, type Till } from '../till.js';
import type { SecretCipher } from '../sync/secret-store.js';

export interface HostTillLogger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface OpenHostTillOptions {
  dataDir: string;
  /** Catalog size when a new ledger gets the demo store; 0 = no demo store (an unprovisioned till). */
  demoProducts: number;
  log: HostTillLogger;
  /** Encrypts the sync device secret at rest (the desktop shell passes Electron's safeStorage). */
  secretCipher?: SecretCipher;
}

function hasStore(till: Till): boolean {
  try {
    loadIdentity(till.ledger.read);
    return true;
  } catch {
    return false;
  }
}

export function openHostTill(options: OpenHostTillOptions): Till {
  const { dataDir, demoProducts, log } = options;
  const till = openTill({
    dataDir,
    clock: clockFromEnv(),
    ...(options.secretCipher && { sync: { cipher: options.secretCipher } }),
    onInternalError: (method, error) => {
      log.error({ err: error, method }, 'till API call failed inside the till');
    },
  });
  log.info({ dataDir, ledger: till.ledger.file }, 'ledger open');
  if (demoProducts > 0 && !hasStore(till)) {
    const started = performance.now();
    seedDemoStore(till.ledger, { products: demoProducts });
    log.info(
      { products: demoProducts, took: `${((performance.now() - started) / 1000).toFixed(1)} s` },
      'seeded the demo store (new ledger)',
    );
  }
  return till;
}
