/**
 * Health check: answers whether the function runtime can reach the database through the API,
 * as the caller. Used by monitoring and by the stack's own start-up check.
 */
export interface HealthDeps {
  /** Runs a trivial query as the caller; resolves to an error message or null. */
  probeDatabase(authorization: string): Promise<string | null>;
  now(): Date;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Reads the (already verified) JWT's role claim without trusting it for anything else. */
function roleOf(authorization: string): string | null {
  const payload = authorization.replace(/^Bearer /, '').split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return typeof claims.role === 'string' ? claims.role : null;
  } catch {
    return null;
  }
}

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
      role: roleOf(authorization),
      time: deps.now().toISOString(),
    };
    return json(databaseError ? 503 : 200, body);
  };
}
