import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHttpHost, type HttpHost } from '../../src-main/host/http/server.js';
import { createTestTill, type TestTill } from '../support/test-till.js';

const TOKEN = 'test-token-0123456789abcdef';

let t: TestTill;
let host: HttpHost;
beforeEach(async () => {
  t = createTestTill();
  host = await startHttpHost({ till: t.till, port: 0, token: TOKEN, heartbeatMs: 100 });
});
afterEach(async () => {
  await host.close();
  t.close();
});

async function rpc(method: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${host.url}/rpc/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Envelope };
}

/** As the host sends it: `value` when ok, `error` when not (typed loosely: tests look at both). */
interface Envelope {
  ok: boolean;
  value: Record<string, unknown>;
  error: { code: string; message: string; fieldErrors: Record<string, string[]> };
}

interface SseData {
  type?: string;
  payload?: unknown;
  comment?: string;
}

const cashier = { phone: '0700000003', password: 'cashier1234' };

/** Reads an SSE response until `predicate` matches one event's data; returns the events seen. */
async function readEvents(
  res: Response,
  predicate: (data: SseData) => boolean,
): Promise<{ data: SseData[]; comments: string[] }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const data: SseData[] = [];
  const comments: string[] = [];
  let buffer = '';
  for (;;) {
    const next = await reader.read();
    if (next.done) throw new Error('the event stream ended early');
    buffer += decoder.decode(next.value as Uint8Array, { stream: true });
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) comments.push(line.slice(1).trim());
        if (line.startsWith('data: ')) data.push(JSON.parse(line.slice(6)) as SseData);
      }
      if (data.some(predicate) || comments.some((c) => predicate({ comment: c }))) {
        await reader.cancel();
        return { data, comments };
      }
    }
  }
}

