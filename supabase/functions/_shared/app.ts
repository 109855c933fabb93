/**
 * What every JSON API function shares: a Hono app mounted under the function's name (the runtime
 * hands each function paths starting with /<name>/), the API's 404 for unknown routes, 405 with
 * `allow` for a known path called with another method, and one catch-all that turns a thrown
 * database error into its HTTP answer (see dbErrorResponse).
 */
import { Hono, type Env, type MiddlewareHandler } from 'hono';
import { apiError, dbErrorResponse, type DbError } from './http.ts';

/** What supabase-js and our queries throw for a refused or failed database call. */
export const isDbError = (e: unknown): e is DbError =>
  typeof e === 'object' && e !== null && 'message' in e && 'hint' in e;

export const internalError = () =>
  apiError(500, 'internal_error', 'Something went wrong on our side; nothing was saved. Try again.');

/** 405 for a path that exists with other methods, listing them in `allow`. */
export const onlyMethod =
  (...methods: string[]) =>
  () =>
    apiError(405, 'method_not_allowed', `Use ${methods.join(' or ')}.`, null, { allow: methods.join(', ') });

/**
 * The answer for anything a route throws. `refine` maps a function's own named database refusals
 * first; everything else goes through dbErrorResponse, and a non-database error is a logged 500.
 */
export function errorAnswer(name: string, refine: (error: DbError) => Response | null = () => null) {
  return (error: unknown): Response => {
    if (isDbError(error)) return refine(error) ?? dbErrorResponse(error);
    console.error(name, error);
    return internalError();
  };
}

/**
 * Answers whatever the rest of the chain throws. Hono's onError only sees Error instances, and
 * supabase-js's database errors are plain objects, so both paths lead to `answer`.
 */
export const catchErrors =
  (answer: (error: unknown) => Response): MiddlewareHandler =>
  async (_c, next) => {
    try {
      await next();
    } catch (error) {
      return answer(error);
    }
  };

/** A Hono app for the function `name`; a trailing slash is the same route (paths were split on '/'). */
export function functionApp<E extends Env = Env>(name: string, answerError = errorAnswer(name)) {
  const app = new Hono<E>({ strict: false }).basePath(`/${name}`);
  app.notFound((c) => apiError(404, 'not_found', `No route ${c.req.method} ${new URL(c.req.url).pathname}.`));
  app.onError((error) => answerError(error));
  app.use('*', catchErrors(answerError));
  return app;
}
