import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { unconfirmedKeys } from '../keys';

/**
 * How many requests wait for the viewer's answer (RLS: the clinic's, or a therapist's own, as the
 * queue). Asks the database for the count alone (`pending_request_count`, a read-only GET): no
 * rows travel, whatever the queue's length, and the count is read from the queue's index.
 */
export async function getPendingRequestCount(orgId: string, signal?: AbortSignal): Promise<number> {
  const query = supabase.rpc('pending_request_count', { org: orgId }, { get: true });
  const { data, error } = await (signal ? query.abortSignal(signal) : query);
  if (error) throw error;
  return data ?? 0;
}

export const pendingRequestCountQueryOptions = (orgId: string) =>
  queryOptions({
    queryKey: unconfirmedKeys.count(orgId),
    queryFn: ({ signal }) => getPendingRequestCount(orgId, signal),
    // new requests show in the badge and the tab title without a reload
    refetchInterval: 15_000,
    refetchOnWindowFocus: true,
  });

/** The navigation badge's and the tab title's number; 0 while unknown or when the program is off. */
export function usePendingRequestCount(orgId: string, enabled: boolean): number {
  const { data } = useQuery({ ...pendingRequestCountQueryOptions(orgId), enabled });
  return enabled ? (data ?? 0) : 0;
}
