/**
 * The browser figures of the benchmark: the production build served locally, driven in Debian's
 * Chromium with the CPU throttled 4× (only around the measured actions). Each figure is timed
 * inside the page: from right before the triggering action (a click on a navigation link or a
 * toolbar button, a change of a filter) until the expected DOM state exists and the next frame
 * has been painted. Before each run the page is loaded afresh, so every run fetches its data
 * (nothing answers from the query cache) while the built files come from the browser's cache.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import type pg from 'pg';
import { chromiumPath } from '../tests/e2e/support/chromium.ts';
import type { AnchorData, AnchorEvent, AnchorRow } from './anchors/anchor-data.ts';
import { serveBuild } from './serve-build.ts';
import { interleavedOrder, percentiles, type Timing } from './stats.ts';

/** A figure measured on the app (ours) and on its anchor, interleaved in the same browser. */
export interface Versus {
  ours: Timing;
  anchor: Timing;
}

export interface BrowserFigures {
  gridFirstRender: Versus;
  gridFilter: Versus;
  /** The week of 500 events drawn from data in memory: our calendar against the library's, mounted alike. */
  weekRender: Versus;
  /** Ours reopened from home inside the app (code loaded, the week in the query cache). */
  weekReopen: Timing;
  /** Ours opened cold from the home page: the route's code, the fetch of the week, the render. */
  weekOpen: Timing;
  weekNavigate: Timing;
  insightsTab: InsightsTabTimings;
}

/**
 * The Insights tab's span and its two parts: until the figures' answers had arrived (the route's
 * code from the cache, the calls through the gateway, PostgREST and SQL) and from then until every
 * chart and table is painted (the render at 4× CPU).
 */
export interface InsightsTabTimings {
  total: Timing;
  fetch: Timing;
  render: Timing;
}

export interface BrowserOptions {
  /** A production build whose VITE_SUPABASE_URL is `apiUrl`. */
  distDir: string;
  /** The anchors' build (bench/anchors). */
  anchorsDir: string;
  apiUrl: string;
  /** The stack's database, as its superuser: seeds what the week view shows. */
  db: pg.Pool;
  /** Timed runs of each side of each figure (after one untimed warm-up of each). */
  runs?: number;
}

/** The same flags as playwright.config.ts. */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
/** The viewer's time zone: the calendar's weeks are this zone's weeks, and so are the seeded ones. */
const timeZone = 'America/New_York';
const viewport = { width: 1280, height: 800 };
const cpuThrottle = 4;
const password = 'bench-password';
const gridClinic = 'bench-large';
const weekClinic = 'bench-200';
const eventsPerWeek = 500;
const appointmentMinutes = 20;
const insightsClinic = 'bench-200';

export async function measureBrowser({
  distDir,
  anchorsDir,
  apiUrl,
  db,
  runs = 24,
}: BrowserOptions): Promise<BrowserFigures> {
  await checkBuild(distDir, apiUrl);
  const grid = await gridExpectations(db);
  const week = await seedWeekView(db);
  const insights = await insightsExpectations(db);
  return inChromium(distDir, anchorsDir, async (browser, origin, anchorOrigin) => {
    const gridFigures = await measureGrid(browser, origin, anchorOrigin, grid, runs);
    const weekFigures = await measureWeek(browser, origin, anchorOrigin, week, runs);
    const insightsTab = await measureInsightsTab(browser, origin, insights, runs);
    return { ...gridFigures, ...weekFigures, insightsTab };
  });
}

/** Serves the app's and the anchors' builds and runs `measure` in one Chromium; stops them all after. */
async function inChromium<T>(
  distDir: string,
  anchorsDir: string,
  measure: (browser: Browser, origin: string, anchorOrigin: string) => Promise<T>,
): Promise<T> {
  const server = await serveBuild(distDir);
  const anchors = await serveBuild(anchorsDir);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
    return await measure(browser, server.origin, anchors.origin);
  } finally {
    await browser?.close();
    await server.close();
    await anchors.close();
  }
}

