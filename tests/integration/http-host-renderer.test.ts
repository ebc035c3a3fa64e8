// The browser-mode host serving the till screen (dist/renderer) next to the till API: a real HTTP server on
// 127.0.0.1 over a real folder of built files.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRendererSite, TILL_PAGE_CSP } from '../../src-main/host/http/renderer-site.js';
import { startHttpHost, type HttpHost } from '../../src-main/host/http/server.js';
import { createTestTill, type TestTill } from '../support/test-till.js';

const TOKEN = 'test-token-0123456789abcdef';
const INDEX =
  '<!doctype html><html><head><script type="module" src="./assets/index-abc123.js"></script></head></html>';
const SCRIPT = 'console.log("till screen");';

let t: TestTill;
let host: HttpHost;
let pendingHost: HttpHost;
let scratch: string;

beforeAll(async () => {
  t = createTestTill();
  scratch = mkdtempSync(join(tmpdir(), 'asiria-renderer-'));
  const dir = join(scratch, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets/index-abc123.js'), SCRIPT);
  writeFileSync(join(dir, 'assets/index-abc123.css'), 'body{color:#111}');
  writeFileSync(join(dir, '.env'), 'SECRET=1');
  writeFileSync(join(scratch, 'ledger-secret.txt'), 'outside the renderer folder');
  symlinkSync(join(scratch, 'ledger-secret.txt'), join(dir, 'assets/link.txt'));
  host = await startHttpHost({
    till: t.till,
    port: 0,
    token: TOKEN,
    renderer: createRendererSite({
      dir,
      pendingMessage: () => ({ title: 'unused', text: 'unused', reload: false }),
    }),
  });
  pendingHost = await startHttpHost({
    till: t.till,
    port: 0,
    token: TOKEN,
    renderer: createRendererSite({
      dir: join(scratch, 'not-built-yet'),
      pendingMessage: () => ({
        title: 'Preparing the till screen',
        text: 'Reloading by itself.',
        reload: true,
      }),
    }),
  });
});
afterAll(async () => {
  await host.close();
  await pendingHost.close();
  t.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A raw GET (fetch would normalise `..` away before sending it). */
function rawGet(
  base: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}/`, { path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser-mode host: the till screen', () => {
  it('serves the page at / without the token, with the strict CSP and no caching of the page', async () => {
    const res = await fetch(`${host.url}/?token=${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(TILL_PAGE_CSP);
    expect(TILL_PAGE_CSP).toContain("script-src 'self'");
    expect(TILL_PAGE_CSP).toContain("frame-ancestors 'none'");
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await res.text()).toBe(INDEX);
    expect((await fetch(`${host.url}/index.html`)).status).toBe(200);
  });

  it('serves hashed assets with their content type and immutable caching', async () => {
    const js = await fetch(`${host.url}/assets/index-abc123.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await js.text()).toBe(SCRIPT);
    const css = await fetch(`${host.url}/assets/index-abc123.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const head = await fetch(`${host.url}/assets/index-abc123.js`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length')]).toEqual([200, String(SCRIPT.length)]);
  });

  it('refuses paths outside the folder, dotfiles and symlinks that lead out of it', async () => {
    for (const path of [
      '/../ledger-secret.txt',
      '/assets/../../ledger-secret.txt',
      '/%2e%2e/ledger-secret.txt',
      '/assets/..%2f..%2fledger-secret.txt',
      '/assets/%2e%2e%5c%2e%2e%5cledger-secret.txt',
      '/.env',
      '/assets/link.txt',
      '/assets/index-abc123.js%00.html',
      '/assets/%E0%A4%A',
    ]) {
      const res = await rawGet(host.url, path, { authorization: `Bearer ${TOKEN}` });
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.body).not.toContain('outside the renderer folder');
      expect(res.body).not.toContain('SECRET');
    }
    const noToken = await rawGet(host.url, '/../ledger-secret.txt');
    expect(noToken.status).toBe(404);
  });

  it('keeps the Origin and Host checks on static files', async () => {
    const evil = await fetch(`${host.url}/assets/index-abc123.js`, {
      headers: { origin: 'http://evil.example' },
    });
    expect(evil.status).toBe(403);
    const rebinding = await rawGet(host.url, '/', { host: `evil.example:${host.port}` });
    expect(rebinding.status).toBe(403);
  });

  it('still wants the token for calls and events', async () => {
    const call = await fetch(`${host.url}/rpc/auth.users`, { method: 'POST', body: '{}' });
    expect(call.status).toBe(401);
    expect((await fetch(`${host.url}/events`)).status).toBe(401);
    const withToken = await fetch(`${host.url}/rpc/auth.users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(withToken.status).toBe(200);
    // Other paths are looked up as the screen's files: a plain 404, no token needed.
    expect((await fetch(`${host.url}/robots.txt`)).status).toBe(404);
    // Browsers ask for an icon by themselves: "no content" rather than an error in the console.
    expect((await fetch(`${host.url}/favicon.ico`)).status).toBe(204);
    expect((await fetch(`${host.url}/rpc/auth.users`)).status).toBe(401); // GET on the API still wants it
  });

  it('answers a page that reloads itself while the screen is not built yet', async () => {
    const res = await fetch(`${pendingHost.url}/?token=${TOKEN}`);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-security-policy')).toBe(TILL_PAGE_CSP);
    const page = await res.text();
    expect(page).toContain('Preparing the till screen');
    expect(page).toContain('http-equiv="refresh"');
    expect((await fetch(`${pendingHost.url}/assets/index-abc123.js`)).status).toBe(404);
  });
});
