// Password and PIN hashes: scrypt from Node's crypto (no hand-rolled crypto), self-describing format
// `scrypt$N$r$p$salt$hash` (base64) so the cost can be raised later without breaking stored hashes.
// The format itself lives in src-shared/contract/secret-hash.ts, shared with the cloud.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import {
  DEFAULT_SCRYPT,
  SECRET_KEY_LENGTH,
  formatSecretHash,
  normalizeSecret,
  parseSecretHash,
  type ScryptParams,
} from '../../src-shared/contract/secret-hash.js';

export { DEFAULT_SCRYPT };

const MAXMEM = 64 * 1024 * 1024;

export function hashSecret(secret: string, params: ScryptParams = DEFAULT_SCRYPT): string {
  const salt = randomBytes(16);
  const hash = scryptSync(normalizeSecret(secret), salt, SECRET_KEY_LENGTH, { ...params, maxmem: MAXMEM });
  return formatSecretHash({ params, saltB64: salt.toString('base64'), hashB64: hash.toString('base64') });
}

export function verifySecret(secret: string, stored: string | null | undefined): boolean {
  const parsed = parseSecretHash(stored);
  if (!parsed) return false;
  const expected = Buffer.from(parsed.hashB64, 'base64');
  const actual = scryptSync(normalizeSecret(secret), Buffer.from(parsed.saltB64, 'base64'), expected.length, {
    ...parsed.params,
    maxmem: MAXMEM,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
