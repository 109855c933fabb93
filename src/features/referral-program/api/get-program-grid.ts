import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import type { Tables } from '@/types/database.types';
import type { ApplicationStatus, EnrollmentStatus, GridQuery } from '../lib/grid-query';
import { nameFilters, orderTerms } from '../lib/grid-query';
import { referralProgramKeys } from '../keys';

/** Rows per request: one page of the grid's range pagination. */
export const gridPageSize = 200;

// one literal, so supabase-js types the row from it
const columns = 'enrollment_id, staff_id, first_name, last_name, status, application_status, payer_ids, payer_names';

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

type GridViewRow = Pick<
  Tables<'program_grid'>,
  'enrollment_id' | 'staff_id' | 'first_name' | 'last_name' | 'status' | 'application_status' | 'payer_ids' | 'payer_names'
>;

/** A view row (every column typed nullable by the generator) as the grid's row. */
export function toEnrollmentRow(row: GridViewRow): EnrollmentRow {
  const payerIds = row.payer_ids ?? [];
  const payerNames = row.payer_names ?? [];
  return {
    enrollmentId: row.enrollment_id ?? '',
    staffId: row.staff_id ?? '',
    firstName: row.first_name ?? '',
    lastName: row.last_name ?? '',
    status: row.status ?? 'active',
    applicationStatus: row.application_status === 'completed' ? 'completed' : 'incomplete',
    // both arrays are ordered by payer name in the view
    payers: payerIds.map((id, index) => ({ id, name: payerNames[index] ?? '' })),
  };
}

/**
 * One page of the program grid (the `program_grid` view, through the caller's policies): filtered,
 * sorted and paged in the database. The first page also counts every matching row.
 */
export async function getProgramGridPage(orgId: string, query: GridQuery, offset: number, signal?: AbortSignal): Promise<GridPage> {
  let request = supabase
    .from('program_grid')
    .select(columns, offset === 0 ? { count: 'exact' } : undefined)
    .eq('org_id', orgId);
  for (const filter of nameFilters(query.search)) request = request.or(filter);
  if (query.applicationStatus !== null) request = request.eq('application_status', query.applicationStatus);
  if (query.payerId !== null) request = request.overlaps('payer_ids', [query.payerId]);
  for (const term of orderTerms(query.sort)) request = request.order(term.column, { ascending: term.ascending });
  const paged = request.range(offset, offset + gridPageSize - 1);
  const { data, error, count } = await (signal ? paged.abortSignal(signal) : paged);
  if (error) throw error;
  return { rows: data.map(toEnrollmentRow), total: count };
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
