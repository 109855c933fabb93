/**
 * The per-therapist table's sort and page, as `public.program_insights_therapists` takes them:
 * the database sorts every therapist of the period and returns one page with the total count.
 */
import type { BreakdownRow } from './figures';

/** The table's sortable columns, by the names the database sorts by. */
export type TherapistSortColumn = 'name' | 'volume' | 'confirm' | 'expiry' | 'median';

export interface TherapistPageQuery {
  sort: TherapistSortColumn;
  desc: boolean;
  /** 0-based page of `therapistPageSize` rows */
  page: number;
}

/** Rows on a page: a clinic can have thousands of therapists, each row with a sparkline. */
export const therapistPageSize = 25;

/** The opening page: most requests first. */
export const firstTherapistPage: TherapistPageQuery = { sort: 'volume', desc: true, page: 0 };

const sortColumns: readonly string[] = ['name', 'volume', 'confirm', 'expiry', 'median'];

/** A table column's id as a sort the database knows; anything else sorts by volume. */
export const therapistSortColumn = (id: string): TherapistSortColumn =>
  sortColumns.includes(id) ? (id as TherapistSortColumn) : 'volume';

/** One page of therapists: `weekly` is there when it was asked for (the CSV leaves it out). */
export interface TherapistPage {
  total: number;
  rows: (Omit<BreakdownRow, 'weekly'> & { weekly?: number[] })[];
}
