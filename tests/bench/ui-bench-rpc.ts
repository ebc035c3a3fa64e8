// The Node side of `npm run bench:ui` over HTTP: a keep-alive till API client (one socket, sequential calls,
// like the till screen's own fetches) for the browser-mode host, and the transport floor it is set against —
// a bare node:http server in a child process that answers every POST with a body of the asked size, no
// till behind it.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { Agent, request } from 'node:http';
import type { Readable } from 'node:stream';

export interface RpcClient {
  /** POST /rpc/<method> → the value, or throws with the till's error code. */
  call<T = unknown>(method: string, input: object): Promise<T>;
  /** The raw exchange (for the echo floor): body in, response bytes out. */
  post(path: string, body: string, headers?: Record<string, string>): Promise<Buffer>;
  close(): void;
}

export function rpcClient(baseUrl: string, token: string): RpcClient {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const { hostname, port } = new URL(baseUrl);

  const post = (path: string, body: string, headers: Record<string, string> = {}): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          host: hostname,
          port,
          path,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            authorization: `Bearer ${token}`,
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            resolve(Buffer.concat(chunks));
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  return {
    post,
    async call<T>(method: string, input: object): Promise<T> {
      const raw = await post(`/rpc/${method}`, JSON.stringify(input));
      const body = JSON.parse(raw.toString('utf8')) as {
        ok: boolean;
        value?: T;
        error?: { code: string; message: string };
      };
      if (!body.ok) throw new Error(`${method}: ${body.error?.code ?? '?'} ${body.error?.message ?? ''}`);
      return body.value as T;
    },
    close() {
      agent.destroy();
    },
  };
}

/** The echo server's whole program: reads the request, answers `x-reply-bytes` bytes of JSON. */
const ECHO_SOURCE = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    const size = Number(req.headers['x-reply-bytes']) || 0;
    const text = JSON.stringify({ ok: true, value: 'x'.repeat(Math.max(0, size - 22)) });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
    res.end(text);
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write('echo ' + server.address().port + '\\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

export interface EchoServer {
  url: string;
  stop(): Promise<void>;
}

export async function startEchoServer(): Promise<EchoServer> {
  const child: ChildProcessByStdio<null, Readable, null> = spawn(
    process.execPath,
    ['--input-type=commonjs', '-e', ECHO_SOURCE],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((done) => {
    child.once('exit', () => {
      done();
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    const port = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const match = /echo (\d+)/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => {
        reject(new Error(`the echo server exited (${String(code)}) before it listened`));
      });
    });
    return { url: `http://127.0.0.1:${port}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
