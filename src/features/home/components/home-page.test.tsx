/**
 * The home page's to-do lists per role, against the Supabase API mocked at the network edge with
 * handlers of this file only: the rows each list reads, its empty state, a failure, and the clinic
 * without the program.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Membership } from '@/lib/membership/current-membership';
import { MembershipContext } from '@/lib/membership/membership-context';
import { testSupabaseUrl } from '../../../../tests/msw/env';
import { server } from '../../../../tests/msw/server';
import { createTestQueryClient } from '../../../../tests/render';
import { HomePage } from './home-page';

const rest = `${testSupabaseUrl}/rest/v1`;
const hour = 3_600_000;
const orgId = 'org-1';
const me = 'staff-me';

function membershipOf(roles: Membership['roles'], programEnabled = true): Membership {
  return {
    id: me,
    org_id: orgId,
    first_name: 'Alex',
    last_name: 'Rivera',
    email: 'alex@example.org',
    roles,
    is_active: true,
    organization: {
      id: orgId,
      name: 'Lakeside Therapy',
      referral_program_enabled: programEnabled,
      time_zone: 'America/New_York',
    },
  };
}

function renderHome(membership: Membership) {
  return render(
    <QueryClientProvider client={createTestQueryClient()}>
      <MemoryRouter>
        <MembershipContext.Provider value={membership}>
          <HomePage />
        </MembershipContext.Provider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const emptyProfile = {
  professional_title: null,
  license_type: null,
  license_state: null,
  license_number: null,
  about_me: null,
  specialties: [],
  treatment_approaches: [],
  ages_served: [],
  session_formats: [],
  languages: [],
};
const fullProfile = {
  professional_title: 'LCSW',
  license_type: 'lcsw',
  license_state: 'MA',
  license_number: 'LC-1234',
  about_me: 'x'.repeat(150),
  specialties: ['anxiety'],
  treatment_approaches: ['cbt'],
  ages_served: ['adults'],
  session_formats: ['telehealth'],
  languages: ['en'],
};

const request = (id: string, hoursLeft: number, overrides: Record<string, unknown> = {}) => ({
  id,
  therapist_id: 'staff-jordan',
  therapist_first_name: 'Jordan',
  therapist_last_name: 'Ellis',
  slot_start: '2027-05-04T13:00:00+00:00',
  time_zone: 'America/New_York',
  location_name: 'Back Bay Office',
  source_label: 'Aetna',
  first_name: `Client`,
  last_name: id,
  expires_at: new Date(Date.now() + hoursLeft * hour).toISOString(),
  ...overrides,
});

interface Backend {
  /** rows of public_profile_details for the admin's query (enrolled, not submitted) */
  incompleteProfiles?: unknown[];
  /** the therapist's own public_profile_details row, or none */
  myProfile?: Record<string, unknown> | null;
  pendingRequests?: unknown[];
  externalBlocks?: number;
}

