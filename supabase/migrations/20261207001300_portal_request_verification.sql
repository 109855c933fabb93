-- Client-portal requests wait for the client's email: creating one (with the per-person and
-- per-address limits), verifying it from the emailed link, and removing the ones never verified.
-- Payers are authenticated and accountable, so their requests are pending at once
-- (public.create_referral_request); a client-portal request is made unverified here.
--
-- Until the client follows the link in the verification email, an unverified request:
--  * holds its slot only until its expires_at, which for an unverified request is the end of the
--    verification window (created + at most 30 minutes), so open-slot lists
--    (private.open_slots_of) stop treating it as held the moment the window ends, even before
--    the cleanup job runs;
--  * is seen by no staff member (the queue view shows only pending requests; the table's read
--    policy leaves unverified ones out, so no other screen shows them);
--  * can only become pending (on verification: private.referral_request_before_update) or be
--    removed: the cleanup job deletes it after the window, without any email (the address was
--    never confirmed).
--
-- The link's token carries 256 random bits and is made here, in the database; only its SHA-256
-- hash is kept with the request. The raw token goes into the verification email's outbox row
-- (it must reach the email) and is erased from that row once the email is sent or given up on.

-- slots held by pending requests and by unverified requests within their window
create index referral_requests_holding_slot_idx on public.referral_requests using gist (therapist_id, slot)
  where status in ('pending', 'unverified');
-- the cleanup job: unverified requests by end of window
create index referral_requests_unverified_due_idx on public.referral_requests (expires_at) where status = 'unverified';
-- the per-person limit: open client-portal requests of one email at one clinic
create index referral_requests_open_by_email_idx on public.referral_requests (org_id, lower(email::text))
  where source = 'client_portal' and status in ('pending', 'unverified');

