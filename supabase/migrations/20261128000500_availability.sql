-- Availability: therapists' blocks of open time (one-off or weekly, in the location's time zone),
-- the "Accept External Appointments" flag, the appointments and referral requests that take time,
-- and the one function that computes bookable external slots (with the clinic's booking settings,
-- columns of public.organizations).
--
-- Dates and times a caller writes lie in sane ranges, each refusal naming the field: a block's
-- first date in 2000–2199 ('-infinity' or year 1 made expanding a weekly block run until the
-- statement timeout, 'infinity' a block that never occurs), its end at most 730 days later, its
-- times clock times of one day before 24:00 (as the form's HH:MM; Postgres' time type also takes
-- 24:00:00); a request's slot within 2000–2199. Constraints are named after the field (a refusal
-- through PostgREST shows only the constraint's name). A date of birth before today needs a
-- trigger (20261207007100_dates_in_range.sql).

-- availability blocks ----------------------------------------------------------------------------
create table public.availability_blocks (
  id uuid primary key default extensions.gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  staff_id uuid not null,
  location_id uuid not null,
  -- wall-clock times in the location's time zone; a one-off block has valid_until = valid_from
  valid_from date not null,
  valid_until date,
  -- ISO weekdays (1 = Monday … 7 = Sunday) on which a weekly block repeats; null for one-off
  weekdays smallint[] check (weekdays <@ '{1,2,3,4,5,6,7}' and cardinality(weekdays) between 1 and 7),
  start_time time not null,
  end_time time not null,
  accept_external boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (org_id, staff_id) references public.staff_members (org_id, id) on delete cascade,
  foreign key (org_id, location_id) references public.locations (org_id, id) on delete cascade,
  constraint availability_blocks_end_time_after_start_time check (end_time > start_time),
  constraint availability_blocks_valid_until_on_or_after_valid_from check (valid_until is null or valid_until >= valid_from),
  constraint availability_blocks_one_off_valid_until_is_valid_from check (weekdays is not null or valid_until = valid_from),
  constraint availability_blocks_valid_until_within_730_days check (valid_until is null or valid_until <= valid_from + 730),
  constraint availability_blocks_valid_from_in_range check (valid_from between date '2000-01-01' and date '2199-12-31'),
  constraint availability_blocks_start_time_end_time_before_24_00 check (start_time < time '24:00' and end_time < time '24:00')
);
alter table public.availability_blocks enable row level security;
create index availability_blocks_staff_idx on public.availability_blocks (org_id, staff_id);
create index availability_blocks_location_idx on public.availability_blocks (org_id, location_id);
create trigger availability_blocks_touch_updated_at before update on public.availability_blocks
  for each row execute function private.touch_updated_at();

-- Each block expanded into concrete time ranges. The exclusion constraint is what refuses
-- overlapping blocks of one therapist, recurring or not; the calendar and the slot function
-- read ranges from here with an index instead of expanding recurrences on every query.
create table public.availability_occurrences (
  block_id uuid not null references public.availability_blocks (id) on delete cascade,
  org_id uuid not null,
  staff_id uuid not null,
  during tstzrange not null check (not isempty(during)),
  primary key (block_id, during),
  constraint availability_occurrences_no_overlap exclude using gist (staff_id with =, during with &&)
);
alter table public.availability_occurrences enable row level security;
-- btree, not gist: a gist key led by org_id degrades badly when one clinic has thousands of
-- therapists; per-therapist range reads use the exclusion constraint's (staff_id, during) index
create index availability_occurrences_org_staff_idx on public.availability_occurrences (org_id, staff_id);

/** How far ahead open-ended weekly blocks are expanded; a daily job keeps the window moving. */
create function private.availability_window_days()
returns integer
language sql
immutable
set search_path = ''
as $$ select 400 $$;
revoke execute on function private.availability_window_days() from public;

/**
 * (Re)writes a block's occurrences: each date from valid_from to valid_until (or the window's
 * end) on one of its weekdays, at start_time–end_time in the location's time zone, so both
 * daylight-saving changes land on the right UTC instants.
 */
create function private.expand_availability_block(block public.availability_blocks)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  zone text;
  clash record;
