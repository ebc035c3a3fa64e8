// Password and PIN hashes for the cloud: node:crypto scrypt (async, off the event loop) in the till's exact
// stored format (src-shared/contract/secret-hash.ts), so a hash made here verifies at the till and back.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import {
  DEFAULT_SCRYPT,
  SECRET_KEY_LENGTH,
  formatSecretHash,
  normalizeSecret,
  parseSecretHash,
  type ScryptParams,
} from '../../src-shared/contract/secret-hash.js';

const MAXMEM = 64 * 1024 * 1024;

function derive(secret: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(normalizeSecret(secret), salt, length, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

export async function hashSecret(secret: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(secret, salt, SECRET_KEY_LENGTH, { ...params, maxmem: MAXMEM });
  return formatSecretHash({ params, saltB64: salt.toString('base64'), hashB64: hash.toString('base64') });
}

/** False for a wrong secret, a missing hash or a hash in another format; never throws. */
export async function verifySecret(secret: string, stored: string | null | undefined): Promise<boolean> {
  const parsed = parseSecretHash(stored);
  if (!parsed) return false;
  const expected = Buffer.from(parsed.hashB64, 'base64');
  try {
    const actual = await derive(secret, Buffer.from(parsed.saltB64, 'base64'), expected.length, {
      ...parsed.params,
      maxmem: MAXMEM,
    });
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/** A hash of a random secret, verified against when the user is unknown so timing does not tell. */
export function dummyHash(): Promise<string> {
  dummy ??= hashSecret(randomBytes(16).toString('hex'));
  return dummy;
}
