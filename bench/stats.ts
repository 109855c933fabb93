/** Small timing helpers for the benchmarks: percentiles over repeated calls. */
export interface Timing {
  p50: number;
  p95: number;
  n: number;
}

export function percentiles(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: round(at(0.5)), p95: round(at(0.95)), n: sorted.length };
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

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
 * Times the two calls a ratio compares in turns (a, b, a, b, …): each pair sees the machine as it
 * is at that moment, so a noisy stretch weighs on both instead of on whichever ran then.
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
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  for (let i = 0; i < runs; i++) {
    samplesA.push(await elapsed(a, i));
    samplesB.push(await elapsed(b, i));
  }
  return [percentiles(samplesA), percentiles(samplesB)];
}
