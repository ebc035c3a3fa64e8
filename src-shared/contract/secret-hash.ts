/**
 * The stored form of a password or PIN hash, shared by the till (src-main/services/passwords.ts) and the
 * cloud (src-server/auth/passwords.ts) so both read each other's hashes: `scrypt$N$r$p$saltB64$hashB64`.
 * Pure string handling only: the hashing itself is node:crypto in each program.
 */

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export interface SecretHash {
  params: ScryptParams;
  /** base64 of the salt bytes */
  saltB64: string;
  /** base64 of the derived key bytes */
  hashB64: string;
}

export const SECRET_HASH_ALGORITHM = 'scrypt';
export const SECRET_KEY_LENGTH = 32;
export const DEFAULT_SCRYPT: Readonly<ScryptParams> = Object.freeze({ N: 16384, r: 8, p: 1 });

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function formatSecretHash(hash: SecretHash): string {
  const { N, r, p } = hash.params;
  return [SECRET_HASH_ALGORITHM, N, r, p, hash.saltB64, hash.hashB64].join('$');
}

/** The parts of a stored hash, or null when the text is not a hash in this format. */
export function parseSecretHash(stored: string | null | undefined): SecretHash | null {
  if (!stored) return null;
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== SECRET_HASH_ALGORITHM) return null;
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Object.values(params).every((v) => Number.isSafeInteger(v) && v > 0)) return null;
  if (!BASE64.test(saltB64) || !BASE64.test(hashB64)) return null;
  return { params, saltB64, hashB64 };
}

/** The text a secret is hashed as: Unicode NFKC, so the same PIN typed on any keyboard matches. */
export function normalizeSecret(secret: string): string {
  return secret.normalize('NFKC');
}