begin
  select l.time_zone into zone from public.locations l where l.id = block.location_id;
  delete from public.availability_occurrences o where o.block_id = block.id;
  insert into public.availability_occurrences (block_id, org_id, staff_id, during)
  select block.id, block.org_id, block.staff_id,
         tstzrange((d::date + block.start_time) at time zone zone, (d::date + block.end_time) at time zone zone, '[)')
  from generate_series(
         block.valid_from::timestamp,
         least(coalesce(block.valid_until, 'infinity'::date), current_date + private.availability_window_days())::timestamp,
         interval '1 day') d
  where block.weekdays is null or extract(isodow from d)::smallint = any (block.weekdays);
exception
  when exclusion_violation then
    select b.valid_from, b.start_time, b.end_time into clash
    from public.availability_blocks b
    join public.availability_occurrences o on o.block_id = b.id
    where o.staff_id = block.staff_id and b.id <> block.id
      and o.during && tstzrange((block.valid_from + block.start_time) at time zone zone, 'infinity')
    order by lower(o.during)
    limit 1;
    raise exception 'This block overlaps another availability block of the same therapist%.',
      coalesce(' (' || to_char(clash.start_time, 'HH24:MI') || '–' || to_char(clash.end_time, 'HH24:MI') || ')', '')
      using errcode = '23P01', hint = 'availability_overlap';
end;
$$;
revoke execute on function private.expand_availability_block(public.availability_blocks) from public;

/** Before write: Accept External Appointments only for therapists enrolled and active. */
create function private.availability_block_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.accept_external and not exists (
       select 1 from public.program_enrollments e where e.staff_id = new.staff_id and e.status = 'active') then
    raise exception 'Accept External Appointments is only for therapists enrolled and active in the Client Referral Program.'
      using errcode = 'P0001', hint = 'not_enrolled';
  end if;
  return new;
end;
$$;
revoke execute on function private.availability_block_before_write() from public;

/** After write: expand the block (the exclusion constraint refuses overlaps here). */
create function private.availability_block_after_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.expand_availability_block(new);
  return null;
end;
$$;
revoke execute on function private.availability_block_after_write() from public;

create trigger availability_blocks_before_write before insert or update on public.availability_blocks
  for each row execute function private.availability_block_before_write();
create trigger availability_blocks_after_write after insert or update on public.availability_blocks
  for each row execute function private.availability_block_after_write();

/** Deactivating a therapist closes their external availability at once. */
create function private.close_external_availability()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.status = 'deactivated' and old.status = 'active' then
    update public.availability_blocks b set accept_external = false
    where b.staff_id = new.staff_id and b.accept_external;
  end if;
  return null;
end;
$$;
revoke execute on function private.close_external_availability() from public;
create trigger program_enrollments_close_availability after update of status on public.program_enrollments
  for each row execute function private.close_external_availability();

/** Daily: expands blocks as the window moves forward. Returns the number of blocks touched. */
create function public.extend_availability_window()
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  block public.availability_blocks;
  touched integer := 0;
begin
  -- every block not yet over: open-ended ones grow, far-off ones come into the window
  for block in select * from public.availability_blocks b
               where b.valid_until is null or b.valid_until > current_date loop
    perform private.expand_availability_block(block);
    touched := touched + 1;
  end loop;
  return touched;
end;
$$;
revoke execute on function public.extend_availability_window() from public, anon, authenticated;
grant execute on function public.extend_availability_window() to service_role;

-- clients, appointments, referral requests --------------------------------------------------------
create type public.client_status as enum ('prospective', 'active');

create table public.clients (
  id uuid primary key default extensions.gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  first_name text not null check (char_length(btrim(first_name)) between 1 and 100),
  last_name text not null check (char_length(btrim(last_name)) between 1 and 100),
  email extensions.citext not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(email) <= 254),
  phone text check (phone ~ '^\+?[0-9 ().-]{7,20}$'),
  date_of_birth date not null check (date_of_birth > '1900-01-01'),
  status public.client_status not null default 'prospective',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- a client is matched within a clinic by email and date of birth
  unique (org_id, email, date_of_birth),
  unique (org_id, id)
);
alter table public.clients enable row level security;
create trigger clients_touch_updated_at before update on public.clients
  for each row execute function private.touch_updated_at();

create type public.appointment_status as enum ('scheduled', 'cancelled');

