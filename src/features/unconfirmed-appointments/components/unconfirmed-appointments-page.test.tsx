import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { testSupabaseUrl } from '../../../../tests/msw/env';
import { queueRow } from '../../../../tests/msw/queue-rows';
import { server } from '../../../../tests/msw/server';
import { renderSignedIn } from '../../../../tests/render';

const hour = 3_600_000;
const row = queueRow;

function serveQueue(rows: unknown[]) {
  const rpcCalls: { name: string; body: unknown }[] = [];
  server.use(
    http.get(`${testSupabaseUrl}/rest/v1/unconfirmed_requests`, () => HttpResponse.json(rows)),
    // the navigation badge asks the database for the count alone, for the viewer's clinic
    http.get(`${testSupabaseUrl}/rest/v1/rpc/pending_request_count`, ({ request }) =>
      new URL(request.url).searchParams.get('org')
        ? HttpResponse.json(rows.length)
        : HttpResponse.json({ message: 'wrong clinic' }, { status: 400 }),
    ),
    http.post(`${testSupabaseUrl}/rest/v1/rpc/:name`, async ({ request, params }) => {
      const body = await request.json();
      rpcCalls.push({ name: String(params.name), body });
      if ((body as { request_id: string }).request_id === 'taken') {
        return HttpResponse.json(
          {
            code: 'P0001',
            hint: 'already_decided',
            details: null,
            message:
              'This request was already confirmed by Luis Romero on Saturday, May 1, 2027 at 8:00 AM EDT.',
          },
          { status: 400 },
        );
      }
      return HttpResponse.json(null);
    }),
  );
  return rpcCalls;
}