/** The week-view figures alone (`npm run bench:week`), measured as `measureBrowser` measures them. */
export async function measureWeekView({
  distDir,
  anchorsDir,
  apiUrl,
  db,
  runs = 24,
}: BrowserOptions): Promise<Pick<BrowserFigures, 'weekRender' | 'weekReopen' | 'weekOpen' | 'weekNavigate'>> {
  await checkBuild(distDir, apiUrl);
  const week = await seedWeekView(db);
  return inChromium(distDir, anchorsDir, (browser, origin, anchorOrigin) =>
    measureWeek(browser, origin, anchorOrigin, week, runs),
  );
}

/** The Insights tab's figure alone (`npm run bench:insights -- --browser`). */
export async function measureInsightsTabOnly({
  distDir,
  apiUrl,
  db,
  runs = 24,
}: Omit<BrowserOptions, 'anchorsDir'>): Promise<InsightsTabTimings> {
  await checkBuild(distDir, apiUrl);
  const insights = await insightsExpectations(db);
  const server = await serveBuild(distDir);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
    return await measureInsightsTab(browser, server.origin, insights, runs);
  } finally {
    await browser?.close();
    await server.close();
  }
}

// the build and its server ------------------------------------------------------------------------

/** Fails early when the build talks to another stack than the one measured. */
async function checkBuild(distDir: string, apiUrl: string): Promise<void> {
  const assets = path.join(distDir, 'assets');
  const scripts = (await readdir(assets)).filter((f) => f.endsWith('.js'));
  for (const file of scripts) if ((await readFile(path.join(assets, file), 'utf8')).includes(apiUrl)) return;
  throw new Error(
    `The build in ${distDir} does not point at ${apiUrl}: build it with VITE_SUPABASE_URL=${apiUrl}.`,
  );
}

// data --------------------------------------------------------------------------------------------

interface GridExpectations {
  total: number;
  /** Two payers to filter by in turn, with how many enrolled staff list each. */
  payers: { id: string; name: string; count: number }[];
  /** The clinic's enrolments as the anchor table shows them. */
  rows: AnchorRow[];
}

async function gridExpectations(db: pg.Pool): Promise<GridExpectations> {
  // from the tables (the grid lists every enrolment of the clinic), not from how the app reads them
  const {
    rows: [clinic],
  } = await db.query<{ total: number }>(
    `select count(*)::int as total from public.program_enrollments e join public.organizations o on o.id = e.org_id where o.slug = $1`,
    [gridClinic],
  );
  const { rows: payers } = await db.query<{ id: string; name: string; count: number }>(
    `select p.id, p.name, count(distinct e.id)::int as count
     from public.payers p
     join public.enrollment_payers ep on ep.payer_id = p.id
     join public.program_enrollments e on e.id = ep.enrollment_id
     join public.organizations o on o.id = e.org_id and o.slug = $1
     group by p.id, p.name order by p.name`,
    [gridClinic],
  );
  if (!clinic || clinic.total === 0 || payers.length < 2)
    throw new Error(`Clinic ${gridClinic} has no enrolled staff with payers: seed the large dataset first.`);
  const { rows } = await db.query<AnchorRow>(
    `select e.id, s.first_name || ' ' || s.last_name as staff, s.email::text as email,
            case when pp.submitted_at is null then 'Incomplete' else 'Completed' end as "applicationStatus",
            initcap(e.status::text) as "enrollmentStatus",
            coalesce((select json_agg(json_build_object('id', p.id, 'name', p.name) order by p.name)
                      from public.enrollment_payers ep join public.payers p on p.id = ep.payer_id
                      where ep.enrollment_id = e.id), '[]') as payers
     from public.program_enrollments e
     join public.organizations o on o.id = e.org_id and o.slug = $1
     join public.staff_members s on s.id = e.staff_id
     left join public.public_profiles pp on pp.staff_id = e.staff_id`,
    [gridClinic],
  );
  // the first and the last payer by name: each run changes the filter to the other one
  return { total: clinic.total, payers: [payers[0]!, payers.at(-1)!], rows };
}

