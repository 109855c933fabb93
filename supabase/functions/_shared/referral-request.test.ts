import { deepStrictEqual, equal } from 'node:assert/strict';
import { firstIssue, isStorableInstant, payerReferralRequestSchema } from './referral-request.ts';

const body = {
  therapist_id: '3f2b8a1e-7c4d-4e5f-9a6b-1c2d3e4f5a6b',
  slot_start: '2027-05-04T13:00:00Z',
  first_name: 'Elena',
  last_name: 'Castillo',
  email: 'elena@example.org',
  phone: '617-555-0188',
  date_of_birth: '1991-04-12',
  member_id: 'W1',
};
const issue = (changes: Record<string, unknown>) => {
  const parsed = payerReferralRequestSchema.safeParse({ ...body, ...changes });
  return parsed.success ? null : firstIssue(parsed.error);
};

Deno.test('slot_start must be an instant Postgres stores as given', () => {
  const message = 'slot_start must be an ISO 8601 date-time with a time zone, e.g. 2027-05-04T13:00:00Z.';
  for (const slot_start of [
    '0000-01-01T00:00:00Z',
    '1999-12-31T23:59:59Z',
    '2200-01-01T00:00:00Z',
    '2027-05-04T13:00:00+23:59',
    '2027-05-04T13:00:00-16:00',
  ]) {
    deepStrictEqual(issue({ slot_start }), { field: 'slot_start', message });
  }
  equal(issue({ slot_start: '2027-05-04T13:00:00+05:30' }), null);
  equal(isStorableInstant('2027-05-04T13:00:00.123456789Z'), true);
});

Deno.test('a lone surrogate in a name, member ID or note is refused by field', () => {
  deepStrictEqual(issue({ first_name: 'El\ud800na' }), {
    field: 'first_name',
    message: 'First name contains characters that are not allowed.',
  });
  deepStrictEqual(issue({ member_id: '\udc00W1' }), {
    field: 'member_id',
    message: 'Member ID contains characters that are not allowed.',
  });
  deepStrictEqual(issue({ note: 'x\ud83d' }), {
    field: 'note',
    message: 'Note contains characters that are not allowed.',
  });
  equal(issue({ note: 'Evenings 😀' }), null);
});
