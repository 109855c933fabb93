/**
 * Runs every minute (pg_cron on hosted Supabase, the local scheduler here): expires pending
 * requests past their 48 hours (or their slot), removes client-portal requests never verified
 * within their window (no email: the address was never confirmed) and queues 12-hour
 * reminders to therapists.
 * The SQL functions are safe with two workers at once; this function only calls them.
 */
import { functionApp, onlyMethod } from '../_shared/app.ts';
import { json } from '../_shared/http.ts';
import { requireRole } from '../_shared/middleware.ts';

export interface ExpireRequestsDeps {
  expire(): Promise<number>;
  removeUnverified(): Promise<number>;
  remind(): Promise<number>;
}

export function createExpireRequestsApp(deps: ExpireRequestsDeps) {
  const app = functionApp('expire-requests');
  app.post('/', requireRole('service_role', 'Only the platform scheduler runs expiry.'), async () => {
    const expired = await deps.expire();
    const removedUnverified = await deps.removeUnverified();
    const reminded = await deps.remind();
    return json(200, { expired, removed_unverified: removedUnverified, reminded });
  });
  app.all('/', onlyMethod('POST'));
  return app;
}
