import { describe, expect, it } from 'vitest';
import { ageGroupOf, ageOn, agesServedProblem, minimumNoticeLine, todayIn } from './ages-served';

const check = (dateOfBirth: string, agesServed: string[], byGuardian = false) =>
  agesServedProblem({
    therapistName: 'Priya Raman',
    agesServed,
    dateOfBirth,
    today: '2027-03-10',
    byGuardian,
  });

describe('ages served against the date of birth', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('2009-03-10', '2027-03-10')).toBe(18);
    expect(ageOn('2009-03-11', '2027-03-10')).toBe(17);
    expect(ageOn('2000-02-29', '2027-02-28')).toBe(26);
    expect(ageOn('not a date', '2027-03-10')).toBeNull();
  });

  it('maps ages to the profile’s groups at their edges', () => {
    expect([12, 13, 17, 18, 25, 26, 64, 65].map(ageGroupOf)).toEqual([
      'children',
      'adolescents',
      'adolescents',
      'young_adults',
      'young_adults',
      'adults',
      'adults',
      'older_adults',
    ]);
  });

  it('refuses a 14-year-old for an adults-only therapist, naming the ages served and the guardian rule', () => {
    expect(check('2012-06-01', ['young_adults', 'adults'])).toEqual({
      field: 'date_of_birth',
      message:
        'Priya Raman sees young adults (18–25), adults (26–64) only. Choose a therapist who sees clients of this age; for anyone under 18, a parent or guardian makes the request.',
    });
  });

  it('refuses an adult outside the ages served without the guardian rule', () => {
    expect(check('1950-01-01', ['adolescents'])?.message).toBe(
      'Priya Raman sees adolescents (13–17) only. Choose a therapist who sees clients of this age.',
    );
  });

  it('asks for a parent or guardian for a minor the therapist sees, and passes when one requests', () => {
    expect(check('2012-06-01', ['adolescents'])?.field).toBe('requested_by_guardian');
    expect(check('2012-06-01', ['adolescents'], true)).toBeNull();
    expect(check('1990-04-12', ['adults'])).toBeNull();
  });

  it('takes today in the clinic’s zone', () => {
    // 03:00 UTC on March 10 is still March 9 in New York
    expect(todayIn('America/New_York', new Date('2027-03-10T03:00:00Z'))).toBe('2027-03-09');
  });
});

describe('the minimum notice line', () => {
  it('says why the soonest times are missing, in hours or days', () => {
    expect(minimumNoticeLine(0)).toBeNull();
    expect(minimumNoticeLine(1)).toMatch(/^Times less than 1 hour away/);
    expect(minimumNoticeLine(24)).toMatch(/^Times less than 24 hours away can’t be requested online/);
    expect(minimumNoticeLine(72)).toMatch(/^Times less than 3 days away/);
  });
});
