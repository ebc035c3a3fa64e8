// With REDIS_URL, API nodes share the token blacklist and the rate-limit counters through Redis: two app
// instances on one database and one Redis (as behind a load balancer) must agree. Each run uses its own
// key prefix and deletes its keys afterwards.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../../src-server/app.js';
import { tokenBlacklist } from '../../src-server/db/schema/users.js';
import { callerFor, SEED_PASSWORD, startTestServer } from './support/test-server.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisReachable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const reachable = await redisReachable();

/** Two API nodes on one database and one Redis namespace (a key prefix unique to this run). */
async function twoNodes(env: Record<string, string>) {
  const prefix = `asiria_test_${randomBytes(6).toString('hex')}:`;
  const connect = () => new Redis(REDIS_URL, { keyPrefix: prefix, maxRetriesPerRequest: 1 });
  const redisA = connect();
  const redisB = connect();
  const a = await startTestServer({ env, redis: redisA });
  const built: BuiltApp = await buildApp({
    config: a.config,
    db: a.database.db,
    redis: redisB,
    logger: pino({ level: 'silent' }),
  });
  await built.app.ready();
  const b = { ...built, call: callerFor(built.app, (role) => a.token(role)) };
  /** Every key of this run, with its prefix. */
  const keys = async () => {
    const raw = new Redis(REDIS_URL);
    try {
      return await raw.keys(`${prefix}*`);
    } finally {
      raw.disconnect();
    }
  };
  const close = async () => {
    const left = await keys();
    if (left.length) {
      const raw = new Redis(REDIS_URL);
      await raw.del(...left);
      raw.disconnect();
    }
    await built.app.close();
    await a.close();
    redisA.disconnect();
    redisB.disconnect();
  };
  return { a, b, prefix, keys, close };
}

// CI starts Redis (.ci/run), so there a missing Redis fails these tests instead of skipping them.
describe.skipIf(!reachable && process.env.CI !== 'true')(
  'Redis shared by two API nodes (needs Redis at REDIS_URL)',
  () => {
    describe('token blacklist', () => {
      let nodes: Awaited<ReturnType<typeof twoNodes>>;
      beforeAll(async () => {
        nodes = await twoNodes({});
      });
      afterAll(async () => {
        await nodes.close();
      });

      it('refuses on one node a refresh token logged out on the other', async () => {
        const { a, b } = nodes;
        const login = await a.call('POST', '/api/token/', {
          body: { phone_number: a.users.employee.phone, password: SEED_PASSWORD },
        });
        expect(login.status).toBe(200);
        const refresh = login.body.refresh as string;
        expect((await b.call('POST', '/api/token/refresh/', { body: { refresh } })).status).toBe(200);

        expect((await b.call('POST', '/api/token/blacklist/', { body: { refresh } })).status).toBe(200);

        const refused = await a.call('POST', '/api/token/refresh/', { body: { refresh } });
        expect(refused).toMatchObject({ status: 401, body: { code: 'token_not_valid' } });
        expect(refused.body.detail).toMatch(/blacklisted/i);
        // Kept in Redis (expiring with the token), not in the MySQL fallback table.
        expect((await nodes.keys()).filter((k) => k.includes('blacklist'))).toHaveLength(1);
        expect(await a.database.db.select().from(tokenBlacklist)).toEqual([]);
      });
    });

    describe('rate limit', () => {
      let nodes: Awaited<ReturnType<typeof twoNodes>>;
      beforeAll(async () => {
        nodes = await twoNodes({ RATE_LIMIT_MAX: '4', RATE_LIMIT_WINDOW: '1m' });
      });
      afterAll(async () => {
        await nodes.close();
      });

      it('counts one user’s requests on both nodes together', async () => {
        const { a, b } = nodes;
        const token = { token: await a.token('employee') };
        const statuses: number[] = [];
        for (const node of [a, b, a, b, a, b]) {
          statuses.push((await node.call('GET', '/api/stores/', { as: token })).status);
        }
        // 4 per minute in all, not 4 per node.
        expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
        expect((await nodes.keys()).some((k) => k.includes('ratelimit'))).toBe(true);
        // Another user still has their own allowance.
        expect((await b.call('GET', '/api/stores/', { as: 'manager' })).status).toBe(200);
      });
    });
  },
);
