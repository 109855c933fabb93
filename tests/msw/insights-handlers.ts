/**
 * Program insights as `public.program_insights` and `public.program_insights_therapists` answer:
 * a period with no requests (what every signed-in page gets unless a test serves figures), a small
 * period whose figures tests read, and a page of therapists sorted and cut as the database does.
 */
import { http, HttpResponse } from 'msw';
import { testSupabaseUrl } from './env';

export const insightsUrl = `${testSupabaseUrl}/rest/v1/rpc/program_insights`;

const histogram = (counts: number[]) =>
  counts.map((count, i) => ({ from_hours: i * 4, to_hours: (i + 1) * 4, count }));

/** No request in the period: every list empty, no time to decision. */
export const emptyInsights = (from: string, to: string) => ({
  period: { from, to, time_zone: 'America/New_York' },
  total: 0,
  sources: [],
  weeks: [],
  outcomes: [],
  decision: {
    decided: 0,
    answerable: 0,
    median_hours: null,
    p90_hours: null,
    within_12h_share: null,
    within_24h_share: null,
    histogram: histogram(Array(12).fill(0)),
  },
  payers: [],
  capacity: { offered_hours: 0, requested_hours: 0 },
});

/** Two weeks, two sources (the two therapists' rows are `sampleTherapists`). */
export const sampleInsights = (from = '2026-10-19', to = '2026-11-01') => ({
  period: { from, to, time_zone: 'America/New_York' },
  total: 5,
  sources: ['Aetna', 'Client Portal'],
  weeks: [
    { week: '2026-10-19', total: 3, counts: [2, 1] },
    { week: '2026-10-26', total: 2, counts: [1, 1] },
  ],
  outcomes: [
    { outcome: 'confirmed', reason: null, count: 2, share: 0.4 },
    { outcome: 'declined', reason: 'no_availability', count: 1, share: 0.2 },
    { outcome: 'expired', reason: null, count: 1, share: 0.2 },
    { outcome: 'alternatives_offered', reason: null, count: 1, share: 0.2 },
  ],
  decision: {
    decided: 3,
    answerable: 4,
    median_hours: 10,
    p90_hours: 35.6,
    within_12h_share: 0.5,
    within_24h_share: 0.75,
    histogram: histogram([1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0]),
  },
  payers: [
    {
      id: 'aetna',
      name: 'Aetna',
      volume: 3,
      confirm_rate: 0.3333,
      expiry_rate: 0.3333,
      median_hours: 10,
      weekly: [2, 1],
    },
    {
      id: null,
      name: 'Client Portal',
      volume: 2,
      confirm_rate: 0.5,
      expiry_rate: 0,
      median_hours: 4,
      weekly: [1, 1],
    },
  ],
  capacity: { offered_hours: 40, requested_hours: 5 },
});

export const therapistsUrl = `${testSupabaseUrl}/rest/v1/rpc/program_insights_therapists`;

/** The sample period's two therapists, as `public.program_insights_therapists` writes a row. */
export const sampleTherapists = () => [
  {
    id: 'priya',
    name: 'Raman, Priya',
    volume: 2,
    confirm_rate: 0.5,
    expiry_rate: 0,
    median_hours: 10,
    weekly: [1, 1],
  },
  {
    id: 'jordan',
    name: 'Ellis, Jordan',
    volume: 3,
    confirm_rate: 0.3333,
    expiry_rate: 0.3333,
    median_hours: 35.6,
    weekly: [2, 1],
  },
];

export interface TherapistPageArgs {
  sort_by: 'name' | 'volume' | 'confirm' | 'expiry' | 'median';
  descending: boolean;
  page_offset: number;
  page_size: number;
  with_weekly: boolean;
}

type TherapistRow = ReturnType<typeof sampleTherapists>[number];
const sortValues: Record<TherapistPageArgs['sort_by'], (r: TherapistRow) => string | number> = {
  name: (r) => r.name,
  volume: (r) => r.volume,
  confirm: (r) => r.confirm_rate,
  expiry: (r) => r.expiry_rate,
  median: (r) => r.median_hours,
};

/** What the function answers for `rows` (every therapist of the period): sorted, one page, the total. */
export function therapistPage(rows: TherapistRow[], args: TherapistPageArgs) {
  const value = sortValues[args.sort_by];
  const sorted = [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    const order = x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name);
    return args.descending ? -order : order;
  });
  return {
    total: rows.length,
    rows: sorted
      .slice(args.page_offset, args.page_offset + args.page_size)
      .map(({ weekly, ...row }) => (args.with_weekly ? { ...row, weekly } : row)),
  };
}

/** No therapist in any period, unless a test serves some. */
export const emptyTherapistsHandler = http.post(therapistsUrl, () =>
  HttpResponse.json({ total: 0, rows: [] }),
);

/** Every period empty, unless a test serves figures. */
export const emptyInsightsHandler = http.post(insightsUrl, async ({ request }) => {
  const body = (await request.json()) as { period_from: string; period_to: string };
  return HttpResponse.json(emptyInsights(body.period_from, body.period_to));
});
