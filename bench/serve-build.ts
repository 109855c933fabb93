/**
 * A production build on a free local port, served as a static host serves it: hashed assets
 * cached for good, index.html for any other path, text compressed (gzip, or brotli when the
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
        const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
        const file = path.resolve(root, `.${pathname}`);
        const found = file.startsWith(root + path.sep) ? await stat(file).catch(() => null) : null;
        if (found?.isFile() && pathname !== '/_headers') {
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
