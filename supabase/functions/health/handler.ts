/**
 * Health check: answers whether the function runtime can reach the database through the API,
 * as the caller. Used by monitoring and by the stack's own start-up check.
 */
import { functionApp, onlyMethod } from '../_shared/app.ts';
import { callerRole } from '../_shared/caller.ts';
import { json } from '../_shared/http.ts';

export interface HealthDeps {
  /** Runs a trivial query as the caller; resolves to an error message or null. */
  probeDatabase(authorization: string): Promise<string | null>;
  now(): Date;
}

export function createHealthApp(deps: HealthDeps) {
  const app = functionApp('health');
  app.on(['GET', 'POST'], '/', async (c) => {
    const databaseError = await deps.probeDatabase(c.req.header('authorization') ?? '');
    return json(databaseError ? 503 : 200, {
      status: databaseError ? 'degraded' : 'ok',
      database: databaseError ? { ok: false, error: databaseError } : { ok: true },
      role: callerRole(c.req.raw),
      time: deps.now().toISOString(),
    });
  });
  app.all('/', onlyMethod('GET', 'POST'));
  return app;
}
