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
import { captchaConfig, type CaptchaProviderName } from '../src/features/client-portal/lib/captcha-config.ts';

export interface HeaderOptions {
  /** VITE_SUPABASE_URL: the only other origin the app talks to (REST, auth, functions, realtime). */
  supabaseUrl: string;
  /** The Vite dev server: React Refresh's inline preamble, Vite's injected styles. */
  dev: boolean;
  /** The request form's CAPTCHA, when the build switches it on: its origins are allowed. */
  captcha?: CaptchaProviderName | null;
}

/**
 * What each CAPTCHA provider's widget needs, from the providers' own CSP guidance: its script,
 * the frame it draws the challenge in, and (hCaptcha) its styles and API calls.
 */
const captchaOrigins: Record<
  CaptchaProviderName,
  { script: string[]; frame: string[]; style: string[]; connect: string[] }
> = {
  turnstile: {
    script: ['https://challenges.cloudflare.com'],
    frame: ['https://challenges.cloudflare.com'],
    style: [],
    connect: [],
  },
  hcaptcha: {
    script: ['https://hcaptcha.com', 'https://*.hcaptcha.com'],
    frame: ['https://hcaptcha.com', 'https://*.hcaptcha.com'],
    style: ['https://hcaptcha.com', 'https://*.hcaptcha.com'],
    connect: ['https://hcaptcha.com', 'https://*.hcaptcha.com'],
  },
};

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

export function contentSecurityPolicy({ supabaseUrl, dev, captcha }: HeaderOptions): string {
  const supabase = supabaseOrigins(supabaseUrl);
  const widget = captcha ? captchaOrigins[captcha] : { script: [], frame: [], style: [], connect: [] };
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...(dev ? [reactRefreshPreambleHash()] : []), ...widget.script],
    // the dev server injects imported CSS as <style> elements; the build links CSS files
    'style-src': ["'self'", ...(dev ? ["'unsafe-inline'"] : []), ...widget.style],
    // profile photos are https URLs (a CHECK constraint), from anywhere the clinic keeps them
    'img-src': ["'self'", 'data:', 'https:', ...supabase.slice(0, 1)],
    'font-src': ["'self'"],
    // 'self' covers the dev server's own WebSocket (HMR) in CSP Level 3 browsers
    'connect-src': ["'self'", ...supabase, ...widget.connect],
    // nothing is framed but the CAPTCHA's challenge, when it is on
    'frame-src': widget.frame.length ? widget.frame : ["'none'"],
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
  let options: Omit<HeaderOptions, 'dev'> = { supabaseUrl: '' };
  return {
    name: 'crp:security-headers',
    configResolved(config) {
      // .env files and the environment, as the app's own import.meta.env sees them
      const env = loadEnv(config.mode, config.envDir || config.root, 'VITE_');
      options = { supabaseUrl: env.VITE_SUPABASE_URL ?? '', captcha: captchaConfig(env)?.provider ?? null };
      if (config.command === 'build' && !options.supabaseUrl) {
        config.logger.warn(
          'VITE_SUPABASE_URL is not set: dist/_headers allows no Supabase origin, and the app will not start.',
        );
      }
    },
    configureServer(server) {
      server.middlewares.use(sendHeaders(securityHeaders({ ...options, dev: true })));
    },
    configurePreviewServer(server) {
      server.middlewares.use(sendHeaders(securityHeaders({ ...options, dev: false })));
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile({ ...options, dev: false }) });
    },
  };
}
