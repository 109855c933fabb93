/**
 * Each chart's figures as a table: what "Show as table" and screen readers get, and, with the raw
 * numbers, what its CSV download holds. One source for the three, so they never disagree.
 */
import type { CsvCell } from './csv';
import {
  dayLabel,
  hours,
  outcomeLabel,
  percent,
  weekLabel,
  type BreakdownRow,
  type ProgramInsights,
} from './figures';

export interface FigureColumn {
  header: string;
  /** how a cell reads on screen; the CSV keeps the raw value */
  format?: (value: CsvCell) => string;
}

export interface FigureTable {
  columns: FigureColumn[];
  rows: CsvCell[][];
}

const asPercent = (v: CsvCell) => percent(typeof v === 'number' ? v : null);
const asHours = (v: CsvCell) => hours(typeof v === 'number' ? v : null);

/** Requests per week: one row per week, one column per source, and the week's total. */
export function weeklyTable(insights: ProgramInsights): FigureTable {
  return {
    columns: [
      { header: 'Week of', format: (v) => weekLabel(String(v)) },
      ...insights.sources.map((source) => ({ header: source })),
      { header: 'Total' },
    ],
    rows: insights.weeks.map((w) => [w.week, ...w.counts, w.total]),
  };
}

export function outcomesTable(insights: ProgramInsights): FigureTable {
  return {
    columns: [{ header: 'Outcome' }, { header: 'Requests' }, { header: 'Share', format: asPercent }],
    rows: insights.outcomes.map((o) => [outcomeLabel(o.outcome, o.reason), o.count, o.share]),
  };
}

export function histogramTable(insights: ProgramInsights): FigureTable {
  return {
    columns: [{ header: 'Time to decision' }, { header: 'Requests decided' }],
    rows: insights.decision.histogram.map((b) => [`${b.from_hours}–${b.to_hours} h`, b.count]),
  };
}

export function decisionSummaryTable(insights: ProgramInsights): FigureTable {
  const d = insights.decision;
  return {
    columns: [{ header: 'Figure' }, { header: 'Value' }],
    rows: [
      ['Requests decided (confirmed or declined)', d.decided],
      ['Median time to decision (hours)', d.median_hours],
      ['90th percentile time to decision (hours)', d.p90_hours],
      ['Answered within 12 hours (share of answered or expired)', d.within_12h_share],
      ['Answered within 24 hours (share of answered or expired)', d.within_24h_share],
    ],
  };
}

export function capacityTable(insights: ProgramInsights): FigureTable {
  return {
    columns: [{ header: 'Hours' }, { header: 'In the period', format: asHours }],
    rows: [
      ['External hours offered', insights.capacity.offered_hours],
      ['Hours requested', insights.capacity.requested_hours],
    ],
  };
}

/**
 * A per-therapist or per-payer table, with each week's count (the sparkline's figures) when
 * `weeks` are given (the per-therapist CSV has none: every therapist's series is not fetched).
 */
export function breakdownTable(
  rows: (Omit<BreakdownRow, 'weekly'> & { weekly?: number[] })[],
  weeks: ProgramInsights['weeks'],
  nameHeader: string,
) {
  return {
    columns: [
      { header: nameHeader },
      { header: 'Requests' },
      { header: 'Confirm rate', format: asPercent },
      { header: 'Expiry rate', format: asPercent },
      { header: 'Median time to decision', format: asHours },
      ...weeks.map((w) => ({ header: `Week of ${weekLabel(w.week)}` })),
    ],
    rows: rows.map((r) => [
      r.name,
      r.volume,
      r.confirm_rate,
      r.expiry_rate,
      r.median_hours,
      ...(weeks.length ? (r.weekly ?? []) : []),
    ]),
  } satisfies FigureTable;
}

/** The file name of a chart's CSV: what, and the period. */
export const csvFileName = (what: string, insights: ProgramInsights) =>
  `${what}-${insights.period.from}-to-${insights.period.to}.csv`;

/** "Oct 19, 2026 – Nov 15, 2026 (America/New_York)". */
export const periodText = (insights: ProgramInsights) =>
  `${dayLabel(insights.period.from)} – ${dayLabel(insights.period.to)} (${insights.period.time_zone})`;
