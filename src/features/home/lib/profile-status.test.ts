import { describe, expect, it } from 'vitest';
import { isListed, profileStatus } from './profile-status';

const fields = {
  professional_title: 'LCSW',
  license_type: 'lcsw',
  license_state: 'MA',
  license_number: 'LC-1234',
  about_me: 'a'.repeat(150),
  specialties: ['anxiety'],
  treatment_approaches: ['cbt'],
  ages_served: ['adults'],
  session_formats: ['telehealth'],
  languages: [],
};

describe('profileStatus', () => {
  it('is not enrolled without a row or an enrollment', () => {
    expect(profileStatus(null)).toEqual({ kind: 'notEnrolled' });
    expect(profileStatus({ ...fields, enrollment_status: null, submitted_at: null })).toEqual({
      kind: 'notEnrolled',
    });
  });

  it('is deactivated, whatever the profile holds', () => {
    expect(
      profileStatus({ ...fields, enrollment_status: 'deactivated', submitted_at: '2026-01-01' }).kind,
    ).toBe('deactivated');
  });

  it('is complete once submitted, and only then listed', () => {
    const status = profileStatus({
      ...fields,
      enrollment_status: 'active',
      submitted_at: '2026-12-01T10:00:00Z',
    });
    expect(status).toEqual({ kind: 'complete', submittedAt: '2026-12-01T10:00:00Z' });
    expect(isListed(status)).toBe(true);
  });

  it('names what is missing, or says it is ready to submit', () => {
    const incomplete = profileStatus({ ...fields, enrollment_status: 'active', submitted_at: null });
    expect(incomplete).toEqual({ kind: 'incomplete', missing: ['Languages'] });
    expect(isListed(incomplete)).toBe(false);
    expect(
      profileStatus({ ...fields, languages: ['en'], enrollment_status: 'active', submitted_at: null }),
    ).toEqual({ kind: 'readyToSubmit' });
  });
});
