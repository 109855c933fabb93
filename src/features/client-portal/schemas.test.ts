/**
 * The request form's schema against the database's rules for the same columns
 * (20261207007100_dates_in_range.sql): a date of birth after 1900-01-01 and before today, a slot
 * start in the years 2000–2199.
 */
import { describe, expect, it } from 'vitest';
import { portalReferralRequestSchema } from './schemas';

const valid = {
  therapist_id: '5e550000-0000-4000-8000-000000000003',
  slot_start: '2027-05-04T13:00:00Z',
  first_name: 'Elena',
  last_name: 'Castillo',
  email: 'elena@example.org',
  phone: '617-555-0188',
  date_of_birth: '1991-04-12',
};

/** The first message for `field` of a failed parse, or null when the field passed. */
function messageFor(field: keyof typeof valid, value: string): string | null {
  const result = portalReferralRequestSchema.safeParse({ ...valid, [field]: value });
  if (result.success) return null;
  return result.error.issues.find((issue) => issue.path[0] === field)?.message ?? null;
}

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('portalReferralRequestSchema matches the database’s date rules', () => {
  it('takes a date of birth after 1900-01-01 and before today (UTC), as the trigger on referral_requests', () => {
    expect(messageFor('date_of_birth', '1900-01-01')).toBe('Date of birth must be after 1900.');
    expect(messageFor('date_of_birth', '0000-01-01')).toBe('Date of birth must be after 1900.');
    expect(messageFor('date_of_birth', '1900-01-02')).toBeNull();
    expect(messageFor('date_of_birth', isoDay(-1))).toBeNull();
    expect(messageFor('date_of_birth', isoDay(0))).toBe('Date of birth must be in the past.');
    expect(messageFor('date_of_birth', '2999-01-01')).toBe('Date of birth must be in the past.');
  });

  it('takes a slot start in the years 2000–2199, as CHECK referral_requests_slot_in_range', () => {
    for (const slotStart of ['0000-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '2200-01-01T00:00:00Z']) {
      expect(messageFor('slot_start', slotStart), slotStart).toMatch(
        /^slot_start must be an ISO 8601 date-time/,
      );
    }
    expect(messageFor('slot_start', '2000-01-01T00:00:00Z')).toBeNull();
    expect(messageFor('slot_start', '2199-12-31T23:00:00Z')).toBeNull();
  });
});
