-- The directory's page of therapists is chosen by a statement built from the filters actually
-- given, and the page's cards (profile, clinic, office, next slots) are assembled by a statement
-- planned once per connection.
--
-- Why: the whole directory was one statement holding every optional filter as `x is null or …`,
-- planned afresh on every call (plan_cache_mode = force_custom_plan: a generic plan of it walks
-- the whole listing, 20–150 ms). Planning that statement, with its slot and card joins, cost more
-- than running it: on the bench seed, about 5 ms of an 8 ms call, with 1 ms choosing the page and
-- 3 ms finding the next slots. Now only the page's choice is planned per call, and it holds only
-- the given conditions (about 1 ms, planned and run); the cards are looked up by the page's ids,
-- which a generic plan does as well as a custom one. Same arguments, columns, rows, order and
-- grants (20261211400100_directory_full_page_has_a_next_page.sql).

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
-- the statement below (cards by id) keeps one plan; the page's statement is planned per call
set plan_cache_mode = force_generic_plan
as $$
declare
  conditions text := '';
  page_ids uuid[];
begin
  -- only the filters given: each is a condition on the listing, its value a parameter ($n)
  if payer is not null then
    conditions := conditions || ' and exists (select 1 from public.enrollment_payers ep where ep.enrollment_id = l.enrollment_id and ep.payer_id = $1)';
  end if;
  if clinic is not null then
    conditions := conditions || ' and l.org_id = $2';
  end if;
  if any_specialties is not null then
    conditions := conditions || ' and l.specialties && $3';
  end if;
  if any_languages is not null then
    conditions := conditions || ' and l.languages && $4';
  end if;
  if any_ages is not null then
    conditions := conditions || ' and l.ages_served && $5';
  end if;
  if any_formats is not null then
    conditions := conditions || ' and l.session_formats && $6';
  end if;
  if in_state is not null then
    conditions := conditions || ' and exists (select 1 from public.locations loc where loc.org_id = l.org_id'
      || ' and loc.id = l.default_location_id and loc.state = upper($7))';
  end if;
  if in_city is not null then
    conditions := conditions || ' and exists (select 1 from public.locations loc where loc.org_id = l.org_id'
      || ' and loc.id = l.default_location_id and lower(loc.city) = lower($8))';
  end if;
  if after_id is not null then
    conditions := conditions || ' and (l.last_name, l.first_name, l.staff_id) > ($9, $10, $11)';
  end if;
  if at_location is not null then
    conditions := conditions || ' and (l.default_location_id = $12 or exists (select 1 from public.availability_blocks b'
      || ' where b.staff_id = l.staff_id and b.location_id = $12 and b.accept_external))';
  end if;
  if takes_payer is not null then
    conditions := conditions || ' and exists (select 1 from public.enrollment_payers ep where ep.enrollment_id = l.enrollment_id and ep.payer_id = $13)';
  end if;
  if only_therapist is not null then
    conditions := conditions || ' and l.staff_id = $14';
  end if;
  execute 'select array(select l.staff_id from private.listed_profiles l where true' || conditions
    -- the largest page (50) plus the row that tells whether another page follows
    || ' order by l.last_name, l.first_name, l.staff_id limit $15)'
  into page_ids
  using payer, clinic, any_specialties, any_languages, any_ages, any_formats, in_state, in_city,
        after_last_name, after_first_name, after_id, at_location, takes_payer, only_therapist,
        least(greatest(page_size, 1), 51);

  -- the page's cards; a stable function reads one snapshot, so these are the rows chosen above
  return query
  with page as (
    select l.*
    from private.listed_profiles l
    where l.staff_id = any (page_ids)
  ),
  page_slots as (
    select os.therapist_id,
           jsonb_agg(jsonb_build_object('start', os.slot_start, 'end', os.slot_end,
                                        'time_zone', coalesce(sl.time_zone, so.time_zone),
                                        'office_name', coalesce(sl.name, so.name)) order by os.slot_start) as slots
    from private.open_slots_of(page_ids, pg_catalog.now(), pg_catalog.now() + interval '21 days',
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
