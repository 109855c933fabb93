import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { unconfirmedKeys } from '../keys';
import type { UnconfirmedRequest } from './get-unconfirmed-appointments';

/** One time offered to the client, with what became of it once the offer ended. */
export interface OfferedTime {
  therapist_id: string;
  therapist_name: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  location_name: string | null;
  /** null while the time is held for the client. */
  released_as: 'picked' | 'lost' | 'not_picked' | 'expired' | 'withdrawn' | null;
}

/** A request whose client was offered other times and has not answered yet (the view's columns are never null here). */
export interface OfferedRequest extends UnconfirmedRequest {
  offered_at: string;
  /** null when the staff member who offered is no longer on the clinic's staff list. */
  offered_by_name: string | null;
  offer_message: string | null;
  offered_times: OfferedTime[];
}

/**
 * Every request waiting for its client to pick an offered time that the viewer may see (RLS: the
 * clinic's, or a therapist's own, as the queue), the offer ending soonest first.
 */
export async function getOfferedRequests(orgId: string, signal?: AbortSignal) {
  const query = supabase
    .from('offered_requests')
    .select(
      'id, therapist_id, therapist_first_name, therapist_last_name, slot_start, slot_end, time_zone, location_name, source, source_label, first_name, last_name, email, phone, date_of_birth, member_id, note, created_at, expires_at, offered_at, offered_by_name, offer_message, offered_times, session_format, insurance_name, requested_by_guardian, referral_source, booking_referral',
    )
    .eq('org_id', orgId)
    .order('expires_at', { ascending: true })
    .limit(500);
  const { data, error } = await (signal ? query.abortSignal(signal) : query).overrideTypes<
    OfferedRequest[],
    { merge: false }
  >();
  if (error) throw error;
  return data;
}

export const offeredRequestsQueryOptions = (orgId: string) =>
  queryOptions({
    queryKey: unconfirmedKeys.offered(orgId),
    queryFn: ({ signal }) => getOfferedRequests(orgId, signal),
    // a client's pick (or the offer's end) moves the row away without a reload
    refetchInterval: 15_000,
    refetchOnWindowFocus: true,
  });

export function useOfferedRequests(orgId: string) {
  return useQuery(offeredRequestsQueryOptions(orgId));
}
