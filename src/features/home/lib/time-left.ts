/**
 * How long staff have left to answer a pending request (their 48 hours, or until the slot starts),
 * and which requests a to-do list calls close to expiry. Same thresholds as the Unconfirmed
 * Appointments queue, so a request urgent there is urgent here.
 */
const hour = 3_600_000;

/** Under this much time left, a request is urgent (the queue marks it, the admin's home lists it). */
export const urgentWithinMs = 12 * hour;

export interface TimeLeft {
  label: string;
  urgent: boolean;
  expired: boolean;
}

export function timeLeft(expiresAt: string | Date, now: Date): TimeLeft {
  const ms = new Date(expiresAt).getTime() - now.getTime();
  if (ms <= 0) return { label: 'Expired', urgent: true, expired: true };
  const hours = Math.floor(ms / hour);
  const minutes = Math.floor((ms % hour) / 60_000);
  const label = hours >= 1 ? `${hours} h ${minutes} min left` : `${Math.max(minutes, 1)} min left`;
  return { label, urgent: ms < urgentWithinMs, expired: false };
}

/** The requests that expire within `urgentWithinMs`, soonest first (expired ones are gone from the queue). */
export function closeToExpiry<T extends { expires_at: string }>(requests: readonly T[], now: Date): T[] {
  return requests
    .filter((request) => {
      const left = timeLeft(request.expires_at, now);
      return left.urgent && !left.expired;
    })
    .sort(byUrgency);
}

/** Soonest deadline first. */
export function byUrgency(a: { expires_at: string }, b: { expires_at: string }): number {
  return new Date(a.expires_at).getTime() - new Date(b.expires_at).getTime();
}
