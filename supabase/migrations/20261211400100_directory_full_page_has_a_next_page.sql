-- A payer asking for the largest page (limit=50) never got a next_cursor: the function asks for
-- limit + 1 rows to learn whether another page follows, but referral_directory capped a page at
-- 50 rows, so the 51st never came back and a directory of more than 50 therapists ended after its
-- first page. The cap is now 51 (the largest page plus that one row); the API still refuses a
-- limit over 50. Same arguments, columns and grants (20261207800500_portal_directory_filters.sql).

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
  slot_count integer default 3,
  at_location uuid default null,
  takes_payer uuid default null,
  only_therapist uuid default null
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
  next_slots jsonb,
  accepted_payers jsonb
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
      and (at_location is null or l.default_location_id = at_location
           or exists (select 1 from public.availability_blocks b where b.staff_id = l.staff_id
                      and b.location_id = at_location and b.accept_external))
      and (takes_payer is null or exists (select 1 from public.enrollment_payers ep
           where ep.enrollment_id = l.enrollment_id and ep.payer_id = takes_payer))
      and (only_therapist is null or l.staff_id = only_therapist)
      and (after_id is null or (l.last_name, l.first_name, l.staff_id) > (after_last_name, after_first_name, after_id))
    order by l.last_name, l.first_name, l.staff_id
    -- the largest page (50) plus the row that tells whether another page follows
    limit least(greatest(page_size, 1), 51)
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
         loc.name, loc.city, loc.state, coalesce(page_slots.slots, '[]'::jsonb),
         case when payer is null then coalesce((
           select jsonb_agg(jsonb_build_object('id', py.id, 'name', py.name) order by py.name)
           from public.enrollment_payers ep join public.payers py on py.id = ep.payer_id
           where ep.enrollment_id = page.enrollment_id), '[]'::jsonb) end
  from page
  join public.organizations o on o.id = page.org_id
  left join public.locations loc on loc.org_id = page.org_id and loc.id = page.default_location_id
  left join page_slots on page_slots.therapist_id = page.staff_id
  order by page.last_name, page.first_name, page.staff_id;
end;
$$;

revoke execute on function public.referral_directory(uuid, uuid, text[], text[], text[], text[], text, text, text, text, uuid, integer, integer, uuid, uuid, uuid)
  from public, anon, authenticated;
grant execute on function public.referral_directory(uuid, uuid, text[], text[], text[], text[], text, text, text, text, uuid, integer, integer, uuid, uuid, uuid)
  to service_role;
