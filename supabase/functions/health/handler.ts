/**
 * Health check: answers whether the function runtime can reach the database through the API,
 * as the caller. Used by monitoring and by the stack's own start-up check.
 */
import { onlyMethod } from '../_shared/app.ts';
import { callerRole } from '../_shared/caller.ts';
import { json } from '../_shared/http.ts';

export interface HealthDeps {
  /** Runs a trivial query as the caller; resolves to an error message or null. */
  probeDatabase(authorization: string): Promise<string | null>;
  now(): Date;
}

export function createHealthHandler(deps: HealthDeps) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'POST') return onlyMethod('GET', 'POST')();
    const authorization = request.headers.get('authorization') ?? '';
    const databaseError = await deps.probeDatabase(authorization);
    const body = {
      status: databaseError ? 'degraded' : 'ok',
      database: databaseError ? { ok: false, error: databaseError } : { ok: true },
      role: callerRole(request),
      time: deps.now().toISOString(),
    };
    return json(databaseError ? 503 : 200, body);
  };
}
