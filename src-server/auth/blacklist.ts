// Revoked refresh tokens by jti: in Redis when REDIS_URL is set (expiring with the token), else in MySQL.
import { eq, lt } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type { Db } from '../db/client.js';
import { isDuplicateKey } from '../db/errors.js';
import { tokenBlacklist } from '../db/schema/users.js';

export interface TokenBlacklist {
  add(jti: string, userId: string, expiresAt: Date): Promise<void>;
  has(jti: string): Promise<boolean>;
}

export function redisBlacklist(redis: Redis, prefix = 'asiria:blacklist:'): TokenBlacklist {
  return {
    async add(jti, _userId, expiresAt) {
      const ttl = Math.max(1000, expiresAt.getTime() - Date.now());
      await redis.set(prefix + jti, '1', 'PX', ttl);
    },
    async has(jti) {
      return (await redis.exists(prefix + jti)) === 1;
    },
  };
}

export function mysqlBlacklist(db: Db): TokenBlacklist {
  return {
    async add(jti, userId, expiresAt) {
      try {
        await db.insert(tokenBlacklist).values({ jti, userId, expiresAt });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error; // already blacklisted: nothing to do
      }
      // Housekeeping: forget tokens that have expired anyway.
      await db.delete(tokenBlacklist).where(lt(tokenBlacklist.expiresAt, new Date(Date.now() - 60_000)));
    },
    async has(jti) {
      const rows = await db
        .select({ jti: tokenBlacklist.jti })
        .from(tokenBlacklist)
        .where(eq(tokenBlacklist.jti, jti))
        .limit(1);
      return rows.length > 0;
    },
  };
}
