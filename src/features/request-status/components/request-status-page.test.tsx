import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { OfferedTime, StatusOfRequest } from '../../../../supabase/functions/_shared/request-status.ts';
import { testSupabaseUrl } from '../../../../tests/msw/env';
import { server } from '../../../../tests/msw/server';
import { renderPublicApp } from '../../../../tests/render-public';

const token = 'Q'.repeat(41) + '-_';
const clinic = { name: 'Harborview Counseling Collective', slug: 'harborview' };
const hour = 3_600_000;
const request = (overrides: Partial<StatusOfRequest> = {}): StatusOfRequest => ({
  state: 'pending',
  therapist_name: 'Priya Raman',
  office_phone: '(617) 555-0100',
  office_name: 'Back Bay Office',
  office_address: '1 Main Street, Boston, MA 02116',
  format: 'in_person',
  starts_at: '2027-05-04T13:00:00Z',
  ends_at: '2027-05-04T14:00:00Z',
  time_zone: 'America/New_York',
  expires_at: new Date(Date.now() + 40 * hour).toISOString(),
  expiry_cause: null,
  decided_at: null,
  withdrawn_at: null,
  withdrawn_by_client: false,
  offer: null,
  ...overrides,
});
const offered = (id: string, start: string, state: OfferedTime['state'] = 'open'): OfferedTime => ({
  id,
  starts_at: start,
  ends_at: new Date(Date.parse(start) + hour).toISOString(),
  time_zone: 'America/New_York',
  therapist_name: 'Priya Raman',
  office_name: 'Back Bay Office',
  format: 'in_person',
  state,
});

const fn = (path: string) => `${testSupabaseUrl}/functions/v1/client-portal/${path}`;

/** The status API with `current` as the request; the test's own handlers for changes. */
function serveStatus(current: () => Response) {
  const calls: { path: string; body: unknown }[] = [];
  server.use(
    http.post(fn('status'), async ({ request: call }) => {
      calls.push({ path: 'status', body: await call.json() });
      return current();
    }),
  );
  return calls;
}

const open = async () => {
  const rendered = renderPublicApp({ route: `/request/status/${token}` });
  await screen.findByRole('heading', { level: 1 });
  return rendered;
};

describe('the status page', () => {
  it('shows the one request: practice, therapist, office, time in the office’s zone and the deadline, in words', async () => {
    const calls = serveStatus(() => HttpResponse.json({ clinic, request: request() }));
    await open();
    expect(
      screen.getByRole('heading', {
        level: 1,
        name: 'Waiting for Harborview Counseling Collective’s answer',
      }),
    ).toBeInTheDocument();
    const details = screen.getByRole('region', { name: 'Your request' });
    expect(details).toHaveTextContent('Priya Raman');
    expect(details).toHaveTextContent(/Tue, May 4, 9:00 AM EDT, Back Bay Office/);
    expect(details).toHaveTextContent('In person at Back Bay Office, 1 Main Street, Boston, MA 02116');
    expect(details).toHaveTextContent(/Answer due by/);
    // the token went in the body, not the address of the call
    expect(calls).toEqual([{ path: 'status', body: { token } }]);
  });

  it('withdraws after asking, then says so', async () => {
    let state = request();
    serveStatus(() => HttpResponse.json({ clinic, request: state }));
    const withdrawals: unknown[] = [];
    server.use(
      http.post(fn('status/withdraw'), async ({ request: call }) => {
        withdrawals.push(await call.json());
        state = request({
          state: 'withdrawn',
          withdrawn_by_client: true,
          withdrawn_at: new Date().toISOString(),
        });
        return HttpResponse.json({ state: 'withdrawn' });
      }),
    );
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Withdraw my request' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Withdraw your request?' });
    await user.click(within(dialog).getByRole('button', { name: 'Withdraw request' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'You withdrew this request' })).toHaveFocus();
    expect(withdrawals).toEqual([{ token }]);
    expect(screen.queryByRole('button', { name: 'Withdraw my request' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Request another time' })).toHaveAttribute(
      'href',
      '/request/harborview',
    );
  });

  it('lists the offered times with the practice’s note; one click books one', async () => {
    const times = [offered('t1', '2027-05-05T13:00:00Z'), offered('t2', '2027-05-06T14:00:00Z')];
    let state = request({
      state: 'alternatives_offered',
      offer: { message: 'Two earlier times this week.', offered_at: new Date().toISOString(), times },
    });
    serveStatus(() => HttpResponse.json({ clinic, request: state }));
    const picks: unknown[] = [];
    server.use(
      http.post(fn('status/pick'), async ({ request: call }) => {
        picks.push(await call.json());
        state = request({
          state: 'confirmed',
          starts_at: '2027-05-06T14:00:00Z',
          offer: {
            ...state.offer!,
            times: [
              { ...times[0]!, state: 'not_picked' },
              { ...times[1]!, state: 'picked' },
            ],
          },
        });
        return HttpResponse.json({ state: 'confirmed' });
      }),
    );
    const { user } = await open();
    const list = screen.getByRole('region', { name: 'Times offered to you' });
    expect(list).toHaveTextContent(
      'Message from Harborview Counseling Collective: Two earlier times this week.',
    );
    await user.click(
      within(list).getByRole('button', {
        name: /^Pick Thu, May 6, 10:00 AM EDT, Back Bay Office.* with Priya Raman$/,
      }),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your appointment is confirmed' }),
    ).toHaveFocus();
    expect(picks).toEqual([{ token, offered_time_id: 't2' }]);
    expect(screen.getByRole('region', { name: 'Your appointment' })).toHaveTextContent(
      /Thu, May 6, 10:00 AM EDT/,
    );
  });

  it('a time taken meanwhile is said so, and the other times can still be picked', async () => {
    const times = [offered('t1', '2027-05-05T13:00:00Z'), offered('t2', '2027-05-06T14:00:00Z')];
    let state = request({
      state: 'alternatives_offered',
      offer: { message: null, offered_at: new Date().toISOString(), times },
    });
    serveStatus(() => HttpResponse.json({ clinic, request: state }));
    server.use(
      http.post(fn('status/pick'), () => {
        state = { ...state, offer: { ...state.offer!, times: [{ ...times[0]!, state: 'lost' }, times[1]!] } };
        return HttpResponse.json(
          {
            error: {
              code: 'slot_lost',
              message:
                'Sorry, that time was taken just now. Please pick one of the other times, if any are left.',
              field: 'offered_time_id',
            },
          },
          { status: 409 },
        );
      }),
    );
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: /Pick Wed, May 5/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Sorry, that time was taken just now.');
    expect(await screen.findByText('No longer available')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Pick Thu, May 6/ })).toBeInTheDocument();
  });

  it('an expired link says so and offers the clinic’s request page', async () => {
    serveStatus(() =>
      HttpResponse.json(
        { error: { code: 'status_link_expired', message: 'This status link has expired.' }, clinic },
        { status: 410 },
      ),
    );
    await open();
    expect(screen.getByRole('heading', { level: 1, name: 'This link has expired' })).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Request an appointment with Harborview Counseling Collective' }),
    ).toHaveAttribute('href', '/request/harborview');
  });

  it('a changed or made-up link says it is not valid and shows nothing of any request', async () => {
    serveStatus(() =>
      HttpResponse.json(
        { error: { code: 'status_link_unknown', message: 'This status link is not valid.' } },
        { status: 404 },
      ),
    );
    await open();
    expect(screen.getByRole('heading', { level: 1, name: 'This link is not valid' })).toBeInTheDocument();
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Withdraw/ })).not.toBeInTheDocument();
  });
});
