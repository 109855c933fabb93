/**
 * The local stack's GoTrue-compatible auth service: the endpoints supabase-js's auth client calls
 * for this app, answering with GoTrue's JSON shapes, status codes and error codes, on GoTrue's
 * tables in the `auth` schema. Behind the gateway, which checks `apikey` and handles CORS.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseJson, readBody } from './body.ts';
import type { AuthRateLimits } from './config-file.ts';
import type { AuthContext, AuthLimits, AuthRequest, AuthSettings, EmailMessage, Reply } from './context.ts';
import { checkSchema, createPool } from './db.ts';
import {
  AuthHttpError,
  apiVersionHeader,
  errorBody,
  isDatabaseUnavailable,
  negotiateApiVersion,
  serviceUnavailable,
} from './errors.ts';
import type { PasswordPolicy } from './password-policy.ts';
import { SlidingWindow } from './rate-limit.ts';
import { matchRoute } from './routes.ts';
import { verifyBearerToken } from './tokens.ts';

export interface AuthServiceOptions {
  port: number;
  /** Postgres superuser URL, e.g. postgresql://postgres:postgres@localhost:54322/postgres?sslmode=disable */
  dbUrl: string;
  jwtSecret: string;
  /** The app's URL: default and allowed host for redirects. */
  siteUrl: string;
  /** Public base URL of this API through the gateway, e.g. http://localhost:54321/auth/v1 (JWT `iss`, email links). */
  externalUrl: string;
  /** Access-token lifetime; default 3600. */
  jwtExpirySeconds?: number;
  anonKey: string;
  serviceRoleKey: string;
  sendEmail(message: EmailMessage): Promise<void>;
  log?(line: string): void;
  /** Interface to listen on; default 127.0.0.1 (the gateway is the only client). */
  host?: string;
  /** GoTrue's refresh_token_reuse_interval; default 10 (Supabase's default). */
  refreshTokenReuseIntervalSeconds?: number;
  /** config.toml's minimum_password_length and password_requirements; default 6 characters, no character rule. */
  passwordPolicy?: PasswordPolicy;
  /** How long invitation and recovery links stay valid; default 3600 (config.toml's `[auth.email] otp_expiry`). */
  emailLinkExpirySeconds?: number;
  /** config.toml's `[auth.rate_limit]`, per client address per 5 minutes; default Supabase's 30 / 30 / 150. */
  rateLimits?: AuthRateLimits;
  /** Client addresses the per-address limits leave alone (the test stack's own clients); default none. */
  rateLimitExemptAddresses?: string[];
}

/** GoTrue counts `[auth.rate_limit]` requests in 5-minute windows. */
const rateLimitWindowMs = 5 * 60 * 1000;

export interface RunningAuthService {
  /** The port actually listened on (useful with `port: 0`). */
  port: number;
  close(): Promise<void>;
}

