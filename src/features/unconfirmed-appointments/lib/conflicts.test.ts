import { describe, expect, it } from 'vitest';
import { findConflicts } from './conflicts';

const at = (h1: number, h2: number) => ({
  start: new Date(Date.UTC(2027, 4, 4, h1)),
  end: new Date(Date.UTC(2027, 4, 4, h2)),
});

describe('findConflicts', () => {
  it('finds overlapping appointments, not back-to-back ones', () => {
    expect(findConflicts(at(13, 14), [at(12, 13), at(14, 15)])).toEqual([]);
    expect(findConflicts(at(13, 14), [at(12, 14), at(14, 15)])).toEqual([at(12, 14)]);
  });
});
