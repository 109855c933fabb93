import { describe, expect, it } from 'vitest';
import { describeDifferences } from './growth-check.ts';
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

describe('describeDifferences', () => {
  it('is equal only when no kept table differs, and names each one that does', () => {
    const none = {
      occurrences: 0,
      insightsDaily: 0,
      insightsDecisions: 0,
      insightsClinic: 0,
      insightsClinicDecisions: 0,
      offeredHours: 0,
      pendingTally: 0,
    };
    expect(describeDifferences(none)).toEqual({
      equal: true,
      summary:
        "kept tables equal the triggers' (occurrences, insightsDaily, insightsDecisions, insightsClinic, insightsClinicDecisions, offeredHours, pendingTally)",
    });
    expect(describeDifferences({ ...none, insightsDecisions: 3, pendingTally: 1 })).toEqual({
      equal: false,
      summary: "kept tables differ from the triggers': insightsDecisions 3 rows, pendingTally 1 rows",
    });
  });
});
