import { describe, expect, it } from 'vitest';
import { medianScores, scoresMet } from './lighthouse.ts';

const run = (performance: number, lcpMs: number, tbtMs: number, cls: number, accessibility = 100) => ({
  performance,
  lcpMs,
  tbtMs,
  cls,
  accessibility,
});

describe('medianScores', () => {
  it('takes each figure’s own median over the runs', () => {
    const s = medianScores([
      run(99, 1500, 10, 0),
      run(80, 3100, 400, 0.2),
      run(97, 1700, 30, 0.01),
      run(96, 1600, 20, 0.02, 92),
      run(98, 1800, 0, 0),
    ]);
    expect(s).toEqual(run(97, 1700, 20, 0.01));
    expect(Object.values(scoresMet(s)).every(Boolean)).toBe(true);
  });

  it('misses each budget on its own', () => {
    const met = scoresMet(run(94, 2001, 151, 0.051, 98));
    expect(met).toEqual({ performance: false, lcpMs: false, tbtMs: false, cls: false, accessibility: false });
  });
});
