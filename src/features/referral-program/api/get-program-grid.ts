import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import type { Database } from '@/types/database.types';
import {
  gridPageSize,
  type ApplicationStatus,
  type EnrollmentStatus,
  type GridQuery,
} from '../lib/grid-query';
import { referralProgramKeys } from '../keys';

export interface PayerRef {
  id: string;
  name: string;
}

/** One enrolled staff member as the grid shows them. */
export interface EnrollmentRow {
  enrollmentId: string;
  staffId: string;
  firstName: string;
  lastName: string;
  status: EnrollmentStatus;
  applicationStatus: ApplicationStatus;
  /** Sorted by name. */
  payers: PayerRef[];
}

export interface GridPage {
  rows: EnrollmentRow[];
  /** How many rows match the query in all; counted with the first page only. */
  total: number | null;
}

type GridFunctionRow = Database['public']['Functions']['program_grid_page']['Returns'][number];

/** A row of `program_grid_page` without the count; read defensively, as if any column could be null. */
type GridPageRow = {
  [Column in Exclude<keyof GridFunctionRow, 'total_count'>]: GridFunctionRow[Column] | null;
};

/** A row of the grid's function as the grid's row. */
export function toEnrollmentRow(row: GridPageRow): EnrollmentRow {
  const payerIds = row.payer_ids ?? [];
  const payerNames = row.payer_names ?? [];
  return {
    enrollmentId: row.enrollment_id ?? '',
    staffId: row.staff_id ?? '',
    firstName: row.first_name ?? '',
    lastName: row.last_name ?? '',
    status: row.status ?? 'active',
    applicationStatus: row.application_status === 'completed' ? 'completed' : 'incomplete',
    // both arrays are ordered by payer name in the database
    payers: payerIds.map((id, index) => ({ id, name: payerNames[index] ?? '' })),
  };
}

/**
 * One page of the program grid (`program_grid_page`, through the caller's policies): filtered,
 * sorted and paged in the database, in one pass that also counts every matching row.
 */
export async function getProgramGridPage(
  orgId: string,
  query: GridQuery,
  offset: number,
  signal?: AbortSignal,
): Promise<GridPage> {
  const request = supabase.rpc('program_grid_page', {
    org: orgId,
    name_words: query.search,
    only_application_status: query.applicationStatus ?? undefined,
    with_payer: query.payerId ?? undefined,
    sort_column: query.sort.column,
    descending: query.sort.descending,
    page_offset: offset,
    page_size: gridPageSize,
  });
  const { data, error } = await (signal ? request.abortSignal(signal) : request);
  if (error) throw error;
  // every row carries the count of all matches; an empty first page means none match
  return { rows: data.map(toEnrollmentRow), total: offset === 0 ? (data[0]?.total_count ?? 0) : null };
}

export const programGridQueryOptions = (orgId: string, query: GridQuery) =>
  infiniteQueryOptions({
    queryKey: referralProgramKeys.grid(orgId, query),
    queryFn: ({ pageParam, signal }) => getProgramGridPage(orgId, query, pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: (lastPage, pages) => {
      const loaded = pages.reduce((sum, page) => sum + page.rows.length, 0);
      const total = pages[0]?.total ?? null;
      if (lastPage.rows.length < gridPageSize || (total !== null && loaded >= total)) return undefined;
      return loaded;
    },
  });

/** The grid's rows, page by page; while a new filter loads, the previous rows stay on screen. */
export function useProgramGrid(orgId: string, query: GridQuery) {
  return useInfiniteQuery({ ...programGridQueryOptions(orgId, query), placeholderData: keepPreviousData });
}
