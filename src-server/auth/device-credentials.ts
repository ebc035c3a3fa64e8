// Device credentials of tills (DESIGN.md "Devices"): a random 32-byte secret shown once at registration,
// stored only as a hash in the shared secret-hash format (auth/passwords.ts), and checked on every sync call
// given as `Authorization: Device <terminalId>:<secret>` — never a user's JWT.
//
// The secret is 256 random bits, so the hash needs no password-grade stretching: it uses a cheaper scrypt
// cost than passwords, and a verified (terminal, stored hash, secret digest) is remembered in-process so a
// till pushing batch after batch pays for scrypt once per API node. The stored hash is re-read on every
// call, so revoking or re-registering (which replace the hash) takes effect at once on every node.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { ScryptParams } from '../../src-shared/contract/secret-hash.js';
import { DEVICE_AUTH_SCHEME, type SyncErrorCode } from '../../src-shared/contract/sync.js';
import type { Db } from '../db/client.js';
import { terminals } from '../db/schema/stores.js';
import { ApiError } from '../http/errors.js';
import { hashSecret, verifySecret } from './passwords.js';

export const DEVICE_SECRET_BYTES = 32;
const DEVICE_SCRYPT: Readonly<ScryptParams> = Object.freeze({ N: 4096, r: 8, p: 1 });
const CACHE_LIMIT = 10_000;

export type TerminalRow = typeof terminals.$inferSelect;

/** A new device secret: 32 random bytes, base64url (43 characters). */
export function newDeviceSecret(): string {
  return randomBytes(DEVICE_SECRET_BYTES).toString('base64url');
}

export function hashDeviceSecret(secret: string): Promise<string> {
  return hashSecret(secret, DEVICE_SCRYPT);
}

export function deviceError(code: SyncErrorCode, detail: string): ApiError {
  return new ApiError(401, { detail, code }, { 'www-authenticate': `${DEVICE_AUTH_SCHEME} realm="sync"` });
}

const CREDENTIAL = new RegExp(`^${DEVICE_AUTH_SCHEME}\\s+([0-9a-fA-F-]{36}):([A-Za-z0-9_-]{16,128})\\s*$`);

/** terminal id and secret from the Authorization header, or null when it is not a device credential. */
export function parseDeviceCredential(
  header: string | undefined,
): { terminalId: string; secret: string } | null {
  const match = header ? CREDENTIAL.exec(header) : null;
  if (!match?.[1] || !match[2]) return null;
  return { terminalId: match[1].toLowerCase(), secret: match[2] };
}

const digest = (secret: string) => createHash('sha256').update(secret).digest();
const verified = new Map<string, { hash: string; digest: Buffer }>();

async function secretMatches(row: TerminalRow, secret: string): Promise<boolean> {
  const hash = row.deviceSecretHash;
  if (!hash) return false;
  const given = digest(secret);
  const known = verified.get(row.id);
  if (known?.hash === hash) return timingSafeEqual(known.digest, given);
  if (!(await verifySecret(secret, hash))) return false;
  if (verified.size >= CACHE_LIMIT) verified.clear();
  verified.set(row.id, { hash, digest: given });
  return true;
}

/**
 * The terminal whose device credential the request carries; a 401 with a stable code and a detail the till
 * can show otherwise (missing/wrong credential, revoked device, inactive terminal).
 */
export async function authenticateDevice(request: FastifyRequest, db: Db): Promise<TerminalRow> {
  const credential = parseDeviceCredential(request.headers.authorization);
  if (!credential) {
    throw deviceError(
      'DEVICE_UNAUTHORIZED',
      `Sync calls need this till's device credential: "Authorization: ${DEVICE_AUTH_SCHEME} <terminal id>:<device secret>".`,
    );
  }
  const [row] = await db.select().from(terminals).where(eq(terminals.id, credential.terminalId)).limit(1);
  if (row?.revokedAt && !row.deviceSecretHash) {
    throw deviceError(
      'DEVICE_REVOKED',
      `This till's device registration was revoked on ${row.revokedAt.toISOString()}: an owner or manager must register it again.`,
    );
  }
  if (!row || !(await secretMatches(row, credential.secret))) {
    throw deviceError('DEVICE_UNAUTHORIZED', 'The device credential is not valid for any registered till.');
  }
  if (!row.isActive) {
    throw deviceError(
      'DEVICE_REVOKED',
      'This till is deactivated on the cloud: a manager must reactivate it.',
    );
  }
  return row;
}
