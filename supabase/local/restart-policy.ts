/**
 * When a part of the stack that exited unexpectedly is started again: after a short delay that
 * doubles with each restart in the last minute, and not at all once it has been restarted
 * `maxPerMinute` times within a minute (a part that keeps dying is stopped, not hammered).
 */
export interface RestartPolicyOptions {
  maxPerMinute: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const defaultRestartPolicy: RestartPolicyOptions = {
  maxPerMinute: 5,
  firstDelayMs: 200,
  maxDelayMs: 1600,
};

export class RestartPolicy {
  private readonly restarts: number[] = [];

  constructor(private readonly options: RestartPolicyOptions = defaultRestartPolicy) {}

  /** The delay before the next restart, or null when the part has used up its restarts for this minute. */
  next(now: number): { delayMs: number; attempt: number } | null {
    while ((this.restarts[0] ?? Infinity) <= now - 60_000) this.restarts.shift();
    if (this.restarts.length >= this.options.maxPerMinute) return null;
    const delayMs = Math.min(this.options.maxDelayMs, this.options.firstDelayMs * 2 ** this.restarts.length);
    this.restarts.push(now);
    return { delayMs, attempt: this.restarts.length };
  }
}
