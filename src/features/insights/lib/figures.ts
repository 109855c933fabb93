/**
 * The figures as `public.program_insights` returns them (one jsonb document), and how each is
 * written for people. Nothing here computes a figure from requests: the database did.
 */
export interface BreakdownRow {
  /** a therapist's or payer's id; null for the client portal */
  id: string | null;
  name: string;
  volume: number;
  confirm_rate: number;
  expiry_rate: number;
  median_hours: number | null;
  /** requests per week of the period, oldest first */
  weekly: number[];
}

export interface ProgramInsights {
  period: { from: string; to: string; time_zone: string };
  total: number;
  /** the sources in the period, most requests first; each week's `counts` follow this order */
  sources: string[];
  weeks: { week: string; total: number; counts: number[] }[];
  /** one row per status (and decline reason), as the database has them */
  outcomes: { outcome: string; reason: string | null; count: number; share: number }[];
  decision: {
    decided: number;
    answerable: number;
    median_hours: number | null;
    p90_hours: number | null;
    within_12h_share: number | null;
    within_24h_share: number | null;
    histogram: { from_hours: number; to_hours: number; count: number }[];
  };
  /** per payer and source; the per-therapist rows are their own call, a page at a time */
  payers: BreakdownRow[];
  capacity: { offered_hours: number; requested_hours: number };
}

/**
 * One formatter for every figure: `toLocaleString('en-US')` builds a formatter per call, and the
 * tab writes a few hundred figures when it opens.
 */
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** 1234 → "1,234", as `toLocaleString('en-US')` writes it. */
export const count = (value: number) => decimal.format(value);

/** 0.4286 → "42.9%"; null → "—". */
export function percent(share: number | null): string {
  if (share === null) return '—';
  return `${decimal.format(Math.round(share * 1000) / 10)}%`;
}

/** 35.6 → "35.6 h"; 0.5 → "30 min"; null → "—". */
export function hours(value: number | null): string {
  if (value === null) return '—';
  if (value < 1) return `${Math.round(value * 60)} min`;
  return `${decimal.format(Math.round(value * 10) / 10)} h`;
}

const shortDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const longDate = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A week's Monday (YYYY-MM-DD) as "Oct 19". */
export const weekLabel = (week: string) => shortDate.format(new Date(`${week}T00:00:00Z`));

/** A day (YYYY-MM-DD) as "Oct 19, 2026". */
export const dayLabel = (day: string) => longDate.format(new Date(`${day}T00:00:00Z`));

const statusLabels: Record<string, string> = {
  pending: 'Still open',
  confirmed: 'Confirmed',
  declined: 'Declined',
  expired: 'Expired (no answer in time)',
  withdrawn: 'Withdrawn',
  alternatives_offered: 'Other times offered',
};

const declineReasonLabels: Record<string, string> = {
  no_availability: 'no availability',
  not_a_clinical_fit: 'not a clinical fit',
  insurance_issue: 'insurance issue',
  incomplete_information: 'incomplete information',
  duplicate_request: 'duplicate request',
  other: 'other reason',
};

/** "some_new_state" → "Some new state": a status added later still reads as words. */
const humanize = (code: string) => {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** An outcome row's name: the status, and for a decline its reason ("Declined: no availability"). */
export function outcomeLabel(outcome: string, reason: string | null): string {
  const status = statusLabels[outcome] ?? humanize(outcome);
  if (!reason) return status;
  return `${status}: ${declineReasonLabels[reason] ?? humanize(reason).toLowerCase()}`;
}
