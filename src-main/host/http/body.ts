// Reads a request body as JSON with a size limit; never buffers more than the limit.
import type { IncomingMessage } from 'node:http';

export type BodyResult =
  { ok: true; value: unknown } | { ok: false; code: 'PAYLOAD_TOO_LARGE' | 'INVALID_JSON'; message: string };

export function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<BodyResult> {
  const tooLarge: BodyResult = {
    ok: false,
    code: 'PAYLOAD_TOO_LARGE',
    message: `The request body is larger than ${limitBytes} bytes.`,
  };
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limitBytes) return Promise.resolve(tooLarge);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        done = true;
        chunks.length = 0;
        req.off('data', onData);
        resolve(tooLarge);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('error', (error) => {
      if (!done) reject(error);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') {
        resolve({ ok: true, value: undefined });
        return;
      }
      try {
        resolve({ ok: true, value: JSON.parse(text) as unknown });
      } catch {
        resolve({ ok: false, code: 'INVALID_JSON', message: 'The request body is not valid JSON.' });
      }
    });
  });
}
