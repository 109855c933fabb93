-- What `unverified` means for the rest of the schema. A client-portal request is unverified
-- until the client follows the link in the verification email; until then:
--  * it holds its slot only until its expires_at, which for an unverified request is the end
--    of the verification window (created + at most 30 minutes), so open-slot lists stop
--    treating it as held the moment the window ends, even before the cleanup job runs;
--  * no staff member can see it (the queue view already shows only pending requests; the
--    table's read policy now leaves unverified ones out, so no other screen shows them);
--  * it can only become pending (on verification) or be removed: the cleanup job deletes it
--    after the window, without any email (the address was never confirmed).
--
-- Rewritten here:
--  * private.open_slots_of: a slot held by an unverified request is taken only while that
--    request is within its verification window (before, only pending requests held slots).
--  * private.referral_request_before_update: adds unverified → pending (with verified_at), and
--    refuses every other change of an unverified request; pending → anything stays as before.

alter table public.referral_requests
  -- when the client confirmed their email (client-portal requests); the clinic's 48 hours start here
  add column verified_at timestamptz,
  add constraint referral_requests_unverified_is_portal check (status <> 'unverified' or (source = 'client_portal' and verified_at is null));

-- slots held by pending requests and by unverified requests within their window
create index referral_requests_holding_slot_idx on public.referral_requests using gist (therapist_id, slot)
  where status in ('pending', 'unverified');
-- the cleanup job: unverified requests by end of window
create index referral_requests_unverified_due_idx on public.referral_requests (expires_at) where status = 'unverified';
-- the per-person limit: open client-portal requests of one email at one clinic
create index referral_requests_open_by_email_idx on public.referral_requests (org_id, lower(email::text))
  where source = 'client_portal' and status in ('pending', 'unverified');

/**
 * Open external slots of the given therapists between from_ts and to_ts as of `as_of`:
 * external blocks cut into the clinic's session length (from each block's start), minus
 * scheduled appointments, minus slots held by pending referral requests and by unverified
 * ones still within their verification window, minus the minimum notice, within the booking
 * horizon; only while the therapist is enrolled, active and Completed in a clinic with the
 * program on. At most max_per_therapist each (all when null).
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
    -- occurrences of one therapist never overlap, so (occurrence start, slot start) is slot
    -- order: the index scan of occurrences stops once max_per_therapist slots are found
    order by lower(occ.during), gs
    limit max_per_therapist
  ) slot
  order by t.id, slot.c_start;
end;
$$;

/**
 * Before update of a request: pending changes only to a decision or expiry (as before); an
 * unverified request changes only to pending, when its email is verified. What was requested
 * never changes.
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
  elsif old.status <> 'pending' then
    raise exception 'This request was already % and cannot change.', old.status
      using errcode = 'P0001', hint = 'already_decided';
  end if;
  if new.status = 'unverified' and old.status <> 'unverified' then
    raise exception 'A request cannot go back to unverified.' using errcode = 'P0001', hint = 'illegal_transition';
  end if;
  if old.verified_at is not null and new.verified_at is distinct from old.verified_at then
    raise exception 'When the email was verified cannot change.' using errcode = 'P0001', hint = 'illegal_transition';
  end if;
  if new.status = 'pending' and (new.decided_at is not null or new.appointment_id is not null) then
    raise exception 'A pending request has no decision.' using errcode = 'P0001', hint = 'illegal_transition';
  end if;
  if new.org_id <> old.org_id or new.therapist_id <> old.therapist_id or new.slot <> old.slot or new.source <> old.source
     or new.payer_id is distinct from old.payer_id or new.email <> old.email or new.date_of_birth <> old.date_of_birth
     or new.created_at <> old.created_at or new.idempotency_key <> old.idempotency_key then
    raise exception 'What was requested cannot change; only its status.' using errcode = 'P0001', hint = 'illegal_transition';
  end if;
  return new;
end;
$$;

-- staff never see a request before the client confirmed their email
drop policy "Admins and schedulers read the clinic's requests; therapists their own" on public.referral_requests;
create policy "Admins and schedulers read the clinic's email-confirmed requests; therapists their own"
  on public.referral_requests for select to authenticated
  using (status <> 'unverified'
         and (org_id in (select private.program_viewer_org_ids()) or therapist_id in (select private.my_staff_ids())));
