// The built till screen (dist/renderer) as static files for the browser-mode host: GET/HEAD only, files under
// the folder only (no traversal, no dotfiles, no symlinks out), content types by extension, immutable caching for
// Vite's hashed /assets/*, the strict Content-Security-Policy on the page. Files hold no secret, so no token:
// the host still applies its Origin/Host checks before asking this module.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

/** The page's policy: nothing inline, nothing from elsewhere, no framing (also used by the Electron shell). */
export const TILL_PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** Headers every static answer carries (the token travels in the page URL: never send it as a referrer). */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The file a URL path names inside `root`, or null when it is not a plain file path inside it. */
export function resolveInside(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || s.startsWith('.'))) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const base = resolve(root);
  const file = resolve(base, relative);
  return file.startsWith(base + sep) ? file : null;
}

/** Where the page comes from and, while it is not there, what to show instead. */
export interface RendererSource {
  /** Absolute path of the built renderer (holds index.html). */
  readonly dir: string;
  /** Shown (as a small page that reloads itself) when index.html is not there yet, e.g. "being built". */
  pendingMessage(): { title: string; text: string; reload: boolean };
}

export interface RendererSite {
  /** Answers GET/HEAD for a static path; false = not a static path it knows (the host answers 404). */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean>;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function pendingPage(message: { title: string; text: string; reload: boolean }): string {
  const refresh = message.reload ? '<meta http-equiv="refresh" content="2">' : '';
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">${refresh}` +
    `<title>${escapeHtml(message.title)}</title></head>` +
    `<body><main><h1>${escapeHtml(message.title)}</h1><p>${escapeHtml(message.text)}</p></main></body></html>`
  );
}

export function createRendererSite(source: RendererSource): RendererSite {
  const root = resolve(source.dir);
  let rootReal: string | undefined;

  async function fileToServe(pathname: string): Promise<{ file: string; size: number } | null> {
    const file = resolveInside(root, pathname);
    if (!file) return null;
    try {
      rootReal ??= await realpath(root);
      const real = await realpath(file);
      if (!real.startsWith(rootReal + sep)) return null; // a symlink pointing out of the folder
      const info = await stat(real);
      return info.isFile() ? { file: real, size: info.size } : null;
    } catch {
      return null;
    }
  }

  function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | null) {
    res.writeHead(status, { ...STATIC_SECURITY_HEADERS, ...headers });
    res.end(body ?? undefined);
  }

  return {
    async serve(req, res, pathname) {
      const head = req.method === 'HEAD';
      const isIndex = pathname === '/' || pathname === '/index.html';
      const found = await fileToServe(pathname);
      if (!found && pathname === '/favicon.ico') {
        // Browsers ask for it on their own; a screen without one gets "no icon" instead of a 404 in the console.
        send(res, 204, { 'cache-control': 'public, max-age=86400' }, null);
        return true;
      }
      if (!found) {
        if (!isIndex) return false;
        rootReal = undefined; // not built yet: look again next time
        const page = pendingPage(source.pendingMessage());
        send(
          res,
          503,
          {
            'content-type': 'text/html; charset=utf-8',
            'content-length': String(Buffer.byteLength(page)),
            'cache-control': 'no-store',
            'content-security-policy': TILL_PAGE_CSP,
            'retry-after': '2',
          },
          head ? null : page,
        );
        return true;
      }
      const type = contentTypeFor(found.file);
      const headers: Record<string, string> = {
        'content-type': type,
        'content-length': String(found.size),
        'cache-control': pathname.startsWith('/assets/') ? IMMUTABLE : REVALIDATE,
      };
      if (type.startsWith('text/html')) headers['content-security-policy'] = TILL_PAGE_CSP;
      res.writeHead(200, { ...STATIC_SECURITY_HEADERS, ...headers });
      if (head) {
        res.end();
        return true;
      }
      await new Promise<void>((done, fail) => {
        const stream = createReadStream(found.file);
        stream.on('error', fail);
        res.on('close', () => {
          stream.destroy();
          done();
        });
        stream.pipe(res);
      });
      return true;
    },
  };
}
