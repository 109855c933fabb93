import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { unconfirmedKeys } from '../keys';

/** A queue row; views' columns are typed nullable by the generator, these never are (see the view). */
export interface UnconfirmedRequest {
  id: string;
  therapist_id: string;
  therapist_first_name: string;
  therapist_last_name: string;
  slot_start: string;
  slot_end: string;
  time_zone: string;
  location_name: string | null;
  source: 'payer' | 'client_portal';
  source_label: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  date_of_birth: string;
  member_id: string | null;
  note: string | null;
  created_at: string;
  expires_at: string;
  /** What a client chose on the clinic's request page (null for payers' requests). */
  session_format?: 'in_person' | 'telehealth' | null;
  insurance_name?: string | null;
  requested_by_guardian?: boolean;
  /** Where a client-portal request came from: a payer deep link's `source` and `booking-referral` (untrusted, shown only). */
  referral_source?: string | null;
  booking_referral?: string | null;
}

/** The Source column's words: the payer or "Client Portal", and the deep link's source and reference when there was one. */
export function sourceWords(
  r: Pick<UnconfirmedRequest, 'source_label' | 'referral_source' | 'booking_referral'>,
) {
  if (!r.referral_source && !r.booking_referral) return r.source_label;
  const via = r.referral_source ? ` via ${r.referral_source}` : '';
  const reference = r.booking_referral ? ` (reference ${r.booking_referral})` : '';
  return `${r.source_label}${via}${reference}`;
}

/** Every pending request the viewer may see (RLS: the clinic's, or a therapist's own), by time left. */
export async function getUnconfirmedAppointments(orgId: string, signal?: AbortSignal) {
  const query = supabase
    .from('unconfirmed_requests')
    .select(
      'id, therapist_id, therapist_first_name, therapist_last_name, slot_start, slot_end, time_zone, location_name, source, source_label, first_name, last_name, email, phone, date_of_birth, member_id, note, created_at, expires_at, session_format, insurance_name, requested_by_guardian, referral_source, booking_referral',
    )
    .eq('org_id', orgId)
    .order('expires_at', { ascending: true })
    .limit(500);
  const { data, error } = await (signal ? query.abortSignal(signal) : query).overrideTypes<
    UnconfirmedRequest[],
    { merge: false }
  >();
  if (error) throw error;
  return data;
}

export const unconfirmedAppointmentsQueryOptions = (orgId: string) =>
  queryOptions({
    queryKey: unconfirmedKeys.list(orgId),
    queryFn: ({ signal }) => getUnconfirmedAppointments(orgId, signal),
    // new requests show up without a reload
    refetchInterval: 15_000,
    refetchOnWindowFocus: true,
  });

export function useUnconfirmedAppointments(orgId: string) {
  return useQuery(unconfirmedAppointmentsQueryOptions(orgId));
}
