import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { homeKeys, homeStaleTimeMs } from './keys';

/** A request waiting for the clinic's answer, as a to-do list shows it (no client contact details). */
export interface PendingRequest {
  id: string;
  therapist_id: string;
  therapist_first_name: string;
  therapist_last_name: string;
  slot_start: string;
  /** The office's IANA zone and name: the time is shown in the office's clock, office named. */
  time_zone: string;
  location_name: string | null;
  source_label: string;
  first_name: string;
  last_name: string;
  expires_at: string;
}

/** How many requests a home page lists at most; the queue has the rest. */
export const pendingRequestLimit = 50;

/**
 * The pending requests the viewer may answer, soonest deadline first: the clinic's for admins and
 * schedulers, a therapist's own (RLS on unconfirmed_requests decides). One more than the limit is
 * read, so the page can say that there are more.
 */
export async function getPendingRequests(orgId: string, signal?: AbortSignal): Promise<PendingRequest[]> {
  const query = supabase
    .from('unconfirmed_requests')
    .select(
      'id, therapist_id, therapist_first_name, therapist_last_name, slot_start, time_zone, location_name, source_label, first_name, last_name, expires_at',
    )
    .eq('org_id', orgId)
    .order('expires_at', { ascending: true })
    .limit(pendingRequestLimit + 1);
  const { data, error } = await (signal ? query.abortSignal(signal) : query).overrideTypes<
    PendingRequest[],
    { merge: false }
  >();
  if (error) throw error;
  return data;
}

export const pendingRequestsQueryOptions = (orgId: string) =>
  queryOptions({
    queryKey: homeKeys.pendingRequests(orgId),
    queryFn: ({ signal }) => getPendingRequests(orgId, signal),
    staleTime: homeStaleTimeMs,
    // requests arrive and expire while the page is open: as fresh as the queue's badge
    refetchInterval: 15_000,
    refetchOnWindowFocus: true,
  });

export function usePendingRequests(orgId: string, enabled = true) {
  return useQuery({ ...pendingRequestsQueryOptions(orgId), enabled });
}