interface WeekExpectations {
  therapistName: string;
  /** This week's appointments, for the anchor. */
  events: AnchorEvent[];
}

/**
 * 500 back-to-back 20-minute appointments in this week and 500 in the next (weeks from Sunday in
 * the viewer's zone, as the calendar shows them), for the therapist the scheduler's calendar
 * opens on: the first active therapist of the clinic by last then first name. Idempotent: the
 * previous run's appointments are replaced, and any other scheduled appointment of that therapist
 * in those two weeks is cancelled (the exclusion constraint forbids overlaps).
 */
async function seedWeekView(db: pg.Pool): Promise<WeekExpectations> {
  const session = await db.connect();
  try {
    await session.query('begin');
    const {
      rows: [therapist],
    } = await session.query<{
      id: string;
      org_id: string;
      location_id: string | null;
      first_name: string;
      last_name: string;
    }>(
      `select s.id, s.org_id, s.first_name, s.last_name,
              coalesce(s.default_location_id, (select l.id from public.locations l where l.org_id = s.org_id order by l.id limit 1)) as location_id
       from public.staff_members s join public.organizations o on o.id = s.org_id
       where o.slug = $1 and s.is_active and 'therapist' = any (s.roles)
       order by s.last_name, s.first_name limit 1`,
      [weekClinic],
    );
    if (!therapist) throw new Error(`Clinic ${weekClinic} has no therapists: seed the large dataset first.`);
    const {
      rows: [client],
    } = await session.query<{ id: string }>(
      `insert into public.clients (org_id, first_name, last_name, email, date_of_birth, status)
       values ($1, 'Week', 'View', 'week-view@bench.example.org', '1980-01-01', 'active')
       on conflict (org_id, email, date_of_birth) do update set status = 'active'
       returning id`,
      [therapist.org_id],
    );
    const {
      rows: [weeks],
    } = await session.query<{ this_week: Date; next_week: Date; after: Date }>(
      `with today as (select (now() at time zone $1)::date as d)
       select ((d - extract(dow from d)::int)::timestamp at time zone $1) as this_week,
              ((d - extract(dow from d)::int + 7)::timestamp at time zone $1) as next_week,
              ((d - extract(dow from d)::int + 14)::timestamp at time zone $1) as after
       from today`,
      [timeZone],
    );
    await session.query(`delete from public.appointments where staff_id = $1 and client_id = $2`, [
      therapist.id,
      client!.id,
    ]);
    await session.query(
      `update public.appointments set status = 'cancelled'
       where staff_id = $1 and status = 'scheduled' and during && tstzrange($2, $3)`,
      [therapist.id, weeks!.this_week, weeks!.after],
    );
    // 500 × 20 min = 166 h 40 min: within the week even when it is an hour short (daylight saving)
    await session.query(
      `insert into public.appointments (org_id, staff_id, client_id, location_id, during)
       select $1, $2, $3, $4, tstzrange(w + g * $8 * interval '1 minute', w + (g + 1) * $8 * interval '1 minute')
       from unnest(array[$5, $6]::timestamptz[]) w cross join generate_series(0, $7 - 1) g`,
      [
        therapist.org_id,
        therapist.id,
        client!.id,
        therapist.location_id,
        weeks!.this_week,
        weeks!.next_week,
        eventsPerWeek,
        appointmentMinutes,
      ],
    );
    const { rows: events } = await session.query<AnchorEvent>(
      `select 'Appointment: Week View' as title, to_json(lower(during))#>>'{}' as start, to_json(upper(during))#>>'{}' as end
       from public.appointments where staff_id = $1 and client_id = $2 and during && tstzrange($3, $4) order by during`,
      [therapist.id, client!.id, weeks!.this_week, weeks!.next_week],
    );
    await session.query('commit');
    return { therapistName: `${therapist.first_name} ${therapist.last_name}`, events };
  } catch (error) {
    await session.query('rollback');
    throw error;
  } finally {
    session.release();
  }
}

