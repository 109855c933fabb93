import '../../../../tests/jsdom-calendar';
import { configure, getConfig, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { locations, orgIds, personas, type PersonaName } from '../../../../tests/msw/people';
import { bodyOf, eqValue, postgrestError, restUrl } from '../../../../tests/msw/rest';
import { blockId, mayRange, serveSchedule } from '../../../../tests/msw/schedule-handlers';
import { server } from '../../../../tests/msw/server';
import { renderSignedIn } from '../../../../tests/render';
import { viewerTimeZone } from '@/lib/datetime';
import { describeTimeZone } from '../lib/time-zones';

// Wednesday 5 May 2027: the calendar opens on the week of Sunday 2 – Saturday 8 May
const now = new Date('2027-05-05T14:00:00Z');
const calendarPath = '/schedule/calendar';

// react-big-calendar's week grid is a large DOM: queries by role take their time in jsdom, most of
// it in checking every ancestor's computed style for visibility. Nothing hidden is rendered here
// (closed dialogs unmount), so that check is skipped.
vi.setConfig({ testTimeout: 30_000 });
const { defaultHidden } = getConfig();
beforeAll(() => configure({ defaultHidden: true }));
afterAll(() => configure({ defaultHidden }));

let backend: ReturnType<typeof serveSchedule>;
beforeEach(() => {
  backend = serveSchedule();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
});
afterEach(() => vi.useRealTimers());

/** Waits until the calendar has loaded the chosen therapist's week. */
const calendarLoaded = () =>
  waitFor(() => expect(screen.queryByText('Loading the calendar…')).not.toBeInTheDocument(), {
    timeout: 5_000,
  });

/** Chooses a therapist and waits for their calendar: the choice is a navigation (?therapist=). */
async function chooseTherapist(
  user: { selectOptions: (e: Element, v: string) => Promise<void> },
  name: string,
) {
  await user.selectOptions(screen.getByRole('combobox', { name: 'Therapist' }), name);
  await screen.findByRole('heading', { level: 2, name: `${name}’s calendar` }, { timeout: 5_000 });
  await calendarLoaded();
}

/** Renders the calendar as `who` (Hannah: a Harborview therapist who is not enrolled) and waits for its first events. */
async function openCalendar(who: PersonaName | 'hannah') {
  const rendered = await renderSignedIn(who, calendarPath);
  // the page is its own lazily loaded chunk (react-big-calendar with it): the first load takes a moment
  await screen.findByRole('heading', { level: 1, name: 'Calendar' }, { timeout: 15_000 });
  await calendarLoaded();
  return rendered;
}

/** Every request the app sends to the REST API from now on. */
function recordRequests() {
  const requests: { method: string; url: URL; body: unknown }[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (!url.pathname.startsWith('/rest/v1/')) return;
    const entry = { method: request.method, url, body: undefined as unknown };
    requests.push(entry);
    if (request.method !== 'GET')
      void request
        .clone()
        .json()
        .then(
          (body: unknown) => (entry.body = body),
          () => undefined,
        );
  });
  return requests;
}

const calendar = () => screen.getByRole('region', { name: /calendar$/ });
const events = (name: RegExp) => within(calendar()).queryAllByRole('button', { name });
/** The `ov.` filter of the week from local date y-m-d, as the calendar's queries send it. */
const weekOf = (y: number, m: number, d: number) =>
  `ov.[${new Date(y, m - 1, d).toISOString()},${new Date(y, m - 1, d + 7).toISOString()})`;
const newBlockButton = () => screen.queryByRole('button', { name: 'New availability block' });

async function openNewBlockForm(user: { click: (element: Element) => Promise<void> }) {
  await user.click(await screen.findByRole('button', { name: 'New availability block' }));
  return screen.getByRole('dialog', { name: 'New availability block' });
}

