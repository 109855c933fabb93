/**
 * Which requests a to-do list calls close to expiry, and in which order: by the time-left rule of
 * src/lib/time-left.ts (the queue's), so a request "Soon" or "Urgent" there is close to expiry here.
 */
import { timeLeft } from '@/lib/time-left';

/** The requests under 12 hours from their deadline, soonest first (expired ones are gone from the queue). */
export function closeToExpiry<T extends { expires_at: string }>(requests: readonly T[], now: Date): T[] {
  return requests
    .filter((request) => {
      const left = timeLeft(request.expires_at, now);
      return left.urgency !== 'normal' && !left.expired;
    })
    .sort(byUrgency);
}

/** Soonest deadline first. */
export function byUrgency(a: { expires_at: string }, b: { expires_at: string }): number {
  return new Date(a.expires_at).getTime() - new Date(b.expires_at).getTime();
}