interface InsightsExpectations {
  /** rows of the per-therapist and per-source tables for the tab's default period */
  therapists: number;
  sources: number;
  total: number;
}

/** What the Insights tab shows for its default period (the clinic's last 90 days), from the function itself. */
async function insightsExpectations(db: pg.Pool): Promise<InsightsExpectations> {
  const session = await db.connect();
  try {
    await session.query('begin');
    // the whole clinic's figures, as its admin sees them
    await session.query(`select set_config('request.jwt.claims', '{"role":"service_role"}', true)`);
    const {
      rows: [row],
    } = await session.query<InsightsExpectations>(
      `select (t ->> 'total')::int as therapists, jsonb_array_length(f -> 'payers') as sources,
              (f ->> 'total')::int as total
       from (select public.program_insights(o.id, (now() at time zone o.time_zone)::date - 89,
                                            (now() at time zone o.time_zone)::date) as f,
                    public.program_insights_therapists(o.id, (now() at time zone o.time_zone)::date - 89,
                                                       (now() at time zone o.time_zone)::date, page_size => 1,
                                                       with_weekly => false) as t
             from public.organizations o where o.slug = $1) x`,
      [insightsClinic],
    );
    await session.query('commit');
    if (!row || row.total === 0)
      throw new Error(
        `Clinic ${insightsClinic} has no requests in the last 90 days: seed the large dataset first.`,
      );
    return row;
  } finally {
    session.release();
  }
}

// the browser -------------------------------------------------------------------------------------

interface Tab {
  page: Page;
  /** Sets the CPU throttling rate (1 = none). */
  throttle: (rate: number) => Promise<void>;
  /** Resolves once no request has been in flight for a while. */
  quiet: () => Promise<void>;
}

async function openTab(context: BrowserContext): Promise<Tab> {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const cdp: CDPSession = await context.newCDPSession(page);
  let inFlight = 0;
  let lastChange = Date.now();
  const started = () => {
    inFlight++;
    lastChange = Date.now();
  };
  const ended = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastChange = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return {
    page,
    throttle: async (rate) => {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    },
    quiet: async () => {
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastChange < 300))
        await new Promise((r) => setTimeout(r, 50));
    },
  };
}

async function newSignedInTab(browser: Browser, origin: string, email: string): Promise<Tab> {
  const context = await browser.newContext({
    baseURL: origin,
    timezoneId: timeZone,
    locale: 'en-US',
    viewport,
  });
  // tsx compiles this file with keepNames: functions handed to the page call esbuild's __name
  await context.addInitScript('globalThis.__name = (target) => target;');
  const tab = await openTab(context);
  const { page } = tab;
  await page.goto('/sign-in');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return tab;
}

/** Loads the home page afresh (an empty query cache) and waits for it to settle. */
async function freshHome(tab: Tab, link: string): Promise<void> {
  await tab.page.goto('/');
  await tab.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: link, exact: true })
    .waitFor();
  await tab.quiet();
}

/** One timed action, throttled; the throttle is lifted whatever happens. */
async function timed(tab: Tab, spec: MeasureSpec): Promise<MeasureResult> {
  await tab.throttle(cpuThrottle);
  try {
    return await tab.page.evaluate(measureInPage, spec);
  } finally {
    await tab.throttle(1);
  }
}

/** The sides of a run in turn: the warm-up (run -1) runs both, ours first. */
const sidesOf = (run: number, order: ('a' | 'b')[][]) => (run < 0 ? (['a', 'b'] as const) : order[run]!);

async function newAnchorTab(browser: Browser, anchorOrigin: string): Promise<Tab> {
  const context = await browser.newContext({
    baseURL: anchorOrigin,
    timezoneId: timeZone,
    locale: 'en-US',
    viewport,
  });
  await context.addInitScript('globalThis.__name = (target) => target;');
  return openTab(context);
}

