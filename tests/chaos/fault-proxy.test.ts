// The chaos harness's fault proxy against a real upstream HTTP server: each fault does to a till's request what
// its name says — the server sees it or not, the till gets the answer or a dead socket, a request held for
// reordering is processed after a later one.
import { createServer, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FaultProxy, type Fault } from './fault-proxy.js';

let upstream: Server;
let port: number;
let seen: string[];
let proxy: FaultProxy | null = null;

beforeEach(async () => {
  seen = [];
  upstream = createServer((req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ got: req.url }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const address = upstream.address();
  port = address && typeof address === 'object' ? address.port : 0;
});
afterEach(async () => {
  await proxy?.close();
  proxy = null;
  await new Promise<void>((resolve) => {
    upstream.close(() => {
      resolve();
    });
  });
});

async function only(fault: Fault): Promise<FaultProxy> {
  proxy = new FaultProxy({ targetPort: port, seed: 1, weights: { [fault]: 1 }, reorderHoldMs: 5000 });
  await proxy.start();
  return proxy;
}

const post = (p: FaultProxy, path: string) =>
  fetch(`${p.url}${path}`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });

describe('fault proxy', () => {
  it('pass: the server answers the till', async () => {
    const p = await only('pass');
    expect(await (await post(p, '/a')).json()).toEqual({ got: '/a' });
    expect(seen).toEqual(['/a']);
  });

  it('drop-request: the till loses its socket and the server never sees the request', async () => {
    const p = await only('drop-request');
    await expect(post(p, '/a')).rejects.toThrow();
    expect(seen).toEqual([]);
  });

  it('drop-response: the server processed the request, the till never hears back', async () => {
    const p = await only('drop-response');
    await expect(post(p, '/a')).rejects.toThrow();
    expect(seen).toEqual(['/a']);
  });

  it('duplicate: the server gets the request twice, the till one answer', async () => {
    const p = await only('duplicate');
    expect(await (await post(p, '/a')).json()).toEqual({ got: '/a' });
    expect(seen).toEqual(['/a', '/a']);
  });

  it('reorder: a held request reaches the server after the next one', async () => {
    const p = await only('reorder');
    const first = post(p, '/first');
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([]);
    const second = post(p, '/second');
    expect((await Promise.all([first, second])).map((r) => r.status)).toEqual([200, 200]);
    expect(seen).toEqual(['/second', '/first']);
  });

  it('heal: every request passes from then on; the same seed draws the same schedule', async () => {
    const draws = async () => {
      const p = new FaultProxy({ targetPort: port, seed: 7, weights: { pass: 1, 'drop-request': 1 } });
      await p.start();
      const outcomes = [];
      for (let i = 0; i < 12; i++)
        outcomes.push(
          await post(p, '/x').then(
            () => 'ok',
            () => 'dropped',
          ),
        );
      p.heal();
      const healed = await post(p, '/x');
      await p.close();
      return { outcomes, healed: healed.status };
    };
    const a = await draws();
    const b = await draws();
    expect(a.outcomes).toContain('dropped');
    expect(a.outcomes).toContain('ok');
    expect(b).toEqual(a);
    expect(a.healed).toBe(200);
  });
});
