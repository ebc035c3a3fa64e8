// Where the till keeps its ledger and device settings.
import { homedir, platform } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'AsiriaPOS';

/** ASIRIA_DATA_DIR, else the OS's per-user application-data folder (Electron passes its userData). */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.ASIRIA_DATA_DIR?.trim();
  if (explicit) return explicit;
  switch (platform()) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
    default:
      return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), APP_DIR_NAME);
  }
}

export function ledgerPath(dataDir: string): string {
  return join(dataDir, 'ledger.sqlite');
}
