// Who may talk to the browser-mode host: only pages of its own origin (127.0.0.1/localhost on its port) that
// know the per-launch token. The Host check also defeats DNS rebinding (evil.example resolving to 127.0.0.1).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface GuardFailure {
  code: 'FORBIDDEN_ORIGIN' | 'INVALID_TOKEN';
  message: string;
}

export function ownOrigins(port: number): ReadonlySet<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

/** Rejects requests from another origin (Origin header) or addressed to another host name (Host header). */
export function checkOrigin(req: IncomingMessage, port: number): GuardFailure | null {
  const origins = ownOrigins(port);
  const origin = req.headers.origin;
  if (origin !== undefined && !origins.has(origin)) {
    return {
      code: 'FORBIDDEN_ORIGIN',
      message: `Requests from ${origin} are not allowed: this till only serves its own page.`,
    };
  }
  const host = req.headers.host;
  if (!host || !origins.has(`http://${host}`)) {
    return { code: 'FORBIDDEN_ORIGIN', message: `Unexpected Host header ${host ?? '(none)'}.` };
  }
  return null;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** `Authorization: Bearer <token>`, or `?token=` where a browser cannot set headers (EventSource, the start URL). */
export function checkToken(
  req: IncomingMessage,
  url: URL,
  expected: string,
  allowQueryToken: boolean,
): GuardFailure | null {
  const header = req.headers.authorization;
  const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
  const given = bearer ?? (allowQueryToken ? (url.searchParams.get('token') ?? undefined) : undefined);
  if (given !== undefined && timingSafeEqual(digest(given), digest(expected))) return null;
  return {
    code: 'INVALID_TOKEN',
    message:
      given === undefined
        ? 'This till needs its launch token (Authorization: Bearer …).'
        : 'Wrong till token.',
  };
}