describe('Schedule › Calendar: what it shows', () => {
  it('shows a therapist their own week: internal and external availability, appointments and requests, each in words', async () => {
    const requests = recordRequests();
    await openCalendar('therapist');

    expect(screen.getByRole('heading', { level: 2, name: 'My calendar' })).toBeInTheDocument();
    expect(screen.getByText(`Times in ${describeTimeZone(viewerTimeZone())}.`)).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Legend' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Available (internal only): Availability for the clinic’s own bookings',
      'Available (accepts external): Availability that accepts external appointments (payers, Client Portal)',
      'Appointment: Scheduled appointment',
      'Pending request: Pending referral request, waiting to be confirmed or declined',
    ]);

    // Priya's Mon/Wed/Thu mornings and Tuesday afternoon, all open to external appointments
    const external = events(/Available \(accepts external\) · Back Bay Office/);
    expect(external).toHaveLength(4);
    expect(external[0]).toHaveClass('calendar-event-external-availability');
    expect(events(/Available \(internal only\)/)).toHaveLength(0);
    // a therapist reads the clients of their own appointments: the appointment is named
    const [appointment] = events(/Appointment/);
    expect(appointment).toHaveClass('calendar-event-appointment');
    expect(appointment).toHaveAccessibleName(
      /^Monday, May 3, 2027, \d+:00 [AP]M – \d+:00 [AP]M: Appointment · Ana Silva$/,
    );
    const [request] = events(/Pending request/);
    expect(request).toHaveAccessibleName(
      /^Thursday, May 6, 2027, .+: Pending request · Jamie Cole \(Aetna\)$/,
    );
    expect(request).toHaveClass('calendar-event-request');

    // the visible week was asked for first, for Priya only; then the weeks either side, ahead of time
    const calendarQueries = () =>
      requests.filter((r) =>
        ['availability_occurrences', 'appointments', 'referral_requests'].some((t) =>
          r.url.pathname.endsWith(t),
        ),
      );
    const rangeOf = (url: URL) =>
      url.searchParams.get(url.pathname.endsWith('referral_requests') ? 'slot' : 'during');
    await waitFor(() => expect(new Set(calendarQueries().map((r) => rangeOf(r.url))).size).toBe(3));
    const queries = calendarQueries();
    expect(queries.slice(0, 3).map((r) => rangeOf(r.url))).toEqual(Array(3).fill(weekOf(2027, 5, 2)));
    expect(new Set(queries.map((r) => rangeOf(r.url)))).toEqual(
      new Set([weekOf(2027, 4, 25), weekOf(2027, 5, 2), weekOf(2027, 5, 9)]),
    );
    for (const { url } of queries) {
      const requests = url.pathname.endsWith('referral_requests');
      expect(eqValue(url.searchParams, requests ? 'therapist_id' : 'staff_id')).toBe(
        personas.therapist.staffId,
      );
      // requests still waiting for an answer, not confirmed or declined ones
      if (requests) expect(eqValue(url.searchParams, 'status')).toBe('pending');
    }
  });

  it('fetches the next range when the view or the dates change', async () => {
    const requests = recordRequests();
    const { user } = await openCalendar('therapist');
    await user.click(screen.getByRole('button', { name: 'Next week' }));
    expect(await screen.findByText('May 9 – 15, 2027')).toBeInTheDocument();
    // the next week was fetched ahead; now the one after it is
    await waitFor(() =>
      expect(requests.some((r) => r.url.searchParams.get('during') === weekOf(2027, 5, 16))).toBe(true),
    );
    await user.click(screen.getByRole('button', { name: 'Month' }));
    expect(screen.getByRole('button', { name: 'Month' })).toHaveAttribute('aria-pressed', 'true');
    // May 2027 in whole weeks: Sunday 25 April to Saturday 5 June
    await waitFor(() =>
      expect(
        requests.some(
          (r) =>
            r.url.searchParams.get('during') ===
            `ov.[${new Date(2027, 3, 25).toISOString()},${new Date(2027, 5, 6).toISOString()})`,
        ),
      ).toBe(true),
    );
    // month events say their date to assistive technology
    expect(await screen.findByText('Monday, May 10, 2027,', { exact: false })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Today' }));
    await user.click(screen.getByRole('button', { name: 'Agenda' }));
    // agenda events are buttons, named with their date and times
    expect(
      await screen.findByRole('button', {
        name: /^Thursday, May 6, 2027, .+: Pending request · Jamie Cole \(Aetna\)$/,
      }),
    ).toBeInTheDocument();
  });

  it('lets a scheduler choose a therapist and look, with no way to change availability', async () => {
    const { user } = await openCalendar('scheduler');
    const picker = screen.getByRole('combobox', { name: 'Therapist' });
    // the first therapist by last name
    expect(picker).toHaveDisplayValue('Marcus Bell');
    expect(newBlockButton()).not.toBeInTheDocument();

    await user.selectOptions(picker, 'Priya Raman');
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Priya Raman’s calendar' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /You can view this calendar; Priya Raman and your clinic’s org admins change its availability\./,
      ),
    ).toBeInTheDocument();
    // schedulers read the clinic's clients: the appointment is named
    const [appointment] = await screen.findAllByRole('button', { name: /Appointment · Ana Silva/ });
    expect(newBlockButton()).not.toBeInTheDocument();

    // an availability block opens read-only
    await user.click(events(/Available \(accepts external\)/)[0]!);
    const details = screen.getByRole('dialog', { name: 'Available (accepts external)' });
    expect(
      within(details).getByText('Every Mon, Wed, Thu, 09:00–12:00, from Jan 4, 2027 (Eastern Time)'),
    ).toBeInTheDocument();
    expect(within(details).queryByRole('textbox')).not.toBeInTheDocument();
    expect(
      within(details).queryByRole('group', { name: 'Accept External Appointments' }),
    ).not.toBeInTheDocument();
    await user.click(within(details).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(appointment!);
    const appointmentDetails = screen.getByRole('dialog', { name: 'Appointment' });
    expect(within(appointmentDetails).getByText('Ana Silva')).toBeInTheDocument();
    // the one clock: the office's time, office named (the viewer's own in brackets when it differs)
    expect(appointmentDetails).toHaveTextContent('Mon, May 3, 10:00 AM EDT, Back Bay Office');
  });
});

