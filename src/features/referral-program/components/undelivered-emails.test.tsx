import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { orgIds } from '../../../../tests/msw/data';
import { testSupabaseUrl } from '../../../../tests/msw/env';
import { server } from '../../../../tests/msw/server';
import { deadLetter, outboxDb } from '../../../../tests/msw/undelivered-email-handlers';
import { renderSignedIn } from '../../../../tests/render';

// the whole app renders and its lazy pages load
vi.setConfig({ testTimeout: 20_000 });

const route = '/organization/subscription/referral-program';
const title = /Emails that could not be delivered/;

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
    deadLetter({ recipient: 'elena.castillo@example.org', dead_lettered_at: '2026-12-04T15:30:00Z' });
    deadLetter({
      template: 'enrollment_invitation',
      recipient: 'rowan.osei@harborviewcounseling.com',
      attempts: 1,
      last_error: 'email API answered 422: invalid `to`',
      dead_lettered_at: '2026-12-05T09:00:00Z',
    });
    // not shown: another clinic's, and a verification email (platform-only)
    deadLetter({ org_id: orgIds.cedarRidge, recipient: 'someone@cedar.example' });
    deadLetter({ template: 'request_verification', recipient: 'unverified@example.org' });
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
    expect(region).not.toHaveTextContent(/someone@cedar|unverified@/);
  });

  it('resends one: it leaves the list, the admin is told, and a double click requeues it once', async () => {
    const email = deadLetter();
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
    expect(outboxDb.resends).toEqual([email.id]);
    expect(screen.getByText(/is queued to be sent again/)).toHaveFocus();
  });

  it('says why when the resend is refused, and keeps the email listed', async () => {
    deadLetter();
    server.use(
      http.post(`${testSupabaseUrl}/rest/v1/rpc/resend_undelivered_email`, () =>
        HttpResponse.json(
          {
            code: 'PT404',
            details: null,
            hint: 'unknown_email',
            message: 'That email does not exist or you cannot resend it. Only org admins of its clinic can.',
          },
          { status: 404 },
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
