import { describe, expect, it } from 'vitest';
import { interleavedOrder, median, percentiles, speedup, timeInTurns } from './stats.ts';

describe('percentiles', () => {
  it('takes the nearest-rank sample, whatever the order of the samples', () => {
    const samples = Array.from({ length: 20 }, (_, i) => 20 - i); // 20 … 1
    expect(percentiles(samples)).toEqual({ p50: 11, p95: 20, n: 20 });
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentiles(hundred)).toEqual({ p50: 51, p95: 96, n: 100 });
  });

  it('refuses no samples rather than answering undefined', () => {
    expect(() => percentiles([])).toThrow();
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([90, 97, 95, 99, 92])).toBe(95);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('speedup', () => {
  it('divides the anchor by ours at each percentile', () => {
    expect(speedup({ p50: 900, p95: 1200, n: 24 }, { p50: 150, p95: 250, n: 24 })).toEqual({
      p50: 6,
      p95: 4.8,
    });
  });
});

describe('interleavedOrder', () => {
  it('alternates which side goes first, and runs each side once per run', () => {
    expect(interleavedOrder(4)).toEqual([
      ['a', 'b'],
      ['b', 'a'],
      ['a', 'b'],
      ['b', 'a'],
    ]);
    const firsts = interleavedOrder(24).map((pair) => pair[0]);
    expect(firsts.filter((s) => s === 'a')).toHaveLength(12);
  });
});

describe('timeInTurns', () => {
  it('calls the two sides in the interleaved order after the warm-up', async () => {
    const calls: string[] = [];
    await timeInTurns(
      3,
      async (i) => calls.push(`a${i}`),
      async (i) => calls.push(`b${i}`),
      1,
    );
    expect(calls).toEqual(['a0', 'b0', 'a0', 'b0', 'b1', 'a1', 'a2', 'b2']);
  });
});
