-- Offered times and their holds. When staff offer a client other times (one to three open
-- external slots, of the request's therapist or of another listed therapist of the clinic), each
-- offered time is a row here and is held: open-slot lists (private.open_slots_of: the payer API,
-- the FHIR feed, the public request page) leave it out while the request is *alternatives
-- offered* and the offer has not run out, so no one else can request it meanwhile. A hold ends
-- the moment the offer's time is over (held_until), even before the expiry job runs, or when the
-- request leaves the state (released_at, with what ended it).
--
-- The request keeps what was asked for until the client picks a time; picking moves its slot,
-- therapist and office to the offered time (the only change of what was requested that is
-- allowed, and only to a time that was offered). While times are offered, expires_at is the
-- offer's end: least(offered + 48 h, the earliest offered start), which may lie after the
-- originally requested slot, so that check now holds for requests without an offer only.
-- private.referral_request_before_update (first in 20261128000700_request_decisions.sql) and
-- private.open_slots_of (first in 20261128000500_availability.sql) are rewritten here for this.

alter table public.referral_requests
  add column offered_at timestamptz,
  add column offered_by uuid,
  -- the staff member's short note to the client, shown on the status page only (never emailed)
  add column offer_message text check (char_length(offer_message) <= 500),
  drop constraint referral_requests_expires_at_by_slot_start,
  add constraint referral_requests_expires_at_by_slot_start check (expires_at <= lower(slot) or offered_at is not null),
  add constraint referral_requests_offer_stamped check (status <> 'alternatives_offered' or offered_at is not null);

-- the expiry job's walk over offers that ran out
create index referral_requests_offer_due_idx on public.referral_requests (expires_at) where status = 'alternatives_offered';

create table public.request_offered_times (
  id uuid primary key default extensions.gen_random_uuid(),
  request_id uuid not null references public.referral_requests (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  therapist_id uuid not null,
  location_id uuid,
  slot tstzrange not null check (not isempty(slot) and lower(slot) < upper(slot)),
  held_until timestamptz not null,
  released_at timestamptz,
  -- picked: booked; lost: someone else got the time first; not_picked: the client picked another;
  -- expired: the offer ran out; withdrawn: the client withdrew
  released_as text check (released_as in ('picked', 'lost', 'not_picked', 'expired', 'withdrawn')),
  created_at timestamptz not null default now(),
  foreign key (org_id, therapist_id) references public.staff_members (org_id, id),
  foreign key (org_id, location_id) references public.locations (org_id, id),
  unique (request_id, therapist_id, slot),
  check ((released_at is null) = (released_as is null))
);
alter table public.request_offered_times enable row level security;
-- read and written only through the functions of the offer (security definer) and the status page
revoke all on public.request_offered_times from anon, authenticated;
create index request_offered_times_request_idx on public.request_offered_times (request_id);
create index request_offered_times_org_idx on public.request_offered_times (org_id, therapist_id);
create index request_offered_times_location_idx on public.request_offered_times (org_id, location_id);
-- what open_slots_of probes for every candidate slot
create index request_offered_times_held_idx on public.request_offered_times using gist (therapist_id, slot, held_until)
  where released_at is null;

/**
 * Before update of a request: pending changes only to a decision, expiry, withdrawal or an offer
 * of other times; an offer (alternatives_offered) ends in the client's pick (confirmed), expiry
 * or withdrawal; an unverified request changes only to pending, when its email is verified.
 * Terminal states are final. What was requested never changes, except that the client's pick
 * moves the request to the offered time it picked.
 */
create or replace function private.referral_request_before_update()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.status = 'unverified' then
    if new.status not in ('unverified', 'pending') then
      raise exception 'This request was never confirmed by email; it can only be confirmed through its email link or removed.'
        using errcode = 'P0001', hint = 'illegal_transition';
    end if;
    if new.status = 'pending' and new.verified_at is null then
      raise exception 'A request reaches the clinic only once its email is verified.' using errcode = 'P0001', hint = 'illegal_transition';
    end if;
  elsif old.status = 'alternatives_offered' then
    if new.status not in ('alternatives_offered', 'confirmed', 'expired', 'withdrawn') then
      raise exception 'Other times were offered for this request: only the client''s pick, a withdrawal or the offer''s end changes it.'
        using errcode = 'P0001', hint = 'illegal_transition';
    end if;
  elsif old.status <> 'pending' then
    raise exception 'This request was already % and cannot change.', replace(old.status::text, '_', ' ')
      using errcode = 'P0001', hint = 'already_decided';
  end if;
  if new.status = 'unverified' and old.status <> 'unverified' then
    raise exception 'A request cannot go back to unverified.' using errcode = 'P0001', hint = 'illegal_transition';
  end if;
  if new.status = 'pending' and old.status <> 'pending' and old.status <> 'unverified' then
    raise exception 'A request cannot go back to pending.' using errcode = 'P0001', hint = 'illegal_transition';
  end if;
  if old.verified_at is not null and new.verified_at is distinct from old.verified_at then
    raise exception 'When the email was verified cannot change.' using errcode = 'P0001', hint = 'illegal_transition';
  end if;
  if new.status in ('pending', 'alternatives_offered') and (new.decided_at is not null or new.appointment_id is not null) then
    raise exception 'A request waiting for an answer has no decision.' using errcode = 'P0001', hint = 'illegal_transition';
  end if;
  if old.offered_at is not null and new.offered_at is distinct from old.offered_at then
    raise exception 'Times can be offered once per request.' using errcode = 'P0001', hint = 'illegal_transition';
  end if;
  if new.org_id <> old.org_id or new.source <> old.source
     or new.payer_id is distinct from old.payer_id or new.email <> old.email or new.date_of_birth <> old.date_of_birth
     or new.created_at <> old.created_at or new.idempotency_key <> old.idempotency_key then
    raise exception 'What was requested cannot change; only its status.' using errcode = 'P0001', hint = 'illegal_transition';
  end if;
  if new.therapist_id <> old.therapist_id or new.slot <> old.slot or new.location_id is distinct from old.location_id then
    -- only the client's pick of an offered time moves a request, and only to that time
    if not (old.status = 'alternatives_offered' and new.status = 'confirmed' and exists (
        select 1 from public.request_offered_times t
        where t.request_id = new.id and t.therapist_id = new.therapist_id and t.slot = new.slot
          and t.location_id is not distinct from new.location_id)) then
      raise exception 'What was requested cannot change; only its status.' using errcode = 'P0001', hint = 'illegal_transition';
    end if;
  end if;
  return new;
end;
$$;

/**
 * Open external slots of the given therapists between from_ts and to_ts as of `as_of`:
 * external blocks cut into the clinic's session length (from each block's start), minus
 * scheduled appointments, minus slots held by pending referral requests, by unverified ones
 * still within their verification window and by times offered to a client while the offer runs,
 * minus the minimum notice, within the booking horizon; only while the therapist is enrolled,
 * active and Completed in a clinic with the program on. At most max_per_therapist each (all when
 * null). Set-based: one statement for one therapist or a whole directory page, no per-row calls.
 */
create or replace function private.open_slots_of(therapists uuid[], from_ts timestamptz, to_ts timestamptz, as_of timestamptz,
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
      and not exists (select 1 from public.request_offered_times h
                      where h.therapist_id = t.id and h.released_at is null and h.held_until > as_of
                        and h.slot && tstzrange(gs, gs + t.session))
    -- occurrences of one therapist never overlap, so (occurrence start, slot start) is slot
    -- order: the index scan of occurrences stops once max_per_therapist slots are found
    order by lower(occ.during), gs
    limit max_per_therapist
  ) slot
  order by t.id, slot.c_start;
end;
$$;

-- an endpoint may subscribe to every event type, now six
alter table public.webhook_endpoints drop constraint webhook_endpoints_event_types_check,
  add constraint webhook_endpoints_event_types_check check (cardinality(event_types) between 1 and 6);
