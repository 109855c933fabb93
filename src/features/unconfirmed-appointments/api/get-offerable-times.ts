import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { unconfirmedKeys } from '../keys';

/** An open time staff may offer for a request (public.offerable_times). */
export interface OfferableTime {
  therapist_id: string;
  therapist_name: string;
  is_requested_therapist: boolean;
  slot_start: string;
  slot_end: string;
  time_zone: string;
  office_name: string | null;
}

/** The open times of the request's therapist and of the clinic's other therapists listed for its source. */
export async function getOfferableTimes(requestId: string, signal?: AbortSignal) {
  const query = supabase.rpc('offerable_times', { request_id: requestId });
  const { data, error } = await (signal ? query.abortSignal(signal) : query);
  if (error) throw error;
  return data as OfferableTime[];
}

export const offerableTimesQueryOptions = (orgId: string, requestId: string) =>
  queryOptions({
    queryKey: unconfirmedKeys.offerableTimes(orgId, requestId),
    queryFn: ({ signal }) => getOfferableTimes(requestId, signal),
    // open times change as others book: always read them fresh when the dialog opens
    staleTime: 0,
  });

export function useOfferableTimes(orgId: string, requestId: string) {
  return useQuery(offerableTimesQueryOptions(orgId, requestId));
}
