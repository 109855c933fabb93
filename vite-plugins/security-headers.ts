/**
 * The app's response headers, defined once: a Content-Security-Policy that allows no inline
 * script and no framing, X-Frame-Options for browsers without CSP Level 2, and the usual hardening
 * headers. The Vite plugin below sends them from the dev server and `vite preview`, and writes
 * them to `dist/_headers` (the headers file Netlify and Cloudflare Pages read) at build time, with
 * the Supabase URL the build was made for.
 */
import { createHash } from 'node:crypto';
import type { Connect, Plugin } from 'vite';
import { loadEnv } from 'vite';
import react from '@vitejs/plugin-react';

export interface HeaderOptions {
  /** VITE_SUPABASE_URL: the only other origin the app talks to (REST, auth, functions, realtime). */
  supabaseUrl: string;
  /** The Vite dev server: React Refresh's inline preamble, Vite's injected styles. */
  dev: boolean;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The one inline script the dev server sends: @vitejs/plugin-react's React Refresh preamble,
 * allowed by its hash (never 'unsafe-inline'). The production build has no inline script.
 */
export const reactRefreshPreambleHash = () => sha256(react.preambleCode.replace('__BASE__', '/'));

/** The Supabase origin for HTTP and its WebSocket twin (realtime). */
function supabaseOrigins(supabaseUrl: string): string[] {
  if (!supabaseUrl) return [];
  const origin = new URL(supabaseUrl).origin;
  return [origin, origin.replace(/^http/, 'ws')];
}

export function contentSecurityPolicy({ supabaseUrl, dev }: HeaderOptions): string {
  const supabase = supabaseOrigins(supabaseUrl);
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...(dev ? [reactRefreshPreambleHash()] : [])],
    // the dev server injects imported CSS as <style> elements; the build links CSS files
    'style-src': ["'self'", ...(dev ? ["'unsafe-inline'"] : [])],
    // profile photos are https URLs (a CHECK constraint), from anywhere the clinic keeps them
    'img-src': ["'self'", 'data:', 'https:', ...supabase.slice(0, 1)],
    'font-src': ["'self'"],
    // 'self' covers the dev server's own WebSocket (HMR) in CSP Level 3 browsers
    'connect-src': ["'self'", ...supabase],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export function securityHeaders(options: HeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    // links in emails carry tokens in their query strings: never pass a URL on to another site
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
}

/** Netlify / Cloudflare Pages `_headers`: every path gets the headers. */
export function headersFile(options: HeaderOptions): string {
  const lines = Object.entries(securityHeaders(options)).map(([name, value]) => `  ${name}: ${value}`);
  return ['/*', ...lines, ''].join('\n');
}

const sendHeaders =
  (headers: Record<string, string>): Connect.NextHandleFunction =>
  (_req, res, next) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    next();
  };

export function securityHeadersPlugin(): Plugin {
  let supabaseUrl = '';
  return {
    name: 'crp:security-headers',
    configResolved(config) {
      // .env files and the environment, as the app's own import.meta.env sees them
      supabaseUrl = loadEnv(config.mode, config.envDir || config.root, 'VITE_').VITE_SUPABASE_URL ?? '';
      if (config.command === 'build' && !supabaseUrl) {
        config.logger.warn('VITE_SUPABASE_URL is not set: dist/_headers allows no Supabase origin, and the app will not start.');
      }
    },
    configureServer(server) {
      server.middlewares.use(sendHeaders(securityHeaders({ supabaseUrl, dev: true })));
    },
    configurePreviewServer(server) {
      server.middlewares.use(sendHeaders(securityHeaders({ supabaseUrl, dev: false })));
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile({ supabaseUrl, dev: false }) });
    },
  };
}