/** Loads an anchor page afresh (`run` and `page` make each load a new document) and hands it its data, untimed. */
async function freshAnchor(
  tab: Tab,
  page: 'table' | 'week' | 'our-week',
  run: number,
  data: AnchorData,
): Promise<void> {
  await tab.page.goto(`/?run=${run}&page=${page}#${page}`);
  await tab.page.getByRole('button', { name: 'Show' }).waitFor();
  await tab.page.evaluate((d) => {
    window.benchAnchorData = d;
  }, data);
}

async function measureGrid(
  browser: Browser,
  origin: string,
  anchorOrigin: string,
  grid: GridExpectations,
  runs: number,
) {
  const tab = await newSignedInTab(browser, origin, `admin@${gridClinic}.example.org`);
  const anchorTab = await newAnchorTab(browser, anchorOrigin);
  const samples = {
    render: { a: [] as number[], b: [] as number[] },
    filter: { a: [] as number[], b: [] as number[] },
  };
  const order = interleavedOrder(runs);
  try {
    for (let run = -1; run < runs; run++) {
      const payer = grid.payers[(run + 2) % 2]!;
      for (const side of sidesOf(run, order)) {
        let shown: MeasureResult;
        let filtered: MeasureResult;
        if (side === 'a') {
          await freshHome(tab, 'Manage Subscription');
          shown = await timed(tab, {
            trigger: { kind: 'link', name: 'Manage Subscription' },
            until: { kind: 'grid', total: grid.total, filtered: false },
          });
          await tab.quiet();
          await tab.page
            .getByLabel('Payer', { exact: true })
            .locator(`option[value="${payer.id}"]`)
            .waitFor({ state: 'attached' });
          filtered = await timed(tab, {
            trigger: { kind: 'select', label: 'Payer', value: payer.id },
            until: { kind: 'grid', total: payer.count, filtered: true },
          });
        } else {
          await freshAnchor(anchorTab, 'table', run, { rows: grid.rows });
          shown = await timed(anchorTab, {
            trigger: { kind: 'button', name: 'Show' },
            until: { kind: 'count', selector: 'tbody tr', count: grid.total },
          });
          filtered = await timed(anchorTab, {
            trigger: { kind: 'select', label: 'Payer', value: payer.id },
            until: { kind: 'count', selector: 'tbody tr', count: payer.count },
          });
        }
        if (run >= 0) {
          samples.render[side].push(shown.ms);
          samples.filter[side].push(filtered.ms);
        }
      }
    }
    return {
      gridFirstRender: { ours: percentiles(samples.render.a), anchor: percentiles(samples.render.b) },
      gridFilter: { ours: percentiles(samples.filter.a), anchor: percentiles(samples.filter.b) },
    };
  } finally {
    await tab.page.context().close();
    await anchorTab.page.context().close();
  }
}

/**
 * The week view against react-big-calendar's own, like for like: both calendars are mounted on
 * the anchor page by a click on Show, with the same 500 events in memory, the same viewport and the
 * same throttle, and timed until the appointments of the hours in view are painted (the library
 * draws all of its events at once). They run in turns, in the interleaved order. The app's own
 * opening of its calendar page is timed beside them and reported: reopened from home inside the app
 * (route code loaded, the week in the query cache, so the navigation and the page around the
 * calendar are what it adds), cold from home (route code, the fetch of the week through PostgREST,
 * render), and the next week (fetch and render), so neither the app shell, the network nor the
 * code loading is hidden.
 */
