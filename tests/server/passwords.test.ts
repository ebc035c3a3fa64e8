// The till and the cloud store password/PIN hashes in one format: each verifies the other's.
import { describe, expect, it } from 'vitest';
import { hashSecret as tillHash, verifySecret as tillVerify } from '../../src-main/services/passwords.js';
import { hashSecret as cloudHash, verifySecret as cloudVerify } from '../../src-server/auth/passwords.js';
import { formatSecretHash, parseSecretHash } from '../../src-shared/contract/secret-hash.js';

describe('password hashes shared by till and cloud', () => {
  it('a hash made by the cloud signs in at the till, and back', async () => {
    const fromCloud = await cloudHash('Mpesa-2026!');
    expect(fromCloud).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(tillVerify('Mpesa-2026!', fromCloud)).toBe(true);
    expect(tillVerify('mpesa-2026!', fromCloud)).toBe(false);

    const fromTill = tillHash('4321');
    expect(await cloudVerify('4321', fromTill)).toBe(true);
    expect(await cloudVerify('1234', fromTill)).toBe(false);
  });

  it('treats a missing or foreign hash as a wrong password, never a crash', async () => {
    expect(await cloudVerify('x', null)).toBe(false);
    expect(await cloudVerify('x', 'pbkdf2_sha256$260000$abc$def')).toBe(false);
    expect(await cloudVerify('x', 'scrypt$3$8$1$AAAA$AAAA')).toBe(false);
    expect(parseSecretHash('scrypt$16384$8$1$not base64$AAAA')).toBeNull();
    const parts = { params: { N: 16384, r: 8, p: 1 }, saltB64: 'c2FsdA==', hashB64: 'aGFzaA==' };
    expect(parseSecretHash(formatSecretHash(parts))).toEqual(parts);
  });
});