export async function startAuthService(o: AuthServiceOptions): Promise<RunningAuthService> {
  const log = o.log ?? (() => undefined);
  await checkApiKeys(o);
  const settings: AuthSettings = {
    jwtSecret: o.jwtSecret,
    siteUrl: o.siteUrl,
    externalUrl: o.externalUrl.replace(/\/+$/, ''),
    jwtExpirySeconds: o.jwtExpirySeconds ?? 3600,
    refreshTokenReuseIntervalSeconds: o.refreshTokenReuseIntervalSeconds ?? 10,
    passwordPolicy: o.passwordPolicy ?? { minimumLength: 6, requirement: '' },
    emailLinkExpirySeconds: o.emailLinkExpirySeconds ?? 3600,
    sendEmail: (message) => o.sendEmail(message),
    log,
  };
  const pool = createPool(o.dbUrl, log);
  try {
    await checkSchema(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const rates = o.rateLimits ?? { signInSignUps: 30, tokenVerifications: 30, tokenRefresh: 150 };
  const limits: AuthLimits = {
    signInsPerAddress: new SlidingWindow(rates.signInSignUps, rateLimitWindowMs),
    verificationsPerAddress: new SlidingWindow(rates.tokenVerifications, rateLimitWindowMs),
    refreshesPerAddress: new SlidingWindow(rates.tokenRefresh, rateLimitWindowMs),
    failedSignInsPerAccount: new SlidingWindow(rates.signInSignUps, rateLimitWindowMs),
    exemptAddresses: new Set(o.rateLimitExemptAddresses ?? []),
  };
  const ctx: AuthContext = { settings, pool, limits };
  const server = createServer((req, res) => {
    handle(ctx, req, res).catch((error: unknown) => {
      // only a failure while writing the response gets here; never let it stop the process
      log(`${req.method} request failed while answering: ${(error as Error).message}`);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(o.port, o.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await pool.end();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  log(`listening on http://${o.host ?? '127.0.0.1'}:${port}`);
  return {
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await pool.end();
    },
  };
}

/** A wrong secret would otherwise show up later as puzzling 403s on every admin call. */
async function checkApiKeys(o: AuthServiceOptions): Promise<void> {
  for (const [name, key, role] of [
    ['anonKey', o.anonKey, 'anon'],
    ['serviceRoleKey', o.serviceRoleKey, 'service_role'],
  ] as const) {
    const claims = await verifyBearerToken(key, o.jwtSecret).catch(() => null);
    if (claims?.role !== role) throw new Error(`${name} is not a ${role} JWT signed with jwtSecret`);
  }
}

async function handle(ctx: AuthContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = Date.now();
  const method = req.method ?? 'GET';
  // a request target that is not a path (e.g. `http://[`) parses to nothing and gets the 404
  const url = URL.canParse(req.url ?? '/', 'http://auth.invalid')
    ? new URL(req.url ?? '/', 'http://auth.invalid')
    : new URL('http://auth.invalid/');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const apiVersion = negotiateApiVersion(req.headers[apiVersionHeader.toLowerCase()]);
  let reply: Reply;
  try {
    reply = await dispatch(ctx, req, method, path, url.searchParams);
  } catch (error) {
    reply = errorReply(ctx, error, apiVersion, method, path);
  }
  send(res, reply);
  // never the query string: it carries tokens
  ctx.settings.log(`${method} ${path} ${reply.status} ${Date.now() - started}ms`);
}

async function dispatch(
  ctx: AuthContext,
  req: IncomingMessage,
  method: string,
  path: string,
  query: URLSearchParams,
): Promise<Reply> {
  const match = matchRoute(method, path);
  if (match.kind === 'not_found') throw new AuthHttpError(404, 'not_found', `No auth endpoint at ${path}`);
  if (match.kind === 'method_not_allowed') {
    throw new AuthHttpError(405, 'method_not_allowed', `${method} is not allowed on ${path}`, {
      headers: { Allow: match.allow.join(', ') },
    });
  }
  let body: Promise<unknown> | null = null;
  const request: AuthRequest = {
    method,
    path,
    query,
    headers: req.headers,
    clientAddress: clientAddress(req),
    params: match.params,
    json: () => (body ??= readBody(req).then(parseJson)),
  };
  return match.handler(ctx, request);
}

/**
 * Only the gateway reaches this service (it listens on loopback), and the gateway replaces any
 * X-Forwarded-For a client sent with the address it saw; the first entry is that address.
 */
function clientAddress(req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || req.socket.remoteAddress || 'unknown';
}

function errorReply(
  ctx: AuthContext,
  error: unknown,
  apiVersion: string | null,
  method: string,
  path: string,
): Reply {
  const unavailable = !(error instanceof AuthHttpError) && isDatabaseUnavailable(error);
  const known =
    error instanceof AuthHttpError
      ? error
      : unavailable
        ? serviceUnavailable()
        : new AuthHttpError(
            500,
            'unexpected_failure',
            'Unexpected failure, please check server logs for more information',
          );
  if (unavailable) {
    ctx.settings.log(`${method} ${path}: database unavailable (${(error as Error).message})`);
  } else if (!(error instanceof AuthHttpError)) {
    ctx.settings.log(
      `${method} ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  const headers: Record<string, string> = { ...known.extras.headers };
  // GoTrue echoes the API version it answered in
  if (apiVersion !== null) headers[apiVersionHeader] = apiVersion;
  // a refused oversized body may still be arriving; do not reuse the connection
  if (known.status === 413) headers.Connection = 'close';
  return { status: known.status, body: errorBody(known, apiVersion), headers };
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  res
    .writeHead(reply.status, { ...headers, 'Content-Type': 'application/json' })
    .end(JSON.stringify(reply.body));
}
