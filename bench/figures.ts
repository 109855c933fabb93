/**
 * The figures of a run: each printed as it is measured, with its budget and whether it was met
 * (null: reported, not pass/fail). A figure may carry its number, so that the next run can say
 * when it got worse.
 */
import type { Timing } from './stats.ts';

export interface Figure {
  group: string;
  figure: string;
  value: string;
  budget: string;
  met: boolean | null;
  /** The figure as one number (e.g. a p95 in ms, a score), and which way is better. */
  measure?: { value: number; better: 'lower' | 'higher' };
}

export const figures: Figure[] = [];

export function record(figure: Figure): void {
  figures.push(figure);
  const mark = figure.met === null ? '·' : figure.met ? '✓' : '✗';
  console.log(`  ${mark} ${figure.figure}: ${figure.value} (budget ${figure.budget})`);
}

export const ms = (t: Timing) => `p50 ${t.p50} ms, p95 ${t.p95} ms (n=${t.n})`;

/** A p95 in ms as the figure's number. */
export const p95Of = (t: Timing) => ({ value: t.p95, better: 'lower' as const });
