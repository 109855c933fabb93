import { describe, expect, it } from 'vitest';
import { insightsArgs, lastDays, noFilters, periodProblem } from './period';

describe('the period', () => {
  it('counts the last days in the clinic’s zone, today included', () => {
    // 03:30 UTC on Nov 2 is still Nov 1 in New York, already Nov 2 in Berlin
    const now = new Date('2026-11-02T03:30:00Z');
    expect(lastDays(30, 'America/New_York', now)).toEqual({ from: '2026-10-03', to: '2026-11-01' });
    expect(lastDays(30, 'Europe/Berlin', now)).toEqual({ from: '2026-10-04', to: '2026-11-02' });
  });

  it('refuses reversed dates and more than two years, accepts exactly two', () => {
    expect(periodProblem('2026-11-15', '2026-10-19')).toMatch(/ends before it starts/);
    expect(periodProblem('2024-01-01', '2026-01-01')).toMatch(/at most two years/);
    expect(periodProblem('2024-01-01', '2025-12-31')).toBeNull();
    expect(periodProblem('2026-10-19', '2026-10-19')).toBeNull();
    expect(periodProblem('', '2026-10-19')).toMatch(/Choose the first and the last day/);
  });

  it('sends a source as the client portal or one payer, never both', () => {
    const base = { from: '2026-10-01', to: '2026-10-31', ...noFilters };
    expect(insightsArgs('org', { ...base, source: 'client_portal' })).toMatchObject({
      source_kind: 'client_portal',
      payer: undefined,
    });
    expect(insightsArgs('org', { ...base, source: 'aetna', office: 'back-bay' })).toMatchObject({
      source_kind: undefined,
      payer: 'aetna',
      office: 'back-bay',
      therapist: undefined,
    });
  });
});
