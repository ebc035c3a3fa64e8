// Browser mode: the till bridge over the HTTP host (src-main/host/http). Calls are `POST /rpc/<method>`
// with the per-launch token as a Bearer header; events arrive on one EventSource (`/events?token=`), whose
// default message data is `{type, payload}`. A till error is an `{ok:false,error}` body (any HTTP status);
// anything else (no answer, not JSON) rejects, which the typed client reports as HOST_UNREACHABLE.
import type { TillBridge } from '../../src-shared/contract/bridge.js';
import type { TillResult } from '../../src-shared/contract/errors.js';
import type { TillEvent } from '../../src-shared/contract/events.js';

export interface HttpBridgeOptions {
  /** The host's origin, e.g. http://127.0.0.1:4318 (no trailing slash). */
  baseUrl: string;
  token: string;
  fetchImpl?: typeof fetch;
  eventSourceImpl?: typeof EventSource;
}

function isTillResult(body: unknown): body is TillResult<unknown> {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

export function createHttpBridge(options: HttpBridgeOptions): TillBridge {
  const fetchImpl = options.fetchImpl ?? fetch.bind(globalThis);
  const listeners = new Set<(event: TillEvent) => void>();
  let source: EventSource | null = null;

  function openStream(): EventSource {
    // Resolved when the first listener subscribes: calls work where EventSource does not exist.
    const EventSourceImpl = options.eventSourceImpl ?? EventSource;
    const stream = new EventSourceImpl(
      `${options.baseUrl}/events?token=${encodeURIComponent(options.token)}`,
    );
    stream.onmessage = (message: MessageEvent<string>) => {
      let event: TillEvent;
      try {
        event = JSON.parse(message.data) as TillEvent;
      } catch {
        return;
      }
      for (const listener of [...listeners]) listener(event);
    };
    return stream;
  }

  return {
    async call(method, input) {
      const response = await fetchImpl(`${options.baseUrl}/rpc/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
        body: JSON.stringify(input ?? {}),
      });
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new Error(`the till host answered ${response.status} without a till result`);
      }
      if (!isTillResult(body))
        throw new Error(`the till host answered ${response.status} without a till result`);
      return body;
    },
    onEvent(listener) {
      listeners.add(listener);
      source ??= openStream();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}
