import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { orgIds } from '../../../../tests/msw/people';
import { deadLetter, serveProgram } from '../../../../tests/msw/referral-program-handlers';
import { eqValue, postgrestError, restUrl } from '../../../../tests/msw/rest';
import { server } from '../../../../tests/msw/server';
import { renderSignedIn } from '../../../../tests/render';

// the whole app renders and its lazy pages load
vi.setConfig({ testTimeout: 20_000 });

const route = '/organization/subscription/referral-program';
const title = /Emails that could not be delivered/;

let backend: ReturnType<typeof serveProgram>;
beforeEach(() => {
  backend = serveProgram();
});
const resends = () => backend.requests.filter((r) => r.path === 'rpc/resend_undelivered_email');

async function openProgram() {
  await renderSignedIn('admin', route);
  await screen.findByRole(
    'table',
    { name: 'Enrolled staff of Harborview Counseling Collective' },
    { timeout: 5000 },
  );
}

describe('Emails that could not be delivered', () => {
  it('shows nothing while every email was delivered', async () => {
    await openProgram();
    expect(screen.queryByRole('region', { name: title })).not.toBeInTheDocument();
  });

  it("lists the clinic's dead letters with recipient, what the email was, when it was given up on and the last error", async () => {
    // newest first, as the app asks for them
    backend.state.undelivered = [
      deadLetter({
        template: 'enrollment_invitation',
        recipient: 'rowan.osei@harborviewcounseling.com',
        attempts: 1,
        last_error: 'email API answered 422: invalid `to`',
        dead_lettered_at: '2026-12-05T09:00:00Z',
      }),
      deadLetter({ recipient: 'elena.castillo@example.org', dead_lettered_at: '2026-12-04T15:30:00Z' }),
    ];
    await openProgram();

    const region = await screen.findByRole('region', { name: 'Emails that could not be delivered (2)' });
    const items = within(region).getAllByRole('listitem');
    expect(
      items.map((item) =>
        within(item)
          .getAllByRole('paragraph')
          .map((p) => p.textContent),
      ),
    ).toEqual([
      [
        'rowan.osei@harborviewcounseling.com',
        'Invitation to complete the public profile (to the therapist)',
        expect.stringMatching(/^Given up on .*2026.* after 1 attempt$/),
        'Last error: email API answered 422: invalid `to`',
      ],
      [
        'elena.castillo@example.org',
        'Appointment confirmed (to the client)',
        expect.stringMatching(/^Given up on .*2026.* after 71 attempts$/),
        'Last error: email API unreachable: error sending request: Connection refused',
      ],
    ]);
    // the clinic's dead letters are asked for (which ones an admin reads is proven in tests/api)
    const asked = backend.requests.find((r) => r.path === 'notification_outbox')!.params;
    expect([eqValue(asked, 'org_id'), eqValue(asked, 'status')]).toEqual([orgIds.harborview, 'dead_letter']);
  });

  it('resends one: it leaves the list, the admin is told, and a double click requeues it once', async () => {
    const email = deadLetter();
    backend.state.undelivered = [email];
    const user = userEvent.setup();
    await openProgram();

    const resend = await screen.findByRole('button', {
      name: 'Resend “Appointment confirmed (to the client)” to elena.castillo@example.org',
    });
    await user.dblClick(resend);

    await waitFor(() =>
      expect(
        screen.getByText(/The email to elena.castillo@example.org is queued to be sent again\./),
      ).toBeInTheDocument(),
    );
    await waitFor(() => expect(screen.queryByRole('region', { name: title })).not.toBeInTheDocument());
    expect(resends().map((r) => r.body)).toEqual([{ notification_id: email.id }]);
    expect(screen.getByText(/is queued to be sent again/)).toHaveFocus();
  });

  it('says why when the resend is refused, and keeps the email listed', async () => {
    backend.state.undelivered = [deadLetter()];
    server.use(
      http.post(restUrl('rpc/resend_undelivered_email'), () =>
        postgrestError(
          404,
          'PT404',
          'That email does not exist or you cannot resend it. Only org admins of its clinic can.',
          'unknown_email',
        ),
      ),
    );
    const user = userEvent.setup();
    await openProgram();
    await user.click(await screen.findByRole('button', { name: /^Resend/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That email does not exist or you cannot resend it.',
    );
    expect(screen.getByRole('region', { name: title })).toBeInTheDocument();
  });
});
