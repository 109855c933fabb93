import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import type { Tables } from '@/types/database.types';
import { keepSameCalendar, scheduleKeys } from '../keys';
import { formatTstzRange, parseTstzRange, type TimeRange } from '@/lib/tstzrange';

/** A therapist's pending referral requests whose slot falls in `range`, with their source. */
export async function getPendingRequests(
  orgId: string,
  staffId: string,
  range: TimeRange,
  signal?: AbortSignal,
) {
  const query = supabase
    .from('referral_requests')
    .select(
      'id, slot, location_id, first_name, last_name, source, payer:payers!referral_requests_payer_id_fkey(name)',
    )
    .eq('org_id', orgId)
    .eq('therapist_id', staffId)
    .eq('status', 'pending')
    .overlaps('slot', formatTstzRange(range));
  const { data, error } = await (signal ? query.abortSignal(signal) : query)
    // payer_id is null for Client Portal requests
    .overrideTypes<{ payer: Pick<Tables<'payers'>, 'name'> | null }[]>();
  if (error) throw error;
  return data.map((row) => ({ ...row, slot: parseTstzRange(row.slot) }));
}

export const pendingRequestsQueryOptions = (orgId: string, staffId: string, range: TimeRange) =>
  queryOptions({
    queryKey: scheduleKeys.requestsIn(orgId, staffId, range),
    queryFn: ({ signal }) => getPendingRequests(orgId, staffId, range, signal),
  });

export function usePendingRequests(orgId: string, staffId: string | null, range: TimeRange) {
  return useQuery({
    ...pendingRequestsQueryOptions(orgId, staffId ?? '', range),
    enabled: staffId !== null,
    placeholderData: keepSameCalendar(staffId),
  });
}
