import { describe, expect, it } from 'vitest';
import { growthRatio } from './growth.ts';

describe('growthRatio', () => {
  it('divides the p95 at 5× by the p95 at 1×, and passes up to 1.5×', () => {
    expect(growthRatio({ p50: 1, p95: 10, n: 300 }, { p50: 9, p95: 15, n: 300 })).toEqual({
      ratio: 1.5,
      met: true,
    });
    expect(growthRatio({ p50: 1, p95: 10, n: 300 }, { p50: 1, p95: 15.04, n: 300 })).toEqual({
      ratio: 1.5,
      met: false,
    });
  });
});
