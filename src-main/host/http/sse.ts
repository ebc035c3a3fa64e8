// GET /events: the till's events as Server-Sent Events. Each message's data is `{"type": …, "payload": …}`
// (the default "message" event, so `EventSource.onmessage` sees every event); a comment line every
// `heartbeatMs` keeps proxies and the browser from timing the stream out. Closing the stream unsubscribes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TillEvent } from '../../../src-shared/contract/events.js';

export interface EventSourceLike {
  subscribe(listener: (event: TillEvent) => void): () => void;
}

export interface SseStream {
  end(): void;
}

export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  source: EventSourceLike,
  heartbeatMs: number,
  headers: Record<string, string>,
  onClose: () => void,
): SseStream {
  res.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 2000\n: connected\n\n');
  const unsubscribe = source.subscribe((event) => {
    res.write(`data: ${JSON.stringify(event)}\n\n`);
  });
  const heartbeat = setInterval(() => {
    res.write(': heartbeat\n\n');
  }, heartbeatMs);
  heartbeat.unref();
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    onClose();
  };
  req.on('close', close);
  res.on('close', close);
  return {
    end() {
      close();
      res.end();
    },
  };
}
