import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { insightsKeys } from '../keys';

export interface InsightsChoices {
  therapists: { id: string; name: string }[];
  payers: { id: string; name: string }[];
  offices: { id: string; name: string }[];
}

/** What the Therapist, Source and Office filters offer: the clinic's therapists and offices (RLS), the payer catalog. */
export async function getInsightsChoices(orgId: string, signal?: AbortSignal): Promise<InsightsChoices> {
  const withSignal = <T extends { abortSignal(s: AbortSignal): T }>(q: T) =>
    signal ? q.abortSignal(signal) : q;
  const [therapists, payers, offices] = await Promise.all([
    withSignal(
      supabase
        .from('staff_members')
        .select('id, first_name, last_name')
        .eq('org_id', orgId)
        .contains('roles', ['therapist'])
        .order('last_name')
        .order('first_name')
        .limit(1000),
    ),
    withSignal(supabase.from('payers').select('id, name').order('name').limit(500)),
    withSignal(supabase.from('locations').select('id, name').eq('org_id', orgId).order('name').limit(500)),
  ]);
  if (therapists.error) throw therapists.error;
  if (payers.error) throw payers.error;
  if (offices.error) throw offices.error;
  return {
    therapists: therapists.data.map((t) => ({ id: t.id, name: `${t.last_name}, ${t.first_name}` })),
    payers: payers.data,
    offices: offices.data,
  };
}

export const insightsChoicesQueryOptions = (orgId: string) =>
  queryOptions({
    queryKey: insightsKeys.choices(orgId),
    queryFn: ({ signal }) => getInsightsChoices(orgId, signal),
    staleTime: 5 * 60_000,
  });

export function useInsightsChoices(orgId: string) {
  return useQuery(insightsChoicesQueryOptions(orgId));
}