describe('Accept External Appointments: only for therapists enrolled and active', () => {
  it('an enrolled, active therapist sees it in the form, No by default', async () => {
    const { user } = await openCalendar('therapist');
    const form = await openNewBlockForm(user);
    const toggle = within(form).getByRole('group', { name: 'Accept External Appointments' });
    expect(within(toggle).getByRole('radio', { name: 'No' })).toBeChecked();
    expect(within(toggle).getByRole('radio', { name: 'Yes' })).not.toBeChecked();
  });

  it('turned on while the profile is not submitted, warns that no request can reach the block', async () => {
    backend.profileSubmitted.priya = false;
    const { user } = await openCalendar('therapist');
    const form = await openNewBlockForm(user);
    const toggle = within(form).getByRole('group', { name: 'Accept External Appointments' });
    expect(within(form).queryByRole('status')).not.toBeInTheDocument();
    await user.click(within(toggle).getByRole('radio', { name: 'Yes' }));
    const warning = within(form).getByRole('status');
    expect(warning).toHaveTextContent('No request can reach this block yet');
    expect(warning).toHaveTextContent(
      'The public profile is not submitted, so no request can reach this block until it is submitted',
    );
    expect(warning).not.toHaveTextContent('No payer');
    await user.click(within(toggle).getByRole('radio', { name: 'No' }));
    expect(within(form).queryByRole('status')).not.toBeInTheDocument();
  });

  it('turned on with no payer enrolled, warns that no payer’s members can reach the block', async () => {
    backend.payerCount.priya = 0;
    const { user } = await openCalendar('therapist');
    const form = await openNewBlockForm(user);
    await user.click(
      within(within(form).getByRole('group', { name: 'Accept External Appointments' })).getByRole('radio', {
        name: 'Yes',
      }),
    );
    expect(within(form).getByRole('status')).toHaveTextContent(
      'No payer is enrolled, so no payer’s members can request this time until an org admin adds a payer',
    );
  });

  it('turned on with a submitted profile and a payer, warns of nothing', async () => {
    const { user } = await openCalendar('therapist');
    const form = await openNewBlockForm(user);
    await user.click(
      within(within(form).getByRole('group', { name: 'Accept External Appointments' })).getByRole('radio', {
        name: 'Yes',
      }),
    );
    expect(within(form).queryByRole('status')).not.toBeInTheDocument();
  });

  it('a therapist who is not enrolled does not see it', async () => {
    const { user } = await openCalendar('hannah');
    const form = await openNewBlockForm(user);
    expect(within(form).getByRole('combobox', { name: 'Location' })).toBeInTheDocument();
    expect(
      within(form).queryByRole('group', { name: 'Accept External Appointments' }),
    ).not.toBeInTheDocument();
    expect(within(form).queryByText(/Accept External Appointments/)).not.toBeInTheDocument();
  });

  it('an org admin sees it for an enrolled therapist’s blocks, not for others’', async () => {
    const { user } = await openCalendar('admin');

    await chooseTherapist(user, 'Priya Raman');
    let form = await openNewBlockForm(user);
    expect(within(form).getByRole('group', { name: 'Accept External Appointments' })).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));

    await chooseTherapist(user, 'Hannah Whitaker');
    form = await openNewBlockForm(user);
    expect(
      within(form).queryByRole('group', { name: 'Accept External Appointments' }),
    ).not.toBeInTheDocument();
  });

  it('is absent when the enrollment was deactivated', async () => {
    backend.enrollments.priya = 'deactivated';
    const { user } = await openCalendar('therapist');
    const form = await openNewBlockForm(user);
    expect(
      within(form).queryByRole('group', { name: 'Accept External Appointments' }),
    ).not.toBeInTheDocument();
  });
});

