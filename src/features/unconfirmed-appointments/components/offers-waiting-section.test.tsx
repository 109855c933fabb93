import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { testSupabaseUrl } from '../../../../tests/msw/env';
import { queueRow } from '../../../../tests/msw/queue-rows';
import { server } from '../../../../tests/msw/server';
import { renderSignedIn } from '../../../../tests/render';

const hour = 3_600_000;
const request = queueRow;

const offered = request('offered', {
  first_name: 'Rowan',
  last_name: 'Osei',
  source: 'client_portal',
  source_label: 'Client Portal',
  expires_at: new Date(Date.now() + 30 * hour).toISOString(),
  offered_at: '2027-05-01T14:05:00+00:00',
  offered_by_name: 'Luis Romero',
  offer_message: 'Two mornings next week.',
  offered_times: [
    {
      therapist_id: 'priya',
      therapist_name: 'Priya Raman',
      starts_at: '2027-05-05T13:00:00+00:00',
      ends_at: '2027-05-05T14:00:00+00:00',
      time_zone: 'America/New_York',
      location_name: 'Back Bay Office',
      released_as: null,
    },
    {
      therapist_id: 'sam',
      therapist_name: 'Sam Lee',
      starts_at: '2027-05-06T14:00:00+00:00',
      ends_at: '2027-05-06T15:00:00+00:00',
      time_zone: 'America/New_York',
      location_name: null,
      released_as: null,
    },
  ],
});

function serve(pending: unknown[], offers: unknown[]) {
  server.use(
    http.get(`${testSupabaseUrl}/rest/v1/unconfirmed_requests`, () => HttpResponse.json(pending)),
    http.get(`${testSupabaseUrl}/rest/v1/offered_requests`, ({ request }) =>
      new URL(request.url).searchParams.get('org_id')
        ? HttpResponse.json(offers)
        : HttpResponse.json({ message: 'wrong clinic' }, { status: 400 }),
    ),
    http.get(`${testSupabaseUrl}/rest/v1/rpc/pending_request_count`, () => HttpResponse.json(pending.length)),
  );
}

describe('Unconfirmed Appointments: offers waiting for the client', () => {
  it('lists an offer in flight with its times, who offered them and when, and until when the client can pick', async () => {
    serve([request('a')], [offered]);
    await renderSignedIn('scheduler', '/schedule/unconfirmed-appointments');
    const section = await screen.findByRole('region', { name: 'Times offered — waiting for the client' });
    const table = await within(section).findByRole('table', { name: /1 request waiting for the client/ });
    const [row] = within(table).getAllByRole('row').slice(1);
    expect(row).toHaveTextContent('Rowan Osei');
    expect(row).toHaveTextContent('Times offered — waiting for the client');
    expect(row).toHaveTextContent('Wed, May 5, 9:00 AM EDT, Back Bay Office');
    expect(row).toHaveTextContent('with Sam Lee');
    expect(row).toHaveTextContent('by Luis Romero');
    expect(row).toHaveTextContent('Note to the client: Two mornings next week.');
    expect(row).toHaveTextContent(/Client can pick until .*1 day \d+ hours left/);
    expect(row).toHaveTextContent('Source: Client Portal');
    // the original time is no longer the question: nothing to confirm or decline
    expect(within(row!).queryByRole('button')).not.toBeInTheDocument();
    // the pending queue and the navigation badge count what waits for staff: the one pending request
    expect(screen.getByRole('table', { name: /^1 pending request,/ })).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Unconfirmed Appointments (1 pending)' }),
    ).toBeInTheDocument();
  });

  it('says an offer ended once the client’s time is over, until the expiry moves it to the history', async () => {
    serve([], [{ ...offered, expires_at: new Date(Date.now() - 60_000).toISOString() }]);
    await renderSignedIn('scheduler', '/schedule/unconfirmed-appointments');
    const section = await screen.findByRole('region', { name: 'Times offered — waiting for the client' });
    const table = await within(section).findByRole('table');
    expect(table).toHaveTextContent('Offer ended — the client did not pick');
  });

  it('says so when no offer waits for a client', async () => {
    serve([request('a')], []);
    await renderSignedIn('scheduler', '/schedule/unconfirmed-appointments');
    const section = await screen.findByRole('region', { name: 'Times offered — waiting for the client' });
    expect(await within(section).findByText('No offers are waiting for a client.')).toBeInTheDocument();
  });
});
