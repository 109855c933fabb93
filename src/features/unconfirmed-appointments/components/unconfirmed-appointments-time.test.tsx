import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { testSupabaseUrl } from '../../../../tests/msw/env';
import { server } from '../../../../tests/msw/server';
import { renderSignedIn } from '../../../../tests/render';

// a Denver office's slot on Wed, Dec 9 at 10:00 AM there: 17:00 UTC
const denverRequest = {
  id: 'denver',
  therapist_id: 'priya',
  therapist_first_name: 'Priya',
  therapist_last_name: 'Raman',
  slot_start: '2026-12-09T17:00:00+00:00',
  slot_end: '2026-12-09T17:50:00+00:00',
  time_zone: 'America/Denver',
  location_name: 'Denver Highlands Office',
  source: 'client_portal',
  source_label: 'Client Portal',
  first_name: 'Elena',
  last_name: 'Castillo',
  email: 'elena@example.org',
  phone: '617-555-0188',
  date_of_birth: '1991-04-12',
  member_id: null,
  note: null,
  created_at: new Date(Date.now() - 3_600_000).toISOString(),
  expires_at: new Date(Date.now() + 40 * 3_600_000).toISOString(),
};

const originalZone = process.env.TZ;
afterEach(() => {
  // Node reads TZ again when it changes: the browser's zone is the viewer's
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

async function requestedTimeCell(viewerZone: string) {
  process.env.TZ = viewerZone;
  server.use(
    http.get(`${testSupabaseUrl}/rest/v1/unconfirmed_requests`, () => HttpResponse.json([denverRequest])),
  );
  await renderSignedIn('scheduler', '/schedule/unconfirmed-appointments');
  const table = await screen.findByRole('table', { name: /1 pending request/ });
  const row = within(table).getAllByRole('row')[1]!;
  return row;
}

describe('Unconfirmed Appointments: the requested time', () => {
  it('is the office’s time, office named, with the viewer’s own time in brackets from New York', async () => {
    const row = await requestedTimeCell('America/New_York');
    expect(row).toHaveTextContent(
      'Wed, Dec 9, 10:00 AM MST, Denver Highlands Office (12:00 PM EST your time)',
    );
  });

  it('has no brackets for a viewer whose clock reads the same (Phoenix keeps MST)', async () => {
    const row = await requestedTimeCell('America/Phoenix');
    expect(row).toHaveTextContent('Wed, Dec 9, 10:00 AM MST, Denver Highlands Office');
    expect(row).not.toHaveTextContent('your time');
  });
});
