/** The service's limits as handlers apply them: per client address, and per account. */
import type { AuthContext, AuthRequest } from './context.ts';
import { tooManyRequests, type SlidingWindow } from './rate-limit.ts';

/** Counts the request against its address; past the limit, GoTrue's 429. */
export function limitAddress(ctx: AuthContext, req: AuthRequest, window: SlidingWindow): void {
  if (ctx.limits.exemptAddresses.has(req.clientAddress)) return;
  const outcome = window.take(req.clientAddress);
  if (!outcome.allowed) throw tooManyRequests('Request rate limit reached', outcome.waitMs);
}

const accountKey = (email: string) => email.trim().toLowerCase();

/**
 * A password attempt on an account: counted as a failure up front (so parallel guesses cannot
 * slip past the count while bcrypt runs) and forgotten when the password was right. An account
 * with `limit` failures in the window is refused — even with the right password — until the
 * oldest leaves the window. Unknown emails are counted alike, so a 429 does not tell whether an
 * account exists.
 */
export function beginPasswordAttempt(ctx: AuthContext, email: string): { succeeded(): void } {
  const key = accountKey(email);
  const outcome = ctx.limits.failedSignInsPerAccount.take(key);
  if (!outcome.allowed)
    throw tooManyRequests('Too many failed sign-in attempts for this account', outcome.waitMs);
  return { succeeded: () => ctx.limits.failedSignInsPerAccount.forget(key) };
}
