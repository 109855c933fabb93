-- The payer directory at scale (10,000 therapists): one page must cost a few index probes, not
-- a pass over every listed therapist. Before this, `referral_directory` materialised everyone a
-- payer may see (a SECURITY DEFINER function is never inlined, so no filter or LIMIT reached
-- it) and then called the slot function once per row, each computing three weeks of slots.
-- Now "who is listed" is a view the planner can see through, the page walks a name index and
-- stops after page_size matches, and the next slots of the whole page come from one set-based
-- call that stops per therapist once it has found enough.

-- the directory's order, so a page is the first matches of an index scan
create index staff_members_name_idx on public.staff_members (last_name, first_name, id);
-- occurrences in start order per therapist, so "the next n slots" can stop early
create index availability_occurrences_staff_start_idx on public.availability_occurrences (staff_id, lower(during));

/**
 * Who a referral source may see, with the public fields shown to them: active staff, enrolled
 * (active), profile Completed, in a clinic with the program on. The payer and clinic conditions
 * are the caller's: `private.listed_therapists` and `public.referral_directory`.
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
where s.is_active;
revoke all on private.listed_profiles from public, anon, authenticated;
grant select on private.listed_profiles to service_role;

/** Listed for a payer (those who list it) or for one clinic's portal (that clinic's). */
create or replace function private.listed_therapists(payer uuid, clinic uuid)
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

-- slots: one set-based definition for one therapist or many ---------------------------------------
drop function private.open_slots(uuid, timestamptz, timestamptz, timestamptz);

/**
 * Open external slots of the given therapists between from_ts and to_ts as of `as_of`:
 * external blocks cut into the clinic's session length (from each block's start), minus
 * scheduled appointments, minus slots held by pending referral requests, minus the minimum
 * notice, within the booking horizon; only while the therapist is enrolled, active and
 * Completed in a clinic with the program on. At most max_per_therapist each (all when null).
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
                      where r.therapist_id = t.id and r.status = 'pending' and r.slot && tstzrange(gs, gs + t.session))
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

-- the directory page ----------------------------------------------------------------------------
-- parameters renamed (plpgsql cannot share names between parameters and result columns)
drop function public.referral_directory(uuid, uuid, text[], text[], text[], text[], text, text, text, text, uuid, integer, integer);

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
revoke execute on function public.referral_directory(uuid, uuid, text[], text[], text[], text[], text, text, text, text, uuid, integer, integer)
  from public, anon, authenticated;
grant execute on function public.referral_directory(uuid, uuid, text[], text[], text[], text[], text, text, text, text, uuid, integer, integer)
  to service_role;
