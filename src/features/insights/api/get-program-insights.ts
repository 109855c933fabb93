import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { insightsKeys } from '../keys';
import type { ProgramInsights } from '../lib/figures';
import { insightsArgs, type InsightsQuery } from '../lib/period';

/**
 * Every figure of one insights view, in one call: `public.program_insights` computes them over the
 * requests the viewer may read (RLS: the clinic's for admins and schedulers, a therapist's own).
 */
export async function getProgramInsights(
  orgId: string,
  query: InsightsQuery,
  signal?: AbortSignal,
): Promise<ProgramInsights> {
  const call = supabase.rpc('program_insights', insightsArgs(orgId, query));
  const { data, error } = await (signal ? call.abortSignal(signal) : call);
  if (error) throw error;
  return data as unknown as ProgramInsights;
}

export const programInsightsQueryOptions = (orgId: string, query: InsightsQuery) =>
  queryOptions({
    queryKey: insightsKeys.figures(orgId, query),
    queryFn: ({ signal }) => getProgramInsights(orgId, query, signal),
    // the last figures stay on screen (marked as updating) while a new period or filter loads
    placeholderData: keepPreviousData,
  });

export function useProgramInsights(orgId: string, query: InsightsQuery) {
  return useQuery(programInsightsQueryOptions(orgId, query));
}
