// Rate limiting: per signed-in user, else per client IP; the answer says when to come back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('rate limiting (in-process store)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: { RATE_LIMIT_MAX: '5', RATE_LIMIT_WINDOW: '1m' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('throttles one user without slowing down another', async () => {
    const manager = await t.token('manager');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await t.call('GET', '/api/stores/', { as: { token: manager } })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const throttled = await t.call('GET', '/api/stores/', { as: { token: manager } });
    expect(throttled.body.detail).toMatch(/^Request was throttled\. Expected available in \d+ seconds\.$/);
    expect(throttled.headers['retry-after']).toBeDefined();

    expect((await t.call('GET', '/api/stores/', { as: 'owner' })).status).toBe(200);
  });
});