describe('the availability block form', () => {
  it('says which time zone its times are in, and follows the location', async () => {
    const { user } = await openCalendar('therapist');
    const form = await openNewBlockForm(user);
    expect(within(form).getByRole('combobox', { name: 'Location' })).toHaveDisplayValue('Back Bay Office');
    expect(
      within(form).getByText('Times are in Eastern Time, the Back Bay Office’s time zone.'),
    ).toBeInTheDocument();
    expect(within(form).getByLabelText('Start time')).toHaveAccessibleDescription(
      'Times are in Eastern Time, the Back Bay Office’s time zone.',
    );
    await user.selectOptions(
      within(form).getByRole('combobox', { name: 'Location' }),
      'Denver Highlands Office',
    );
    expect(
      within(form).getByText('Times are in Mountain Time, the Denver Highlands Office’s time zone.'),
    ).toBeInTheDocument();
  });

  it('refuses what the database would: no weekday, end before start, until before from, more than two years', async () => {
    const requests = recordRequests();
    const { user } = await openCalendar('therapist');
    const form = await openNewBlockForm(user);
    const endTime = within(form).getByLabelText('End time');
    await user.clear(endTime);
    await user.type(endTime, '08:00');
    await user.type(within(form).getByLabelText('Ends on (optional)'), '2027-05-01');
    await user.click(within(form).getByRole('button', { name: 'Save block' }));

    expect(await within(form).findByText('Choose at least one day of the week.')).toBeInTheDocument();
    expect(within(form).getByRole('group', { name: 'Days of the week' })).toHaveAccessibleDescription(
      'Choose at least one day of the week.',
    );
    expect(endTime).toHaveAccessibleDescription(/The end time must be after the start time\.$/);
    expect(endTime).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByLabelText('Ends on (optional)')).toHaveAccessibleDescription(
      /The end date must be on or after the start date\.$/,
    );

    const until = within(form).getByLabelText('Ends on (optional)');
    await user.clear(until);
    await user.type(until, '2029-05-06');
    await user.click(within(form).getByRole('button', { name: 'Save block' }));
    expect(
      await within(form).findByText('A block can repeat for at most two years (730 days).'),
    ).toBeInTheDocument();

    expect(requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD')).toEqual([]);
  });

  it('creates a weekly block with Accept External Appointments, and shows it on the calendar', async () => {
    // the database expands the new block: this Friday, 09:00–12:00 in Boston
    server.use(
      http.post(restUrl('availability_blocks'), () => {
        backend.occurrences.push({ blockId: blockId('03'), during: mayRange(7, '13:00', '16:00') });
        return undefined;
      }),
    );
    const requests = recordRequests();
    const { user } = await openCalendar('therapist');
    expect(events(/Friday/)).toHaveLength(0);
    const form = await openNewBlockForm(user);
    expect(within(form).getByRole('radio', { name: 'Every week' })).toBeChecked();
    await user.click(within(form).getByRole('checkbox', { name: 'Friday' }));
    const from = within(form).getByLabelText('Starts on');
    await user.clear(from);
    await user.type(from, '2027-05-07');
    await user.click(within(form).getByRole('radio', { name: 'Yes' }));
    await user.click(within(form).getByRole('button', { name: 'Save block' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByText('The availability block was added.')).toBeInTheDocument();
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.url.pathname).toBe('/rest/v1/availability_blocks');
    expect(posts[0]!.body).toEqual({
      org_id: orgIds.harborview,
      staff_id: personas.therapist.staffId,
      location_id: locations.backBay.id,
      valid_from: '2027-05-07',
      valid_until: null,
      weekdays: [5],
      start_time: '09:00',
      end_time: '12:00',
      accept_external: true,
    });
    // the calendar asks again and shows Friday's new block
    expect(
      await screen.findByRole('button', {
        name: /Friday, May 7, 2027, .+: Available \(accepts external\) · Back Bay Office/,
      }),
    ).toBeInTheDocument();
  });

  it('creates a one-off block, after looking at the weekly fields', async () => {
    const requests = recordRequests();
    const { user } = await openCalendar('therapist');
    const form = await openNewBlockForm(user);
    // the form opens on a weekly block; its weekday boxes go away with "One time"
    await user.click(within(form).getByRole('radio', { name: 'One time' }));
    expect(within(form).queryByRole('group', { name: 'Days of the week' })).not.toBeInTheDocument();
    const date = within(form).getByLabelText('Date');
    await user.clear(date);
    await user.type(date, '2027-05-08');
    await user.click(within(form).getByRole('button', { name: 'Save block' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({
      valid_from: '2027-05-08',
      valid_until: '2027-05-08',
      weekdays: null,
      accept_external: false,
    });
  });

  it('shows the database’s message when the block overlaps another, and keeps the form open', async () => {
    const overlapping: unknown[] = [];
    server.use(
      http.post(restUrl('availability_blocks'), async ({ request }) => {
        overlapping.push(await bodyOf(request));
        return postgrestError(
          409,
          '23P01',
          'This block overlaps another availability block of the same therapist (09:00–12:00).',
          'availability_overlap',
        );
      }),
    );
    const { user } = await openCalendar('therapist');
    const form = await openNewBlockForm(user);
    await user.click(within(form).getByRole('checkbox', { name: 'Monday' }));
    const start = within(form).getByLabelText('Start time');
    await user.clear(start);
    await user.type(start, '11:00');
    const end = within(form).getByLabelText('End time');
    await user.clear(end);
    await user.type(end, '13:00');
    await user.click(within(form).getByRole('button', { name: 'Save block' }));

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('The block was not saved.');
    expect(alert).toHaveTextContent(
      'This block overlaps another availability block of the same therapist (09:00–12:00).',
    );
    expect(screen.getByRole('dialog', { name: 'New availability block' })).toBeInTheDocument();
    expect(overlapping).toEqual([
      expect.objectContaining({ weekdays: [1], start_time: '11:00', end_time: '13:00' }),
    ]);
  });

  it('says so when the database refuses Accept External Appointments', async () => {
    server.use(
      http.post(restUrl('availability_blocks'), () =>
        postgrestError(
          400,
          'P0001',
          'Accept External Appointments is only for therapists enrolled and active in the Client Referral Program.',
          'not_enrolled',
        ),
      ),
    );
    const { user } = await openCalendar('therapist');
    const form = await openNewBlockForm(user);
    await user.click(within(form).getByRole('checkbox', { name: 'Saturday' }));
    await user.click(within(form).getByRole('radio', { name: 'Yes' }));
    await user.click(within(form).getByRole('button', { name: 'Save block' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Accept External Appointments is only for therapists enrolled and active in the Client Referral Program.',
    );
  });

  it('edits a block opened from its event, and deletes one after confirming', async () => {
    const requests = recordRequests();
    const { user } = await openCalendar('therapist');
    await user.click(events(/Tuesday, May 4, 2027, .+: Available/)[0]!);
    let form = screen.getByRole('dialog', { name: 'Edit availability block' });
    expect(within(form).getByRole('checkbox', { name: 'Tuesday' })).toBeChecked();
    expect(within(form).getByLabelText('Start time')).toHaveValue('13:00');
    const end = within(form).getByLabelText('End time');
    await user.clear(end);
    await user.type(end, '16:00');
    await user.click(within(form).getByRole('button', { name: 'Save block' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByText('The availability block was saved.')).toBeInTheDocument();
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(eqValue(patch!.url.searchParams, 'id')).toBe(blockId('02'));
    expect(patch?.body).toMatchObject({
      weekdays: [2],
      start_time: '13:00',
      end_time: '16:00',
      accept_external: true,
    });

    await user.click(
      (await screen.findAllByRole('button', { name: /Tuesday, May 4, 2027, .+: Available/ }))[0]!,
    );
    form = screen.getByRole('dialog', { name: 'Edit availability block' });
    await user.click(within(form).getByRole('button', { name: 'Delete block' }));
    const confirm = screen.getByRole('dialog', { name: 'Delete this availability block?' });
    expect(within(confirm).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Delete block' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByText('The availability block was deleted.')).toBeInTheDocument();
    expect(eqValue(requests.find((r) => r.method === 'DELETE')!.url.searchParams, 'id')).toBe(blockId('02'));
    await waitFor(() => expect(events(/Tuesday, May 4, 2027, .+: Available/)).toHaveLength(0));
  });

  it('opens from the keyboard: the button, then the form', async () => {
    const { user } = await openCalendar('therapist');
    const button = await screen.findByRole('button', { name: 'New availability block' });
    button.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('dialog', { name: 'New availability block' })).toBeInTheDocument();
    // an event opens with Enter too
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    events(/Pending request/)[0]!.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('dialog', { name: 'Pending request' })).toHaveTextContent(
      'Jamie Cole, via Aetna',
    );
  });
});
