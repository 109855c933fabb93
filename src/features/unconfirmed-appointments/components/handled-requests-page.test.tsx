import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { testSupabaseUrl } from '../../../../tests/msw/env';
import { server } from '../../../../tests/msw/server';
import { renderSignedIn } from '../../../../tests/render';

const handledRow = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  status: 'confirmed',
  therapist_id: 'priya',
  therapist_first_name: 'Priya',
  therapist_last_name: 'Raman',
  first_name: 'Elena',
  last_name: 'Castillo',
  slot_start: '2027-05-04T13:00:00+00:00',
  slot_end: '2027-05-04T14:00:00+00:00',
  time_zone: 'America/New_York',
  location_name: 'Back Bay Office',
  source: 'payer',
  source_label: 'Aetna',
  arrived_at: '2027-05-01T10:00:00+00:00',
  handled_at: '2027-05-02T13:30:00+00:00',
  decided_by_name: 'Luis Romero',
  decline_reason: null,
  decline_note: null,
  withdrawn_reason: null,
  ...overrides,
});

/** Serves the history's pages by cursor (`pages[0]` first) and records what each call asked. */
function serveHistory(pages: unknown[][]) {
  const calls: Record<string, unknown>[] = [];
  server.use(
    http.post(`${testSupabaseUrl}/rest/v1/rpc/handled_requests`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      calls.push(body);
      // the page after the one whose last shown row (its 25th) is the cursor
      const at = body.after_id
        ? pages.findIndex((p) => (p[24] as { id: string } | undefined)?.id === body.after_id) + 1
        : 0;
      return HttpResponse.json(pages[at] ?? []);
    }),
    http.get(`${testSupabaseUrl}/rest/v1/staff_members`, ({ request }) =>
      new URL(request.url).searchParams.has('roles')
        ? HttpResponse.json([{ id: 'priya', first_name: 'Priya', last_name: 'Raman' }])
        : undefined,
    ),
    http.get(`${testSupabaseUrl}/rest/v1/payers`, () => HttpResponse.json([{ id: 'aetna', name: 'Aetna' }])),
  );
  return calls;
}

describe('Handled requests', () => {
  it('lists outcome, who decided and when, source, time to decision and the decline reason', async () => {
    serveHistory([
      [
        handledRow('a'),
        handledRow('b', {
          status: 'declined',
          first_name: 'Rowan',
          last_name: 'Osei',
          decline_reason: 'other',
          decline_note: 'Needs a specialist',
          source: 'client_portal',
          source_label: 'Client Portal',
        }),
        handledRow('c', {
          status: 'expired',
          first_name: 'Imani',
          last_name: 'Quinn',
          decided_by_name: null,
        }),
        handledRow('d', {
          status: 'withdrawn',
          first_name: 'Tobias',
          last_name: 'Moreau',
          decided_by_name: null,
          withdrawn_reason: 'therapist_unavailable',
        }),
      ],
    ]);
    await renderSignedIn('scheduler', '/schedule/unconfirmed-appointments/handled');
    const table = await screen.findByRole('table', { name: /Handled requests/ });
    const [confirmed, declined, expired, withdrawn] = within(table).getAllByRole('row').slice(1);
    expect(confirmed).toHaveTextContent('Confirmed');
    expect(confirmed).toHaveTextContent('Confirmed by Luis Romero');
    expect(confirmed).toHaveTextContent('1 day 3 hours');
    expect(confirmed).toHaveTextContent('Aetna');
    expect(declined).toHaveTextContent('Declined by Luis Romero');
    expect(declined).toHaveTextContent('Reason: Other: Needs a specialist');
    expect(declined).toHaveTextContent('Client Portal');
    expect(expired).toHaveTextContent('Expired without an answer');
    expect(expired).toHaveTextContent('No decision');
    expect(withdrawn).toHaveTextContent('Withdrawn: the therapist left the program');
    // the tab is a page of its own, marked current
    const tabs = screen.getByRole('navigation', { name: 'Requests' });
    expect(within(tabs).getByRole('link', { name: 'Handled' })).toHaveAttribute('aria-current', 'page');
    expect(within(tabs).getByRole('link', { name: 'Unconfirmed' })).not.toHaveAttribute('aria-current');
  });

  it('asks the server for each filter and starts again at the first page', async () => {
    const calls = serveHistory([[handledRow('a')]]);
    await renderSignedIn('scheduler', '/schedule/unconfirmed-appointments/handled');
    await screen.findByRole('table', { name: /Handled requests/ });
    await userEvent.selectOptions(screen.getByLabelText('Outcome'), 'declined');
    await screen.findByText('Raman, Priya', { selector: 'option' });
    await userEvent.selectOptions(screen.getByLabelText('Therapist'), 'Raman, Priya');
    await userEvent.selectOptions(screen.getByLabelText('Source'), 'Aetna');
    fireEvent.change(screen.getByLabelText('Handled from'), { target: { value: '2027-05-01' } });
    await waitFor(() =>
      expect(calls.at(-1)).toMatchObject({
        outcome: 'declined',
        therapist: 'priya',
        source_kind: 'payer',
        payer: 'aetna',
        page_size: 26,
      }),
    );
    expect(calls.at(-1)).toHaveProperty('handled_from');
    expect(calls.at(-1)).not.toHaveProperty('after_id');
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    // back to the unfiltered first page (the first call asked for it: nothing but the clinic and the size)
    expect(calls[0]).toEqual({ org_id: expect.any(String), page_size: 26 });
    expect(screen.getByLabelText('Outcome')).toHaveValue('');
    expect(screen.getByLabelText('Handled from')).toHaveValue('');
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('pages by keyset: Older asks for the rows after the last one shown, Newer goes back', async () => {
    const first = Array.from({ length: 26 }, (_, i) => handledRow(`p1-${i}`, { last_name: `First${i}` }));
    const second = [handledRow('p2-0', { last_name: 'Second' })];
    const calls = serveHistory([first, second]);
    await renderSignedIn('scheduler', '/schedule/unconfirmed-appointments/handled');
    const table = await screen.findByRole('table', { name: /page 1/ });
    // 25 shown; the 26th only says another page follows
    expect(within(table).getAllByRole('row')).toHaveLength(26);
    expect(screen.getByRole('button', { name: 'Newer' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Older' }));
    expect(await screen.findByRole('table', { name: /page 2/ })).toHaveTextContent('Elena Second');
    expect(calls.at(-1)).toMatchObject({ after_id: 'p1-24', after_handled_at: '2027-05-02T13:30:00+00:00' });
    expect(screen.getByRole('button', { name: 'Older' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Newer' }));
    expect(await screen.findByRole('table', { name: /page 1/ })).toHaveTextContent('Elena First0');
  });

  it('says so when nothing was handled yet', async () => {
    serveHistory([[]]);
    await renderSignedIn('scheduler', '/schedule/unconfirmed-appointments/handled');
    expect(await screen.findByText('No request has been handled yet.')).toBeInTheDocument();
  });

  it('offers a retry when the history cannot be loaded', async () => {
    serveHistory([]);
    server.use(
      http.post(`${testSupabaseUrl}/rest/v1/rpc/handled_requests`, () =>
        HttpResponse.json({ message: 'boom' }, { status: 500 }),
      ),
    );
    await renderSignedIn('scheduler', '/schedule/unconfirmed-appointments/handled');
    expect(await screen.findByText('The handled requests could not be loaded')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Try again|Retry/ })).toBeInTheDocument();
  });
});
