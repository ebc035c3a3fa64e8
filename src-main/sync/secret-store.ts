// Where the device secret lives: never in the SQLite file, never logged. With the Electron shell's safeStorage
// (an encrypt/decrypt pair bound to the OS keychain) the file holds only ciphertext; otherwise it is a plain
// file `device-secret` in the data folder, readable by this OS user only (mode 0600).
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEVICE_SECRET_FILE = 'device-secret';
const ENCRYPTED_PREFIX = 'enc1:';

/** Electron's safeStorage (encryptString / decryptString), when the shell provides it. */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

export interface SecretStore {
  save(secret: string): void;
  /** null when none is kept (never registered, or the file was removed). */
  load(): string | null;
  clear(): void;
}

export function fileSecretStore(dataDir: string, cipher?: SecretCipher): SecretStore {
  const file = join(dataDir, DEVICE_SECRET_FILE);
  return {
    save(secret) {
      const text = cipher ? ENCRYPTED_PREFIX + cipher.encrypt(secret).toString('base64') : secret;
      const temp = `${file}.tmp`;
      writeFileSync(temp, text, { mode: 0o600 });
      chmodSync(temp, 0o600);
      renameSync(temp, file);
    },
    load() {
      if (!existsSync(file)) return null;
      const text = readFileSync(file, 'utf8').trim();
      if (!text) return null;
      if (!text.startsWith(ENCRYPTED_PREFIX)) return text;
      if (!cipher) return null;
      return cipher.decrypt(Buffer.from(text.slice(ENCRYPTED_PREFIX.length), 'base64'));
    },
    clear() {
      rmSync(file, { force: true });
    },
  };
}
