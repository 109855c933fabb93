/**
 * The app's headers and the dev server's refusals, on real Vite servers (dev and preview) started
 * from the project's vite.config.ts on free ports.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import { freePort } from './free-port.ts';
import { contentSecurityPolicy, headersFile } from './security-headers.ts';

const root = path.resolve(import.meta.dirname, '..');
const supabaseUrl = 'http://localhost:54321';
const serverOptions = async () => {
  const port = await freePort();
  return {
    root,
    logLevel: 'silent',
    server: { port, host: '127.0.0.1' },
    preview: { port, host: '127.0.0.1' },
  } as const;
};

const originOf = (server: ViteDevServer | PreviewServer) => {
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the server is not listening');
  return `http://127.0.0.1:${address.port}`;
};

/** What the app's CSP says for one directive. */
const directive = (csp: string | null, name: string) =>
  (csp ?? '')
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1) ?? null;

function expectAppHeaders(headers: Headers) {
  const csp = headers.get('content-security-policy');
  expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"]);
  expect(directive(csp, 'object-src')).toEqual(["'none'"]);
  expect(directive(csp, 'base-uri')).toEqual(["'self'"]);
  expect(directive(csp, 'form-action')).toEqual(["'self'"]);
  expect(directive(csp, 'connect-src')).toEqual(["'self'", supabaseUrl, 'ws://localhost:54321']);
  expect(directive(csp, 'script-src')).not.toContain("'unsafe-inline'");
  expect(directive(csp, 'script-src')).not.toContain("'unsafe-eval'");
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  return csp;
}

describe('the Vite dev server', () => {
  let server: ViteDevServer;
  let origin: string;
  // files that exist, so a refusal is a refusal and not the app's page for an unknown path
  const probeDir = path.join(root, '.local', `dev-server-probe-${randomUUID()}`);
  const envFile = `.env.probe-${randomUUID()}`;
  let previousUrl: string | undefined;

  beforeAll(async () => {
    mkdirSync(probeDir, { recursive: true });
    writeFileSync(path.join(probeDir, 'inbox.jsonl'), '{"link":"secret"}\n');
    writeFileSync(path.join(root, envFile), 'SECRET=1\n');
    previousUrl = process.env.VITE_SUPABASE_URL;
    process.env.VITE_SUPABASE_URL = supabaseUrl;
    server = await createServer(await serverOptions());
    await server.listen();
    origin = originOf(server);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    rmSync(probeDir, { recursive: true, force: true });
    rmSync(path.join(root, envFile), { force: true });
    if (previousUrl === undefined) delete process.env.VITE_SUPABASE_URL;
    else process.env.VITE_SUPABASE_URL = previousUrl;
  });

  it('refuses the local stack’s data, env files and supabase/, however they are asked for', async () => {
    const probe = path.relative(root, probeDir);
    for (const refused of [
      `/${probe}/inbox.jsonl`,
      `/${probe}/inbox.jsonl?raw`,
      `/%2e${probe.slice(1)}/inbox.jsonl`,
      `/@fs${probeDir}/inbox.jsonl`,
      `/${envFile}`,
      '/supabase/config.toml',
      '/supabase/seed.sql',
      '/supabase/config.toml?import',
      '/supabase/local/auth/server.ts',
      '/supabase/functions/payer-api/index.ts',
    ]) {
      const response = await fetch(`${origin}${refused}`);
      expect({ path: refused, status: response.status }).toEqual({ path: refused, status: 403 });
      expect(await response.text()).not.toContain('secret');
    }
    // the shared function code the app imports is still served
    expect((await fetch(`${origin}/supabase/functions/_shared/referral-request.ts`)).status).toBe(200);
  });

  it('sends the app’s headers; its one inline script (React Refresh) is allowed by hash', async () => {
    const response = await fetch(`${origin}/`);
    const csp = expectAppHeaders(response.headers);
    const html = await response.text();
    const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
      .map((m) => m[1] ?? '')
      .filter((body) => body !== '');
    expect(inline.length).toBeGreaterThan(0);
    for (const body of inline) {
      expect(directive(csp, 'script-src')).toContain(
        `'sha256-${createHash('sha256').update(body).digest('base64')}'`,
      );
    }
  });
});

describe('vite preview', () => {
  let server: PreviewServer;
  const outDir = mkdtempSync(path.join(tmpdir(), 'crp-preview-'));

  beforeAll(async () => {
    writeFileSync(path.join(outDir, 'index.html'), '<!doctype html><title>built</title>');
    process.env.VITE_SUPABASE_URL = supabaseUrl;
    server = await preview({ ...(await serverOptions()), build: { outDir } });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
    delete process.env.VITE_SUPABASE_URL;
  });

  it('sends the same headers, with no inline script or style allowed', async () => {
    const csp = expectAppHeaders((await fetch(`${originOf(server)}/`)).headers);
    expect(directive(csp, 'script-src')).toEqual(["'self'"]);
    expect(directive(csp, 'style-src')).toEqual(["'self'"]);
  });
});

describe('dist/_headers', () => {
  it('gives every path the production headers, with the Supabase URL of the build', () => {
    const file = headersFile({ supabaseUrl: 'https://abc.supabase.co', dev: false });
    const [pathLine, ...headerLines] = file.trimEnd().split('\n');
    expect(pathLine).toBe('/*');
    const headers = new Headers(
      headerLines.map(
        (line) =>
          line
            .trim()
            .split(/: (.*)/s)
            .slice(0, 2) as [string, string],
      ),
    );
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(directive(headers.get('content-security-policy'), 'connect-src')).toEqual([
      "'self'",
      'https://abc.supabase.co',
      'wss://abc.supabase.co',
    ]);
    expect(directive(headers.get('content-security-policy'), 'script-src')).toEqual(["'self'"]);
  });
});

describe('the CAPTCHA switch', () => {
  it('frames nothing while the CAPTCHA is off', () => {
    const csp = contentSecurityPolicy({ supabaseUrl: 'https://abc.supabase.co', dev: false });
    expect(directive(csp, 'frame-src')).toEqual(["'none'"]);
  });

  it('allows exactly the switched-on provider’s script and challenge frame, and nothing inline', () => {
    const turnstile = contentSecurityPolicy({
      supabaseUrl: 'https://abc.supabase.co',
      dev: false,
      captcha: 'turnstile',
    });
    expect(directive(turnstile, 'script-src')).toEqual(["'self'", 'https://challenges.cloudflare.com']);
    expect(directive(turnstile, 'frame-src')).toEqual(['https://challenges.cloudflare.com']);
    expect(directive(turnstile, 'connect-src')).not.toContain('https://*.hcaptcha.com');

    const hcaptcha = contentSecurityPolicy({
      supabaseUrl: 'https://abc.supabase.co',
      dev: false,
      captcha: 'hcaptcha',
    });
    for (const name of ['script-src', 'frame-src', 'style-src', 'connect-src']) {
      expect(directive(hcaptcha, name)).toContain('https://*.hcaptcha.com');
    }
    expect(directive(hcaptcha, 'script-src')).not.toContain("'unsafe-inline'");
    expect(directive(hcaptcha, 'script-src')).not.toContain('https://challenges.cloudflare.com');
  });
});
