-- An appointment's time is named in its office's time zone (architecture §5.8), and a payer or the
-- public request page can only do that if each slot says which zone and office it is in: slots
-- were bare instants. The directory's next_slots and listed_therapist_slots now carry the
-- location's IANA zone (the practice's when a block has no location) and the office's name.
-- referral_directory (first in 20261128000600_referral_intake.sql) is rewritten with the same
-- signature; listed_therapist_slots returns more columns, so it is dropped and made again, with
-- the same grants (service role only).

/**
 * One page of the directory for a payer (or one clinic's portal): public profile fields only,
 * each therapist with their next `slot_count` open slots within three weeks. Keyset pagination
 * on (last name, first name, id); each filter matches any of the given keys. Each slot carries
 * its office's IANA zone and name.
 */
create or replace function public.referral_directory(
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
           jsonb_agg(jsonb_build_object('start', os.slot_start, 'end', os.slot_end,
                                        'time_zone', coalesce(sl.time_zone, so.time_zone),
                                        'office_name', coalesce(sl.name, so.name)) order by os.slot_start) as slots
    from private.open_slots_of((select array_agg(page.staff_id) from page), pg_catalog.now(), pg_catalog.now() + interval '21 days',
                               pg_catalog.now(), least(greatest(slot_count, 0), 10)) os
    join page on page.staff_id = os.therapist_id
    join public.organizations so on so.id = page.org_id
    left join public.locations sl on sl.org_id = page.org_id and sl.id = os.location_id
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

drop function public.listed_therapist_slots(uuid, uuid, uuid, timestamptz, timestamptz);

/**
 * Open slots of one therapist for a payer or a clinic's portal, each with its office's IANA zone
 * and name; unknown to the caller (not listed for them) is an error, so an empty list always
 * means "no open time".
 */
create function public.listed_therapist_slots(payer uuid, clinic uuid, therapist uuid, from_ts timestamptz, to_ts timestamptz)
returns table (slot_start timestamptz, slot_end timestamptz, location_id uuid, time_zone text, office_name text)
language plpgsql
stable
set search_path = ''
as $$
begin
  if therapist not in (select private.listed_therapists(payer, clinic)) then
    raise exception 'No therapist with this id accepts referrals from you.' using errcode = 'P0002', hint = 'unknown_therapist';
  end if;
  return query
  select os.slot_start, os.slot_end, os.location_id, coalesce(l.time_zone, o.time_zone), coalesce(l.name, o.name)
  from private.open_slots(therapist, from_ts, to_ts, pg_catalog.now()) os
  join public.staff_members s on s.id = therapist
  join public.organizations o on o.id = s.org_id
  left join public.locations l on l.org_id = s.org_id and l.id = os.location_id;
end;
$$;
revoke execute on function public.listed_therapist_slots(uuid, uuid, uuid, timestamptz, timestamptz) from public, anon, authenticated;
grant execute on function public.listed_therapist_slots(uuid, uuid, uuid, timestamptz, timestamptz) to service_role;