create table public.appointments (
  id uuid primary key default extensions.gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  staff_id uuid not null,
  client_id uuid not null,
  location_id uuid,
  during tstzrange not null check (not isempty(during) and lower(during) < upper(during)),
  status public.appointment_status not null default 'scheduled',
  created_at timestamptz not null default now(),
  foreign key (org_id, staff_id) references public.staff_members (org_id, id),
  foreign key (org_id, client_id) references public.clients (org_id, id),
  foreign key (org_id, location_id) references public.locations (org_id, id),
  -- no two scheduled appointments of one therapist overlap
  constraint appointments_no_overlap exclude using gist (staff_id with =, during with &&) where (status = 'scheduled')
);
alter table public.appointments enable row level security;
create index appointments_org_staff_idx on public.appointments (org_id, staff_id);
create index appointments_client_idx on public.appointments (org_id, client_id);
create index appointments_location_idx on public.appointments (org_id, location_id);

create type public.referral_source as enum ('payer', 'client_portal');
-- unverified: a client-portal request whose email is not confirmed yet
-- (20261207001300_portal_request_verification.sql); withdrawn: its therapist left
-- (20261207002300_withdraw_requests_of_removed_therapists.sql)
create type public.referral_status as enum ('pending', 'confirmed', 'declined', 'expired', 'unverified', 'withdrawn');

create table public.referral_requests (
  id uuid primary key default extensions.gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  therapist_id uuid not null,
  location_id uuid,
  slot tstzrange not null check (not isempty(slot) and lower(slot) < upper(slot)),
  source public.referral_source not null,
  payer_id uuid references public.payers (id),
  -- the requester's contact details (health data: never in emails, never to other payers)
  first_name text not null check (char_length(btrim(first_name)) between 1 and 100),
  last_name text not null check (char_length(btrim(last_name)) between 1 and 100),
  email extensions.citext not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(email) <= 254),
  phone text not null check (phone ~ '^\+?[0-9 ().-]{7,20}$'),
  date_of_birth date not null check (date_of_birth > '1900-01-01'),
  member_id text check (char_length(member_id) between 1 and 40),
  note text check (char_length(note) <= 1000),
  status public.referral_status not null default 'pending',
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  decided_by uuid,
  decided_at timestamptz,
  decline_reason text,
  decline_note text check (char_length(decline_note) <= 1000),
  appointment_id uuid references public.appointments (id),
  client_id uuid,
  idempotency_key text not null check (char_length(idempotency_key) between 8 and 255),
  -- a fingerprint of the request body, to tell a replay from a reused Idempotency-Key
  request_hash text check (request_hash ~ '^[0-9a-f]{64}$'),
  -- the therapist's reminder when 12 hours are left (20261128000700_request_decisions.sql)
  reminder_sent_at timestamptz,
  -- when the client confirmed their email (client-portal requests); the clinic's 48 hours start here
  verified_at timestamptz,
  withdrawn_at timestamptz,
  withdrawn_reason text,
  foreign key (org_id, therapist_id) references public.staff_members (org_id, id),
  foreign key (org_id, location_id) references public.locations (org_id, id),
  foreign key (org_id, client_id) references public.clients (org_id, id),
  check ((source = 'payer') = (payer_id is not null)),
  constraint referral_requests_expires_at_by_slot_start check (expires_at <= lower(slot)),
  -- idempotency keys are unique per source (per payer, or the client portal)
  unique nulls not distinct (source, payer_id, idempotency_key),
  constraint referral_requests_decline_reason_known check (
    decline_reason is null or decline_reason in
      ('no_availability', 'not_a_clinical_fit', 'insurance_issue', 'incomplete_information', 'duplicate_request', 'other')),
  constraint referral_requests_decided_consistently check (
    (status in ('confirmed', 'declined')) = (decided_at is not null)
    and (status <> 'confirmed' or appointment_id is not null)
    and (status <> 'declined' or decline_reason is not null)),
  constraint referral_requests_unverified_is_portal check (status <> 'unverified' or (source = 'client_portal' and verified_at is null)),
  constraint referral_requests_withdrawn_reason_known check (withdrawn_reason in ('therapist_unavailable')),
  constraint referral_requests_withdrawn_consistently check (
    (withdrawn_reason is null or status = 'withdrawn') and ((status = 'withdrawn') = (withdrawn_at is not null))),
  -- no slot lies outside (requests are made for open slots); the backstop for any other writer
  constraint referral_requests_slot_in_range
    check (lower(slot) >= timestamptz '2000-01-01 00:00:00+00' and upper(slot) <= timestamptz '2200-01-01 00:00:00+00')
);
alter table public.referral_requests enable row level security;
create index referral_requests_org_status_idx on public.referral_requests (org_id, status, expires_at);
-- the Unconfirmed queue: a clinic's pending requests by time left
create index referral_requests_pending_queue_idx on public.referral_requests (org_id, expires_at) where status = 'pending';
create index referral_requests_therapist_slot_idx on public.referral_requests using gist (therapist_id, slot) where (status = 'pending');
create index referral_requests_payer_idx on public.referral_requests (payer_id, id);
create index referral_requests_location_idx on public.referral_requests (org_id, location_id);
create index referral_requests_client_idx on public.referral_requests (org_id, client_id);
create index referral_requests_appointment_idx on public.referral_requests (appointment_id);
create index referral_requests_therapist_idx on public.referral_requests (org_id, therapist_id);
comment on column public.referral_requests.withdrawn_reason is
  'Why a request was withdrawn: therapist_unavailable (the therapist was deactivated or lost the therapist role).';

