/** The database calls behind the directory, shared by the payer API and the client portal. */
import type { SupabaseClient } from 'npm:@supabase/supabase-js@2.109.0';
import type { DirectoryQuery, DirectoryRow } from './directory.ts';
import type { SlotRow } from './referral-post.ts';
import { unwrap } from './service-client.ts';

/** The arguments of public.referral_directory for a caller and a parsed query. */
export function directoryArguments(who: { payer: string | null; clinic: string | null }, q: DirectoryQuery) {
  return {
    payer: who.payer,
    clinic: who.clinic,
    any_specialties: q.filters.specialties,
    any_languages: q.filters.languages,
    any_ages: q.filters.ages,
    any_formats: q.filters.formats,
    in_state: q.filters.state,
    in_city: q.filters.city,
    after_last_name: q.cursor?.lastName ?? null,
    after_first_name: q.cursor?.firstName ?? null,
    after_id: q.cursor?.id ?? null,
    page_size: q.limit + 1,
    slot_count: 3,
    at_location: q.filters.location ?? null,
    takes_payer: q.filters.payer ?? null,
    only_therapist: q.filters.therapist ?? null,
  };
}

export async function fetchDirectory(
  db: SupabaseClient,
  who: { payer: string | null; clinic: string | null },
  q: DirectoryQuery,
) {
  return unwrap(await db.rpc('referral_directory', directoryArguments(who, q))) as DirectoryRow[];
}

export async function fetchSlots(
  db: SupabaseClient,
  who: { payer: string | null; clinic: string | null },
  therapist: string,
  from: string,
  to: string,
) {
  return unwrap(
    await db.rpc('listed_therapist_slots', {
      payer: who.payer,
      clinic: who.clinic,
      therapist,
      from_ts: from,
      to_ts: to,
    }),
  ) as SlotRow[];
}

/** What a person asks for, as the request-creating RPCs take it (payer and client portal alike). */
export interface RequestedAppointment {
  therapist_id: string;
  slot_start: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  date_of_birth: string;
  member_id?: string;
  note?: string;
}

export type CreatedRequest = {
  request_id: string;
  status: string;
  expires_at: string;
  created_at: string;
  replayed: boolean;
};

/** The arguments create_referral_request and create_portal_request share. */
export function requestArguments(r: RequestedAppointment, idempotencyKey: string, requestHash: string) {
  return {
    therapist: r.therapist_id,
    slot_start: r.slot_start,
    first_name: r.first_name,
    last_name: r.last_name,
    email: r.email,
    phone: r.phone,
    date_of_birth: r.date_of_birth,
    member_id: r.member_id ?? null,
    note: r.note ?? null,
    idempotency_key: idempotencyKey,
    request_hash: requestHash,
  };
}

/** A payer's request: pending at once (payers are authenticated and accountable). */
export async function insertPayerRequest(
  db: SupabaseClient,
  payer: string,
  r: RequestedAppointment,
  idempotencyKey: string,
  requestHash: string,
) {
  const rows = unwrap(
    await db.rpc('create_referral_request', {
      payer,
      clinic: null,
      ...requestArguments(r, idempotencyKey, requestHash),
    }),
  ) as CreatedRequest[];
  return rows[0]!;
}
