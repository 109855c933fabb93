-- The payer API let a payer request an appointment for a member the therapist does not see: a
-- 14-year-old with an adults-only therapist (the client portal has refused that since
-- 20261207800300_ages_served_check.sql). A payer's request is now checked the same way: the
-- member's age in whole years, on today's date in the clinic's time zone, must fall in one of
-- the therapist's ages served; otherwise the request is refused (SQLSTATE P0001, hint
-- outside_ages_served, detail date_of_birth; the payer API answers 422 naming date_of_birth) and
-- nothing is written. There is no guardian rule here: a payer requests on its member's behalf
-- and has no field for who is asking. The directory already filters by age group (`age_group`).
-- This rewrites public.create_referral_request (first in 20261128000600_referral_intake.sql).

/**
 * Refuses a payer's request for a member whose age the therapist does not serve, saying which
 * ages the therapist sees and how old the member is.
 */
create function private.refuse_payer_request_outside_ages_served(therapist uuid, date_of_birth date)
returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  t record;
  age_years integer;
  served text;
begin
  select s.first_name, s.last_name, p.ages_served, o.time_zone into t
  from public.staff_members s
  join public.public_profiles p on p.staff_id = s.id
  join public.organizations o on o.id = s.org_id
  where s.id = therapist;
  age_years := extract(year from age((pg_catalog.now() at time zone t.time_zone)::date, date_of_birth))::integer;
  if not (private.age_group_of(age_years) = any (t.ages_served)) then
    select string_agg(private.age_group_words(g), ', ' order by array_position(private.profile_vocabulary('age_group'), g))
      into served from unnest(t.ages_served) g;
    raise exception '% sees % only; this member is % (from date_of_birth). Choose a therapist who sees clients of this age.',
      t.first_name || ' ' || t.last_name, served, age_years
      using errcode = 'P0001', hint = 'outside_ages_served', detail = 'date_of_birth';
  end if;
end;
$$;
revoke execute on function private.refuse_payer_request_outside_ages_served(uuid, date) from public;
-- create_referral_request runs as its caller, the payer API's service role
grant execute on function private.refuse_payer_request_outside_ages_served(uuid, date) to service_role;

/**
 * Creates a payer's referral request (pending at once). Inside one transaction: serialises
 * requests for the therapist (row lock), checks the slot is still open (so two requests never
 * hold one slot), inserts with expires_at = least(now + 48 h, slot start). Idempotent: the same
 * key with the same body returns the first request (`replayed`); with a different body it fails
 * (422). A member the therapist does not see (by age, from the date of birth) is refused (hint
 * outside_ages_served, 422) before anything is written. Client-portal requests go through
 * create_portal_request (`clinic` is refused here).
 */
create or replace function public.create_referral_request(
  payer uuid,
  clinic uuid,
  therapist uuid,
  slot_start timestamptz,
  first_name text,
  last_name text,
  email text,
  phone text,
  date_of_birth date,
  member_id text,
  note text,
  idempotency_key text,
  request_hash text
)
returns table (request_id uuid, status public.referral_status, expires_at timestamptz, created_at timestamptz, replayed boolean)
language plpgsql
set search_path = ''
as $$
declare
  existing public.referral_requests;
  slot record;
  therapist_org uuid;
  new_request public.referral_requests;
begin
  if payer is null or clinic is not null then
    raise exception 'Only payers create requests here; client-portal requests wait for the client''s email (create_portal_request).'
      using errcode = '22023';
  end if;
  -- one request at a time per idempotency key and per therapist
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('payer:' || payer::text || ':' || idempotency_key, 0));
  select * into existing from public.referral_requests r
  where r.source = 'payer' and r.payer_id = payer and r.idempotency_key = create_referral_request.idempotency_key;
  if existing.id is not null then
    if existing.request_hash is distinct from create_referral_request.request_hash then
      raise exception 'This Idempotency-Key was already used with a different request.'
        using errcode = 'P0001', hint = 'idempotency_key_reused';
    end if;
    return query select existing.id, existing.status, existing.expires_at, existing.created_at, true;
    return;
  end if;

  if therapist not in (select private.listed_therapists(payer, null)) then
    raise exception 'No therapist with this id accepts referrals from you.' using errcode = 'P0002', hint = 'unknown_therapist';
  end if;
  select s.org_id into therapist_org from public.staff_members s where s.id = therapist for update;
  perform private.refuse_payer_request_outside_ages_served(therapist, date_of_birth);

  if slot_start <= pg_catalog.now() then
    raise exception 'The slot is in the past.' using errcode = 'P0001', hint = 'slot_in_past';
  end if;
  select * into slot from private.open_slots(therapist, slot_start, slot_start + interval '1 day', pg_catalog.now()) os
  where os.slot_start = create_referral_request.slot_start;
  if slot.slot_start is null then
    raise exception 'That time is not an open slot of this therapist (any more).' using errcode = 'P0001', hint = 'slot_not_open';
  end if;

  insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name, last_name,
    email, phone, date_of_birth, member_id, note, expires_at, idempotency_key, request_hash)
  values (therapist_org, therapist, slot.location_id, tstzrange(slot.slot_start, slot.slot_end, '[)'), 'payer', payer,
    btrim(first_name), btrim(last_name), btrim(email), btrim(phone), date_of_birth, nullif(btrim(member_id), ''), nullif(btrim(note), ''),
    least(pg_catalog.now() + interval '48 hours', slot.slot_start), idempotency_key, request_hash)
  returning * into new_request;
  perform private.write_audit(therapist_org, 'referral.requested', new_request.id, null,
    jsonb_build_object('source', 'payer', 'payer_id', payer, 'therapist_id', therapist, 'slot_start', slot.slot_start));
  return query select new_request.id, new_request.status, new_request.expires_at, new_request.created_at, false;
end;
$$;