async function measureWeek(
  browser: Browser,
  origin: string,
  anchorOrigin: string,
  week: WeekExpectations,
  runs: number,
) {
  if (week.events.length !== eventsPerWeek)
    throw new Error(`The week view's anchor got ${week.events.length} events, not ${eventsPerWeek}`);
  const tab = await newSignedInTab(browser, origin, `scheduler@${weekClinic}.example.org`);
  const anchorTab = await newAnchorTab(browser, anchorOrigin);
  const render = { a: [] as number[], b: [] as number[] };
  const reopen: number[] = [];
  const open: number[] = [];
  const navigate: number[] = [];
  const order = interleavedOrder(runs);
  const openCalendar: MeasureSpec = {
    trigger: { kind: 'link', name: 'Calendar' },
    until: { kind: 'week', appointmentMinutes, notLabel: null },
  };
  const showOurs: MeasureSpec = {
    trigger: { kind: 'button', name: 'Show' },
    until: { kind: 'week', appointmentMinutes, notLabel: null },
  };
  const showLibrary: MeasureSpec = {
    trigger: { kind: 'button', name: 'Show' },
    until: { kind: 'count', selector: '.rbc-event', count: eventsPerWeek },
  };
  try {
    for (let run = -1; run < runs; run++) {
      for (const side of sidesOf(run, order)) {
        await freshAnchor(anchorTab, side === 'a' ? 'our-week' : 'week', run, { events: week.events });
        const shown = await timed(anchorTab, side === 'a' ? showOurs : showLibrary);
        if (run >= 0) render[side].push(shown.ms);
      }
      await freshHome(tab, 'Calendar');
      const cold = await timed(tab, openCalendar);
      if (run === -1) {
        // the calendar opened on the seeded therapist
        await tab.page.getByRole('heading', { level: 2, name: `${week.therapistName}’s calendar` }).waitFor();
      }
      await tab.quiet();
      // home again inside the app: the week's data stays in the query cache, the code loaded
      await tab.page.locator('header a.clinic-name').click();
      await tab.page.locator('.calendar-range-label').waitFor({ state: 'detached' });
      await tab.quiet();
      const shown = await timed(tab, openCalendar);
      await tab.quiet();
      const next = await timed(tab, {
        trigger: { kind: 'button', name: 'Next week' },
        until: { kind: 'week', appointmentMinutes, notLabel: shown.label },
      });
      if (run >= 0) {
        reopen.push(shown.ms);
        open.push(cold.ms);
        navigate.push(next.ms);
      }
    }
    return {
      weekRender: { ours: percentiles(render.a), anchor: percentiles(render.b) },
      weekReopen: percentiles(reopen),
      weekOpen: percentiles(open),
      weekNavigate: percentiles(navigate),
    };
  } finally {
    await tab.page.context().close();
    await anchorTab.page.context().close();
  }
}

/**
 * Manage Subscription › Insights as the clinic's admin: from the click on the tab until every chart,
 * each chart's table alternative and both breakdown tables (their first page of rows) are drawn. Each run loads
 * the program grid tab afresh first, so the tab's figures are fetched each time.
 */
/** Rows a breakdown table of the Insights tab draws at once (the tab's `breakdownPageSize`). */
const breakdownPageRows = 25;

async function measureInsightsTab(
  browser: Browser,
  origin: string,
  expected: InsightsExpectations,
  runs: number,
): Promise<InsightsTabTimings> {
  const tab = await newSignedInTab(browser, origin, `admin@${insightsClinic}.example.org`);
  const samples = { total: [] as number[], fetch: [] as number[], render: [] as number[] };
  try {
    for (let run = -1; run < runs; run++) {
      await tab.page.goto('/organization/subscription/referral-program');
      await tab.page
        .getByRole('navigation', { name: 'Subscription sections' })
        .getByRole('link', { name: 'Insights' })
        .waitFor();
      await tab.quiet();
      const shown = await timed(tab, {
        trigger: { kind: 'link', name: 'Insights' },
        // the breakdown tables draw one page of rows (sorted across all of them)
        until: {
          kind: 'insights',
          therapists: Math.min(expected.therapists, breakdownPageRows),
          sources: Math.min(expected.sources, breakdownPageRows),
        },
      });
      if (run >= 0) {
        if (shown.fetchedMs === undefined)
          throw new Error('The Insights tab drew its figures without fetching them');
        samples.total.push(shown.ms);
        samples.fetch.push(shown.fetchedMs);
        samples.render.push(shown.ms - shown.fetchedMs);
      }
    }
    return {
      total: percentiles(samples.total),
      fetch: percentiles(samples.fetch),
      render: percentiles(samples.render),
    };
  } finally {
    await tab.page.context().close();
  }
}

