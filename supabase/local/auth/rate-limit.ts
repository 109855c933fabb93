/**
 * Sliding-window counters kept in memory: at most `limit` events per key in any `windowMs`.
 * Used per client address (GoTrue's `[auth.rate_limit]`) and per account (failed passwords).
 * The service is one process, so memory is the right place; a restart forgets the counts, as
 * GoTrue's in-memory limiter does.
 */
import { AuthHttpError } from './errors.ts';

export class SlidingWindow {
  /** Per key, the times of the events still inside the window, oldest first. */
  private readonly events = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Events of `key` inside the window ending at `now`. */
  private recent(key: string, now: number): number[] {
    const times = this.events.get(key);
    if (!times) return [];
    const since = now - this.windowMs;
    while (times.length > 0 && (times[0] as number) <= since) times.shift();
    if (times.length === 0) this.events.delete(key);
    return times;
  }

  /** Milliseconds until `key` may have another event, or 0 when it may now. */
  waitMs(key: string, now = Date.now()): number {
    const times = this.recent(key, now);
    if (times.length < this.limit) return 0;
    return (times[times.length - this.limit] as number) + this.windowMs - now;
  }

  record(key: string, now = Date.now()): void {
    this.sweep(now);
    const times = this.recent(key, now);
    times.push(now);
    // only the last `limit` events decide anything
    if (times.length > this.limit) times.splice(0, times.length - this.limit);
    this.events.set(key, times);
  }

  /** Counts an event if the key is under its limit; otherwise leaves the count as it is. */
  take(key: string, now = Date.now()): { allowed: true } | { allowed: false; waitMs: number } {
    const waitMs = this.waitMs(key, now);
    if (waitMs > 0) return { allowed: false, waitMs };
    this.record(key, now);
    return { allowed: true };
  }

  forget(key: string): void {
    this.events.delete(key);
  }

  /** Drops keys whose events all left the window, so memory stays bounded by recent traffic. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const key of [...this.events.keys()]) this.recent(key, now);
  }
}

/** When to try again, in words a person can act on. */
function retryIn(waitMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  if (seconds < 120) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * GoTrue's 429 (`over_request_rate_limit`), with when to try again in the message and in the
 * Retry-After header (the gateway exposes it to browsers).
 */
export function tooManyRequests(what: string, waitMs: number): AuthHttpError {
  return new AuthHttpError(429, 'over_request_rate_limit', `${what}. Try again in ${retryIn(waitMs)}.`, {
    headers: { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) },
  });
}
