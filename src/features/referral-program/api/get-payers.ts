import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import type { PayerRef } from './get-program-grid';
import { referralProgramKeys } from '../keys';

/** The payer catalog (insurance companies that may refer clients), by name. */
export async function getPayers(signal?: AbortSignal): Promise<PayerRef[]> {
  const query = supabase.from('payers').select('id, name').order('name', { ascending: true });
  const { data, error } = await (signal ? query.abortSignal(signal) : query);
  if (error) throw error;
  return data;
}

export const payersQueryOptions = (orgId: string) =>
  queryOptions({
    queryKey: referralProgramKeys.payers(orgId),
    queryFn: ({ signal }) => getPayers(signal),
    // the catalog rarely changes
    staleTime: 60 * 60_000,
  });

export function usePayers(orgId: string) {
  return useQuery(payersQueryOptions(orgId));
}
