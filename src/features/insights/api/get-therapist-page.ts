import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { insightsKeys } from '../keys';
import { insightsArgs, type InsightsQuery } from '../lib/period';
import { therapistPageSize, type TherapistPage, type TherapistPageQuery } from '../lib/therapist-page';

/** The most rows one call returns: every therapist of the largest clinic, for the CSV. */
const allRows = 10_000;

async function callTherapists(
  args: ReturnType<typeof insightsArgs> & {
    sort_by: string;
    descending: boolean;
    page_offset: number;
    page_size: number;
    with_weekly: boolean;
  },
  signal?: AbortSignal,
): Promise<TherapistPage> {
  const call = supabase.rpc('program_insights_therapists', args);
  const { data, error } = await (signal ? call.abortSignal(signal) : call);
  if (error) throw error;
  return data as unknown as TherapistPage;
}

/**
 * One page of the per-therapist table with each row's weekly counts, sorted in the database
 * (`public.program_insights_therapists`, the same visibility as `program_insights`).
 */
export function getTherapistPage(
  orgId: string,
  query: InsightsQuery,
  page: TherapistPageQuery,
  signal?: AbortSignal,
): Promise<TherapistPage> {
  return callTherapists(
    {
      ...insightsArgs(orgId, query),
      sort_by: page.sort,
      descending: page.desc,
      page_offset: page.page * therapistPageSize,
      page_size: therapistPageSize,
      with_weekly: true,
    },
    signal,
  );
}

/** Every therapist's row in the table's order, without weekly counts: what the CSV holds. */
export function getAllTherapistRows(
  orgId: string,
  query: InsightsQuery,
  sort: Pick<TherapistPageQuery, 'sort' | 'desc'>,
): Promise<TherapistPage> {
  return callTherapists({
    ...insightsArgs(orgId, query),
    sort_by: sort.sort,
    descending: sort.desc,
    page_offset: 0,
    page_size: allRows,
    with_weekly: false,
  });
}

export const therapistPageQueryOptions = (orgId: string, query: InsightsQuery, page: TherapistPageQuery) =>
  queryOptions({
    queryKey: insightsKeys.therapistPage(orgId, query, page),
    queryFn: ({ signal }) => getTherapistPage(orgId, query, page, signal),
    // the last page stays on screen (marked as updating) while the next page or sort loads
    placeholderData: keepPreviousData,
  });

export function useTherapistPage(orgId: string, query: InsightsQuery, page: TherapistPageQuery) {
  return useQuery(therapistPageQueryOptions(orgId, query, page));
}
