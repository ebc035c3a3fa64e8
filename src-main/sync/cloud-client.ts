// The till's HTTP client for the cloud API (fetch): owner login and terminal registration (sync.register),
// push and pull (the worker). Every failure is a CloudError whose `kind` says what the till should do about it.
import {
  deviceAuthorization,
  pullPageSchema,
  pushResponseSchema,
  SYNC_PROTOCOL_VERSION,
  type PullPage,
  type PushRequest,
  type PushResponse,
} from '../../src-shared/contract/sync.js';

export type CloudErrorKind =
  /** No answer: network down, DNS, connection refused, or the request timed out. */
  | 'offline'
  /** 401 DEVICE_REVOKED / DEVICE_UNAUTHORIZED: the device credential no longer works. */
  | 'revoked'
  /** 409 EPOCH_MISMATCH: the terminal was registered again elsewhere; this registration is over. */
  | 'epoch'
  /** 426 PROTOCOL_TOO_OLD: update this till. */
  | 'too_old'
  /** Any other 4xx (e.g. wrong owner password, unknown store). */
  | 'rejected'
  /** 5xx or an answer that is not what the protocol says. */
  | 'server';

export class CloudError extends Error {
  override readonly name = 'CloudError';
  constructor(
    readonly kind: CloudErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

export interface Device {
  terminalId: string;
  secret: string;
  epoch: number;
}

export interface RegisteredTerminal {
  id: string;
  store: string;
  code: string;
  name: string;
  epoch: number;
  device_secret: string;
}

export interface CloudStore {
  id: string;
  name: string;
  code: string;
}

interface RequestOptions {
  body?: unknown;
  authorization?: string;
}

export class CloudClient {
  readonly baseUrl: string;
  constructor(
    baseUrl: string,
    private readonly timeoutMs = 15_000,
    /** The protocol this till speaks (a test may pretend to be an older till). */
    private readonly protocol = SYNC_PROTOCOL_VERSION,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.authorization) headers.authorization = options.authorization;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      throw new CloudError(
        'offline',
        timedOut
          ? `The cloud at ${this.baseUrl} did not answer within ${this.timeoutMs / 1000} s.`
          : `The cloud at ${this.baseUrl} cannot be reached (${causeOf(error)}).`,
      );
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new CloudError('offline', `The cloud's answer was cut off (${causeOf(error)}).`);
    }
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (response.ok) return body;
    throw errorOf(response.status, body);
  }

  async login(phone: string, password: string): Promise<string> {
    const body = (await this.request('POST', '/api/token/', {
      body: { phone_number: phone, password },
    })) as { access?: unknown } | undefined;
    if (typeof body?.access !== 'string') throw new CloudError('server', 'The cloud gave no access token.');
    return body.access;
  }

  /** Every item of a paginated DRF list (follows `next`). */
  async listAll<T>(token: string, path: string): Promise<T[]> {
    const items: T[] = [];
    let next: string | null = path;
    for (let pages = 0; next && pages < 100; pages++) {
      const page = (await this.request('GET', next, { authorization: `Bearer ${token}` })) as
        { results?: T[]; next?: string | null } | T[];
      if (Array.isArray(page)) return page;
      items.push(...(page.results ?? []));
      next = page.next ? new URL(page.next, this.baseUrl).pathname + new URL(page.next).search : null;
    }
    return items;
  }

  async push(device: Device, events: PushRequest['events']): Promise<PushResponse> {
    const body = await this.request('POST', '/api/sync/push/', {
      authorization: deviceAuthorization(device.terminalId, device.secret),
      body: {
        protocol: this.protocol,
        terminalId: device.terminalId,
        epoch: device.epoch,
        events,
      } satisfies PushRequest,
    });
    const parsed = pushResponseSchema.safeParse(body);
    if (!parsed.success) throw new CloudError('server', 'The cloud answered the push with an unknown shape.');
    return parsed.data;
  }

  async pull(device: Device, cursor: number, limit: number): Promise<PullPage> {
    const query = new URLSearchParams({
      protocol: String(this.protocol),
      cursor: String(cursor),
      limit: String(limit),
    });
    const body = await this.request('GET', `/api/sync/pull/?${query.toString()}`, {
      authorization: deviceAuthorization(device.terminalId, device.secret),
    });
    const parsed = pullPageSchema.safeParse(body);
    if (!parsed.success) throw new CloudError('server', 'The cloud answered the pull with an unknown shape.');
    return parsed.data;
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

function detailOf(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  if (typeof b.detail === 'string') return b.detail;
  const parts: string[] = [];
  for (const [field, value] of Object.entries(b)) {
    if (Array.isArray(value)) parts.push(`${field}: ${value.map(String).join(' ')}`);
  }
  return parts.length ? parts.join('; ') : null;
}

function errorOf(status: number, body: unknown): CloudError {
  const code =
    body && typeof body === 'object' && typeof (body as { code?: unknown }).code === 'string'
      ? (body as { code: string }).code
      : null;
  const detail = detailOf(body) ?? `The cloud answered ${status}.`;
  if (status === 426 || code === 'PROTOCOL_TOO_OLD') return new CloudError('too_old', detail, status, code);
  if (code === 'DEVICE_REVOKED' || code === 'DEVICE_UNAUTHORIZED')
    return new CloudError('revoked', detail, status, code);
  if (status === 409 && code === 'EPOCH_MISMATCH') return new CloudError('epoch', detail, status, code);
  if (status >= 500) return new CloudError('server', detail, status, code);
  return new CloudError('rejected', detail, status, code);
}
