/**
 * Middleware every function can put in front of its routes: who may call (the caller's role),
 * CORS for browser callers, and a JSON body read within a size limit. Refusals are the API's
 * JSON errors (see http.ts).
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { callerRole } from './caller.ts';
import { apiError, readJson } from './http.ts';

/** 403 unless the caller's (runtime-verified) JWT carries `role`; `who` says who may call. */
export const requireRole =
  (role: string, who: string): MiddlewareHandler =>
  async (c, next) => {
    if (callerRole(c.req.raw) !== role) return apiError(403, 'forbidden', who);
    await next();
  };

/**
 * CORS for browser callers (the client portal's public pages): hosted Supabase's gateway leaves
 * CORS to the functions. Preflights are answered here, before any limit or key check.
 */
export const functionCors = cors({
  origin: '*',
  allowMethods: ['GET', 'POST', 'OPTIONS'],
  allowHeaders: ['authorization', 'x-client-info', 'apikey', 'content-type', 'idempotency-key'],
  exposeHeaders: ['retry-after', 'idempotent-replayed'],
  maxAge: 3600,
});

/** The JSON body, read within `limit` bytes, as the `body` variable; a ready 4xx otherwise. */
export const jsonBody =
  (limit: number): MiddlewareHandler<{ Variables: { body: unknown } }> =>
  async (c, next) => {
    const read = await readJson(c.req.raw, limit);
    if ('error' in read) return read.error;
    c.set('body', read.body);
    await next();
  };
