/**
 * A production build on a free local port, served as a static host serves it: the rewrites of the
 * build's `_redirects` (the public pages' addresses answered with their own entry's page), hashed
 * assets cached for good, index.html for any other path, text compressed (gzip, or brotli when the
 * browser takes it), and the response headers of the build's `_headers` file (the app's CSP and
 * hardening headers) on every answer.
 */
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The headers a `_headers` file gives every path (`/*`); other path rules are not used by the app. */
export function parseHeadersFile(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let forAll = false;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      forAll = line.trim() === '/*';
      continue;
    }
    const colon = line.indexOf(':');
    if (forAll && colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** A `_redirects` rewrite (status 200): `from` may hold `:placeholders` (one segment each) and a final `*`. */
export interface RewriteRule {
  from: string;
  to: string;
}

/** The rewrites of a `_redirects` file (Netlify, Cloudflare Pages); redirects (3xx) are not used by the app. */
export function parseRedirectsFile(text: string): RewriteRule[] {
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([from, to, status]) => from && to && !from.startsWith('#') && status === '200')
    .map(([from, to]) => ({ from: from!, to: to! }));
}

/** The path the first matching rule rewrites `pathname` to (a trailing slash is allowed), or null. */
export function rewriteOf(rules: readonly RewriteRule[], pathname: string): string | null {
  const given = pathname.replace(/\/+$/, '').split('/');
  for (const { from, to } of rules) {
    const wanted = from.split('/');
    const splat = wanted.at(-1) === '*';
    const fits = splat ? given.length >= wanted.length - 1 : given.length === wanted.length;
    const same = wanted.every(
      (segment, i) =>
        (splat && i === wanted.length - 1) || (segment.startsWith(':') ? given[i] : segment === given[i]),
    );
    if (fits && same) return to;
  }
  return null;
}

/** The encoding to answer with: brotli, then gzip, when the browser accepts it; none for binary types. */
export function chooseEncoding(acceptEncoding: string, type: string): 'br' | 'gzip' | null {
  if (!/^(text\/|application\/json|image\/svg)/.test(type)) return null;
  const accepted = acceptEncoding.split(',').map((e) => e.split(';')[0]!.trim());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return null;
}

export async function serveBuild(distDir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const root = path.resolve(distDir);
  const index = await readFile(path.join(root, 'index.html'));
  const rewrites = parseRedirectsFile(await readFile(path.join(root, '_redirects'), 'utf8').catch(() => ''));
  const siteHeaders = parseHeadersFile(await readFile(path.join(root, '_headers'), 'utf8').catch(() => ''));
  const compressed = new Map<string, Buffer>();
  const send = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    status: number,
    body: Buffer,
    type: string,
    cache = 'no-cache',
    key = '',
  ) => {
    const encoding = chooseEncoding(String(req.headers['accept-encoding'] ?? ''), type);
    let payload = body;
    if (encoding) {
      const cacheKey = `${encoding}:${key}`;
      payload =
        (key && compressed.get(cacheKey)) ||
        (encoding === 'br' ? brotliCompressSync(body) : gzipSync(body, { level: 9 }));
      if (key) compressed.set(cacheKey, payload);
    }
    res.writeHead(status, {
      ...siteHeaders,
      'content-type': type,
      'cache-control': cache,
      'content-length': payload.length,
      vary: 'accept-encoding',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    res.end(payload);
  };
  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        const asked = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
        // a rewrite's target is a page as hosts serve them: `/client-portal` is client-portal.html
        const rewritten = rewriteOf(rewrites, asked);
        const pathname = rewritten ? (path.extname(rewritten) ? rewritten : `${rewritten}.html`) : asked;
        const file = path.resolve(root, `.${pathname}`);
        const found = file.startsWith(root + path.sep) ? await stat(file).catch(() => null) : null;
        if (found?.isFile() && pathname !== '/_headers' && pathname !== '/_redirects') {
          const immutable = pathname.startsWith('/assets/');
          send(
            req,
            res,
            200,
            await readFile(file),
            contentTypes[path.extname(file)] ?? 'application/octet-stream',
            immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
            file,
          );
        } else if (pathname.startsWith('/assets/')) {
          send(req, res, 404, Buffer.from('Not found'), 'text/plain; charset=utf-8');
        } else {
          send(req, res, 200, index, contentTypes['.html']!, 'no-cache', 'index.html');
        }
      } catch (error) {
        send(req, res, 500, Buffer.from(String(error)), 'text/plain; charset=utf-8');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
