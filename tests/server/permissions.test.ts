// Every route declares its permission, and every route × role gets the documented outcome:
// anonymous → 401 unless public; a role below the route's → 403; a role at or above → neither.
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAllows } from '../../src-server/http/permissions.js';
import { installPermissions } from '../../src-server/http/permissions.js';
import type { ApiApp, AppContext } from '../../src-server/http/types.js';
import { newId } from '../../src-shared/domain/ids.js';
import { startTestServer, type SeedRole, type TestServer } from './support/test-server.js';

/** Routes for tills: no user token opens them, whatever the role (a device credential does). */
const DEVICE_ROUTES = new Set(['POST /api/sync/push/', 'GET /api/sync/pull/']);

describe('route × role matrix', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every API route with a permission', () => {
    const keys = t.routes.map((r) => `${r.method} ${r.url} ${r.permission}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'POST /api/token/ public',
        'GET /api/users/ manager',
        'POST /api/users/ manager',
        'DELETE /api/users/:id/ manager',
        'GET /api/stores/ authenticated',
        'POST /api/stores/ owner',
        'DELETE /api/stores/:id/ owner',
        'POST /api/terminals/:id/register/ manager',
        'POST /api/terminals/:id/revoke/ manager',
        'GET /api/sync/quarantine/ manager',
        // Sync pushes authenticate a till's device credential, not a user (see DEVICE_ROUTES below).
        'POST /api/sync/push/ public',
        'GET /api/sync/pull/ public',
      ]),
    );
    expect(t.routes.every((r) => r.url.startsWith('/api/') && r.url.endsWith('/'))).toBe(true);
  });

  it('answers each route for each role as its permission says', async () => {
    const roles: (SeedRole | null)[] = [null, 'employee', 'manager', 'owner'];
    const outcomes: string[] = [];
    for (const route of t.routes) {
      const url = route.url.replace(/:[a-z_]+/g, newId());
      for (const role of roles) {
        const res = await t.call(route.method, url, {
          as: role,
          ...(['POST', 'PUT', 'PATCH'].includes(route.method) && { body: {} }),
        });
        const who = role ?? 'anonymous';
        let expected: string;
        if (DEVICE_ROUTES.has(`${route.method} ${route.url}`)) expected = '401';
        else if (route.permission === 'public') expected = 'allowed';
        else if (role === null) expected = '401';
        else expected = roleAllows(t.users[role].role, route.permission) ? 'allowed' : '403';
        const actual = res.status === 401 || res.status === 403 ? String(res.status) : 'allowed';
        if (actual !== expected)
          outcomes.push(`${route.method} ${route.url} as ${who}: ${res.status} ${res.text}`);
        if (res.status === 401 || res.status === 403) expect(res.body.detail).toEqual(expect.any(String));
        expect(res.status, `${route.method} ${route.url} as ${who}`).toBeLessThan(500);
      }
    }
    expect(outcomes).toEqual([]);
  });

  it('refuses to start when an API route declares no permission', async () => {
    const app = Fastify() as unknown as ApiApp;
    installPermissions(app, {} as AppContext);
    expect(() => app.get('/api/forgotten/', () => 'oops')).toThrow(/declares no permission/);
    await app.close();
  });
});
