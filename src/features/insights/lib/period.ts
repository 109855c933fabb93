/**
 * The period and filters an insights view is asked for, and the rules on the period that the
 * database enforces too (`public.program_insights`): whole days in the clinic's time zone, the
 * last day on or after the first, at most two years.
 */
export type PeriodPreset = 'last30' | 'last90' | 'custom';

export interface InsightsFilters {
  /** a payer's id, 'client_portal', or '' for every source */
  source: string;
  therapist: string;
  office: string;
}

export interface InsightsQuery extends InsightsFilters {
  from: string;
  to: string;
}

export const noFilters: InsightsFilters = { source: '', therapist: '', office: '' };

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date as YYYY-MM-DD in `timeZone`: what "today" is at the clinic. */
export function dateIn(timeZone: string, now: Date): string {
  // one formatter per zone: building one costs more than the tab's other figures' arithmetic
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** `date` (YYYY-MM-DD) moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** The last `days` days at the clinic, today included. */
export function lastDays(days: number, timeZone: string, now: Date): { from: string; to: string } {
  const to = dateIn(timeZone, now);
  return { from: addDays(to, -(days - 1)), to };
}

/** The days an insights view opens on: the last 90 at the clinic. */
export const openingPreset = { preset: 'last90', days: 90 } as const;

/** The query an insights view opens with (its route starts it ahead): the opening days, no filter. */
export function openingQuery(timeZone: string, now: Date): InsightsQuery {
  return { ...lastDays(openingPreset.days, timeZone, now), ...noFilters };
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

/** Why a custom period cannot be asked for, or null when it can. */
export function periodProblem(from: string, to: string): string | null {
  if (!isDate(from) || !isDate(to)) return 'Choose the first and the last day of the period.';
  if (to < from) return 'The period ends before it starts: choose a last day on or after the first day.';
  const twoYearsLater = new Date(`${from}T00:00:00Z`);
  twoYearsLater.setUTCFullYear(twoYearsLater.getUTCFullYear() + 2);
  if (to >= twoYearsLater.toISOString().slice(0, 10))
    return 'A period can be at most two years long: choose a later first day or an earlier last day.';
  return null;
}

/** The function's arguments for a query: a source is either the client portal or one payer. */
export function insightsArgs(orgId: string, query: InsightsQuery) {
  return {
    org_id: orgId,
    period_from: query.from,
    period_to: query.to,
    source_kind: query.source === 'client_portal' ? ('client_portal' as const) : undefined,
    payer: query.source && query.source !== 'client_portal' ? query.source : undefined,
    therapist: query.therapist || undefined,
    office: query.office || undefined,
  };
}
