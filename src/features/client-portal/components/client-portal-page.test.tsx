import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatAppointmentTime } from '@/lib/appointment-time';
import { formatDateTime } from '@/lib/datetime';
import type { PortalSlot } from '@/features/client-portal/schemas';
import {
  addTherapists,
  clientPortalLog,
  portalOffices,
  portalPayers,
  portalTherapist,
  servePortal,
  takeSlot,
} from '../../../../tests/msw/client-portal-handlers';
import { staffId } from '../../../../tests/msw/people';
import { testSupabaseUrl } from '../../../../tests/msw/env';
import { server } from '../../../../tests/msw/server';
import { renderPublicApp } from '../../../../tests/render-public';

/** A slot's time as the page shows it: the office's, office named, the viewer's in brackets. */
const shownTime = (slot: PortalSlot) =>
  formatAppointmentTime(slot.start, { officeTimeZone: slot.time_zone, officeName: slot.office_name });
const priya = () => portalTherapist(staffId('03'));
const sofia = () => portalTherapist(staffId('05'));
const requestsUrl = `${testSupabaseUrl}/functions/v1/client-portal/clinics/harborview/requests`;

beforeEach(() => servePortal());

async function openPage(route = '/request/harborview') {
  const rendered = renderPublicApp({ route });
  await screen.findByRole('heading', { level: 1, name: 'Harborview Counseling Collective' });
  return rendered;
}

const card = (name: RegExp) => screen.getByRole('article', { name });

/** Chooses Priya's first open time and waits for the form. */
async function choosePriyasFirstTime(user: ReturnType<typeof renderPublicApp>['user']) {
  const times = within(card(/Priya Raman/)).getByRole('list', { name: 'Next open times with Priya Raman' });
  await user.click(within(times).getAllByRole('link')[0]!);
  return screen.findByRole('heading', { level: 2, name: 'Your appointment request' });
}

/** A date of birth `years` years before today (UTC), as YYYY-MM-DD. */
const bornYearsAgo = (years: number) => {
  const today = new Date();
  return new Date(Date.UTC(today.getUTCFullYear() - years, 0, 15)).toISOString().slice(0, 10);
};

async function fillForm(
  user: ReturnType<typeof renderPublicApp>['user'],
  {
    note,
    dateOfBirth = '1990-04-12',
    format = 'In person at Back Bay Office',
  }: { note?: string; dateOfBirth?: string; format?: string | null } = {},
) {
  await user.type(screen.getByLabelText('First name'), 'Alex');
  await user.type(screen.getByLabelText('Last name'), 'Morgan');
  await user.type(screen.getByLabelText('Email'), 'alex.morgan@example.com');
  await user.type(screen.getByLabelText('Phone'), '(617) 555-0199');
  await user.type(screen.getByLabelText('Date of birth'), dateOfBirth);
  if (format) await user.click(screen.getByLabelText(format));
  if (note) await user.type(screen.getByLabelText('Note to the clinic (optional)'), note);
}

