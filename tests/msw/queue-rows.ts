/** One row of the Unconfirmed queue (`unconfirmed_requests`), as the component tests' handlers answer it. */
const hour = 3_600_000;

export const queueRow = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  therapist_id: 'priya',
  therapist_first_name: 'Priya',
  therapist_last_name: 'Raman',
  slot_start: '2027-05-04T13:00:00+00:00',
  slot_end: '2027-05-04T14:00:00+00:00',
  time_zone: 'America/New_York',
  location_name: 'Back Bay Office',
  source: 'payer',
  source_label: 'Aetna',
  first_name: 'Elena',
  last_name: 'Castillo',
  email: 'elena@example.org',
  phone: '617-555-0188',
  date_of_birth: '1991-04-12',
  member_id: 'W1',
  note: null,
  created_at: new Date(Date.now() - 2 * hour).toISOString(),
  expires_at: new Date(Date.now() + 40 * hour).toISOString(),
  ...overrides,
});