// in the page -------------------------------------------------------------------------------------

type Trigger =
  /** A link of the main navigation, by its text. */
  | { kind: 'link'; name: string }
  /** A button, by its text. */
  | { kind: 'button'; name: string }
  /** A select, by its label's text, changed to `value`. */
  | { kind: 'select'; label: string; value: string };

type Until =
  /** The program grid's count line says `total` (matching the filters when `filtered`), its data rows are in the document and it is not busy. */
  | { kind: 'grid'; total: number; filtered: boolean }
  /**
   * Under a range label other than `notLabel`, the week's appointments are drawn wherever the
   * hours scrolled into view meet them: back-to-back appointments of `appointmentMinutes` fill the
   * view of every day. (The calendar draws the hours in view and a few either side.)
   */
  | { kind: 'week'; appointmentMinutes: number; notLabel: string | null }
  /** Exactly `count` elements match `selector` (the anchors draw every row and every event). */
  | { kind: 'count'; selector: string; count: number }
  /**
   * The Insights tab: its four charts each drawn with its table alternative, the per-therapist and
   * per-source tables with `therapists` and `sources` rows (their first page), nothing busy.
   */
  | { kind: 'insights'; therapists: number; sources: number };

interface MeasureSpec {
  trigger: Trigger;
  until: Until;
  timeoutMs?: number;
}

interface MeasureResult {
  ms: number;
  /** The calendar's range label when done (empty for the grid). */
  label: string;
  detail: string;
  /** The Insights tab: when the last of its figures' calls had answered (Resource Timing), from the trigger. */
  fetchedMs?: number;
}

/**
 * Runs in the page (self-contained: it is serialized): fires the trigger and resolves with the
 * milliseconds until the expected DOM state exists and the frame showing it has been painted.
 */
