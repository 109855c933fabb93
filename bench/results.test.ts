import { describe, expect, it } from 'vitest';
import type { Figure } from './figures.ts';
import { compareFigures, resultFileName, worseThreshold } from './results.ts';

const figure = (name: string, value: number, better: 'lower' | 'higher'): Figure => ({
  group: 'db',
  figure: name,
  value: String(value),
  budget: '',
  met: true,
  measure: { value, better },
});

describe('compareFigures', () => {
  it('says how much worse each figure got, whichever way is better', () => {
    const changes = compareFigures(
      [figure('p95', 10, 'lower'), figure('score', 100, 'higher'), figure('gone', 1, 'lower')],
      [figure('p95', 13, 'lower'), figure('score', 90, 'higher'), figure('new', 1, 'lower')],
    );
    expect(changes).toEqual([
      { figure: 'p95', before: 10, after: 13, worse: 0.3 },
      { figure: 'score', before: 100, after: 90, worse: 0.1 },
    ]);
    expect(changes.filter((c) => c.worse > worseThreshold).map((c) => c.figure)).toEqual(['p95']);
  });

  it('counts a figure that got better as negative', () => {
    const [change] = compareFigures([figure('p95', 10, 'lower')], [figure('p95', 5, 'lower')]);
    expect(change!.worse).toBe(-0.5);
  });
});

describe('resultFileName', () => {
  it('names the time and the commit, so the files sort by time', () => {
    expect(resultFileName(new Date('2026-12-07T09:05:03.123Z'), 'f1f1088')).toBe(
      '2026-12-07T09-05-03Z-f1f1088.json',
    );
  });
});
