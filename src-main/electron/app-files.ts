// What the shell's app:// protocol answers (no Electron import: tested under Node). app://till/<path> maps to a
// file of the built till screen (dist/renderer) — the same traversal rules, content types and Content-Security-
// Policy as the browser-mode host (src-main/host/http/renderer-site.ts).
import { readFile, realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import {
  contentTypeFor,
  resolveInside,
  STATIC_SECURITY_HEADERS,
  TILL_PAGE_CSP,
} from '../host/http/renderer-site.js';
import { TILL_APP_HOST, TILL_APP_SCHEME } from '../host/ipc/till-ipc.js';

export interface AppFileAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

function notFound(): AppFileAnswer {
  return {
    status: 404,
    headers: { ...STATIC_SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
    body: 'Not found',
  };
}

export async function readAppFile(rendererDir: string, requestUrl: string): Promise<AppFileAnswer> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return notFound();
  }
  if (url.protocol !== `${TILL_APP_SCHEME}:` || url.host !== TILL_APP_HOST) return notFound();
  const file = resolveInside(rendererDir, url.pathname);
  if (!file) return notFound();
  try {
    const [root, real] = await Promise.all([realpath(rendererDir), realpath(file)]);
    if (!real.startsWith(root + sep)) return notFound();
    const body = await readFile(real);
    const type = contentTypeFor(real);
    const headers: Record<string, string> = {
      ...STATIC_SECURITY_HEADERS,
      'content-type': type,
      'content-security-policy': TILL_PAGE_CSP,
    };
    return { status: 200, headers, body };
  } catch {
    return notFound();
  }
}