-- open external slots ----------------------------------------------------------------------------

-- occurrences in start order per therapist, so "the next n slots" can stop early
create index availability_occurrences_staff_start_idx on public.availability_occurrences (staff_id, lower(during));

/**
 * Open external slots of the given therapists between from_ts and to_ts as of `as_of`:
 * external blocks cut into the clinic's session length (from each block's start), minus
 * scheduled appointments, minus slots held by pending referral requests and by unverified
 * ones still within their verification window, minus the minimum notice, within the booking
 * horizon; only while the therapist is enrolled, active and Completed in a clinic with the
 * program on. At most max_per_therapist each (all when null). Set-based: one statement for one
 * therapist or a whole directory page, no per-row calls.
 */
create function private.open_slots_of(therapists uuid[], from_ts timestamptz, to_ts timestamptz, as_of timestamptz,
                                      max_per_therapist integer default null)
returns table (therapist_id uuid, slot_start timestamptz, slot_end timestamptz, location_id uuid)
language plpgsql
stable
security definer
-- plpgsql keeps one generic plan (every lookup is by therapist id), instead of planning per call
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
begin
  return query
  with therapist_settings as (
    select s.id, make_interval(mins => o.session_length_minutes) as session,
           greatest(from_ts, as_of + make_interval(hours => o.min_notice_hours)) as lo,
           least(to_ts, as_of + make_interval(days => o.booking_horizon_days)) as hi
    from public.staff_members s
    join public.organizations o on o.id = s.org_id and o.referral_program_enabled
    join public.program_enrollments e on e.staff_id = s.id and e.status = 'active'
    join public.public_profiles p on p.staff_id = s.id and p.submitted_at is not null
    where s.id = any (therapists) and s.is_active
  )
  select t.id, slot.c_start, slot.c_end, slot.location_id
  from therapist_settings t
  cross join lateral (
    select gs as c_start, gs + t.session as c_end, b.location_id
    from public.availability_occurrences occ
    join public.availability_blocks b on b.id = occ.block_id and b.accept_external
    cross join lateral generate_series(lower(occ.during), upper(occ.during) - t.session, t.session) gs
    where occ.staff_id = t.id and lower(occ.during) < t.hi and upper(occ.during) > t.lo
      and gs >= t.lo and gs + t.session <= t.hi
      and not exists (select 1 from public.appointments a
                      where a.staff_id = t.id and a.status = 'scheduled' and a.during && tstzrange(gs, gs + t.session))
      and not exists (select 1 from public.referral_requests r
                      where r.therapist_id = t.id and r.status in ('pending', 'unverified')
                        and (r.status = 'pending' or r.expires_at > as_of)
                        and r.slot && tstzrange(gs, gs + t.session))
    -- occurrences of one therapist never overlap, so (occurrence start, slot start) is slot
    -- order: the index scan of occurrences stops once max_per_therapist slots are found
    order by lower(occ.during), gs
    limit max_per_therapist
  ) slot
  order by t.id, slot.c_start;
end;
$$;

/** One therapist's open slots (see open_slots_of). */
create function private.open_slots(therapist uuid, from_ts timestamptz, to_ts timestamptz, as_of timestamptz,
                                   max_slots integer default null)
