// The API documents itself from its route schemas, and the docs pages work offline (assets from here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('OpenAPI, Swagger UI and ReDoc', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves an OpenAPI 3 document listing every API route', async () => {
    const res = await t.call('GET', '/api/schema/?format=json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const paths = Object.keys(res.body.paths);
    for (const route of t.routes) {
      const path = route.url.replace(/:([a-z_]+)/g, '{$1}');
      if (path === '/api/schema/') continue;
      expect(paths, path).toContain(path);
      expect(res.body.paths[path][route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
    const createStore = res.body.paths['/api/stores/'].post;
    expect(createStore.security).toEqual([{ bearerAuth: [] }]);
    expect(createStore.description).toContain('Permission: owner.');
    const body = createStore.requestBody.content['application/json'].schema;
    expect(body.properties.cash_rounding_step).toBeDefined();
    expect(body.additionalProperties).toBe(false);
    expect(res.body.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('serves Swagger UI whose scripts load from this server', async () => {
    const page = await t.call('GET', '/swagger/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const scripts = [...page.text.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((s) => !/^(https?:)?\/\//.test(s))).toBe(true);
    const bundle = scripts.find((s) => s.includes('swagger-ui-bundle.js'))!;
    const asset = await t.call('GET', new URL(bundle, 'http://localhost/swagger/').pathname);
    expect(asset.status).toBe(200);
    expect(asset.text.length).toBeGreaterThan(100_000);
    const spec = await t.call('GET', '/swagger/json');
    expect(spec.body.paths['/api/users/']).toBeDefined();
  });

  it('serves ReDoc from node_modules, pointing at /api/schema/', async () => {
    const page = await t.call('GET', '/redoc/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('spec-url="/api/schema/"');
    const src = /<script src="([^"]+)"/.exec(page.text)![1]!;
    expect(src).toBe('/redoc/redoc.standalone.js');
    const asset = await t.call('GET', src);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.text.length).toBeGreaterThan(500_000);
    expect(page.headers['content-security-policy']).not.toMatch(/https?:/);
  });
});
