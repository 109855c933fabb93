/**
 * The local stack's GoTrue-compatible auth service: the endpoints supabase-js's auth client calls
 * for this app, answering with GoTrue's JSON shapes, status codes and error codes, on GoTrue's
 * tables in the `auth` schema. Behind the gateway, which checks `apikey` and handles CORS.
 */
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { serveApp, type ServedApp } from '../http-helpers.ts';
import { bodyTooLarge, maxBodyBytes, parseJson } from './body.ts';
import type { AuthRateLimits } from './config-file.ts';
import type {
  AuthContext,
  AuthLimits,
  AuthRequest,
  AuthSettings,
  EmailMessage,
  Handler,
  Reply,
} from './context.ts';
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
import { invite } from './handlers/invite.ts';
import { logout } from './handlers/logout.ts';
import { health, settings } from './handlers/meta.ts';
import { token } from './handlers/token.ts';
import { getUser, updateUser } from './handlers/user.ts';
import { verify } from './handlers/verify.ts';
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

export async function startAuthService(o: AuthServiceOptions): Promise<ServedApp> {
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
  try {
    const server = await serveApp(authApp(ctx), o.port, o.host);
    log(`listening on http://${o.host ?? '127.0.0.1'}:${server.port}`);
    return { port: server.port, close: () => server.close().finally(() => pool.end()) };
  } catch (error) {
    await pool.end();
    throw error;
  }
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

/** The routes, as the gateway forwards them (it strips the /auth/v1 prefix); a trailing slash is the same route. */
export function authApp(ctx: AuthContext) {
  const app = new Hono<{ Bindings: HttpBindings }>({ strict: false });
  app.use('*', async (c, next) => {
    const started = Date.now();
    await next();
    // never the query string: it carries tokens
    ctx.settings.log(`${c.req.method} ${c.req.path} ${c.res.status} ${Date.now() - started}ms`);
  });
  app.use('*', bodyLimit({ maxSize: maxBodyBytes, onError: () => Promise.reject(bodyTooLarge()) }));
  const route = (path: string, methods: Record<string, Handler>) => {
    for (const [method, handler] of Object.entries(methods))
      app.on(method, path, async (c) => replyResponse(await handler(ctx, authRequest(c))));
    app.all(path, (c) => {
      throw new AuthHttpError(405, 'method_not_allowed', `${c.req.method} is not allowed on ${path}`, {
        headers: { Allow: Object.keys(methods).join(', ') },
      });
    });
  };
  route('/health', { GET: health });
  route('/settings', { GET: settings });
  route('/token', { POST: token });
  route('/user', { GET: getUser, PUT: updateUser });
  route('/logout', { POST: logout });
  route('/verify', { GET: verify });
  route('/invite', { POST: invite });
  app.notFound((c) =>
    errorResponse(ctx, c, new AuthHttpError(404, 'not_found', `No auth endpoint at ${c.req.path}`)),
  );
  app.onError((error, c) => errorResponse(ctx, c, error));
  return app;
}

type AuthHonoContext = Context<{ Bindings: HttpBindings }>;

function authRequest(c: AuthHonoContext): AuthRequest {
  let body: Promise<unknown> | null = null;
  return {
    query: new URL(c.req.url).searchParams,
    header: (name) => c.req.header(name),
    clientAddress: clientAddress(c),
    json: () => (body ??= c.req.text().then(parseJson)),
  };
}

/**
 * Only the gateway reaches this service (it listens on loopback), and the gateway replaces any
 * X-Forwarded-For a client sent with the address it saw; the first entry is that address.
 */
function clientAddress(c: AuthHonoContext): string {
  const first = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  return first || c.env?.incoming?.socket.remoteAddress || 'unknown';
}

function errorResponse(ctx: AuthContext, c: AuthHonoContext, error: unknown): Response {
  const apiVersion = negotiateApiVersion(c.req.header(apiVersionHeader));
  const where = `${c.req.method} ${c.req.path}`;
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
    ctx.settings.log(`${where}: database unavailable (${(error as Error).message})`);
  } else if (!(error instanceof AuthHttpError)) {
    ctx.settings.log(
      `${where} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  const headers: Record<string, string> = { ...known.extras.headers };
  // GoTrue echoes the API version it answered in
  if (apiVersion !== null) headers[apiVersionHeader] = apiVersion;
  // a refused oversized body may still be arriving; do not reuse the connection
  if (known.status === 413) headers.Connection = 'close';
  return replyResponse({ status: known.status, body: errorBody(known, apiVersion), headers });
}

function replyResponse(reply: Reply): Response {
  const headers = new Headers({ 'Cache-Control': 'no-store', ...reply.headers });
  if (reply.body === undefined) return new Response(null, { status: reply.status, headers });
  headers.set('Content-Type', 'application/json');
  return new Response(JSON.stringify(reply.body), { status: reply.status, headers });
}
