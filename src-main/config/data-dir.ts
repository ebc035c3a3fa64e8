// Where the till keeps its ledger and device settings.
import { homedir, platform } from 'node:os';
import { join } from 'node:path';
import { userDataDir } from '../../src-shared/platform/user-data-dir.js';

export const APP_DIR_NAME = 'AsiriaPOS';

/** ASIRIA_DATA_DIR, else the OS's per-user application-data folder (Electron passes its userData). */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.ASIRIA_DATA_DIR?.trim();
  if (explicit) return explicit;
  return userDataDir({ platform: platform(), home: homedir(), env }, APP_DIR_NAME);
}

export function ledgerPath(dataDir: string): string {
  return join(dataDir, 'ledger.sqlite');
}