create table public.request_verifications (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  -- null once the request is gone (never verified in time, or refused at verification)
  request_id uuid unique references public.referral_requests (id) on delete set null,
  org_id uuid not null references public.organizations (id) on delete cascade,
  -- SHA-256 of the requester's address, for the per-address limit; erased once the request is
  -- answered, expires or is removed (an IPv4 address's hash is easily reversed: keep it briefly)
  client_address_hash text check (client_address_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  -- how the link was closed, so a second click can say what happened
  closed_as text check (closed_as in ('verified', 'expired', 'therapist_unavailable', 'slot_not_open')),
  check ((closed_at is null) = (closed_as is null))
);
alter table public.request_verifications enable row level security;
revoke all on public.request_verifications from anon, authenticated;
create index request_verifications_address_idx on public.request_verifications (org_id, client_address_hash) where client_address_hash is not null;
create index request_verifications_created_idx on public.request_verifications (created_at);

/** Erases a verification link's token from its outbox row once the email is sent or given up on. */
create function private.erase_sent_token()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.template = 'request_verification' and new.status in ('sent', 'failed', 'dead_letter') then
    new.payload := new.payload - 'token';
  end if;
  return new;
end;
$$;
revoke execute on function private.erase_sent_token() from public;
create trigger notification_outbox_erase_sent_token before update of status on public.notification_outbox
  for each row execute function private.erase_sent_token();

/**
 * Creates a client-portal request, unverified: it holds its slot for the verification window
 * only, and reaches the clinic when the client follows the emailed link. In one transaction:
 * the idempotency check, the per-person limit (pending or unverified requests of this email at
 * this clinic, whatever the date of birth) and the per-address limit (requests from this address
 * at this clinic waiting for their email link or for the clinic's answer), each counted under an advisory lock so two requests at once
 * cannot both pass; then the slot check under the therapist's row lock, the insert, the link's
 * token (only its hash kept) and the verification email in the outbox.
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
  client_address text
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
  if slot_start <= pg_catalog.now() then
    raise exception 'The slot is in the past.' using errcode = 'P0001', hint = 'slot_in_past';
  end if;
  select * into slot from private.open_slots(therapist, slot_start, slot_start + interval '1 day', pg_catalog.now()) os
  where os.slot_start = create_portal_request.slot_start;
  if slot.slot_start is null then
    raise exception 'That time is not an open slot of this therapist (any more).' using errcode = 'P0001', hint = 'slot_not_open';
  end if;

  insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, first_name, last_name,
    email, phone, date_of_birth, member_id, note, status, expires_at, idempotency_key, request_hash)
  values (clinic, therapist, slot.location_id, tstzrange(slot.slot_start, slot.slot_end, '[)'), 'client_portal',
    btrim(first_name), btrim(last_name), btrim(email), btrim(phone), date_of_birth, nullif(btrim(member_id), ''), nullif(btrim(note), ''),
    'unverified', least(pg_catalog.now() + make_interval(mins => settings.verification_window_minutes), slot.slot_start),
    idempotency_key, request_hash)
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
    jsonb_build_object('source', 'client_portal', 'status', 'unverified', 'therapist_id', therapist, 'slot_start', slot.slot_start));
  return query select new_request.id, new_request.status, new_request.expires_at, new_request.created_at, false;
end;
$$;

/**
 * Whether a request's slot is still the therapist's to give: inside one of their external
 * availability occurrences, with no scheduled appointment and no other request holding it.
 */
create function private.slot_still_offered(r public.referral_requests)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (select 1 from public.availability_occurrences occ
                 join public.availability_blocks b on b.id = occ.block_id and b.accept_external
                 where occ.staff_id = r.therapist_id and occ.during @> r.slot)
     and not exists (select 1 from public.appointments a
                     where a.staff_id = r.therapist_id and a.status = 'scheduled' and a.during && r.slot)
     and not exists (select 1 from public.referral_requests q
                     where q.therapist_id = r.therapist_id and q.id <> r.id and q.status in ('pending', 'unverified')
                       and (q.status = 'pending' or q.expires_at > pg_catalog.now()) and q.slot && r.slot);
$$;
revoke execute on function private.slot_still_offered(public.referral_requests) from public;

/**
 * Verifies a client-portal request from its emailed token: unverified → pending, and the
 * clinic's 48 hours start now (expires_at = least(now + 48 h, slot start)). Re-checks that the
 * therapist is still listed and the slot still theirs; when not, the request is removed. The
 * token works once. Returns the outcome: verified, unknown, used, expired,
 * therapist_unavailable or slot_not_open, with the request's time when there is one.
 */
create function public.verify_portal_request(clinic uuid, token text)
returns table (outcome text, request_id uuid, status public.referral_status, expires_at timestamptz, slot_start timestamptz,
               time_zone text)
language plpgsql
set search_path = ''
as $$
declare
  link public.request_verifications;
  r public.referral_requests;
  refusal text;
begin
  select * into link from public.request_verifications v
  where v.token_hash = encode(extensions.digest(coalesce(token, ''), 'sha256'), 'hex') and v.org_id = clinic;
  if link.token_hash is null then
    return query select 'unknown', null::uuid, null::public.referral_status, null::timestamptz, null::timestamptz, null::text;
    return;
  end if;
  -- lock in the order every writer uses: the therapist's row (as when the request was made), the
  -- request (as the cleanup job), then the link; then read the link again, as it is now
  if link.request_id is not null then
    perform 1 from public.staff_members s
    where s.id = (select q.therapist_id from public.referral_requests q where q.id = link.request_id) for update;
    perform 1 from public.referral_requests q where q.id = link.request_id for update;
  end if;
  select * into link from public.request_verifications v where v.token_hash = link.token_hash for update;
  if link.closed_as is not null or link.request_id is null then
    return query select case coalesce(link.closed_as, 'expired') when 'verified' then 'used' else coalesce(link.closed_as, 'expired') end,
      q.id, q.status, q.expires_at, lower(q.slot), private.request_email_payload(q) ->> 'time_zone'
      from (select 1) one left join public.referral_requests q on q.id = link.request_id;
    return;
  end if;
  select * into r from public.referral_requests q where q.id = link.request_id;

  if r.status <> 'unverified' or r.expires_at <= pg_catalog.now() then
    refusal := 'expired';
  elsif r.therapist_id not in (select private.listed_therapists(null, clinic)) then
    refusal := 'therapist_unavailable';
  elsif not private.slot_still_offered(r) then
    refusal := 'slot_not_open';
  end if;
  if refusal is not null then
    update public.request_verifications v set closed_at = pg_catalog.now(), closed_as = refusal, client_address_hash = null
    where v.token_hash = link.token_hash;
    if r.status = 'unverified' then
      delete from public.referral_requests q where q.id = r.id;
      perform private.write_audit(r.org_id, 'referral.unverified_removed', r.id, jsonb_build_object('status', 'unverified'),
        jsonb_build_object('reason', refusal));
    end if;
    return query select refusal, null::uuid, null::public.referral_status, null::timestamptz, lower(r.slot),
      private.request_email_payload(r) ->> 'time_zone';
    return;
  end if;

  update public.referral_requests q
  set status = 'pending', verified_at = pg_catalog.now(), expires_at = least(pg_catalog.now() + interval '48 hours', lower(q.slot))
  where q.id = r.id
  returning * into r;
  -- the address still counts while the request waits for the clinic (it holds its slot)
  update public.request_verifications v set closed_at = pg_catalog.now(), closed_as = 'verified'
  where v.token_hash = link.token_hash;
  perform private.write_audit(r.org_id, 'referral.verified', r.id, jsonb_build_object('status', 'unverified'),
    jsonb_build_object('status', 'pending', 'expires_at', r.expires_at));
  return query select 'verified', r.id, r.status, r.expires_at, lower(r.slot), private.request_email_payload(r) ->> 'time_zone';
end;
$$;

/**
 * Removes unverified requests whose verification window is over (their slots are free again),
 * exactly once with workers running at the same time (`skip locked`). No email: the address
 * was never confirmed. Links closed more than 7 days ago are forgotten. Returns how many
 * requests it removed.
 */
create function public.remove_unverified_requests(batch_size integer default 1000)
returns integer
language plpgsql
-- definer, as expire_referral_requests: the audit log takes no direct insert from any API role
security definer
set search_path = ''
as $$
declare
  due uuid[];
begin
  select coalesce(array_agg(d.id), '{}') into due from (
    select q.id from public.referral_requests q
    where q.status = 'unverified' and q.expires_at <= pg_catalog.now()
    order by q.expires_at
    limit least(greatest(batch_size, 1), 10000)
    for update skip locked
  ) d;
  update public.request_verifications v set closed_at = pg_catalog.now(), closed_as = 'expired', client_address_hash = null
  where v.request_id = any (due) and v.closed_at is null;
  insert into public.audit_log (org_id, action, entity_id, before, after)
  select q.org_id, 'referral.unverified_removed', q.id, '{"status":"unverified"}', '{"reason":"expired"}'
  from public.referral_requests q where q.id = any (due);
  delete from public.referral_requests q where q.id = any (due);
  delete from public.request_verifications v where v.closed_at < pg_catalog.now() - interval '7 days';
  return coalesce(array_length(due, 1), 0);
end;
$$;

-- only the platform's edge functions (service role) call these
do $$
declare
  fn text;
begin
  foreach fn in array array[
    'public.create_portal_request(uuid, uuid, timestamptz, text, text, text, text, date, text, text, text, text, text)',
    'public.verify_portal_request(uuid, text)',
    'public.remove_unverified_requests(integer)'
  ] loop
    execute format('revoke execute on function %s from public, anon, authenticated', fn);
    execute format('grant execute on function %s to service_role', fn);
  end loop;
end;
$$;
-- the helpers those functions call as the service role
grant execute on function private.slot_still_offered(public.referral_requests) to service_role;

/** Once a client-portal request is answered, expires or is withdrawn, its address stops counting and is erased. */
create function private.erase_request_address()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.request_verifications v set client_address_hash = null
  where v.request_id = new.id and v.client_address_hash is not null;
  return null;
end;
$$;
revoke execute on function private.erase_request_address() from public;
create trigger referral_requests_erase_address after update of status on public.referral_requests
  for each row when (old.source = 'client_portal' and new.status not in ('pending', 'unverified'))
  execute function private.erase_request_address();