function measureInPage({ trigger, until, timeoutMs = 30_000 }: MeasureSpec): Promise<MeasureResult> {
  const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const main = document.querySelector('main') ?? document.body;

  function findTrigger(): () => void {
    if (trigger.kind === 'link') {
      const links = [...document.querySelectorAll<HTMLAnchorElement>('nav a')];
      const link =
        links.find((a) => text(a) === trigger.name) ?? links.find((a) => text(a).startsWith(trigger.name));
      if (!link) throw new Error(`No navigation link "${trigger.name}"`);
      return () => link.click();
    }
    if (trigger.kind === 'button') {
      const button = [...document.querySelectorAll<HTMLButtonElement>('button')].find(
        (b) => text(b) === trigger.name,
      );
      if (!button) throw new Error(`No button "${trigger.name}"`);
      return () => button.click();
    }
    const label = [...document.querySelectorAll<HTMLLabelElement>('label')].find(
      (l) => text(l) === trigger.label,
    );
    const select = label?.control;
    if (!(select instanceof HTMLSelectElement)) throw new Error(`No select labelled "${trigger.label}"`);
    if (![...select.options].some((o) => o.value === trigger.value))
      throw new Error(`"${trigger.label}" has no option ${trigger.value}`);
    return () => {
      select.value = trigger.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    };
  }

  function state(): { done: boolean; label: string; detail: string } {
    if (until.kind === 'count') {
      const found = document.querySelectorAll(until.selector).length;
      return { done: found === until.count, label: '', detail: `${found} × ${until.selector}` };
    }
    if (until.kind === 'insights') {
      const section = (id: string) => main.querySelector(`section[aria-labelledby="${id}"]`);
      const charts = [
        'insights-weekly',
        'insights-outcomes',
        'insights-decision',
        'insights-capacity',
      ].filter((id) => {
        const card = section(id);
        const drawn = card?.querySelector('svg, [aria-hidden="true"] li') ?? null;
        const table = [...(card?.querySelectorAll('caption') ?? [])].some((c) =>
          text(c).endsWith('as a table'),
        );
        return drawn !== null && table;
      }).length;
      const rows = (id: string) => section(id)?.querySelectorAll('tbody tr').length ?? 0;
      const busy = main.querySelector('[aria-busy="true"]') !== null;
      return {
        done:
          charts === 4 &&
          rows('insights-therapists') === until.therapists &&
          rows('insights-sources') === until.sources &&
          !busy,
        label: '',
        detail: `${charts} of 4 charts with tables, ${rows('insights-therapists')} therapist rows, ${rows('insights-sources')} source rows${busy ? ', busy' : ''}`,
      };
    }
    if (until.kind === 'grid') {
      const pattern = until.filtered
        ? /^([\d,]+) staff members? match(?:es)? these filters$/
        : /^([\d,]+) staff members? in the program$/;
      const count = [...main.querySelectorAll('p, [role="status"], [aria-live]')]
        .map(text)
        .find((t) => pattern.test(t));
      const shown = count ? Number(pattern.exec(count)![1]!.replace(/,/g, '')) : null;
      // data rows: not the header's, not the virtualizer's spacers
      const rows = [...main.querySelectorAll('tr, [role="row"]')].filter(
        (row) =>
          !row.closest('thead, [aria-hidden="true"]') &&
          row.querySelector('td, th[scope="row"], [role="cell"], [role="gridcell"], [role="rowheader"]') !==
            null,
      ).length;
      const busy = main.querySelector('[aria-busy="true"]') !== null;
      return {
        done: shown === until.total && rows > 0 && !busy,
        label: '',
        detail: `count "${count ?? ''}", ${rows} rows${busy ? ', busy' : ''}`,
      };
    }
    const label = text(document.querySelector('.calendar-range-label'));
    const drawn = [...document.querySelectorAll('.calendar-event-appointment')];
    const grid = document.querySelector('.time-grid-body');
    if (!grid || label === '' || label === until.notLabel || drawn.length === 0) {
      return { done: false, label, detail: `${drawn.length} appointments, range "${label}"` };
    }
    // (read only once the new week is there: reading positions makes the browser lay the page out)
    const view = grid.getBoundingClientRect();
    const days = grid.querySelectorAll('[role="group"][aria-label]').length;
    const inView = drawn.filter((event) => {
      const box = event.getBoundingClientRect();
      return box.bottom > view.top && box.top < view.bottom;
    }).length;
    const expected =
      days * Math.floor(((grid.clientHeight / grid.scrollHeight) * 24 * 60) / until.appointmentMinutes);
    return {
      done: days > 0 && inView >= expected,
      label,
      detail: `${inView} of ${drawn.length} appointments in view (${expected} expected over ${days} days), range "${label}"`,
    };
  }

  const fire = findTrigger();
  return new Promise<MeasureResult>((resolve, reject) => {
    let start = 0;
    let finished = false;
    const observer = new MutationObserver(check);
    const timer = setTimeout(() => {
      finished = true;
      observer.disconnect();
      reject(
        new Error(`Timed out after ${timeoutMs} ms waiting for ${JSON.stringify(until)}: ${state().detail}`),
      );
    }, timeoutMs);
    function check() {
      if (finished) return;
      const now = state();
      if (!now.done) return;
      finished = true;
      observer.disconnect();
      clearTimeout(timer);
      // the frame that shows it: painted once the next animation frame's task has run
      requestAnimationFrame(() =>
        setTimeout(() => {
          const ms = performance.now() - start;
          // the tab's two calls (figures and the per-therapist page) made since the trigger
          const calls = performance
            .getEntriesByType('resource')
            .filter(
              (e) =>
                e.startTime >= start &&
                /\/rpc\/program_insights(_therapists)?$/.test(new URL(e.name).pathname),
            );
          const fetchedMs =
            until.kind === 'insights' && calls.length > 0
              ? Math.max(...calls.map((e) => (e as PerformanceResourceTiming).responseEnd)) - start
              : undefined;
          resolve({ ms, label: now.label, detail: now.detail, fetchedMs });
        }, 0),
      );
    }
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-busy'],
    });
    start = performance.now();
    fire();
    check();
  });
}
