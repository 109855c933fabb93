-- create_portal_request (first in 20261207001300_portal_request_verification.sql) takes what the
-- public page now asks besides the time: the format, the insurance, whether a parent or guardian
-- is requesting, and the `source` / `booking-referral` a payer's deep link carried; and it refuses
-- a client outside the therapist's ages served (20261207800300_ages_served_check.sql). Its
-- arguments change, so it is dropped and made again, with the same grants (service role only).

drop function public.create_portal_request(uuid, uuid, timestamptz, text, text, text, text, date, text, text, text, text, text);

/**
 * Creates a client-portal request, unverified: it holds its slot for the verification window
 * only, and reaches the clinic when the client follows the emailed link. In one transaction:
 * the idempotency check, the per-person limit (pending or unverified requests of this email at
 * this clinic, whatever the date of birth) and the per-address limit (requests from this address
 * at this clinic waiting for their email link or for the clinic's answer), each counted under an advisory lock so two requests at once
 * cannot both pass; then the slot check under the therapist's row lock, the insert, the link's
 * token (only its hash kept) and the verification email in the outbox. Also checked here, after
 * the therapist is known to be listed: the client's age against the therapist's ages served
 * (private.refuse_outside_ages_served), the format (one the therapist offers; the only one when
 * they offer one) and the insurance (a payer the therapist takes). Refusals name the field
 * (detail) and carry a hint the function turns into its error code.
 */
