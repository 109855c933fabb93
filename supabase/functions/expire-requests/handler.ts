/**
 * Runs every minute (pg_cron on hosted Supabase, the local scheduler here): expires pending
 * requests past their 48 hours (or their slot), removes client-portal requests never verified
 * within their window (no email: the address was never confirmed) and queues 12-hour
 * reminders to therapists.
 * The SQL functions are safe with two workers at once; this function only calls them.
 */
import { callerRole } from '../_shared/caller.ts';
import { onlyMethod } from '../_shared/app.ts';
import { apiError, json } from '../_shared/http.ts';

export interface ExpireRequestsDeps {
  expire(): Promise<number>;
  removeUnverified(): Promise<number>;
  remind(): Promise<number>;
}

export function createExpireRequestsHandler(deps: ExpireRequestsDeps) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'POST') return onlyMethod('POST')();
    if (callerRole(request) !== 'service_role')
      return apiError(403, 'forbidden', 'Only the platform scheduler runs expiry.');
    const expired = await deps.expire();
    const removedUnverified = await deps.removeUnverified();
    const reminded = await deps.remind();
    return json(200, { expired, removed_unverified: removedUnverified, reminded });
  };
}
