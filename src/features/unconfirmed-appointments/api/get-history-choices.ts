import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { unconfirmedKeys } from '../keys';

export interface HistoryChoices {
  therapists: { id: string; name: string }[];
  payers: { id: string; name: string }[];
}

/**
 * What the history's Therapist and Source filters offer: the clinic's therapists the viewer may
 * see (RLS) and the payer catalog. Read from their tables, not from the history, which is paged.
 */
export async function getHistoryChoices(orgId: string, signal?: AbortSignal): Promise<HistoryChoices> {
  const withSignal = <T extends { abortSignal(s: AbortSignal): T }>(q: T) =>
    signal ? q.abortSignal(signal) : q;
  const [therapists, payers] = await Promise.all([
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
  ]);
  if (therapists.error) throw therapists.error;
  if (payers.error) throw payers.error;
  return {
    therapists: therapists.data.map((t) => ({ id: t.id, name: `${t.last_name}, ${t.first_name}` })),
    payers: payers.data,
  };
}

export function useHistoryChoices(orgId: string) {
  return useQuery(
    queryOptions({
      queryKey: unconfirmedKeys.historyChoices(orgId),
      queryFn: ({ signal }) => getHistoryChoices(orgId, signal),
      staleTime: 5 * 60_000,
    }),
  );
}
