/**
 * Health check: answers whether the function runtime can reach the database through the API,
 * as the caller. Used by monitoring and by the stack's own start-up check.
 */
import { callerRole } from '../_shared/caller.ts';

export interface HealthDeps {
  /** Runs a trivial query as the caller; resolves to an error message or null. */
  probeDatabase(authorization: string): Promise<string | null>;
  now(): Date;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export function createHealthHandler(deps: HealthDeps) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'POST') {
      return json(405, { error: { code: 'method_not_allowed', message: 'Use GET or POST.' } });
    }
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