returns table (slot_start timestamptz, slot_end timestamptz, location_id uuid)
language sql
stable
security definer
set search_path = ''
as $$
  select os.slot_start, os.slot_end, os.location_id from private.open_slots_of(array[therapist], from_ts, to_ts, as_of, max_slots) os;
$$;

revoke execute on function private.open_slots_of(uuid[], timestamptz, timestamptz, timestamptz, integer) from public;
revoke execute on function private.open_slots(uuid, timestamptz, timestamptz, timestamptz, integer) from public;
grant execute on function private.open_slots_of(uuid[], timestamptz, timestamptz, timestamptz, integer) to service_role;
grant execute on function private.open_slots(uuid, timestamptz, timestamptz, timestamptz, integer) to service_role;


/** Open external slots from now: what the payer API and the client portal offer. */
create function public.open_slots(therapist uuid, from_ts timestamptz, to_ts timestamptz)
returns table (slot_start timestamptz, slot_end timestamptz, location_id uuid)
language sql
stable
set search_path = ''
as $$
  select * from private.open_slots(therapist, from_ts, to_ts, pg_catalog.now());
$$;
revoke execute on function public.open_slots(uuid, timestamptz, timestamptz) from public, anon, authenticated;
grant execute on function public.open_slots(uuid, timestamptz, timestamptz) to service_role;

-- column rules and policies ----------------------------------------------------------------------
revoke all on public.availability_blocks, public.availability_occurrences, public.clients,
  public.appointments, public.referral_requests from anon;
-- occurrences are written by the block triggers only
revoke insert, update, delete on public.availability_occurrences from authenticated;
-- clients, appointments and referral requests change through the request workflow's functions
revoke insert, update, delete on public.clients, public.appointments, public.referral_requests from authenticated;
-- a block stays with its therapist and clinic; everything else about it can change
revoke update on public.availability_blocks from authenticated;
grant update (location_id, valid_from, valid_until, weekdays, start_time, end_time, accept_external)
  on public.availability_blocks to authenticated;
-- created_at and updated_at are the server's: only the columns the form writes are granted
revoke insert on public.availability_blocks from authenticated;
grant insert (org_id, staff_id, location_id, valid_from, valid_until, weekdays, start_time, end_time, accept_external)
  on public.availability_blocks to authenticated;

/** Availability the calling user manages: their own as a therapist, or anyone's as org admin. */
create function private.can_manage_availability(block_org uuid, block_staff uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return block_staff in (select private.my_therapist_ids())
      or block_org in (select private.org_ids_with_role('org_admin'));
end;
$$;
revoke execute on function private.can_manage_availability(uuid, uuid) from public;
grant execute on function private.can_manage_availability(uuid, uuid) to authenticated;

create policy "Staff read availability of their clinic"
  on public.availability_blocks for select to authenticated
  using (org_id in (select private.member_org_ids()));
create policy "Therapists add their own blocks; org admins anyone's"
  on public.availability_blocks for insert to authenticated
  with check (private.can_manage_availability(org_id, staff_id));
create policy "Therapists edit their own blocks; org admins anyone's"
  on public.availability_blocks for update to authenticated
  using (private.can_manage_availability(org_id, staff_id))
  with check (private.can_manage_availability(org_id, staff_id));
create policy "Therapists remove their own blocks; org admins anyone's"
  on public.availability_blocks for delete to authenticated
  using (private.can_manage_availability(org_id, staff_id));

create policy "Staff read availability occurrences of their clinic"
  on public.availability_occurrences for select to authenticated
  using (org_id in (select private.member_org_ids()));

create policy "Admins and schedulers read the clinic's clients"
  on public.clients for select to authenticated
  using (org_id in (select private.program_viewer_org_ids()));

create policy "Admins and schedulers read the clinic's appointments; therapists their own"
  on public.appointments for select to authenticated
  using (org_id in (select private.program_viewer_org_ids()) or staff_id in (select private.my_therapist_ids()));

-- staff never see a request before the client confirmed their email
create policy "Admins and schedulers read the clinic's email-confirmed requests; therapists their own"
  on public.referral_requests for select to authenticated
  using (status <> 'unverified'
         and (org_id in (select private.program_viewer_org_ids()) or therapist_id in (select private.my_therapist_ids())));