describe('browser-mode HTTP host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.port).toBeGreaterThan(0);
  });

  it('refuses every request without the launch token (401)', async () => {
    const none = await fetch(`${host.url}/rpc/auth.current`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    expect(((await none.json()) as Envelope).error.code).toBe('INVALID_TOKEN');
    const wrong = await rpc('auth.current', {}, { authorization: 'Bearer not-the-token' });
    expect(wrong.status).toBe(401);
    expect((await fetch(`${host.url}/events`)).status).toBe(401);
    // ?token= is for GET (EventSource, the start URL) only: never for calls.
    expect(
      (await fetch(`${host.url}/rpc/auth.current?token=${TOKEN}`, { method: 'POST', body: '{}' })).status,
    ).toBe(401);
  });

  it('logs in over RPC and answers the till API with {ok, value}', async () => {
    const login = await rpc('auth.login', cashier);
    expect(login).toEqual({
      status: 200,
      body: { ok: true, value: expect.objectContaining({ name: 'Achieng Cashier', role: 'employee' }) },
    });
    const soap = await rpc('stock.level', { productId: t.demo.products.soap!.id });
    expect(soap.status).toBe(200);
    expect(soap.body.value).toMatchObject({ onHandMilli: 3000, status: 'low' });
    expect(t.till.call('auth.current', {})?.name).toBe('Achieng Cashier');
  });

  it('maps till errors to HTTP statuses and keeps the error body', async () => {
    const invalid = await rpc('auth.login', { phone: 'abc', password: '' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.ok).toBe(false);
    expect(invalid.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(invalid.body.error.fieldErrors).sort()).toEqual(['password', 'phone']);

    expect((await rpc('audit.list', {})).status).toBe(401); // nobody logged in at the till
    expect((await rpc('auth.login', { ...cashier, password: 'wrong-one' })).body.error.code).toBe(
      'INVALID_CREDENTIALS',
    );
    await rpc('auth.login', cashier);
    const forbidden = await rpc('audit.list', {});
    expect([forbidden.status, forbidden.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const unknown = await rpc('stock.teleport', {});
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'UNKNOWN_METHOD']);
    const missing = await rpc('stock.level', { productId: '00000000-0000-7000-8000-000000000000' });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const { value: request } = (
      await rpc('stock.requestAdjustment', {
        productId: t.demo.products.soap!.id,
        qtyDeltaMilli: 1000,
        reason: 'count',
      })
    ).body;
    await rpc('auth.login', { phone: '0700000002', password: 'manager1234' });
    expect((await rpc('stock.approveAdjustment', { adjustmentId: request.id })).status).toBe(200);
    const again = await rpc('stock.approveAdjustment', { adjustmentId: request.id });
    expect([again.status, again.body.error.code]).toEqual([409, 'CONFLICT']);
  });

  it('answers 400 to a body that is not JSON, and writes nothing', async () => {
    const before = t.snapshot();
    const res = await rpc('auth.login', '{"phone": "0700000003", ');
    expect([res.status, res.body.error.code]).toEqual([400, 'INVALID_JSON']);
    expect(t.snapshot()).toEqual(before);
  });

  it('answers 413 to a body over 1 MB', async () => {
    const huge = JSON.stringify({ phone: '0700000003', password: 'x'.repeat(1024 * 1024 + 10) });
    const res = await rpc('auth.login', huge);
    expect([res.status, res.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('answers 413 to an over-long body sent without a length (chunked)', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(`${host.url}/rpc/auth.login`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body,
      duplex: 'half',
    });
    expect(res.status).toBe(413);
  });

  it('refuses requests from another origin (403), accepts its own', async () => {
    const evil = await rpc('auth.login', cashier, { origin: 'http://evil.example' });
    expect([evil.status, evil.body.error.code]).toEqual([403, 'FORBIDDEN_ORIGIN']);
    expect(t.till.call('auth.current', {})).toBeNull();
    const own = await rpc('auth.login', cashier, { origin: host.url });
    expect(own.status).toBe(200);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        `${host.url}/rpc/auth.current`,
        { method: 'POST', headers: { host: `evil.example:${host.port}`, authorization: `Bearer ${TOKEN}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('streams till events over SSE: auth.changed arrives after a login over RPC', async () => {
    const res = await fetch(`${host.url}/events?token=${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reading = readEvents(res, (d) => d.type === 'auth.changed');
    await rpc('auth.login', cashier);
    const { data } = await reading;
    expect(data).toContainEqual({ type: 'auth.changed', payload: { userId: t.demo.users.cashier.id } });
  });

  it('sends heartbeat comments on an idle stream', async () => {
    const res = await fetch(`${host.url}/events`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const { comments } = await readEvents(res, (d) => d.comment === 'heartbeat');
    expect(comments).toContain('heartbeat');
  });

  it('unsubscribes from the till when the browser closes the stream', async () => {
    let listening = 0;
    const counted = await startHttpHost({
      token: TOKEN,
      port: 0,
      till: {
        methods: t.till.methods,
        invoke: (method, input) => t.till.invoke(method, input),
        subscribe(listener) {
          listening++;
          const off = t.till.subscribe(listener);
          return () => {
            listening--;
            off();
          };
        },
      },
    });
    try {
      const res = await fetch(`${counted.url}/events?token=${TOKEN}`);
      const reader = res.body!.getReader();
      await reader.read();
      expect(listening).toBe(1);
      await reader.cancel();
      await vi.waitFor(() => {
        expect(listening).toBe(0);
      });
    } finally {
      await counted.close();
    }
  });

  it('ends open event streams when it closes', async () => {
    const res = await fetch(`${host.url}/events?token=${TOKEN}`);
    const reader = res.body!.getReader();
    await reader.read(); // the opening comment
    await host.close();
    for (;;) {
      const next = await reader.read().catch(() => ({ done: true }));
      if (next.done) break;
    }
    await expect(fetch(`${host.url}/`)).rejects.toThrow();
  });

  it('answers GET / with what it serves, and 405 to the wrong HTTP method', async () => {
    const index = await fetch(`${host.url}/?token=${TOKEN}`);
    expect(index.status).toBe(200);
    expect(((await index.json()) as Envelope).value.methods).toContain('stock.level');
    const get = await fetch(`${host.url}/rpc/auth.current`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(get.status).toBe(405);
    const nothing = await fetch(`${host.url}/admin`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(nothing.status).toBe(404);
  });
});
