/**
 * The API gateway (Kong's job on Supabase): one origin for `/rest/v1`, `/auth/v1` and
 * `/functions/v1`, API-key checks, request body size limits, and CORS for the browser app.
 */
import http from 'node:http';
import { formatBytes, readLimitedBody } from './body-limit.ts';
import { closeServer, listen, sendJson } from './http-helpers.ts';
import { nonTextBody, nonTextRequestPart } from './request-text.ts';

export interface GatewayOptions {
  port: number;
  upstreams: { rest: number; auth: number; functions: number };
  apiKeys: string[];
  /** How long an upstream may take to start answering before the caller gets a 503; default 8 s. */
  upstreamTimeoutMs?: number;
}

/** What a caller is told while a part of the stack is down (or restarting). */
const upstreamNames: Record<keyof GatewayOptions['upstreams'], string> = {
  rest: 'data API',
  auth: 'sign-in service',
  functions: 'functions runtime',
};
export const unavailableRetryAfterSeconds = 5;

/** 503 + Retry-After: the upstream refused the connection, dropped it or did not answer in time. */
function sendUnavailable(res: http.ServerResponse, upstream: keyof GatewayOptions['upstreams']): void {
  const message = `The ${upstreamNames[upstream]} is unavailable right now; nothing was saved. Try again in a few seconds.`;
  sendJson(
    res,
    503,
    { code: 'service_unavailable', message },
    { ...corsHeaders, 'retry-after': String(unavailableRetryAfterSeconds) },
  );
}

const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers':
    'authorization, x-client-info, apikey, content-type, prefer, range, accept-profile, content-profile, x-supabase-api-version, idempotency-key, x-retry-count',
  'access-control-expose-headers': 'content-range, range, location, retry-after, x-supabase-api-version',
  'access-control-max-age': '3600',
};

// Routes a browser opens straight from an email link, without an API key (as on Supabase).
const openAuthPaths = new Set(['/verify', '/callback', '/authorize', '/health']);

interface Route {
  upstream: keyof GatewayOptions['upstreams'];
  prefix: string;
  needsApiKey: (path: string) => boolean;
  /** The largest request body this route accepts, in bytes; a larger one is answered 413. */
  bodyLimit: number;
}

// Auth takes small JSON (credentials, a refresh token); the data API and the functions take
// at most a few rows or one request. Hosted Supabase's gateway has limits of its own.
export const bodyLimits = { rest: 1024 * 1024, auth: 64 * 1024, functions: 1024 * 1024 } as const;
// a body over the limit but under this is read and discarded so the connection stays usable
const drainLimit = 16 * 1024 * 1024;

const routes: Route[] = [
  { upstream: 'rest', prefix: '/rest/v1', needsApiKey: () => true, bodyLimit: bodyLimits.rest },
  {
    upstream: 'auth',
    prefix: '/auth/v1',
    needsApiKey: (path) => !openAuthPaths.has(path),
    bodyLimit: bodyLimits.auth,
  },
  // edge functions check JWTs themselves (verify_jwt), and the payer API uses payer keys
  {
    upstream: 'functions',
    prefix: '/functions/v1',
    needsApiKey: () => false,
    bodyLimit: bodyLimits.functions,
  },
];

/** 413 naming the limit; `keepAlive: false` when the rest of the body was left unread. */
function sendTooLarge(res: http.ServerResponse, route: Route, keepAlive: boolean): void {
  const limit = `${formatBytes(route.bodyLimit)} (${route.bodyLimit} bytes)`;
  sendJson(
    res,
    413,
    { message: `Request size limit exceeded: ${route.prefix} accepts a body of at most ${limit}.` },
    {
      ...corsHeaders,
      ...(keepAlive ? {} : { connection: 'close' }),
    },
  );
  if (!keepAlive) res.once('finish', () => res.socket?.destroySoon());
}

/** Starts the gateway; `port: 0` picks a free port, which the result names. */
export async function startGateway(
  options: GatewayOptions,
): Promise<{ port: number; close(): Promise<void> }> {
  const keys = new Set(options.apiKeys);
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, corsHeaders).end();
      return;
    }
    const route = routes.find((r) => url.pathname === r.prefix || url.pathname.startsWith(`${r.prefix}/`));
    if (!route) return sendJson(res, 404, { message: 'no Route matched with those values' }, corsHeaders);
    const notText = nonTextRequestPart(req);
    if (notText) return sendJson(res, 400, { message: notText }, corsHeaders);

    const path = url.pathname.slice(route.prefix.length) || '/';
    const headers = { ...req.headers };
    const apiKey = (headers.apikey as string | undefined) ?? url.searchParams.get('apikey') ?? undefined;
    if (route.needsApiKey(path)) {
      if (!apiKey) return sendJson(res, 401, { message: 'No API key found in request' }, corsHeaders);
      if (!keys.has(apiKey)) return sendJson(res, 401, { message: 'Invalid API key' }, corsHeaders);
      // with no user session the key itself is the bearer token, as on Supabase
      headers.authorization ??= `Bearer ${apiKey}`;
    }
    headers.host = `localhost:${options.upstreams[route.upstream]}`;
    headers['x-forwarded-host'] = req.headers.host ?? '';
    headers['x-forwarded-proto'] = 'http';
    // the caller's address as this gateway saw it; a client-sent value is not trusted
    headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
    headers['x-forwarded-prefix'] = route.prefix;

    // the body is read here, within the route's limit, and sent on with its exact length
    let read;
    try {
      read = await readLimitedBody(req, route.bodyLimit, drainLimit);
    } catch {
      return void req.socket.destroy(); // the client went away mid-body
    }
    if ('tooLarge' in read) return sendTooLarge(res, route, read.keepAlive);
    const bodyNotText = nonTextBody(req.headers['content-type'], read.body);
    if (bodyNotText) return sendJson(res, 400, { message: bodyNotText }, corsHeaders);
    delete headers['transfer-encoding'];
    if (read.body.length > 0 || headers['content-length'] !== undefined)
      headers['content-length'] = String(read.body.length);

    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: options.upstreams[route.upstream],
        method: req.method,
        path: `${path}${url.search}`,
        headers,
      },
      (upstreamRes) => {
        clearTimeout(answerTimer);
        res.writeHead(upstreamRes.statusCode ?? 502, { ...upstreamRes.headers, ...corsHeaders });
        upstreamRes.pipe(res);
        // an upstream dying mid-answer: the caller sees the connection end, not a hang
        upstreamRes.once('close', () => {
          if (!upstreamRes.complete) res.destroy();
        });
      },
    );
    // a part that is down refuses the connection at once; one that hangs is given up on in time
    const answerTimer = setTimeout(
      () => upstream.destroy(new Error('upstream timeout')),
      options.upstreamTimeoutMs ?? 8000,
    );
    upstream.on('error', () => {
      clearTimeout(answerTimer);
      if (res.headersSent) res.destroy();
      else sendUnavailable(res, route.upstream);
    });
    upstream.end(read.body);
  });
  // keep-alive sockets would otherwise hold `close()` open
  server.keepAliveTimeout = 5000;
  await listen(server, options.port);
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () => closeServer(server),
  };
}
