/** The arithmetic of the load and soak figures, apart from the traffic, so it can be tested. */
import { percentiles, round, type Timing } from './stats.ts';

/** One call of the soak: which call, when it started (s since the soak began), how long it took, its status. */
export interface CallSample {
  call: string;
  at: number;
  ms: number;
  status: number;
}

export interface SoakWindow {
  call: string;
  first: Timing;
  last: Timing;
  /** last ÷ first, at p50 and p95. */
  drift: { p50: number; p95: number };
  within: boolean;
}

export const soakTolerance = 0.1;

/**
 * Each call's p50 and p95 in the first minute and in the last minute of a soak of `seconds`:
 * within `soakTolerance` of each other (either way) at both percentiles, or the call drifted.
 */
export function soakWindows(samples: CallSample[], seconds: number, windowSeconds = 60): SoakWindow[] {
  const calls = [...new Set(samples.map((s) => s.call))];
  return calls.map((call) => {
    const mine = samples.filter((s) => s.call === call);
    const first = percentiles(mine.filter((s) => s.at < windowSeconds).map((s) => s.ms));
    const last = percentiles(mine.filter((s) => s.at >= seconds - windowSeconds).map((s) => s.ms));
    const drift = { p50: round(last.p50 / first.p50, 2), p95: round(last.p95 / first.p95, 2) };
    const close = (a: number, b: number) => Math.abs(a - b) <= soakTolerance * b;
    return { call, first, last, drift, within: close(last.p50, first.p50) && close(last.p95, first.p95) };
  });
}

export interface RssSample {
  at: number;
  /** Resident MB of each part (its processes summed). */
  parts: Record<string, number>;
}

export const rssTolerance = 0.1;

/**
 * Whether each part's RSS stayed flat after the warm-up: its largest reading after `warmupSeconds`
 * is within `rssTolerance` (and 10 MB, for small parts) of its reading when the warm-up ended.
 */
export function rssFlat(samples: RssSample[], warmupSeconds: number) {
  const after = samples.filter((s) => s.at >= warmupSeconds);
  const start = after[0];
  if (!start) throw new Error('no RSS sample after the warm-up');
  return Object.keys(start.parts).map((part) => {
    const atStart = start.parts[part]!;
    const peak = Math.max(...after.map((s) => s.parts[part] ?? 0));
    const end = after.at(-1)!.parts[part] ?? 0;
    return { part, atStart, peak, end, flat: peak <= atStart * (1 + rssTolerance) + 10 };
  });
}

/** An answer of the portal's request endpoint under load, as the budget sees it. */
export type PortalOutcome =
  'created' | 'refused with a reason' | 'refused without a reason' | 'server error' | 'other';

export function portalOutcome(status: number, body: string): PortalOutcome {
  if (status >= 500) return 'server error';
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = null;
  }
  if (status === 201) {
    const id = (parsed as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? 'created' : 'other';
  }
  if (status >= 400) {
    const error = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    return typeof error?.code === 'string' && typeof error.message === 'string' && error.message.length > 0
      ? 'refused with a reason'
      : 'refused without a reason';
  }
  return 'other';
}