/** Answers the home page's four reads; returns the URLs asked for, to check what was (not) read. */
function serve({
  incompleteProfiles = [],
  myProfile = null,
  pendingRequests = [],
  externalBlocks = 0,
}: Backend) {
  const asked: URL[] = [];
  server.events.on('request:start', ({ request }) => void asked.push(new URL(request.url)));
  server.use(
    http.get(`${rest}/public_profile_details`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      if (params.get('staff_id') === `eq.${me}`) return HttpResponse.json(myProfile ? [myProfile] : []);
      expect(params.get('enrollment_status')).toBe('eq.active');
      expect(params.get('submitted_at')).toBe('is.null');
      return HttpResponse.json(incompleteProfiles);
    }),
    http.get(`${rest}/unconfirmed_requests`, () => HttpResponse.json(pendingRequests)),
    http.head(`${rest}/availability_blocks`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      expect(params.get('staff_id')).toBe(`eq.${me}`);
      expect(params.get('accept_external')).toBe('eq.true');
      return new HttpResponse(null, { headers: { 'Content-Range': `*/${externalBlocks}` } });
    }),
  );
  return asked;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('org admin', () => {
  it('lists therapists with incomplete profiles, with what is missing and a link to each profile', async () => {
    serve({
      incompleteProfiles: [
        {
          staff_id: 'staff-jordan',
          first_name: 'Jordan',
          last_name: 'Ellis',
          ...fullProfile,
          license_number: null,
          about_me: 'Short.',
          languages: [],
          updated_at: '2026-12-01T10:00:00+00:00',
        },
        {
          staff_id: 'staff-sofia',
          first_name: 'Sofia',
          last_name: 'Marquez',
          ...emptyProfile,
          updated_at: null,
        },
        {
          staff_id: 'staff-dana',
          first_name: 'Dana',
          last_name: 'Wu',
          ...fullProfile,
          updated_at: '2026-12-01T10:00:00+00:00',
        },
      ],
    });
    renderHome(membershipOf(['org_admin']));
    const list = await screen.findByRole('list', { name: 'Therapists with incomplete profiles' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent(
      'Missing: License number, About me (at least 150 characters) and Languages.',
    );
    expect(within(items[0]!).getByRole('link', { name: 'Jordan Ellis' })).toHaveAttribute(
      'href',
      '/staff/staff-jordan/public-profile',
    );
    expect(items[1]).toHaveTextContent('Not started: all 10 required fields are empty.');
    expect(items[2]).toHaveTextContent('Every required field is filled in: ready to submit.');
    expect(screen.getByText('3 to finish')).toBeInTheDocument();
  });

  it('lists only the requests that expire within 12 hours, soonest first, with the time left', async () => {
    serve({
      pendingRequests: [request('Later', 30), request('Soon', 5), request('Sooner', 1.5)],
    });
    renderHome(membershipOf(['org_admin']));
    const list = await screen.findByRole('list', { name: 'Requests close to expiry' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Client SoonerUrgent: 1 hour (29|30) minutes left/),
      expect.stringMatching(/^Client SoonSoon: 4 hours \d+ minutes? left/),
    ]);
    expect(items[0]).toHaveTextContent('With Jordan Ellis, Tue, May 4, 9:00 AM EDT, Back Bay Office');
    expect(items[0]).toHaveTextContent('Aetna');
    expect(screen.getByText(/2 requests expire within 12 hours\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open Unconfirmed Appointments' })).toHaveAttribute(
      'href',
      '/schedule/unconfirmed-appointments',
    );
  });

  it('says all is done when every profile is submitted and no request is about to expire', async () => {
    serve({ pendingRequests: [request('Later', 30), request('Much later', 40)] });
    renderHome(membershipOf(['org_admin']));
    expect(
      await screen.findByText('All done: every enrolled therapist’s profile is submitted.'),
    ).toBeInTheDocument();
    expect(await screen.findByText('All done: no request expires in the next 12 hours.')).toBeInTheDocument();
    expect(screen.getByText('2 requests wait for an answer, with more time left.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Requests close to expiry' })).not.toBeInTheDocument();
  });

  it('says so in words, with a retry, when a list cannot be loaded', async () => {
    serve({});
    let failures = 1;
    server.use(
      http.get(`${rest}/unconfirmed_requests`, () =>
        failures-- > 0
          ? HttpResponse.json(
              {
                code: '57014',
                details: null,
                hint: null,
                message: 'canceling statement due to statement timeout',
              },
              { status: 500 },
            )
          : HttpResponse.json([]),
      ),
    );
    renderHome(membershipOf(['org_admin']));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The pending requests could not be loaded.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('All done: no request expires in the next 12 hours.')).toBeInTheDocument();
  });
});