create function public.create_portal_request(
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
  request_hash text,
  client_address text,
  session_format text default null,
  insurance_payer uuid default null,
  requested_by_guardian boolean default false,
  referral_source text default null,
  booking_referral text default null
)
returns table (request_id uuid, status public.referral_status, expires_at timestamptz, created_at timestamptz, replayed boolean)
language plpgsql
set search_path = ''
as $$
declare
  settings public.client_portal_settings;
  person_key text := lower(btrim(email));
  -- null only for an address the platform exempts (the local test stack's own); never from a client
  address_hash text := encode(extensions.digest(nullif(btrim(client_address), ''), 'sha256'), 'hex');
  existing public.referral_requests;
  open_requests integer;
  slot record;
  clinic_slug text;
  token text := translate(rtrim(encode(extensions.gen_random_bytes(32), 'base64'), '='), '+/', '-_');
  new_request public.referral_requests;
  offered_formats text[];
  chosen_format text := session_format;
begin
  if clinic is null then
    raise exception 'A clinic is required.' using errcode = '22023';
  end if;
  select * into settings from public.client_portal_settings;
  if settings.id is null then
    -- never "no limit": the row is kept by a trigger, and these are its defaults
    settings.max_open_requests_per_person := 2;
    settings.max_open_requests_per_address := 5;
    settings.verification_window_minutes := 30;
  end if;
  -- the same lock key the portal always used, so a retry of one submission waits for the first
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('client_portal::' || idempotency_key, 0));
  select * into existing from public.referral_requests r
  where r.source = 'client_portal' and r.payer_id is null and r.idempotency_key = create_portal_request.idempotency_key;
  if existing.id is not null then
    if existing.request_hash is distinct from create_portal_request.request_hash then
      raise exception 'This Idempotency-Key was already used with a different request.'
        using errcode = 'P0001', hint = 'idempotency_key_reused';
    end if;
    return query select existing.id, existing.status, existing.expires_at, existing.created_at, true;
    return;
  end if;

  -- the limits: address first, then person, always in this order (no deadlock between two calls)
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('portal_address:' || clinic::text || ':' || coalesce(address_hash, 'exempt'), 0));
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('portal_person:' || clinic::text || ':' || person_key, 0));
  select count(*) into open_requests from public.referral_requests r
  where r.org_id = clinic and lower(r.email::text) = person_key and r.source = 'client_portal' and r.status in ('pending', 'unverified')
    and (r.status = 'pending' or r.expires_at > pg_catalog.now());
  if open_requests >= settings.max_open_requests_per_person then
    raise exception 'You already have % requests waiting at this practice. Confirm them from the email we sent, or wait for the practice''s answer, before requesting another time.',
      open_requests using errcode = 'P0001', hint = 'person_request_limit';
  end if;
  select count(*) into open_requests from public.request_verifications v
  join public.referral_requests r on r.id = v.request_id
  where v.org_id = clinic and v.client_address_hash = address_hash
    and (r.status = 'pending' or (r.status = 'unverified' and r.expires_at > pg_catalog.now()));
  if address_hash is not null and open_requests >= settings.max_open_requests_per_address then
    raise exception 'Too many requests from your network are already waiting at this practice. Try again once the practice has answered them, or call the practice.'
      using errcode = 'P0001', hint = 'address_request_limit';
  end if;

  if therapist not in (select private.listed_therapists(null, clinic)) then
    raise exception 'No therapist with this id accepts referrals from you.' using errcode = 'P0002', hint = 'unknown_therapist';
  end if;
  perform 1 from public.staff_members s where s.id = therapist for update;
  perform private.refuse_outside_ages_served(therapist, date_of_birth, requested_by_guardian);
  select p.session_formats into offered_formats from public.public_profiles p where p.staff_id = therapist;
  if chosen_format is null and cardinality(offered_formats) = 1 then
    chosen_format := offered_formats[1];
  end if;
  if chosen_format is null or not (chosen_format = any (offered_formats)) then
    raise exception 'Choose in person or telehealth: this therapist offers %.',
      array_to_string(array(select replace(f, '_', ' ') from unnest(offered_formats) f), ' and ')
      using errcode = 'P0001', hint = 'session_format_not_offered', detail = 'session_format';
  end if;
  if insurance_payer is not null and not exists (
       select 1 from public.enrollment_payers ep
       join public.program_enrollments e on e.id = ep.enrollment_id
       where e.staff_id = therapist and e.status = 'active' and ep.payer_id = insurance_payer) then
    raise exception 'This therapist does not take that insurance. Choose one of the insurances listed, or none.'
      using errcode = 'P0001', hint = 'insurance_not_taken', detail = 'insurance_payer_id';
  end if;
  if slot_start <= pg_catalog.now() then
    raise exception 'The slot is in the past.' using errcode = 'P0001', hint = 'slot_in_past';
  end if;
  select * into slot from private.open_slots(therapist, slot_start, slot_start + interval '1 day', pg_catalog.now()) os
  where os.slot_start = create_portal_request.slot_start;
  if slot.slot_start is null then
    raise exception 'That time is not an open slot of this therapist (any more).' using errcode = 'P0001', hint = 'slot_not_open';
  end if;

  insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, first_name, last_name,
    email, phone, date_of_birth, member_id, note, status, expires_at, idempotency_key, request_hash,
    session_format, insurance_payer_id, requested_by_guardian, referral_source, booking_referral)
  values (clinic, therapist, slot.location_id, tstzrange(slot.slot_start, slot.slot_end, '[)'), 'client_portal',
    btrim(first_name), btrim(last_name), btrim(email), btrim(phone), date_of_birth, nullif(btrim(member_id), ''), nullif(btrim(note), ''),
    'unverified', least(pg_catalog.now() + make_interval(mins => settings.verification_window_minutes), slot.slot_start),
    idempotency_key, request_hash,
    chosen_format, insurance_payer, coalesce(requested_by_guardian, false), referral_source, booking_referral)
  returning * into new_request;
  insert into public.request_verifications (token_hash, request_id, org_id, client_address_hash)
  values (encode(extensions.digest(token, 'sha256'), 'hex'), new_request.id, clinic, address_hash);
  select o.slug into clinic_slug from public.organizations o where o.id = clinic;
  perform private.queue_notification(clinic, 'request_verification', new_request.email::text,
    private.request_email_payload(new_request) || jsonb_build_object(
      'path', '/request/' || clinic_slug || '/verify',
      'token', token,
      'confirm_within_minutes', settings.verification_window_minutes::text),
    'request_verification:' || new_request.id);
  perform private.write_audit(clinic, 'referral.requested', new_request.id, null,
    jsonb_build_object('source', 'client_portal', 'status', 'unverified', 'therapist_id', therapist, 'slot_start', slot.slot_start,
      'referral_source', referral_source));
  return query select new_request.id, new_request.status, new_request.expires_at, new_request.created_at, false;
end;
$$;

revoke execute on function public.create_portal_request(uuid, uuid, timestamptz, text, text, text, text, date, text, text, text, text, text, text, uuid, boolean, text, text)
  from public, anon, authenticated;
grant execute on function public.create_portal_request(uuid, uuid, timestamptz, text, text, text, text, date, text, text, text, text, text, text, uuid, boolean, text, text)
  to service_role;
