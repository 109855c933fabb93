import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { testSupabaseUrl } from '../../../../tests/msw/env';
import { queueRow } from '../../../../tests/msw/queue-rows';
import { server } from '../../../../tests/msw/server';
import { renderSignedIn } from '../../../../tests/render';

const hour = 3_600_000;
const request = queueRow('r1');
const time = (therapist: string, name: string, start: string, requested: boolean) => ({
  therapist_id: therapist,
  therapist_name: name,
  is_requested_therapist: requested,
  slot_start: start,
  slot_end: new Date(Date.parse(start) + hour).toISOString(),
  time_zone: 'America/New_York',
  office_name: 'Back Bay Office',
});
const priya = '11111111-1111-4111-8111-111111111111';
const jordan = '22222222-2222-4222-8222-222222222222';
const offerable = [
  time(priya, 'Priya Raman', '2027-05-05T13:00:00+00:00', true),
  time(priya, 'Priya Raman', '2027-05-05T14:00:00+00:00', true),
  time(jordan, 'Jordan Ellis', '2027-05-06T15:00:00+00:00', false),
  time(jordan, 'Jordan Ellis', '2027-05-06T16:00:00+00:00', false),
];

/** The queue with one request, its offerable times, and offer_alternative_times answering `offerAnswer`. */
function serve(offerAnswer: () => Response) {
  const offers: unknown[] = [];
  let queue = [request];
  server.use(
    http.get(`${testSupabaseUrl}/rest/v1/unconfirmed_requests`, () => HttpResponse.json(queue)),
    http.head(
      `${testSupabaseUrl}/rest/v1/unconfirmed_requests`,
      () => new HttpResponse(null, { status: 200, headers: { 'content-range': `*/${queue.length}` } }),
    ),
    http.post(`${testSupabaseUrl}/rest/v1/rpc/offerable_times`, () => HttpResponse.json(offerable)),
    http.post(`${testSupabaseUrl}/rest/v1/rpc/offer_alternative_times`, async ({ request: call }) => {
      offers.push(await call.json());
      const answer = offerAnswer();
      if (answer.ok) queue = [];
      return answer;
    }),
  );
  return offers;
}

describe('Offer other times', () => {
  it('is a third action beside Confirm and Decline; offers the chosen times with the message and the request leaves the queue', async () => {
    const offers = serve(() => HttpResponse.json('2027-05-03T13:00:00+00:00'));
    const user = userEvent.setup();
    await renderSignedIn('scheduler', '/schedule/unconfirmed-appointments');
    const table = await screen.findByRole('table', { name: /1 pending request/ });
    const row = within(table).getAllByRole('row')[1]!;
    const actions = within(row)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(actions).toEqual(['Details', 'Confirm', 'Offer times', 'Decline']);
    await user.click(within(row).getByRole('button', { name: 'Offer Elena Castillo other times' }));

    const dialog = await screen.findByRole('dialog', { name: 'Offer Elena Castillo other times' });
    const requested = await within(dialog).findByRole('group', { name: 'Priya Raman (requested therapist)' });
    const other = within(dialog).getByRole('group', { name: 'Jordan Ellis' });
    // in the office's zone, named, as every screen shows times
    await user.click(within(requested).getByRole('checkbox', { name: /Wed, May 5, 9:00 AM EDT/ }));
    await user.click(within(other).getByRole('checkbox', { name: /Thu, May 6, 11:00 AM EDT/ }));
    await user.type(within(dialog).getByLabelText(/Message to the client/), 'Two earlier times this week.');
    await user.click(within(dialog).getByRole('button', { name: 'Offer 2 times' }));

    expect(await screen.findByText(/Times offered: Elena Castillo was emailed a link/)).toBeInTheDocument();
    expect(offers).toEqual([
      {
        request_id: 'r1',
        times: [
          { therapist_id: priya, starts_at: '2027-05-05T13:00:00+00:00' },
          { therapist_id: jordan, starts_at: '2027-05-06T15:00:00+00:00' },
        ],
        message: 'Two earlier times this week.',
      },
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('asks for one to three times before sending anything', async () => {
    const offers = serve(() => HttpResponse.json(null));
    const user = userEvent.setup();
    await renderSignedIn('scheduler', '/schedule/unconfirmed-appointments');
    await user.click(await screen.findByRole('button', { name: 'Offer Elena Castillo other times' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findAllByRole('checkbox');
    await user.click(within(dialog).getByRole('button', { name: 'Offer times' }));
    expect(await within(dialog).findByText('Choose at least one time to offer.')).toBeInTheDocument();
    for (const box of within(dialog).getAllByRole('checkbox')) await user.click(box);
    await user.click(within(dialog).getByRole('button', { name: 'Offer 4 times' }));
    expect(await within(dialog).findByText('Offer at most three times.')).toBeInTheDocument();
    expect(offers).toEqual([]);
  });

  it('a time taken meanwhile is refused with the database’s reason, and the dialog stays open', async () => {
    serve(() =>
      HttpResponse.json(
        {
          code: 'P0001',
          hint: 'slot_not_open',
          details: null,
          message:
            'Wednesday, May 5, 2027 at 9:00 AM EDT is no longer an open time of Priya Raman: it was taken, blocked or is too soon. Choose another time.',
        },
        { status: 400 },
      ),
    );
    const user = userEvent.setup();
    await renderSignedIn('scheduler', '/schedule/unconfirmed-appointments');
    await user.click(await screen.findByRole('button', { name: 'Offer Elena Castillo other times' }));
    const dialog = await screen.findByRole('dialog');
    await user.click((await within(dialog).findAllByRole('checkbox'))[0]!);
    await user.click(within(dialog).getByRole('button', { name: 'Offer 1 time' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /is no longer an open time of Priya Raman/,
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});
