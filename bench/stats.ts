/** Small timing helpers for the benchmarks: percentiles over repeated calls, ratios, medians. */
export interface Timing {
  p50: number;
  p95: number;
  n: number;
}

/** Nearest-rank percentiles (the sample at floor(q·n) of the sorted samples). */
export function percentiles(samples: number[]): Timing {
  if (samples.length === 0) throw new Error('percentiles of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: round(at(0.5)), p95: round(at(0.95)), n: sorted.length };
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** How many times faster `ours` is than `anchor`, at p50 and at p95 (anchor ÷ ours). */
export function speedup(anchor: Timing, ours: Timing): { p50: number; p95: number } {
  return { p50: round(anchor.p50 / ours.p50, 1), p95: round(anchor.p95 / ours.p95, 1) };
}

/**
 * The order of the two sides of a ratio, run by run: A B, B A, A B, … so that neither side always
 * goes first (the first of a pair can meet a cache or a collector the second does not) and a busy
 * stretch of the machine weighs on both.
 */
export function interleavedOrder(runs: number): ('a' | 'b')[][] {
  return Array.from({ length: runs }, (_, run) => (run % 2 === 0 ? ['a', 'b'] : ['b', 'a']));
}

/** Milliseconds one call takes. */
async function elapsed(call: (i: number) => Promise<unknown>, i: number): Promise<number> {
  const start = performance.now();
  await call(i);
  return performance.now() - start;
}

/** Runs `call` `warmup` times untimed, then `runs` times timed (ms). */
export async function timeCalls(
  runs: number,
  call: (i: number) => Promise<unknown>,
  warmup = 20,
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await call(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await elapsed(call, i));
  return percentiles(samples);
}

/**
 * Times the two calls a ratio compares in turns (see `interleavedOrder`): each pair sees the
 * machine as it is at that moment, so a noisy stretch weighs on both instead of on whichever ran then.
 */
export async function timeInTurns(
  runs: number,
  a: (i: number) => Promise<unknown>,
  b: (i: number) => Promise<unknown>,
  warmup = 20,
): Promise<[Timing, Timing]> {
  for (let i = 0; i < warmup; i++) {
    await a(i);
    await b(i);
  }
  const samples = { a: [] as number[], b: [] as number[] };
  const calls = { a, b };
  for (const [i, pair] of interleavedOrder(runs).entries())
    for (const side of pair) samples[side].push(await elapsed(calls[side], i));
  return [percentiles(samples.a), percentiles(samples.b)];
}