describe('Client portal: the therapist list', () => {
  it('shows the clinic’s listed therapists with their public profiles and next open times, without sign-in', async () => {
    const { user } = await openPage();
    expect(document.title).toBe('Request an appointment · Harborview Counseling Collective');
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('2 therapists take requests online.');

    const articles = screen.getAllByRole('article');
    expect(articles.map((a) => within(a).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Sofia Marquez',
      'Priya Raman (she/her)',
    ]);
    const priyaCard = card(/Priya Raman/);
    expect(within(priyaCard).getByText('PhD, Licensed Psychologist')).toBeInTheDocument();
    expect(within(priyaCard).getByText('Back Bay Office · Boston, MA')).toBeInTheDocument();
    expect(
      within(priyaCard)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(expect.arrayContaining(['Anxiety', 'Depression', 'Work and career', 'Life transitions']));
    expect(within(priyaCard).getByText('English, Hindi')).toBeInTheDocument();
    expect(within(priyaCard).getByText('In person, Telehealth')).toBeInTheDocument();

    expect(within(priyaCard).getByText('Aetna, Blue Cross Blue Shield of Massachusetts')).toBeInTheDocument();

    // next open times, in the office's zone with the zone named; each leads to the details step
    const times = within(priyaCard).getByRole('list', { name: 'Next open times with Priya Raman' });
    expect(within(times).getAllByRole('link')[0]).toHaveAttribute(
      'href',
      `/request/harborview/therapists/${priya().id}/request?slot=${encodeURIComponent(priya().open[0]!.start)}`,
    );
    // the clinic's minimum notice explains why the soonest times are missing
    expect(
      screen.getByText(/Times less than 24 hours away can’t be requested online, so they aren’t listed\./),
    ).toBeInTheDocument();
    expect(
      within(times)
        .getAllByRole('link')
        .map((b) => b.textContent),
    ).toEqual(
      priya()
        .open.slice(0, 3)
        .map((s) => shownTime(s)),
    );

    // the about text is cut, and "Read more" shows all of it
    expect(within(priyaCard).queryByText(/anxiety that shows up at work/)).not.toBeInTheDocument();
    const readMore = within(priyaCard).getByRole('button', { name: 'Read more about Priya Raman' });
    expect(readMore).toHaveAttribute('aria-expanded', 'false');
    await user.click(readMore);
    expect(
      within(priyaCard).getByText(/anxiety that shows up at work and in relationships\.$/),
    ).toBeInTheDocument();
    expect(within(priyaCard).getByRole('button', { name: 'Show less about Priya Raman' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });

  it('shows how a request works while the clinic’s therapists are still loading', async () => {
    // the list's answer is held back: the page's largest text must not wait for it
    let answer: () => void = () => {};
    const held = new Promise<void>((resolve) => (answer = resolve));
    server.use(
      http.get(`${testSupabaseUrl}/functions/v1/client-portal/clinics/:slug`, async () => {
        await held;
        return HttpResponse.json(
          { error: { code: 'clinic_not_found', message: 'No clinic has this address.' } },
          { status: 404 },
        );
      }),
    );
    renderPublicApp({ route: '/request/harborview' });
    expect(await screen.findByText('Loading the clinic’s therapists…')).toBeInTheDocument();
    expect(screen.getByText(/Choose a therapist and one of their open times/)).toBeInTheDocument();
    answer();
  });

  it('sends each filter as the API’s query parameter and keeps it in the address', async () => {
    const { user } = await openPage();
    expect(clientPortalLog.directoryQueries.at(-1)?.toString()).toBe('limit=10');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Spanish');
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect(card(/Sofia Marquez/)).toBeInTheDocument();
    expect(clientPortalLog.directoryQueries.at(-1)?.toString()).toBe('language=es&limit=10');
    expect(screen.getByRole('status')).toHaveTextContent('1 therapist matches these filters.');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Specialty' }), 'Anxiety');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Age group' }), 'Adults (26–64)');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Session format' }), 'In person');
    await waitFor(() =>
      expect(clientPortalLog.directoryQueries.at(-1)?.toString()).toBe(
        'specialty=anxiety&language=es&age_group=adults&session_format=in_person&limit=10',
      ),
    );
    expect(
      await screen.findByText('No therapist matches these filters. Try fewer filters.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('article')).not.toBeInTheDocument();

    // "Clear filters" (two of them: in the filters and under the empty result) lists everyone again
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(2));
    expect(screen.getByRole('combobox', { name: 'Language' })).toHaveValue('');
  });

  it('filters by office and by insurance, the clinic’s own choices', async () => {
    const { user } = await openPage();
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Office' }),
      'Denver Highlands Office (Denver, CO)',
    );
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect(card(/Sofia Marquez/)).toBeInTheDocument();
    expect(clientPortalLog.directoryQueries.at(-1)?.toString()).toBe(
      `location=${portalOffices.denver.id}&limit=10`,
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Office' }), 'Any office');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Insurance' }),
      'Blue Cross Blue Shield of Massachusetts',
    );
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect(card(/Priya Raman/)).toBeInTheDocument();
    expect(clientPortalLog.directoryQueries.at(-1)?.toString()).toBe(
      `insurance=${portalPayers.bcbs.id}&limit=10`,
    );
  });

  it('reads the filters from the address', async () => {
    await openPage('/request/harborview?specialty=anxiety&language=hi&nonsense=1&age_group=not_a_key');
    expect(clientPortalLog.directoryQueries[0]?.toString()).toBe('specialty=anxiety&language=hi&limit=10');
    expect(screen.getByRole('combobox', { name: 'Specialty' })).toHaveValue('anxiety');
    expect(screen.getAllByRole('article')).toHaveLength(1);
  });

  it('loads the next page with the cursor on “More therapists” and moves focus to the first new card', async () => {
    addTherapists(10);
    const { user } = await openPage();
    expect(screen.getAllByRole('article')).toHaveLength(10);
    expect(screen.getByRole('status')).toHaveTextContent('Showing the first 10 therapists; more below.');

    await user.click(screen.getByRole('button', { name: 'More therapists' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(12));
    const next = clientPortalLog.directoryQueries.at(-1)!;
    expect(next.get('cursor')).toBeTruthy();
    expect(next.get('limit')).toBe('10');
    expect(screen.getAllByRole('heading', { level: 3 })[10]).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'More therapists' })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('12 therapists take requests online.');
  });

  it('the times step lists every open time of three weeks, grouped by day, at its own address', async () => {
    const { user } = await openPage();
    await user.click(
      within(card(/Priya Raman/)).getByRole('link', { name: 'All open times with Priya Raman' }),
    );
    const heading = await screen.findByRole('heading', { level: 1, name: 'Open times with Priya Raman' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByRole('navigation', { name: 'Request steps' })).toHaveTextContent(/Step 2 of 4: Time/);
    const all = await screen.findByRole('group', { name: 'Open times with Priya Raman' });
    // three weeks ahead: the slot 30 days out is not in it
    expect(within(all).getAllByRole('link')).toHaveLength(5);
    const range = clientPortalLog.slotQueries.at(-1)!;
    expect(Date.parse(range.get('to')!) - Date.parse(range.get('from')!)).toBe(21 * 86_400_000);
    expect(screen.getByText(/Times less than 24 hours away can’t be requested online/)).toBeInTheDocument();

    await user.click(within(all).getAllByRole('link')[1]!);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Your appointment request' }),
    ).toBeInTheDocument();
    expect(screen.getByText(shownTime(priya().open[1]!))).toBeInTheDocument();
  });

  it('an unknown clinic link is a “not found” page', async () => {
    renderPublicApp({ route: '/request/no-such-clinic' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText(/No clinic has this address\./)).toBeInTheDocument();
    expect(screen.queryByText(/doesn’t take appointment requests online/)).not.toBeInTheDocument();
    expect(document.title).toBe('Page not found');
  });

  it('says when the clinic does not take requests online', async () => {
    renderPublicApp({ route: '/request/cedar-ridge' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Online requests aren’t available' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/This clinic doesn’t take appointment requests online\./)).toBeInTheDocument();
    expect(screen.queryByRole('search')).not.toBeInTheDocument();
  });
});

describe('Client portal: the request form', () => {
  it('opens on the chosen therapist and time, with focus on the form', async () => {
    const { user } = await openPage();
    const heading = await choosePriyasFirstTime(user);
    expect(heading).toHaveFocus();
    const chosen = priya().open[0]!;
    expect(screen.getByText('Priya Raman, PhD, Licensed Psychologist')).toBeInTheDocument();
    expect(screen.getByText(shownTime(chosen))).toBeInTheDocument();
    expect(
      screen.getByText(
        /By sending this request, you agree that Harborview Counseling Collective may contact you/,
      ),
    ).toBeInTheDocument();

    // another time: the therapist's times step
    await user.click(screen.getByRole('link', { name: 'Choose a different time' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Open times with Priya Raman' }),
    ).toBeInTheDocument();
  });

  it('names every invalid field next to it, focuses the first, and sends nothing', async () => {
    const { user } = await openPage();
    await choosePriyasFirstTime(user);
    await user.click(screen.getByLabelText('Note to the clinic (optional)'));
    await user.paste('x'.repeat(1001));
    await user.click(screen.getByRole('button', { name: 'Send request' }));

    const first = screen.getByLabelText('First name');
    await waitFor(() => expect(first).toHaveFocus());
    expect(first).toHaveAccessibleDescription('First name is required.');
    expect(screen.getByLabelText('Last name')).toHaveAccessibleDescription('Last name is required.');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
      'Email must be a valid email address.',
    );
    expect(screen.getByLabelText('Phone')).toHaveAccessibleDescription(
      'Phone must be 7–20 digits, spaces or + ( ) . -',
    );
    expect(screen.getByLabelText('Date of birth')).toHaveAccessibleDescription(
      'Enter your date of birth: month, day and year.',
    );
    expect(screen.getByLabelText('Note to the clinic (optional)')).toHaveAccessibleDescription(
      /Note can have at most 1000 characters\.$/,
    );
    expect(screen.getByLabelText('First name')).toHaveAttribute('aria-invalid', 'true');
    // each error is announced
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('First name is required.');
    // a member ID is asked for only with the insurance it belongs to
    expect(screen.queryByLabelText(/member ID/i)).not.toBeInTheDocument();
    expect(clientPortalLog.requests).toEqual([]);

    // fixing a field clears its error as you type
    await user.type(first, 'Alex');
    expect(first).not.toHaveAttribute('aria-invalid');
  });

  it('sends the schema’s body with an Idempotency-Key, then asks to confirm by email within 30 minutes', async () => {
    const { user } = await openPage();
    await choosePriyasFirstTime(user);
    await fillForm(user, { note: '  Evenings are hard for me.  ' });
    await user.click(screen.getByRole('button', { name: 'Send request' }));

    const confirmation = await screen.findByRole('heading', {
      level: 1,
      name: 'Check your email to confirm your request',
    });
    await waitFor(() => expect(confirmation).toHaveFocus());
    expect(clientPortalLog.requests).toHaveLength(1);
    const [sent] = clientPortalLog.requests;
    expect(sent!.status).toBe(201);
    expect(sent!.idempotencyKey).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    // exactly the shared schema's fields, trimmed; the empty member ID is left out
    expect(sent!.body).toEqual({
      therapist_id: priya().id,
      slot_start: priya().open[0]!.start,
      first_name: 'Alex',
      last_name: 'Morgan',
      email: 'alex.morgan@example.com',
      phone: '(617) 555-0199',
      date_of_birth: '1990-04-12',
      session_format: 'in_person',
      note: 'Evenings are hard for me.',
    });

    const section = screen.getByRole('region', { name: 'Your request' });
    const { expires_at } = sent!.response as { expires_at: string };
    expect(section).toHaveTextContent(
      `We sent a link to alex.morgan@example.com. Open it within 30 minutes — by ${formatDateTime(expires_at)} — to send your request to Harborview Counseling Collective.`,
    );
    // the whole request is repeated: practice, therapist, time in the office's zone, where, insurance
    const fact = (term: string) => within(section).getByText(term).nextElementSibling;
    expect(fact('Practice')).toHaveTextContent('Harborview Counseling Collective');
    expect(fact('Therapist')).toHaveTextContent('Priya Raman');
    expect(fact('Time')).toHaveTextContent(shownTime(priya().open[0]!));
    expect(fact('Where')).toHaveTextContent('In person at Back Bay Office');
    expect(fact('Insurance')).toHaveTextContent('None given');
    expect(section).toHaveTextContent('if you don’t confirm, it is released and nothing is sent.');
    // and the clinic's 48 hours
    expect(section).toHaveTextContent(/Harborview Counseling Collective has 48 hours to confirm or decline/);
    // nothing else the person entered is repeated, and the form is gone
    expect(screen.queryByText(/Alex|Morgan|555-0199|1990/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send request' })).not.toBeInTheDocument();
  });

  it('when the time was just taken, says so, shows fresh times and keeps what was entered', async () => {
    const { user } = await openPage();
    await choosePriyasFirstTime(user);
    await fillForm(user);
    const first = priya().open[0]!;
    takeSlot(priya().id, first.start);
    await user.click(screen.getByRole('button', { name: 'Send request' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else just requested this time.');
    expect(alert).toHaveFocus();
    expect(screen.getByText('— no longer available')).toBeInTheDocument();
    const fresh = await screen.findByRole('group', { name: 'Other open times with Priya Raman' });
    const freshButtons = within(fresh).getAllByRole('link');
    // the taken time is not offered again
    expect(freshButtons).toHaveLength(4);

    await user.click(freshButtons[0]!);
    expect(await screen.findByText(shownTime(priya().open[1]!))).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2, name: 'Your appointment request' })).toHaveFocus(),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByLabelText('First name')).toHaveValue('Alex');

    await user.click(screen.getByRole('button', { name: 'Send request' }));
    expect(
      await screen.findByRole('heading', { name: 'Check your email to confirm your request' }),
    ).toBeInTheDocument();
    const [refused, accepted] = clientPortalLog.requests;
    expect(refused!.status).toBe(409);
    expect(accepted!.status).toBe(201);
    expect((accepted!.body as { slot_start: string }).slot_start).toBe(priya().open[1]!.start);
    // another time is another submission: a new key
    expect(accepted!.idempotencyKey).not.toBe(refused!.idempotencyKey);
  });

  it('on 429 says how long to wait, and a retry of the same submission reuses its Idempotency-Key', async () => {
    let calls = 0;
    server.use(
      http.post(requestsUrl, () => {
        calls += 1;
        if (calls === 1) {
          return HttpResponse.json(
            { error: { code: 'rate_limited', message: 'Too many requests; try again in 30 s.' } },
            { status: 429, headers: { 'Retry-After': '30' } },
          );
        }
        return undefined;
      }),
    );
    const keys: (string | null)[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') keys.push(request.headers.get('idempotency-key'));
    });
    const { user } = await openPage();
    await choosePriyasFirstTime(user);
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Please wait 30 seconds, then select Send request again.',
    );

    await user.click(screen.getByRole('button', { name: 'Send request' }));
    expect(
      await screen.findByRole('heading', { name: 'Check your email to confirm your request' }),
    ).toBeInTheDocument();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('shows a field the server refused next to that field', async () => {
    server.use(
      http.post(requestsUrl, () =>
        HttpResponse.json(
          {
            error: {
              code: 'validation_failed',
              message: 'Email must be a valid email address.',
              field: 'email',
            },
          },
          { status: 422 },
        ),
      ),
    );
    const { user } = await openPage();
    await choosePriyasFirstTime(user);
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email).toHaveAccessibleDescription('Email must be a valid email address.'));
    expect(email).toHaveFocus();
  });

  it('disables Send while the request is on its way', async () => {
    let release: () => void = () => undefined;
    server.use(
      http.post(requestsUrl, () => new Promise<undefined>((resolve) => (release = () => resolve(undefined)))),
    );
    const { user } = await openPage();
    await choosePriyasFirstTime(user);
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    expect(await screen.findByRole('button', { name: 'Sending request…' })).toBeDisabled();
    release();
    expect(
      await screen.findByRole('heading', { name: 'Check your email to confirm your request' }),
    ).toBeInTheDocument();
  });

  it.each([
    [
      409,
      'person_request_limit',
      "You already have 2 requests waiting at this practice. Confirm them from the email we sent, or wait for the practice's answer, before requesting another time.",
    ],
    [
      429,
      'address_request_limit',
      'Too many requests from your network are already waiting at this practice. Try again once the practice has answered them, or call the practice.',
    ],
  ])(
    'a %i limit refusal (%s) shows the function’s message in the form and keeps what was entered',
    async (status, code, message) => {
      server.use(http.post(requestsUrl, () => HttpResponse.json({ error: { code, message } }, { status })));
      const { user } = await openPage();
      await choosePriyasFirstTime(user);
      await fillForm(user);
      await user.click(screen.getByRole('button', { name: 'Send request' }));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(message);
      expect(alert).toHaveFocus();
      expect(screen.getByLabelText('Email')).toHaveValue('alex.morgan@example.com');
      expect(
        screen.queryByRole('heading', { name: 'Check your email to confirm your request' }),
      ).not.toBeInTheDocument();
    },
  );
});

describe('Client portal: ages served, format, insurance and where the client came from', () => {
  it('refuses a minor for a therapist who does not see their age, before sending, with what to do', async () => {
    const { user } = await openPage();
    await choosePriyasFirstTime(user);
    await fillForm(user, { dateOfBirth: bornYearsAgo(14) });
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    const dateOfBirth = screen.getByLabelText('Date of birth');
    await waitFor(() => expect(dateOfBirth).toHaveFocus());
    expect(dateOfBirth).toHaveAccessibleDescription(
      'Priya Raman sees young adults (18–25), adults (26–64) only. Choose a therapist who sees clients of this age; for anyone under 18, a parent or guardian makes the request.',
    );
    expect(clientPortalLog.requests).toEqual([]);
  });

  it('asks a parent or guardian to request for a minor the therapist sees, and sends it when they say so', async () => {
    const { user } = await openPage();
    const times = within(card(/Sofia Marquez/)).getByRole('list', {
      name: 'Next open times with Sofia Marquez',
    });
    await user.click(within(times).getAllByRole('link')[0]!);
    await screen.findByRole('heading', { level: 2, name: 'Your appointment request' });
    // Sofia meets by telehealth only: nothing to choose
    expect(screen.getByText('Sofia Marquez meets by telehealth (a video call).')).toBeInTheDocument();
    await fillForm(user, { dateOfBirth: bornYearsAgo(15), format: null });
    const guardian = screen.getByLabelText(/I am this client’s parent or legal guardian/);
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(guardian).toHaveFocus());
    expect(guardian).toHaveAccessibleDescription(
      /A parent or guardian must make the request for anyone under 18\./,
    );
    expect(clientPortalLog.requests).toEqual([]);

    await user.click(guardian);
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await screen.findByRole('heading', { level: 1, name: 'Check your email to confirm your request' });
    expect(clientPortalLog.requests[0]!.body).toMatchObject({
      therapist_id: sofia().id,
      requested_by_guardian: true,
      date_of_birth: bornYearsAgo(15),
    });
  });

  it('shows the server’s ages-served refusal at the date of birth', async () => {
    server.use(
      http.post(requestsUrl, () =>
        HttpResponse.json(
          {
            error: {
              code: 'outside_ages_served',
              message: 'Priya Raman sees young adults (18–25), adults (26–64) only.',
              field: 'date_of_birth',
            },
          },
          { status: 422 },
        ),
      ),
    );
    const { user } = await openPage();
    await choosePriyasFirstTime(user);
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    const dateOfBirth = screen.getByLabelText('Date of birth');
    await waitFor(() =>
      expect(dateOfBirth).toHaveAccessibleDescription(
        'Priya Raman sees young adults (18–25), adults (26–64) only.',
      ),
    );
  });

  it('asks in person or telehealth where the therapist offers both, and the insurance a member ID belongs to', async () => {
    const { user } = await openPage();
    await choosePriyasFirstTime(user);
    await fillForm(user, { format: null });
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    const inPerson = screen.getByLabelText('In person at Back Bay Office');
    await waitFor(() => expect(inPerson).toHaveFocus());
    expect(screen.getByText('Choose in person or telehealth.')).toBeInTheDocument();
    expect(clientPortalLog.requests).toEqual([]);

    await user.click(screen.getByLabelText('Telehealth (a video call)'));
    // the insurances are the therapist's own; the member ID comes with the one chosen
    const insurance = screen.getByRole('combobox', { name: /Insurance/ });
    expect(
      within(insurance)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['No insurance, or I’ll pay myself', 'Aetna', 'Blue Cross Blue Shield of Massachusetts']);
    await user.selectOptions(insurance, 'Aetna');
    await user.type(screen.getByLabelText('Aetna member ID'), 'W123456789');
    await user.click(screen.getByRole('button', { name: 'Send request' }));

    const section = await screen.findByRole('region', { name: 'Your request' });
    expect(clientPortalLog.requests[0]!.body).toMatchObject({
      session_format: 'telehealth',
      insurance_payer_id: portalPayers.aetna.id,
      member_id: 'W123456789',
    });
    expect(within(section).getByText('Where').nextElementSibling).toHaveTextContent(
      'Telehealth (a video call)',
    );
    expect(within(section).getByText('Insurance').nextElementSibling).toHaveTextContent('Aetna');
    // the member ID itself is not repeated
    expect(section).not.toHaveTextContent('W123456789');
  });

  it('a payer’s deep link opens the details step and carries source and booking-referral to the request', async () => {
    const start = priya().open[1]!.start;
    const { user } = renderPublicApp({
      route: `/request/harborview?therapist=${priya().id}&slot=${encodeURIComponent(start)}&source=aetna-finder&booking-referral=ref-42`,
    });
    await screen.findByRole('heading', { level: 2, name: 'Your appointment request' });
    expect(screen.getByText(shownTime(priya().open[1]!))).toBeInTheDocument();
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await screen.findByRole('region', { name: 'Your request' });
    expect(clientPortalLog.requests[0]!.body).toMatchObject({
      slot_start: start,
      referral_source: 'aetna-finder',
      booking_referral: 'ref-42',
    });
  });

  it('a source or booking-referral that is not plain and short is not sent', async () => {
    const start = priya().open[0]!.start;
    const { user } = renderPublicApp({
      route: `/request/harborview/therapists/${priya().id}/request?slot=${encodeURIComponent(start)}&source=${encodeURIComponent('<script>')}&booking-referral=${'x'.repeat(129)}`,
    });
    await screen.findByRole('heading', { level: 2, name: 'Your appointment request' });
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await screen.findByRole('region', { name: 'Your request' });
    const body = clientPortalLog.requests[0]!.body as Record<string, unknown>;
    expect(body).not.toHaveProperty('referral_source');
    expect(body).not.toHaveProperty('booking_referral');
  });

  it('a time no longer open, opened from its address, says so and leads to the other times', async () => {
    const first = priya().open[0]!;
    takeSlot(priya().id, first.start);
    const { user } = renderPublicApp({
      route: `/request/harborview/therapists/${priya().id}/request?slot=${encodeURIComponent(first.start)}`,
    });
    expect(await screen.findByText('This time is no longer open.')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Choose another time' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Open times with Priya Raman' }),
    ).toBeInTheDocument();
  });
});
