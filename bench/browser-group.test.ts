import { describe, expect, it } from 'vitest';
import { ratioMet } from './browser-group.ts';

const t = (p50: number, p95: number) => ({ p50, p95, n: 24 });

describe('ratioMet', () => {
  it('needs the anchor to be the given times slower at p50 and at p95', () => {
    expect(ratioMet({ ours: t(100, 200), anchor: t(500, 1000) }, 5)).toBe(true);
    expect(ratioMet({ ours: t(100, 200), anchor: t(500, 990) }, 5)).toBe(false);
    expect(ratioMet({ ours: t(100, 200), anchor: t(490, 2000) }, 5)).toBe(false);
  });
});
