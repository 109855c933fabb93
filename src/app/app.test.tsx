import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { supabase } from '@/lib/supabase';
import { personas } from '../../tests/msw/people';
import { serveProfiles } from '../../tests/msw/public-profile-handlers';
import { serveProgram } from '../../tests/msw/referral-program-handlers';
import { serveSchedule } from '../../tests/msw/schedule-handlers';
import { server } from '../../tests/msw/server';
import { renderApp, renderSignedIn, signInAs } from '../../tests/render';

// the pages a test may open or fetch ahead: the Public Profile tab, the program grid, the calendar
beforeEach(() => {
  serveProfiles();
  serveProgram();
  serveSchedule();
});

const mainNav = () => within(screen.getByRole('navigation', { name: 'Main' }));

/** The main navigation's links, in order. */
function navLinks(): string[] {
  return mainNav()
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

describe('navigation per role', () => {
  it('org admin: Manage Subscription, Active Staff Members, Calendar, Unconfirmed Appointments', async () => {
    await renderSignedIn('admin');
    expect(navLinks()).toEqual([
      'Manage Subscription',
      'Active Staff Members',
      'Notification Settings',
      'Calendar',
      'Unconfirmed Appointments',
    ]);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('list', { name: 'Organization' })).toBeInTheDocument();
  });

  it('scheduler: no Organization section', async () => {
    await renderSignedIn('scheduler');
    expect(navLinks()).toEqual([
      'Active Staff Members',
      'Notification Settings',
      'Calendar',
      'Unconfirmed Appointments',
    ]);
    expect(
      within(screen.getByRole('navigation', { name: 'Main' })).queryByText('Organization'),
    ).not.toBeInTheDocument();
  });

  it('therapist: My Profile instead of the staff list', async () => {
    await renderSignedIn('therapist');
    expect(navLinks()).toEqual([
      'My Profile',
      'Notification Settings',
      'Calendar',
      'Unconfirmed Appointments',
    ]);
    expect(mainNav().getByRole('link', { name: 'My Profile' })).toHaveAttribute(
      'href',
      `/staff/${personas.therapist.staffId}`,
    );
  });

  it('marks the current page with aria-current', async () => {
    const { user } = await renderSignedIn('admin');
    expect(mainNav().getByRole('link', { name: 'Active Staff Members' })).not.toHaveAttribute('aria-current');
    await user.click(mainNav().getByRole('link', { name: 'Active Staff Members' }));
    await screen.findByRole('heading', { level: 1, name: 'Active Staff Members' });
    expect(mainNav().getByRole('link', { name: 'Active Staff Members' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(mainNav().getByRole('link', { name: 'Unconfirmed Appointments' })).not.toHaveAttribute(
      'aria-current',
    );
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('moves focus to the new page without scrolling there in the same commit', async () => {
    const { user } = await renderSignedIn('admin');
    const focus = vi.spyOn(HTMLElement.prototype, 'focus');
    await user.click(mainNav().getByRole('link', { name: 'Active Staff Members' }));
    await screen.findByRole('heading', { level: 1, name: 'Active Staff Members' });
    expect(screen.getByRole('main')).toHaveFocus();
    const onMain = focus.mock.calls.filter((_, i) => focus.mock.contexts[i] === screen.getByRole('main'));
    expect(onMain).toEqual([[{ preventScroll: true }]]);
    focus.mockRestore();
  });

  it('shows the clinic, the signed-in person, a skip link and sign out in the header', async () => {
    await renderSignedIn('scheduler');
    const header = screen.getByRole('banner');
    expect(
      within(header).getByRole('link', { name: 'Harborview Counseling Collective' }),
    ).toBeInTheDocument();
    expect(header).toHaveTextContent('Signed in as Luis Romero');
    expect(within(header).getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', '#main');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
  });
});

describe('a clinic without the Client Referral Program', () => {
  it('has no program-only navigation, and says what a program page is instead of showing it', async () => {
    await renderSignedIn('cedarAdmin', '/schedule/unconfirmed-appointments');
    expect(navLinks()).not.toContain('Unconfirmed Appointments');
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'This page is part of the Client Referral Program',
      }),
    ).toBeInTheDocument();
  });
});

describe('the navigation menu on narrow screens', () => {
  it('is a disclosure: the button opens and closes it, Escape closes it and returns focus', async () => {
    const { user } = await renderSignedIn('admin');
    const button = screen.getByRole('button', { name: 'Menu' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(button).toHaveAttribute('aria-controls', nav.id);
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(nav).toHaveAttribute('data-open', 'true');
    await user.tab();
    await user.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
  });

  it('closes when a page is opened from it', async () => {
    const { user } = await renderSignedIn('admin');
    await user.click(screen.getByRole('button', { name: 'Menu' }));
    await user.click(mainNav().getByRole('link', { name: 'Active Staff Members' }));
    await screen.findByRole('heading', { level: 1, name: 'Active Staff Members' });
    expect(screen.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false');
  });
});

describe('routes a role may not use', () => {
  it('refuses the staff list to a therapist, with a link home', async () => {
    const { user } = await renderSignedIn('therapist', '/staff');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'You don’t have access to this page' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Go to the home page' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Priya' })).toBeInTheDocument();
  });

  it('refuses Manage Subscription to a scheduler', async () => {
    await renderSignedIn('scheduler', '/organization/subscription/referral-program');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'You don’t have access to this page' }),
    ).toBeInTheDocument();
    // the page is a lazily loaded chunk: give it the time it would take to show up
    await expect(
      screen.findByRole('heading', { name: 'Client Referral Program' }, { timeout: 2_000 }),
    ).rejects.toThrow();
  });

  it('refuses another staff member’s details to a therapist, but opens their own', async () => {
    const { user } = await renderSignedIn('therapist', `/staff/${personas.admin.staffId}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'You don’t have access to this page' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Maya Okafor')).not.toBeInTheDocument();

    await user.click(mainNav().getByRole('link', { name: 'My Profile' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Priya Raman' })).toBeInTheDocument();
    expect(mainNav().getByRole('link', { name: 'My Profile' })).toHaveAttribute('aria-current', 'page');
  });

  it('answers an unknown address with "Page not found" inside the app', async () => {
    await renderSignedIn('admin', '/no-such-page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});

describe('Calendar', () => {
  it('fetches the week it opens on, and the enrollment its availability form asks about, as the pointer reaches its link', async () => {
    const requests: string[] = [];
    const record = ({ request }: { request: Request }) => {
      const table = new URL(request.url).pathname.split('/rest/v1/')[1];
      if (table) requests.push(table);
    };
    server.events.on('request:start', record);
    try {
      const { user } = await renderSignedIn('therapist', '/');
      const link = mainNav().getByRole('link', { name: 'Calendar' });
      await user.hover(link);
      await waitFor(() =>
        expect(requests).toEqual(
          expect.arrayContaining([
            'program_enrollments',
            'availability_occurrences',
            'appointments',
            'referral_requests',
          ]),
        ),
      );
      const before = requests.filter((table) => table === 'program_enrollments').length;
      await user.click(link);
      expect(
        await screen.findByRole('heading', { level: 2, name: 'My calendar' }, { timeout: 15_000 }),
      ).toBeInTheDocument();
      // the availability form opens once the enrollment is in: the page found it already fetched
      expect(await screen.findByRole('button', { name: 'New availability block' })).toBeEnabled();
      expect(requests.filter((table) => table === 'program_enrollments')).toHaveLength(before);
    } finally {
      server.events.removeListener('request:start', record);
    }
  });
});

describe('Manage Subscription › Client Referral Program', () => {
  it('says the program is not available when the clinic does not have it', async () => {
    await renderSignedIn('cedarAdmin', '/organization/subscription');
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Client Referral Program' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The Client Referral Program is not available to your clinic yet.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Client Referral Program' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('fetches the grid as the pointer reaches its link, so the click does not wait for it', async () => {
    const gridRequests: string[] = [];
    const record = ({ request }: { request: Request }) => {
      if (new URL(request.url).pathname.endsWith('/rpc/program_grid_page')) gridRequests.push(request.method);
    };
    server.events.on('request:start', record);
    try {
      const { user } = await renderSignedIn('admin', '/');
      const link = within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', {
        name: 'Manage Subscription',
      });
      await user.hover(link);
      await waitFor(() => expect(gridRequests).toEqual(['POST']));
      await user.click(link);
      expect(
        await screen.findByText('3 staff members in the program', {}, { timeout: 15_000 }),
      ).toBeInTheDocument();
      // the page found the first page it asked for already fetched
      expect(gridRequests).toEqual(['POST']);
    } finally {
      server.events.removeListener('request:start', record);
    }
  });

  it('shows the enrolled-staff grid when the clinic has the program', async () => {
    await renderSignedIn('admin', '/organization/subscription/referral-program');
    expect(await screen.findByRole('button', { name: 'Add Staff' })).toBeInTheDocument();
    expect(await screen.findByText('3 staff members in the program')).toBeInTheDocument();
    expect(screen.queryByText(/not available to your clinic/)).not.toBeInTheDocument();
  });
});

describe('accounts without an active staff record', () => {
  it('tells an account with no staff record so, and lets them sign out', async () => {
    await signInAs('unlinked');
    const { user } = renderApp({ route: '/' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'No active staff record' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/not an active staff member of any clinic/)).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
  });

  it('tells a deactivated staff member their account was deactivated', async () => {
    await signInAs('deactivated');
    renderApp({ route: '/' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'No active staff record' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/has been deactivated/)).toBeInTheDocument();
  });
});

describe('session changes', () => {
  it('signs out from the header and forgets the session', async () => {
    let signOuts = 0;
    server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname === '/auth/v1/logout') signOuts += 1;
    });
    const { user } = await renderSignedIn('admin');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByText('Your session has ended. Sign in again to continue.')).not.toBeInTheDocument();
    expect(signOuts).toBe(1);
    expect((await supabase.auth.getSession()).data.session).toBeNull();
  });

  it('follows a sign-out that did not come from this page (SIGNED_OUT), and says the session ended', async () => {
    const { queryClient } = await renderSignedIn('admin', '/staff');
    await screen.findByRole('table');
    await supabase.auth.signOut({ scope: 'local' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Your session has ended. Sign in again to continue.',
    );
    // nothing of the previous person's data stays cached
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });

  it('keeps working through a token refresh (TOKEN_REFRESHED) without reloading the clinic', async () => {
    await renderSignedIn('admin');
    const before = (await supabase.auth.getSession()).data.session?.access_token;
    const { data, error } = await supabase.auth.refreshSession();
    expect(error).toBeNull();
    expect(data.session?.access_token).not.toBe(before);
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1, name: 'Welcome, Maya' })).toBeInTheDocument(),
    );
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
