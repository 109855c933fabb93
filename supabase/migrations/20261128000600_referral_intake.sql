-- How requests arrive: payer API keys (stored hashed), rate limits, the payer directory, and the
-- one function that creates a payer's referral request, re-checking the slot inside the
-- transaction that inserts and honouring idempotency keys (a client-portal request waits for the
-- client's email: 20261207001300_portal_request_verification.sql). The edge functions call
-- these with the service role after authenticating the caller; no browser role can.
--
-- The payer directory at scale (10,000 therapists): one page costs a few index probes, not a
-- pass over every listed therapist. "Who is listed" is a view the planner can see through (a
-- SECURITY DEFINER function is never inlined, so no filter or LIMIT would reach it), the page
-- walks a name index and stops after page_size matches, and the next slots of the whole page come
-- from one set-based call (private.open_slots_of) that stops per therapist once it has enough.

-- payer API keys ---------------------------------------------------------------------------------
create table public.payer_api_keys (
  id uuid primary key default extensions.gen_random_uuid(),
  payer_id uuid not null references public.payers (id) on delete cascade,
  label text not null check (char_length(btrim(label)) between 1 and 100),
  -- the first characters of the key, so people can tell keys apart; the key itself is never stored
  key_prefix text not null check (char_length(key_prefix) = 12),
  key_hash text not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
  -- each payer's agreed request rate
  rate_limit_per_minute integer not null default 120 check (rate_limit_per_minute between 1 and 100000),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
alter table public.payer_api_keys enable row level security;
create index payer_api_keys_payer_idx on public.payer_api_keys (payer_id);
revoke all on public.payer_api_keys from anon, authenticated;

/**
 * Creates an API key for a payer and returns it once; only its SHA-256 hash is kept.
 * Keys carry 256 bits of randomness, so a fast hash is the right tool (no salt or stretching).
 */
create function public.create_payer_api_key(payer uuid, label text, rate_limit_per_minute integer default 120)
returns text
language plpgsql
set search_path = ''
as $$
declare
  secret text := 'crp_' || encode(extensions.gen_random_bytes(32), 'hex');
begin
  insert into public.payer_api_keys (payer_id, label, key_prefix, key_hash, rate_limit_per_minute)
  values (payer, label, left(secret, 12), encode(extensions.digest(secret, 'sha256'), 'hex'), rate_limit_per_minute);
  return secret;
end;
$$;

/** Revokes a key at once; later calls with it get 401. */
create function public.revoke_payer_api_key(key_id uuid)
returns void
language sql
set search_path = ''
as $$
  update public.payer_api_keys set revoked_at = coalesce(revoked_at, pg_catalog.now()) where id = key_id;
$$;

-- rate limits ------------------------------------------------------------------------------------
create unlogged table public.api_rate_limits (
  bucket text not null,
  window_start timestamptz not null,
  hits integer not null,
  primary key (bucket, window_start)
);
alter table public.api_rate_limits enable row level security;
revoke all on public.api_rate_limits from anon, authenticated;

/**
 * Counts one hit in `bucket`'s current fixed window. Returns 0 when allowed, otherwise the
 * seconds until the window ends (for Retry-After). Old windows of the bucket are dropped.
 */
create function private.hit_rate_limit(bucket text, max_hits integer, window_seconds integer)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  current_window timestamptz := pg_catalog.to_timestamp(floor(extract(epoch from pg_catalog.now()) / window_seconds) * window_seconds);
  window_hits integer;
begin
  insert into public.api_rate_limits as r (bucket, window_start, hits) values (hit_rate_limit.bucket, current_window, 1)
  on conflict on constraint api_rate_limits_pkey do update set hits = r.hits + 1
  returning r.hits into window_hits;
  delete from public.api_rate_limits r where r.bucket = hit_rate_limit.bucket and r.window_start < current_window;
  if window_hits <= max_hits then
    return 0;
  end if;
  return greatest(1, ceil(extract(epoch from (current_window + make_interval(secs => window_seconds) - pg_catalog.now())))::integer);
end;
$$;
revoke execute on function private.hit_rate_limit(text, integer, integer) from public;

/**
 * Authenticates a payer API key (by its hash) and counts the call against the key's rate
 * limit. Returns no row for an unknown or revoked key.
 */
create function public.payer_api_authenticate(key_hash text)
returns table (key_id uuid, payer_id uuid, retry_after integer)
language plpgsql
set search_path = ''
as $$
declare
  key public.payer_api_keys;
begin
  select * into key from public.payer_api_keys k where k.key_hash = payer_api_authenticate.key_hash and k.revoked_at is null;
  if key.id is null then
    return;
  end if;
  update public.payer_api_keys k set last_used_at = pg_catalog.now()
  where k.id = key.id and (k.last_used_at is null or k.last_used_at < pg_catalog.now() - interval '1 minute');
  return query select key.id, key.payer_id, private.hit_rate_limit('payer_key:' || key.id, key.rate_limit_per_minute, 60);
end;
$$;

/** Counts one call from the client portal against a per-client (IP) limit; 0 when allowed. */
create function public.client_portal_rate_limit(client_key text, max_hits integer default 30, window_seconds integer default 60)
returns integer
language sql
set search_path = ''
as $$
  select private.hit_rate_limit('portal:' || left(client_key, 200), max_hits, window_seconds);
$$;

-- who is listed, and the directory ------------------------------------------------------------

-- the directory's order, so a page is the first matches of an index scan
create index staff_members_name_idx on public.staff_members (last_name, first_name, id);

/**
 * Who a referral source may see, with the public fields shown to them: active staff holding the
 * therapist role (removing the role takes them out at once), enrolled (active), profile
 * Completed, in a clinic with the program on. The payer and clinic conditions are the caller's:
 * `private.listed_therapists` and `public.referral_directory`.
 */
create view private.listed_profiles with (security_invoker = true) as
select s.id as staff_id, s.org_id, e.id as enrollment_id, s.first_name, s.last_name, s.photo_url, s.default_location_id,
       p.professional_title, p.license_type, p.license_state, p.about_me, p.specialties, p.treatment_approaches,
       p.ages_served, p.session_formats, p.languages, p.education, p.years_in_practice, p.website, p.pronouns,
       p.first_session_note
from public.staff_members s
join public.organizations o on o.id = s.org_id and o.referral_program_enabled
join public.program_enrollments e on e.staff_id = s.id and e.status = 'active'
join public.public_profiles p on p.staff_id = s.id and p.submitted_at is not null
where s.is_active and 'therapist' = any (s.roles);
revoke all on private.listed_profiles from public, anon, authenticated;
grant select on private.listed_profiles to service_role;

/** Listed for a payer (those who list it) or for one clinic's portal (that clinic's). */
create function private.listed_therapists(payer uuid, clinic uuid)
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select l.staff_id
  from private.listed_profiles l
  where (payer is null or exists (select 1 from public.enrollment_payers ep where ep.enrollment_id = l.enrollment_id and ep.payer_id = payer))
    and (clinic is null or l.org_id = clinic);
$$;
revoke execute on function private.listed_therapists(uuid, uuid) from public;

/**
 * One page of the directory for a payer (or one clinic's portal): public profile fields only,
 * each therapist with their next `slot_count` open slots within three weeks. Keyset pagination
 * on (last name, first name, id); each filter matches any of the given keys.
 */
create function public.referral_directory(
  payer uuid,
  clinic uuid,
  any_specialties text[] default null,
  any_languages text[] default null,
  any_ages text[] default null,
  any_formats text[] default null,
  in_state text default null,
  in_city text default null,
  after_last_name text default null,
  after_first_name text default null,
  after_id uuid default null,
  page_size integer default 20,
  slot_count integer default 3
)
returns table (
  therapist_id uuid,
  clinic_name text,
  clinic_slug text,
  first_name text,
  last_name text,
  photo_url text,
  professional_title text,
  license_type text,
  license_state text,
  about_me text,
  specialties text[],
  treatment_approaches text[],
  ages_served text[],
  session_formats text[],
  languages text[],
  education text,
  years_in_practice integer,
  website text,
  pronouns text,
  first_session_note text,
  location_name text,
  location_city text,
  location_state text,
  next_slots jsonb
)
language plpgsql
stable
set search_path = ''
-- planned with the actual arguments, so filters that are not given drop out of the plan; a
-- generic plan for all filter combinations walks the whole list
set plan_cache_mode = force_custom_plan
as $$
begin
  return query
  with page as (
    select l.*
    from private.listed_profiles l
    where (payer is null or exists (select 1 from public.enrollment_payers ep where ep.enrollment_id = l.enrollment_id and ep.payer_id = payer))
      and (clinic is null or l.org_id = clinic)
      and (any_specialties is null or l.specialties && any_specialties)
      and (any_languages is null or l.languages && any_languages)
      and (any_ages is null or l.ages_served && any_ages)
      and (any_formats is null or l.session_formats && any_formats)
      and (in_state is null or exists (select 1 from public.locations loc where loc.org_id = l.org_id
           and loc.id = l.default_location_id and loc.state = upper(in_state)))
      and (in_city is null or exists (select 1 from public.locations loc where loc.org_id = l.org_id
           and loc.id = l.default_location_id and lower(loc.city) = lower(in_city)))
      and (after_id is null or (l.last_name, l.first_name, l.staff_id) > (after_last_name, after_first_name, after_id))
    order by l.last_name, l.first_name, l.staff_id
    limit least(greatest(page_size, 1), 50)
  ),
  page_slots as (
    select os.therapist_id,
           jsonb_agg(jsonb_build_object('start', os.slot_start, 'end', os.slot_end) order by os.slot_start) as slots
    from private.open_slots_of((select array_agg(page.staff_id) from page), pg_catalog.now(), pg_catalog.now() + interval '21 days',
                               pg_catalog.now(), least(greatest(slot_count, 0), 10)) os
    group by os.therapist_id
  )
  select page.staff_id, o.name, o.slug, page.first_name, page.last_name, page.photo_url,
         page.professional_title, page.license_type, page.license_state, page.about_me,
         page.specialties, page.treatment_approaches, page.ages_served, page.session_formats, page.languages,
         page.education, page.years_in_practice, page.website, page.pronouns, page.first_session_note,
         loc.name, loc.city, loc.state, coalesce(page_slots.slots, '[]'::jsonb)
  from page
  join public.organizations o on o.id = page.org_id
  left join public.locations loc on loc.org_id = page.org_id and loc.id = page.default_location_id
  left join page_slots on page_slots.therapist_id = page.staff_id
  order by page.last_name, page.first_name, page.staff_id;
end;
$$;

/**
 * Open slots of one therapist for a payer or a clinic's portal; unknown to the caller (not
 * listed for them) is an error, so an empty list always means "no open time".
 */
create function public.listed_therapist_slots(payer uuid, clinic uuid, therapist uuid, from_ts timestamptz, to_ts timestamptz)
returns table (slot_start timestamptz, slot_end timestamptz, location_id uuid)
language plpgsql
stable
set search_path = ''
as $$
begin
  if therapist not in (select private.listed_therapists(payer, clinic)) then
    raise exception 'No therapist with this id accepts referrals from you.' using errcode = 'P0002', hint = 'unknown_therapist';
  end if;
  return query select os.slot_start, os.slot_end, os.location_id from private.open_slots(therapist, from_ts, to_ts, pg_catalog.now()) os;
end;
$$;

-- creating a request -----------------------------------------------------------------------------
/**
 * Creates a payer's referral request (pending at once). Inside one transaction: serialises
 * requests for the therapist (row lock), checks the slot is still open (so two requests never
 * hold one slot), inserts with expires_at = least(now + 48 h, slot start). Idempotent: the same
 * key with the same body returns the first request (`replayed`); with a different body it fails
 * (422). Client-portal requests go through create_portal_request (`clinic` is refused here).
 */
create function public.create_referral_request(
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

/** The status of a payer's own request, as the payer may see it. */
create function public.payer_request_status(payer uuid, request_id uuid)
returns table (request_id uuid, therapist_id uuid, slot_start timestamptz, status public.referral_status, expires_at timestamptz, created_at timestamptz, decided_at timestamptz)
language sql
stable
set search_path = ''
as $$
  select r.id, r.therapist_id, lower(r.slot), r.status, r.expires_at, r.created_at, r.decided_at
  from public.referral_requests r
  where r.id = request_id and r.payer_id = payer and r.source = 'payer';
$$;

/** The clinic behind a client-portal page (program on), by its slug. */
create function public.portal_clinic(slug text)
returns table (clinic_id uuid, name text, time_zone text)
language sql
stable
set search_path = ''
as $$
  select o.id, o.name, o.time_zone from public.organizations o where o.slug = portal_clinic.slug and o.referral_program_enabled;
$$;

-- only the platform's edge functions (service role) call these
do $$
declare
  fn text;
begin
  foreach fn in array array[
    'public.create_payer_api_key(uuid, text, integer)', 'public.revoke_payer_api_key(uuid)',
    'public.payer_api_authenticate(text)', 'public.client_portal_rate_limit(text, integer, integer)',
    'public.referral_directory(uuid, uuid, text[], text[], text[], text[], text, text, text, text, uuid, integer, integer)',
    'public.listed_therapist_slots(uuid, uuid, uuid, timestamptz, timestamptz)',
    'public.create_referral_request(uuid, uuid, uuid, timestamptz, text, text, text, text, date, text, text, text, text)',
    'public.payer_request_status(uuid, uuid)', 'public.portal_clinic(text)'
  ] loop
    execute format('revoke execute on function %s from public, anon, authenticated', fn);
    execute format('grant execute on function %s to service_role', fn);
  end loop;
end;
$$;
-- the helpers those functions call as the service role
grant execute on function private.hit_rate_limit(text, integer, integer) to service_role;
grant execute on function private.listed_therapists(uuid, uuid) to service_role;
