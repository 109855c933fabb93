/**
 * The API gateway (Kong's job on Supabase): one origin for `/rest/v1`, `/auth/v1` and
 * `/functions/v1`, API-key checks, request body size limits, and CORS for the browser app.
 */
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { proxy } from 'hono/proxy';
import { formatBytes, readLimitedBody } from './body-limit.ts';
import { serveApp, type ServedApp } from './http-helpers.ts';
import { nonTextBody, nonTextRequestPart } from './request-text.ts';

export interface GatewayOptions {
  port: number;
  upstreams: { rest: number; auth: number; functions: number };
  apiKeys: string[];
  /** How long an upstream may take to start answering before the caller gets a 503; default 8 s. */
  upstreamTimeoutMs?: number;
}

type Upstream = keyof GatewayOptions['upstreams'];
type GatewayContext = Context<{ Bindings: HttpBindings }>;

const prefixes: Record<Upstream, string> = { rest: '/rest/v1', auth: '/auth/v1', functions: '/functions/v1' };

/** What a caller is told while a part of the stack is down (or restarting). */
const upstreamNames: Record<Upstream, string> = {
  rest: 'data API',
  auth: 'sign-in service',
  functions: 'functions runtime',
};
export const unavailableRetryAfterSeconds = 5;

// Routes a browser opens straight from an email link, without an API key (as on Supabase).
const openAuthPaths = new Set(['/verify', '/callback', '/authorize', '/health']);
// edge functions check JWTs themselves (verify_jwt), and the payer API uses payer keys
const needsApiKey: Record<Upstream, (path: string) => boolean> = {
  rest: () => true,
  auth: (path) => !openAuthPaths.has(path),
  functions: () => false,
};

// Auth takes small JSON (credentials, a refresh token); the data API and the functions take
// at most a few rows or one request. Hosted Supabase's gateway has limits of its own.
export const bodyLimits = { rest: 1024 * 1024, auth: 64 * 1024, functions: 1024 * 1024 } as const;
// a body over the limit but under this is read and discarded so the connection stays usable
const drainLimit = 16 * 1024 * 1024;

const corsHeaders = cors({
  origin: '*',
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  allowHeaders: [
    'authorization',
    'x-client-info',
    'apikey',
    'content-type',
    'prefer',
    'range',
    'accept-profile',
    'content-profile',
    'x-supabase-api-version',
    'idempotency-key',
    'x-retry-count',
  ],
  exposeHeaders: ['content-range', 'range', 'location', 'retry-after', 'x-supabase-api-version'],
  maxAge: 3600,
});

/** Starts the gateway; `port: 0` picks a free port, which the result names. */
export function startGateway(options: GatewayOptions): Promise<ServedApp> {
  return serveApp(gatewayApp(options), options.port);
}

export function gatewayApp(options: GatewayOptions) {
  const keys = new Set(options.apiKeys);
  const app = new Hono<{ Bindings: HttpBindings }>();
  app.use('*', corsHeaders);
  // PostgREST reads the URL and headers as UTF-8 and answered other bytes with a 500
  app.use('*', async (c, next) => {
    const notText = nonTextRequestPart(c.env.incoming);
    if (notText) return c.json({ message: notText }, 400);
    await next();
  });
  for (const upstream of Object.keys(prefixes) as Upstream[]) {
    const prefix = prefixes[upstream];
    app.use(`${prefix}/*`, async (c, next) => {
      if (!needsApiKey[upstream](upstreamPath(c, prefix))) return next();
      const apiKey = c.req.header('apikey') ?? c.req.query('apikey');
      if (!apiKey) return c.json({ message: 'No API key found in request' }, 401);
      if (!keys.has(apiKey)) return c.json({ message: 'Invalid API key' }, 401);
      await next();
    });
    app.all(`${prefix}/*`, (c) => forward(c, upstream, options));
  }
  app.notFound((c) => c.json({ message: 'no Route matched with those values' }, 404));
  return app;
}

/** The path the upstream sees: without the route's prefix. */
const upstreamPath = (c: GatewayContext, prefix: string) => c.req.path.slice(prefix.length) || '/';

async function forward(c: GatewayContext, upstream: Upstream, options: GatewayOptions): Promise<Response> {
  const prefix = prefixes[upstream];
  const incoming = c.env.incoming;
  // Read here within the route's limit, from the socket: Hono's bodyLimit reads through a web
  // stream that, once left, pauses the socket, so the rest of a refused body could not be drained.
  let read;
  try {
    read = await readLimitedBody(incoming, bodyLimits[upstream], drainLimit);
  } catch {
    incoming.socket.destroy(); // the client went away mid-body
    return c.body(null, 400);
  }
  if ('tooLarge' in read) {
    const limit = `${formatBytes(bodyLimits[upstream])} (${bodyLimits[upstream]} bytes)`;
    // the rest of a body too large to drain is left unread: answer, then close the connection
    if (!read.keepAlive) c.header('connection', 'close');
    return c.json(
      { message: `Request size limit exceeded: ${prefix} accepts a body of at most ${limit}.` },
      413,
    );
  }
  const bodyNotText = nonTextBody(c.req.header('content-type'), read.body);
  if (bodyNotText) return c.json({ message: bodyNotText }, 400);

  const headers = new Headers(c.req.raw.headers);
  headers.delete('host');
  headers.delete('content-length');
  // with no user session the key itself is the bearer token, as on Supabase
  const apiKey = c.req.header('apikey') ?? c.req.query('apikey');
  if (apiKey && needsApiKey[upstream](upstreamPath(c, prefix)) && !headers.has('authorization'))
    headers.set('authorization', `Bearer ${apiKey}`);
  headers.set('x-forwarded-host', c.req.header('host') ?? '');
  headers.set('x-forwarded-proto', 'http');
  // the caller's address as this gateway saw it; a client-sent value is not trusted
  headers.set('x-forwarded-for', incoming.socket.remoteAddress ?? 'unknown');
  headers.set('x-forwarded-prefix', prefix);

  // a part that is down refuses the connection at once; one that hangs is given up on in time
  const answerTimeout = new AbortController();
  const timer = setTimeout(() => answerTimeout.abort(), options.upstreamTimeoutMs ?? 8000);
  const hasBody = c.req.method !== 'GET' && c.req.method !== 'HEAD';
  try {
    const { search } = new URL(c.req.url);
    return await proxy(`http://127.0.0.1:${options.upstreams[upstream]}${upstreamPath(c, prefix)}${search}`, {
      method: c.req.method,
      headers,
      body: hasBody ? new Uint8Array(read.body) : undefined,
      signal: answerTimeout.signal,
      // a redirect (the auth service's /verify) is the caller's to follow
      redirect: 'manual',
    });
  } catch {
    // refused, dropped or too slow: 503 + Retry-After, never a 502 or a hang
    const message = `The ${upstreamNames[upstream]} is unavailable right now; nothing was saved. Try again in a few seconds.`;
    return c.json({ code: 'service_unavailable', message }, 503, {
      'retry-after': String(unavailableRetryAfterSeconds),
    });
  } finally {
    clearTimeout(timer);
  }
}
