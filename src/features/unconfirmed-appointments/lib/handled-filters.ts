/** The Handled history's filters: what the page's controls hold, and what the database is asked. */
export const outcomes = {
  confirmed: 'Confirmed',
  declined: 'Declined',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
} as const;

export type Outcome = keyof typeof outcomes;

export interface HandledFilters {
  outcome: Outcome | '';
  therapist: string;
  /** '' for every source, 'client_portal', or a payer's id. */
  source: string;
  /** yyyy-mm-dd, inclusive, in the viewer's calendar; '' for open. */
  from: string;
  to: string;
}

export const noFilters: HandledFilters = { outcome: '', therapist: '', source: '', from: '', to: '' };

/** The start of a yyyy-mm-dd day in the viewer's time zone, as an instant. */
function startOfLocalDay(isoDate: string): Date | null {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return null;
  return new Date(y, m - 1, d);
}

/** The history function's filter arguments for these filters (the 'to' day is included whole). */
export function handledFilterArgs(filters: HandledFilters) {
  const from = filters.from ? startOfLocalDay(filters.from) : null;
  const to = filters.to ? startOfLocalDay(filters.to) : null;
  if (to) to.setDate(to.getDate() + 1);
  return {
    outcome: filters.outcome || undefined,
    therapist: filters.therapist || undefined,
    source_kind:
      filters.source === '' ? undefined : filters.source === 'client_portal' ? 'client_portal' : 'payer',
    payer: filters.source && filters.source !== 'client_portal' ? filters.source : undefined,
    handled_from: from?.toISOString(),
    handled_before: to?.toISOString(),
  } as const;
}