describe('org admin of a clinic without the program', () => {
  it('explains the program and whom to write to, and reads no program data', async () => {
    vi.stubEnv('VITE_PROGRAM_CONTACT_EMAIL', 'programs@example.org');
    const asked = serve({});
    renderHome(membershipOf(['org_admin', 'therapist'], false));
    expect(
      screen.getByRole('heading', {
        level: 2,
        name: 'The Client Referral Program is not available to your clinic yet.',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'What the program does' })).toBeInTheDocument();
    const contact = screen.getByRole('link', { name: 'programs@example.org' });
    const mailto = new URL(contact.getAttribute('href') ?? '');
    expect(mailto.searchParams.get('subject')).toBe(
      'Turn on the Client Referral Program for Lakeside Therapy',
    );
    expect(
      screen.queryByRole('heading', { name: 'Therapists with incomplete profiles' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Your public profile' })).not.toBeInTheDocument();
    // nothing to read: the lists need the program
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toEqual([]);
  });

  it('names the team to ask when the build has no contact address', () => {
    vi.stubEnv('VITE_PROGRAM_CONTACT_EMAIL', '');
    serve({});
    renderHome(membershipOf(['org_admin'], false));
    expect(
      screen.getByText('Ask your account manager or the dashboard’s support team, naming Lakeside Therapy.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('tells a therapist there to ask their org admin', () => {
    serve({});
    renderHome(membershipOf(['therapist'], false));
    expect(screen.getByText(/If you would like it, ask your clinic’s org admin\./)).toBeInTheDocument();
    expect(screen.queryByText(/account manager/)).not.toBeInTheDocument();
  });
});

describe('scheduler', () => {
  it('lists every pending request by urgency, urgent ones said in words, with the queue one click away', async () => {
    serve({
      pendingRequests: [
        request('Later', 30, { therapist_first_name: 'Priya', therapist_last_name: 'Raman' }),
        request('Soon', 3),
        request('Gone', -1),
      ],
    });
    renderHome(membershipOf(['scheduler']));
    const list = await screen.findByRole('list', { name: 'Pending requests' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(/Client SoonSoon: 2 hours \d+ minutes? left/);
    expect(items[1]).toHaveTextContent(/Client Later1 day (5|6) hours left/);
    expect(items[1]).not.toHaveTextContent(/Urgent|Soon/);
    expect(items[1]).toHaveTextContent('With Priya Raman');
    expect(screen.getByText('2 waiting')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Answer them in Unconfirmed Appointments' })).toHaveAttribute(
      'href',
      '/schedule/unconfirmed-appointments',
    );
    // the admin's lists are not a scheduler's
    expect(
      screen.queryByRole('heading', { name: 'Therapists with incomplete profiles' }),
    ).not.toBeInTheDocument();
  });

  it('says all is done when no request waits', async () => {
    serve({});
    renderHome(membershipOf(['scheduler']));
    expect(await screen.findByText('All done: no request is waiting for an answer.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Unconfirmed Appointments/ })).not.toBeInTheDocument();
  });
});

describe('a request’s time', () => {
  const originalZone = process.env.TZ;
  afterEach(() => {
    // Node reads TZ again when it changes: the browser's zone is the viewer's
    if (originalZone === undefined) delete process.env.TZ;
    else process.env.TZ = originalZone;
  });

  // a Denver office, 10:00 AM there on the Friday before the spring clock change and on the Monday after
  const denver = { time_zone: 'America/Denver', location_name: 'Denver Highlands Office' };
  async function pendingTimes(viewerZone: string) {
    process.env.TZ = viewerZone;
    serve({
      pendingRequests: [
        request('Before', 30, { ...denver, slot_start: '2027-03-12T17:00:00+00:00' }),
        request('After', 31, { ...denver, slot_start: '2027-03-15T16:00:00+00:00' }),
      ],
    });
    renderHome(membershipOf(['scheduler']));
    const list = await screen.findByRole('list', { name: 'Pending requests' });
    return within(list)
      .getAllByRole('listitem')
      .map((item) => item.querySelector('time')?.textContent);
  }

  it('is the office’s clock, office named, with the viewer’s own in brackets, on both sides of the change', async () => {
    expect(await pendingTimes('America/New_York')).toEqual([
      'Fri, Mar 12, 10:00 AM MST, Denver Highlands Office (12:00 PM EST your time)',
      'Mon, Mar 15, 10:00 AM MDT, Denver Highlands Office (12:00 PM EDT your time)',
    ]);
  });

  it('has no brackets while the viewer’s clock reads the same, and gets them when the office changes its clock', async () => {
    // Phoenix keeps MST all year: the same as Denver's clock before the change, an hour behind after
    expect(await pendingTimes('America/Phoenix')).toEqual([
      'Fri, Mar 12, 10:00 AM MST, Denver Highlands Office',
      'Mon, Mar 15, 10:00 AM MDT, Denver Highlands Office (9:00 AM MST your time)',
    ]);
  });
});

describe('therapist', () => {
  const enrolled = { enrollment_status: 'active', submitted_at: null };

  it('shows what their profile lacks, their own pending requests, and that no request can reach them', async () => {
    serve({
      myProfile: { ...enrolled, ...fullProfile, specialties: [], session_formats: [] },
      pendingRequests: [
        request('Mine', 20, { therapist_id: me }),
        request('Someone else’s', 2, { therapist_id: 'staff-jordan' }),
      ],
      externalBlocks: 0,
    });
    renderHome(membershipOf(['therapist']));
    expect(await screen.findByText('Incomplete: 2 of 10 required fields still missing.')).toBeInTheDocument();
    const missing = screen.getByRole('list', { name: 'Still missing' });
    expect(
      within(missing)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Specialties', 'Session formats']);
    expect(screen.getByRole('link', { name: 'Complete your public profile' })).toHaveAttribute(
      'href',
      '/staff/staff-me/public-profile',
    );

    const mine = await screen.findByRole('list', { name: 'Your pending requests' });
    expect(within(mine).getAllByRole('listitem')).toHaveLength(1);
    expect(mine).toHaveTextContent('Client Mine');
    expect(mine).not.toHaveTextContent('With ');

    expect(
      await screen.findByText(
        'No request can reach you: none of your open calendar blocks accepts external appointments.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open your calendar' })).toHaveAttribute(
      'href',
      '/schedule/calendar',
    );
  });

  it('says all is done for a submitted profile, no waiting request and open external time', async () => {
    serve({
      myProfile: { ...fullProfile, enrollment_status: 'active', submitted_at: '2026-12-04T15:00:00+00:00' },
      externalBlocks: 2,
    });
    renderHome(membershipOf(['therapist']));
    expect(await screen.findByText(/^All done: your profile was submitted on/)).toBeInTheDocument();
    expect(await screen.findByText('All done: no request is waiting for your answer.')).toBeInTheDocument();
    expect(
      await screen.findByText('All done: 2 open blocks of your calendar accept external appointments.'),
    ).toBeInTheDocument();
  });

  it('says that open external time waits for the profile to be submitted', async () => {
    serve({ myProfile: { ...enrolled, ...fullProfile }, externalBlocks: 1 });
    renderHome(membershipOf(['therapist']));
    expect(
      await screen.findByText('Every required field is filled in, but the profile is not submitted.'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        '1 open block of your calendar accepts external appointments; requests reach that time once your profile is submitted.',
      ),
    ).toBeInTheDocument();
  });

  it('tells a therapist who is not enrolled how they get there, and does not ask about their calendar', async () => {
    const asked = serve({ myProfile: { ...emptyProfile, enrollment_status: null, submitted_at: null } });
    renderHome(membershipOf(['therapist']));
    expect(
      await screen.findByText(/You are not enrolled in the Client Referral Program/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Time open to external requests' })).not.toBeInTheDocument();
    expect(asked.some((url) => url.pathname.endsWith('/availability_blocks'))).toBe(false);
  });
});