describe('Unconfirmed Appointments', () => {
  it('lists pending requests with source and time left in words, soon and urgent ones marked', async () => {
    serveQueue([
      row('a', { expires_at: new Date(Date.now() + 5 * hour).toISOString() }),
      row('c', {
        expires_at: new Date(Date.now() + 1.5 * hour).toISOString(),
        first_name: 'Imani',
        last_name: 'Quinn',
      }),
      row('b', {
        source: 'client_portal',
        source_label: 'Client Portal',
        first_name: 'Rowan',
        last_name: 'Osei',
      }),
    ]);
    await renderSignedIn('scheduler', '/schedule/unconfirmed-appointments');
    const table = await screen.findByRole('table', { name: /3 pending requests/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Imani Quinn');
    expect(rows[0]).toHaveTextContent(/Urgent: 1 hour \d+ minutes left/);
    expect(rows[1]).toHaveTextContent('Elena Castillo');
    expect(rows[1]).toHaveTextContent('Aetna');
    expect(rows[1]).toHaveTextContent(/Soon: 4 hours \d+ minutes left/);
    expect(rows[2]).toHaveTextContent('Client Portal');
    expect(rows[2]).toHaveTextContent(/1 day 15 hours|1 day 16 hours/);
    expect(rows[2]).not.toHaveTextContent(/Urgent|Soon/);
    // a primary Confirm and a danger Decline per row: the visible label is short, the name says whose
    const confirm = within(rows[1]!).getByRole('button', { name: 'Confirm Elena Castillo’s request' });
    expect(confirm).toHaveTextContent(/^Confirm$/);
    const decline = within(rows[1]!).getByRole('button', { name: 'Decline Elena Castillo’s request' });
    expect(decline).toHaveTextContent(/^Decline$/);
    expect(decline.className).toMatch(/danger/);
    // the navigation counts what waits for an answer
    expect(
      await screen.findByRole('link', { name: 'Unconfirmed Appointments (3 pending)' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(document.title).toBe('(3) Unconfirmed Appointments · Client Referral Program'),
    );
    // the queue and its history are tabs (links) of the screen
    const tabs = screen.getByRole('navigation', { name: 'Requests' });
    expect(within(tabs).getByRole('link', { name: 'Unconfirmed' })).toHaveAttribute('aria-current', 'page');
    expect(within(tabs).getByRole('link', { name: 'Handled' })).toHaveAttribute(
      'href',
      '/schedule/unconfirmed-appointments/handled',
    );
  });

  it('opens from its former address, which emails already sent link to', async () => {
    serveQueue([row('a')]);
    await renderSignedIn('scheduler', '/schedule/unconfirmed');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Unconfirmed Appointments' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Unconfirmed Appointments/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('filters by source', async () => {
    serveQueue([
      row('a'),
      row('b', {
        source: 'client_portal',
        source_label: 'Client Portal',
        first_name: 'Rowan',
        last_name: 'Osei',
      }),
    ]);
    await renderSignedIn('scheduler', '/schedule/unconfirmed-appointments');
    await screen.findByRole('table');
    await userEvent.selectOptions(screen.getByLabelText('Source'), 'Client Portal');
    expect(screen.getByRole('table', { name: /1 pending request,/ })).toHaveTextContent('Rowan Osei');
  });

  it('shows where a client-portal request came from: a payer deep link’s source and reference', async () => {
    serveQueue([
      row('b', {
        source: 'client_portal',
        source_label: 'Client Portal',
        referral_source: 'aetna-finder',
        booking_referral: 'ref-42',
        first_name: 'Rowan',
        last_name: 'Osei',
      }),
    ]);
    await renderSignedIn('scheduler', '/schedule/unconfirmed-appointments');
    const table = await screen.findByRole('table');
    expect(table).toHaveTextContent('Client Portal via aetna-finder (reference ref-42)');
  });

  it('confirms after a dialog that says it cannot be undone', async () => {
    const calls = serveQueue([row('a')]);
    await renderSignedIn('scheduler', '/schedule/unconfirmed-appointments');
    await userEvent.click(await screen.findByRole('button', { name: 'Confirm Elena Castillo’s request' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Confirm Elena Castillo’s request?' });
    expect(dialog).toHaveTextContent('It cannot be undone.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm appointment' }));
    await waitFor(() =>
      expect(calls).toEqual([{ name: 'confirm_referral_request', body: { request_id: 'a' } }]),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Confirmed: Elena Castillo is scheduled and was emailed.',
    );
    // the row left the queue; focus is on the empty state, not lost on the page
    const empty = await screen.findByText('No requests are waiting for an answer.');
    await waitFor(() => expect(empty).toHaveFocus());
  });

  it('moves focus to the next row’s Confirm after a decision', async () => {
    serveQueue([
      row('a'),
      row('b', {
        first_name: 'Rowan',
        last_name: 'Osei',
        expires_at: new Date(Date.now() + 41 * hour).toISOString(),
      }),
    ]);
    await renderSignedIn('scheduler', '/schedule/unconfirmed-appointments');
    await userEvent.click(await screen.findByRole('button', { name: 'Confirm Elena Castillo’s request' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm appointment' }));
    const next = await screen.findByRole('button', { name: 'Confirm Rowan Osei’s request' });
    await waitFor(() => expect(next).toHaveFocus());
    expect(
      screen.queryByRole('button', { name: 'Confirm Elena Castillo’s request' }),
    ).not.toBeInTheDocument();
  });

  it('tells who decided first when someone else already did', async () => {
    serveQueue([row('taken')]);
    await renderSignedIn('scheduler', '/schedule/unconfirmed-appointments');
    await userEvent.click(await screen.findByRole('button', { name: 'Confirm Elena Castillo’s request' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm appointment' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('already confirmed by Luis Romero');
  });

  it('shows everything submitted and the therapist’s day, with a conflict called out', async () => {
    serveQueue([row('a', { note: 'Evenings are hard' })]);
    server.use(
      http.get(`${testSupabaseUrl}/rest/v1/availability_occurrences`, () =>
        HttpResponse.json([{ during: '["2027-05-04 13:00:00+00","2027-05-04 17:00:00+00")' }]),
      ),
      http.get(`${testSupabaseUrl}/rest/v1/appointments`, () =>
        HttpResponse.json([{ during: '["2027-05-04 13:30:00+00","2027-05-04 14:30:00+00")' }]),
      ),
      http.get(`${testSupabaseUrl}/rest/v1/referral_requests`, () =>
        HttpResponse.json([{ id: 'a', slot: '["2027-05-04 13:00:00+00","2027-05-04 14:00:00+00")' }]),
      ),
    );
    await renderSignedIn('scheduler', '/schedule/unconfirmed-appointments');
    const toggle = await screen.findByRole('button', { name: 'Details of Elena Castillo’s request' });
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('Evenings are hard', { selector: 'dd' })).toBeInTheDocument();
    // label/value pairs; the date of birth in the locale's format, not ISO
    expect(screen.getByText('Date of birth', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      'Apr 12, 1991',
    );
    expect(await screen.findByText(/Conflict: an appointment is already scheduled/)).toBeInTheDocument();
    expect(screen.getByText('This request')).toBeInTheDocument();
  });

  it('declines only with a reason, and a note for Other', async () => {
    const calls = serveQueue([row('a')]);
    await renderSignedIn('scheduler', '/schedule/unconfirmed-appointments');
    await userEvent.click(await screen.findByRole('button', { name: 'Decline Elena Castillo’s request' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Decline Elena Castillo’s request?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Decline request' }));
    expect(await within(dialog).findByText('Choose a reason for declining.')).toBeInTheDocument();
    await userEvent.selectOptions(within(dialog).getByLabelText('Reason'), 'other');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Decline request' }));
    expect(await within(dialog).findByText('Describe the reason when you choose Other.')).toBeInTheDocument();
    expect(calls).toEqual([]);
    await userEvent.type(within(dialog).getByLabelText(/Note/), 'Needs a specialist we do not have');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Decline request' }));
    await waitFor(() =>
      expect(calls).toEqual([
        {
          name: 'decline_referral_request',
          body: { request_id: 'a', reason: 'other', note: 'Needs a specialist we do not have' },
        },
      ]),
    );
  });
});
