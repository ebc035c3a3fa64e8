// Browser-mode host (DESIGN.md "The till API"): the till API over HTTP on 127.0.0.1 only.
//   POST /rpc/<method>  body = JSON input  → 200 {ok:true,value} | 4xx/5xx {ok:false,error}
//   GET  /events        Server-Sent Events forwarding the till's events
//   GET  /              the till screen (with `renderer`), else what this host serves (checks URL and token)
//   GET  /assets/…      the till screen's files (with `renderer`; see renderer-site.ts)
// Every request must come from the host's own origin; every call and the event stream need the per-launch token
// (the screen's static files hold no secret and need none). No logic: it only adapts.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TillErrorBody, TillResult } from '../../../src-shared/contract/errors.js';
import { readJsonBody } from './body.js';
import { checkOrigin, checkToken } from './guard.js';
import type { RendererSite } from './renderer-site.js';
import { openEventStream, type EventSourceLike, type SseStream } from './sse.js';
import { httpStatusFor } from './status.js';

/** What the host needs of the till core (src-main/till.ts `Till` satisfies it). */
export interface HostedTill extends EventSourceLike {
  readonly methods: readonly string[];
  invoke(method: string, input: unknown): TillResult<unknown>;
  /** The few methods that wait on the network (sync.register, sync.now) go through invokeAsync. */
  readonly asyncMethods?: ReadonlySet<string>;
  invokeAsync?(method: string, input: unknown): Promise<TillResult<unknown>>;
}

export interface HostLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface HttpHostOptions {
  till: HostedTill;
  /** 0 = any free port. */
  port: number;
  /** The per-launch secret every request must present. */
  token: string;
  /** Default 1 MiB. */
  maxBodyBytes?: number;
  /** SSE heartbeat comment interval (default 15 s). */
  heartbeatMs?: number;
  /** The till screen's files (browser mode); without it GET / describes the API. */
  renderer?: RendererSite;
  log?: HostLogger;
}

export interface HttpHost {
  /** http://127.0.0.1:<port> (no token). */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const BIND_ADDRESS = '127.0.0.1';
const COMMON_HEADERS: Record<string, string> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...COMMON_HEADERS,
    ...extra,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: TillErrorBody, extra: Record<string, string> = {}): void {
  sendJson(res, httpStatusFor(error.code), { ok: false, error }, extra);
}

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const { till, token } = options;
  if (token.length < 16) throw new Error('the HTTP host token must be at least 16 characters');
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const streams = new Set<SseStream>();
  let port = options.port;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${BIND_ADDRESS}:${port}`);
    } catch {
      sendError(res, { code: 'NOT_FOUND', message: 'Malformed request path.' });
      return;
    }
    const originProblem = checkOrigin(req, port);
    if (originProblem) {
      sendError(res, originProblem);
      return;
    }
    const isGet = req.method === 'GET';
    const isApi = url.pathname.startsWith('/rpc/') || url.pathname === '/events';
    if (options.renderer && !isApi && (isGet || req.method === 'HEAD')) {
      // The screen's files are public (no secret in them): an unknown one is a plain 404, token or not.
      if (!(await options.renderer.serve(req, res, url.pathname)))
        sendError(res, { code: 'NOT_FOUND', message: `Nothing at ${url.pathname}.` });
      return;
    }
    const tokenProblem = checkToken(req, url, token, isGet);
    if (tokenProblem) {
      sendError(res, tokenProblem, { 'www-authenticate': 'Bearer realm="asiria-till"' });
      return;
    }

    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') {
        sendError(
          res,
          { code: 'METHOD_NOT_ALLOWED', message: 'Call till methods with POST.' },
          { allow: 'POST' },
        );
        return;
      }
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice('/rpc/'.length));
      } catch {
        sendError(res, { code: 'UNKNOWN_METHOD', message: 'Malformed method name.' });
        return;
      }
      const body = await readJsonBody(req, maxBodyBytes);
      if (!body.ok) {
        // After a too-large body the rest of it is not read: close the connection once answered.
        sendError(
          res,
          { code: body.code, message: body.message },
          body.code === 'PAYLOAD_TOO_LARGE' ? { connection: 'close' } : {},
        );
        return;
      }
      const result =
        till.invokeAsync && till.asyncMethods?.has(method)
          ? await till.invokeAsync(method, body.value)
          : till.invoke(method, body.value);
      if (result.ok) sendJson(res, 200, result);
      else sendError(res, result.error);
      return;
    }

    if (url.pathname === '/events') {
      if (!isGet) {
        sendError(
          res,
          { code: 'METHOD_NOT_ALLOWED', message: 'Open the event stream with GET.' },
          { allow: 'GET' },
        );
        return;
      }
      const stream = openEventStream(req, res, till, heartbeatMs, COMMON_HEADERS, () =>
        streams.delete(stream),
      );
      streams.add(stream);
      return;
    }

    if (url.pathname === '/') {
      if (!isGet) {
        sendError(res, { code: 'METHOD_NOT_ALLOWED', message: 'Use GET.' }, { allow: 'GET' });
        return;
      }
      sendJson(res, 200, {
        ok: true,
        value: {
          app: 'AsiriaPOS till',
          rpc: 'POST /rpc/<method>',
          events: 'GET /events',
          methods: till.methods,
        },
      });
      return;
    }

    sendError(res, { code: 'NOT_FOUND', message: `Nothing at ${url.pathname}.` });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log?.error({ err: error, path: req.url }, 'HTTP host request failed');
      if (!res.headersSent) sendError(res, { code: 'INTERNAL', message: 'The till host failed to answer.' });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, BIND_ADDRESS, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  server.on('error', (error) => options.log?.error({ err: error }, 'HTTP host error'));

  let closing: Promise<void> | undefined;
  return {
    url: `http://${BIND_ADDRESS}:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        streams.clear();
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
