// The browser-mode bridge against the real HTTP host (real till core, real sockets): calls with the launch
// token reach the till, the till's errors come back by code, a wrong token or a dead host are errors the
// screen can show. The launch token is read once from the address bar, kept for the tab, and removed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TillError } from '../../../src-shared/contract/errors.js';
import { createTillClient, HOST_UNREACHABLE } from '../../../src-shared/contract/till-client.js';
import { startHttpHost, type HttpHost } from '../../../src-main/host/http/server.js';
import { createHttpBridge } from '../../../src-renderer/api/http-bridge.js';
import { takeLaunchToken, TOKEN_STORAGE_KEY } from '../../../src-renderer/api/launch-token.js';
import { createTestTill, type TestTill } from '../../support/test-till.js';

const TOKEN = 'bridge-test-token-0123456789';

let t: TestTill;
let host: HttpHost;
beforeEach(async () => {
  t = createTestTill();
  host = await startHttpHost({ till: t.till, port: 0, token: TOKEN });
});
afterEach(async () => {
  await host.close();
  t.close();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TillError) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('createHttpBridge', () => {
  it('calls the till with the token and returns typed results and till errors', async () => {
    const client = createTillClient(createHttpBridge({ baseUrl: host.url, token: TOKEN }));
    const me = await client.call('auth.login', { phone: '0700000003', password: 'cashier1234' });
    expect(me).toMatchObject({ name: 'Achieng Cashier', role: 'employee', locale: null });
    expect((await client.call('catalog.lookup', { code: '6160000000012' })).product.name).toBe(
      'Kabras Sugar 1kg',
    );
    expect(await codeOf(client.call('catalog.lookup', { code: '6160000009992' }))).toBe('UNKNOWN_BARCODE');
    expect(t.till.call('auth.current', {})?.name).toBe('Achieng Cashier');
  });

  it('a wrong token is refused by the host and nothing runs', async () => {
    const client = createTillClient(
      createHttpBridge({ baseUrl: host.url, token: 'not-the-token-0123456789' }),
    );
    expect(await codeOf(client.call('auth.login', { phone: '0700000003', password: 'cashier1234' }))).toBe(
      'INVALID_TOKEN',
    );
    expect(t.till.call('auth.current', {})).toBeNull();
  });

  it('a host that is gone is HOST_UNREACHABLE', async () => {
    const url = host.url;
    await host.close();
    const client = createTillClient(createHttpBridge({ baseUrl: url, token: TOKEN }));
    expect(await codeOf(client.call('auth.current', {}))).toBe(HOST_UNREACHABLE);
  });
});

describe('takeLaunchToken', () => {
  function environment(href: string) {
    const stored = new Map<string, string>();
    const replaced: string[] = [];
    return {
      stored,
      replaced,
      env: {
        location: { href },
        history: {
          state: null,
          replaceState: (_state: unknown, _title: string, url?: string | URL | null) => {
            replaced.push(String(url));
          },
        },
        storage: {
          getItem: (key: string) => stored.get(key) ?? null,
          setItem: (key: string, value: string) => {
            stored.set(key, value);
          },
        },
      },
    };
  }

  it('takes the token from the address bar, keeps it for the tab and removes it from the URL', () => {
    const e = environment('http://127.0.0.1:4318/?token=abc%2Bdef-123&lang=sw#till');
    expect(takeLaunchToken(e.env)).toBe('abc+def-123');
    expect(e.stored.get(TOKEN_STORAGE_KEY)).toBe('abc+def-123');
    expect(e.replaced).toEqual(['/?lang=sw#till']);
  });

  it('after a reload (no token in the URL) uses the kept one; with neither there is none', () => {
    const e = environment('http://127.0.0.1:4318/');
    expect(takeLaunchToken(e.env)).toBeNull();
    e.stored.set(TOKEN_STORAGE_KEY, 'kept-token');
    expect(takeLaunchToken(e.env)).toBe('kept-token');
    expect(e.replaced).toEqual([]);
  });
});
