/**
 * Program insights at bench scale: one `public.program_insights` call (every figure of the
 * Insights tab) run in SQL as the clinic's scheduler or admin (their token's claims, role
 * `authenticated`, so the request table's row policy and its session check apply), over
 * - bench-200's last 90 days (the tab's default period);
 * - a year of bench-200 holding its 60,000 handled requests (a clinic with ≥ 50,000 requests in the
 *   period), unfiltered, for one therapist and for one payer;
 * - bench-large's last year (about 100,000 requests of the 220,000-request dataset in one clinic);
 * and the per-therapist table's own call (`public.program_insights_therapists`): a page as the tab
 * asks for it, sorted by requests, by median (every therapist's median computed), by name, and
 * every row for the CSV.
 * Budget: p95 ≤ 50 ms each — the tab makes this one call when it opens and on each filter change,
 * so 50 ms of database time leaves the 300 ms render budget (4× CPU) most of its room.
 */
import type pg from 'pg';
import { percentiles, type Timing } from './stats.ts';

export const insightsBudgetMs = 50;

export interface InsightsFigure {
  name: string;
  /** `program_insights`, or `program_insights_therapists` (its `requests` are then therapists) */
  call: string;
  requests: number;
  timing: Timing;
}

/** How a figure is named in the report: what was called, over what, and how many rows it counted. */
export const insightsFigureName = ({ name, call, requests }: InsightsFigure) =>
  call === 'program_insights'
    ? `program insights, ${name} (${requests.toLocaleString('en-US')} requests), in SQL`
    : `per-therapist table, ${name} (${requests.toLocaleString('en-US')} therapists), in SQL`;

const claimsOf = (accessToken: string) =>
  JSON.stringify(JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()));

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const daysAgo = (days: number) => isoDay(new Date(Date.now() - days * 86_400_000));

export async function measureInsights(
  db: pg.Pool,
  clinics: { org200: string; schedulerToken: string; largeOrg: string; adminToken: string },
  calls = 100,
): Promise<InsightsFigure[]> {
  const {
    rows: [ids],
  } = await db.query(
    `select (select therapist_id from public.referral_requests where org_id = $1 and status = 'declined' limit 1) as therapist,
            (select payer_id from public.referral_requests where org_id = $1 and status = 'confirmed' and payer_id is not null limit 1) as payer`,
    [clinics.org200],
  );
  // bench-200's handled history lies 395–423 days back; this year ends 76 days ago
  const year = { period_from: daysAgo(440), period_to: daysAgo(76) };
  const cases = [
    {
      name: 'bench-200, last 90 days',
      org: clinics.org200,
      token: clinics.schedulerToken,
      args: { period_from: daysAgo(89), period_to: daysAgo(0) },
    },
    {
      name: 'bench-200, a year of 60,000+ requests',
      org: clinics.org200,
      token: clinics.schedulerToken,
      args: year,
    },
    {
      name: 'bench-200, a year, one therapist',
      org: clinics.org200,
      token: clinics.schedulerToken,
      args: { ...year, therapist: ids.therapist },
    },
    {
      name: 'bench-200, a year, one payer',
      org: clinics.org200,
      token: clinics.schedulerToken,
      args: { ...year, payer: ids.payer },
    },
    {
      name: 'bench-large (5,000 therapists), last 365 days',
      org: clinics.largeOrg,
      token: clinics.adminToken,
      args: { period_from: daysAgo(364), period_to: daysAgo(0) },
    },
  ].map((c) => ({ ...c, call: 'program_insights' }));
  // the per-therapist table's own call: the page the tab opens on, a page deep in the sort by
  // median (every therapist's median needed), and the CSV's every row without weekly counts
  const large = { period_from: daysAgo(364), period_to: daysAgo(0) };
  const therapistCases = [
    {
      name: 'bench-200, a year, first page by requests',
      org: clinics.org200,
      token: clinics.schedulerToken,
      args: year,
    },
    {
      name: 'bench-large, last 365 days, first page by requests',
      org: clinics.largeOrg,
      token: clinics.adminToken,
      args: large,
    },
    {
      name: 'bench-large, last 365 days, page 100 by median time to decision',
      org: clinics.largeOrg,
      token: clinics.adminToken,
      args: { ...large, sort_by: 'median', descending: false, page_offset: 2475 },
    },
    {
      name: 'bench-large, last 365 days, by name ascending',
      org: clinics.largeOrg,
      token: clinics.adminToken,
      args: { ...large, sort_by: 'name', descending: false },
    },
    {
      name: 'bench-large, last 365 days, every row for the CSV (no weekly counts)',
      org: clinics.largeOrg,
      token: clinics.adminToken,
      args: { ...large, page_size: 10000, with_weekly: false },
    },
  ].map((c) => ({ ...c, call: 'program_insights_therapists' }));
  const figures: InsightsFigure[] = [];
  for (const { name, org, token, args, call } of [...cases, ...therapistCases]) {
    const session = await db.connect();
    try {
      await session.query(`select set_config('request.jwt.claims', $1, false)`, [claimsOf(token)]);
      await session.query('set role authenticated');
      const names = Object.keys(args);
      const sql = `select public.${call}(org_id => $1${names
        .map((n, i) => `, ${n} => $${i + 2}`)
        .join('')}) as figures`;
      const params = [org, ...Object.values(args)];
      let requests = 0;
      const once = async () => {
        const start = performance.now();
        const { rows } = await session.query(sql, params);
        const elapsed = performance.now() - start;
        // the figures count requests; a page of therapists counts therapists
        requests = rows[0].figures.total;
        return elapsed;
      };
      for (let i = 0; i < 10; i++) await once();
      if (requests === 0) throw new Error(`insights "${name}" counted no request`);
      const samples: number[] = [];
      for (let i = 0; i < calls; i++) samples.push(await once());
      figures.push({ name, call, requests, timing: percentiles(samples) });
    } finally {
      await session.query('reset role').catch(() => {});
      session.release();
    }
  }
  return figures;
}
