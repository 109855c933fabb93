import { describe, expect, it } from 'vitest';
import type { StatusOfRequest } from '../../../../supabase/functions/_shared/request-status.ts';
import { formatInWords, statusSummary } from './status-summary';

const now = new Date('2027-05-01T12:00:00Z');
const request = (overrides: Partial<StatusOfRequest> = {}): StatusOfRequest => ({
  state: 'pending',
  therapist_name: 'Priya Raman',
  office_phone: null,
  office_name: 'Back Bay Office',
  office_address: '1 Main Street, Boston, MA 02116',
  format: 'in_person',
  starts_at: '2027-05-04T13:00:00Z',
  ends_at: '2027-05-04T14:00:00Z',
  time_zone: 'America/New_York',
  expires_at: '2027-05-03T12:00:00Z',
  expiry_cause: null,
  decided_at: null,
  withdrawn_at: null,
  withdrawn_by_client: false,
  offer: null,
  ...overrides,
});
const summary = (overrides: Partial<StatusOfRequest>) =>
  statusSummary(request(overrides), 'Harborview', now, 'America/New_York');

describe('statusSummary', () => {
  it('a pending request names the deadline in the office’s clock and may be withdrawn until then', () => {
    const s = summary({});
    expect(s.detail).toBe(
      'Harborview will confirm or decline your request by Mon, May 3, 8:00 AM EDT. We’ll email you their answer.',
    );
    expect([s.canWithdraw, s.canPick]).toEqual([true, false]);
    expect(summary({ expires_at: '2027-05-01T11:59:00Z' }).canWithdraw).toBe(false);
  });

  it('an offer may be picked from or withdrawn while it runs', () => {
    const s = summary({ state: 'alternatives_offered' });
    expect(s.title).toBe('Harborview offered you other times');
    expect([s.canWithdraw, s.canPick]).toEqual([true, true]);
    expect(summary({ state: 'alternatives_offered', expires_at: '2027-05-01T11:00:00Z' }).canPick).toBe(
      false,
    );
  });

  it('final states allow nothing and say what happened', () => {
    for (const state of ['confirmed', 'declined', 'expired', 'withdrawn'] as const) {
      const s = summary({ state });
      expect([s.canWithdraw, s.canPick]).toEqual([false, false]);
    }
    expect(summary({ state: 'expired', expiry_cause: 'offer_expired' }).title).toBe(
      'The offered times are no longer held',
    );
    expect(summary({ state: 'expired', expiry_cause: 'slot_started' }).detail).toMatch(
      /before the requested time began/,
    );
    expect(summary({ state: 'withdrawn', withdrawn_by_client: true }).title).toBe(
      'You withdrew this request',
    );
    expect(summary({ state: 'withdrawn', withdrawn_by_client: false }).detail).toMatch(/can no longer offer/);
  });
});

describe('formatInWords', () => {
  it('names the office and its address, or telehealth', () => {
    expect(formatInWords(request())).toBe('In person at Back Bay Office, 1 Main Street, Boston, MA 02116');
    expect(formatInWords(request({ format: 'telehealth', office_name: null, office_address: null }))).toBe(
      'Telehealth (video)',
    );
  });
});
