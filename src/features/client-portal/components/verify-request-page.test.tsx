import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatAppointmentTime } from '@/lib/appointment-time';
import {
  addVerificationLink,
  clientPortalLog,
  portalTherapist,
  servePortal,
} from '../../../../tests/msw/client-portal-handlers';
import { staffId } from '../../../../tests/msw/people';
import { renderPublicApp } from '../../../../tests/render-public';

const token = 'tok_' + 'a1B2c3D4e5'.repeat(3) + 'abcdefghi';

beforeEach(() => servePortal());

async function openLink(route: string) {
  const rendered = renderPublicApp({ route });
  await screen.findByRole('heading', { level: 1 });
  return rendered;
}

describe('Client portal: the verification link', () => {
  it('confirms only when the person selects the button, then says the request is with the practice and when it answers', async () => {
    // a time three days ahead: more than 48 hours away at any time of day the test runs
    const start = portalTherapist(staffId('03')).open.find(
      (s) => Date.parse(s.start) - Date.now() > 50 * 3_600_000,
    )!.start;
    addVerificationLink(token, 'open', start);
    const { user } = await openLink(`/request/harborview/verify#token=${token}`);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Confirm your appointment request' }),
    ).toBeInTheDocument();
    // opening the link alone confirms nothing (a mail scanner may open it)
    expect(clientPortalLog.verifications).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Confirm my request' }));
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Request sent to Harborview Counseling Collective',
    });
    expect(heading).toHaveFocus();
    expect(clientPortalLog.verifications).toEqual([{ body: { token }, status: 200 }]);
    const office = formatAppointmentTime(start, { officeTimeZone: 'America/New_York' });
    const section = screen.getByRole('region', { name: 'Request sent to Harborview Counseling Collective' });
    expect(section).toHaveTextContent(`Your request for ${office}`);
    expect(section).toHaveTextContent(
      /Harborview Counseling Collective will confirm or decline within 48 hours — by .+ E[DS]T/,
    );
  });

  it('a request for a time sooner than 48 hours away is answered before that time begins, not "within 48 hours"', async () => {
    const soon = new Date(Date.now() + 20 * 3_600_000).toISOString();
    addVerificationLink(token, 'open', soon);
    const { user } = await openLink(`/request/harborview/verify#token=${token}`);
    await user.click(screen.getByRole('button', { name: 'Confirm my request' }));
    await screen.findByRole('heading', {
      level: 1,
      name: 'Request sent to Harborview Counseling Collective',
    });
    const section = screen.getByRole('region', { name: 'Request sent to Harborview Counseling Collective' });
    expect(section).toHaveTextContent(
      'Harborview Counseling Collective will confirm or decline before the requested time begins.',
    );
    expect(section).not.toHaveTextContent('48 hours');
  });

  it.each([
    ['used', 'This request was already confirmed', 'This link was already used', false],
    ['expired', 'This link has expired', 'a request not confirmed within 30 minutes is released', true],
  ] as const)(
    'the link %s: says so (and offers to choose a time again when that helps)',
    async (state, title, message, offersNewRequest) => {
      addVerificationLink(token, state);
      const { user } = await openLink(`/request/harborview/verify?token=${token}`);
      await user.click(screen.getByRole('button', { name: 'Confirm my request' }));
      const heading = await screen.findByRole('heading', { level: 1, name: title });
      expect(heading).toHaveFocus();
      expect(screen.getByRole('alert')).toHaveTextContent(message);
      if (offersNewRequest)
        expect(screen.getByRole('link', { name: 'Choose a time again' })).toHaveAttribute(
          'href',
          '/request/harborview',
        );
      else expect(screen.queryByRole('link', { name: 'Choose a time again' })).not.toBeInTheDocument();
    },
  );

  it('an unknown token is not valid; a link without a token says it is incomplete', async () => {
    const { user } = await openLink(`/request/harborview/verify#token=${token}`);
    await user.click(screen.getByRole('button', { name: 'Confirm my request' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This link isn’t valid' }),
    ).toBeInTheDocument();
    expect(clientPortalLog.verifications.map((v) => v.status)).toEqual([404]);

    servePortal();
    renderPublicApp({ route: '/request/harborview/verify' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This link is incomplete' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Confirm my request' })).not.toBeInTheDocument();
  });
});
