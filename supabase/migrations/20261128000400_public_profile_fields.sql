-- The public profile payers show their members (public_profiles: one per therapist; its
-- submitted_at is the enrollment's Application Status). Three field groups:
--   * read-only: name, email, NPI, office phone, default location, photo come from staff_members
--     (joined by public_profile_details, never copied into this table);
--   * shared: required and optional fields the therapist or an org admin edits;
--   * therapist-only: optional personal fields only the therapist writes (trigger below).
-- A profile can be saved as a draft with any valid subset; submitting requires every required
-- field, and after submission no required field can be blanked (the CHECK holds for good).

/**
 * The fixed vocabularies of the list fields. The app's zod schema holds the same lists; a test
 * compares them. Keys are stored; labels live in the app.
 */
create function private.profile_vocabulary(kind text)
returns text[]
language sql
immutable
set search_path = ''
as $$
  select case kind
    when 'specialty' then array[
      'anxiety', 'depression', 'trauma_ptsd', 'relationship_issues', 'grief_loss', 'life_transitions',
      'stress_management', 'adhd', 'ocd', 'eating_disorders', 'substance_use', 'bipolar_disorder',
      'self_esteem', 'parenting', 'lgbtq_identity', 'chronic_illness', 'anger_management', 'sleep',
      'work_career', 'family_conflict']
    when 'treatment_approach' then array[
      'cbt', 'dbt', 'emdr', 'act', 'psychodynamic', 'person_centered', 'solution_focused',
      'motivational_interviewing', 'family_systems', 'mindfulness_based', 'trauma_focused_cbt',
      'gottman_method', 'play_therapy', 'narrative_therapy', 'interpersonal']
    when 'age_group' then array['children', 'adolescents', 'young_adults', 'adults', 'older_adults']
    when 'session_format' then array['in_person', 'telehealth']
    when 'language' then array[
      'en', 'es', 'zh', 'vi', 'ko', 'ar', 'fr', 'pt', 'ru', 'ht', 'tl', 'hi', 'ase', 'de', 'it', 'pl', 'ja']
    when 'license_type' then array[
      'lcsw', 'licsw', 'lmft', 'lpc', 'lpcc', 'lmhc', 'psychologist', 'pmhnp', 'psychiatrist']
    when 'us_state' then array[
      'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS',
      'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC',
      'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY']
  end;
$$;
revoke execute on function private.profile_vocabulary(text) from public;
grant execute on function private.profile_vocabulary(text) to anon, authenticated, service_role;

/** True when `items` is a list of distinct vocabulary keys of `kind` (an empty list is a draft). */
create function private.is_vocabulary_list(items text[], kind text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select items <@ private.profile_vocabulary(kind)
    and cardinality(items) = (select count(distinct i) from unnest(items) i);
$$;
revoke execute on function private.is_vocabulary_list(text[], text) from public;
grant execute on function private.is_vocabulary_list(text[], text) to anon, authenticated, service_role;

create table public.public_profiles (
  staff_id uuid primary key,
  org_id uuid not null,
  submitted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- shared, required to submit
  professional_title text check (char_length(btrim(professional_title)) between 2 and 100),
  license_type text check (license_type = any (private.profile_vocabulary('license_type'))),
  license_state text check (license_state = any (private.profile_vocabulary('us_state'))),
  license_number text check (license_number ~ '^[A-Za-z0-9-]{3,20}$'),
  about_me text check (char_length(about_me) <= 2000),
  specialties text[] not null default '{}' check (private.is_vocabulary_list(specialties, 'specialty')),
  treatment_approaches text[] not null default '{}' check (private.is_vocabulary_list(treatment_approaches, 'treatment_approach')),
  ages_served text[] not null default '{}' check (private.is_vocabulary_list(ages_served, 'age_group')),
  session_formats text[] not null default '{}' check (private.is_vocabulary_list(session_formats, 'session_format')),
  languages text[] not null default '{}' check (private.is_vocabulary_list(languages, 'language')),
  -- shared, optional
  education text check (char_length(btrim(education)) between 2 and 500),
  years_in_practice integer check (years_in_practice between 0 and 70),
  website text check (website ~ '^https://[^\s/$.?#].[^\s]*$' and char_length(website) <= 2048),
  -- therapist-only, optional
  pronouns text check (char_length(btrim(pronouns)) between 1 and 40),
  gender_identity text check (char_length(btrim(gender_identity)) between 1 and 60),
  first_session_note text check (char_length(btrim(first_session_note)) between 1 and 1000),
  updated_by uuid,
  foreign key (org_id, staff_id) references public.staff_members (org_id, id) on delete cascade,
  -- a submitted profile has every required field, for good
  constraint public_profiles_complete_when_submitted check (
    submitted_at is null or (
      professional_title is not null and license_type is not null and license_state is not null
      and license_number is not null and char_length(about_me) between 150 and 2000
      and cardinality(specialties) > 0 and cardinality(treatment_approaches) > 0
      and cardinality(ages_served) > 0 and cardinality(session_formats) > 0 and cardinality(languages) > 0
    )
  )
);
alter table public.public_profiles enable row level security;
create index public_profiles_org_idx on public.public_profiles (org_id, staff_id);
create trigger public_profiles_touch_updated_at before update on public.public_profiles
  for each row execute function private.touch_updated_at();

-- payers filter on the list fields
create index public_profiles_specialties_idx on public.public_profiles using gin (specialties);
create index public_profiles_languages_idx on public.public_profiles using gin (languages);
create index public_profiles_ages_idx on public.public_profiles using gin (ages_served);
create index public_profiles_formats_idx on public.public_profiles using gin (session_formats);

/**
 * Before insert/update: the therapist-only fields are written by the therapist alone; the
 * submission time and the editor are set by the server.
 */
create function private.public_profile_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  is_own_profile boolean := new.staff_id in (select private.my_staff_ids());
begin
  if (select auth.uid()) is not null and not is_own_profile and (
       (tg_op = 'INSERT' and (new.pronouns is not null or new.gender_identity is not null or new.first_session_note is not null))
    or (tg_op = 'UPDATE' and (new.pronouns is distinct from old.pronouns
                              or new.gender_identity is distinct from old.gender_identity
                              or new.first_session_note is distinct from old.first_session_note))) then
    raise exception 'Only the therapist can edit pronouns, gender identity and the first-session note.'
      using errcode = '42501', hint = 'therapist_only_field';
  end if;
  if tg_op = 'UPDATE' and (new.staff_id is distinct from old.staff_id or new.org_id is distinct from old.org_id) then
    raise exception 'A profile belongs to one staff member for good.' using errcode = 'P0001', hint = 'immutable_field';
  end if;
  new.updated_by := (select auth.uid());
  return new;
end;
$$;
revoke execute on function private.public_profile_before_write() from public;
create trigger public_profiles_before_write before insert or update on public.public_profiles
  for each row execute function private.public_profile_before_write();

-- column rules: the submission time is set by submit_public_profile only
revoke all on public.public_profiles from anon;
revoke insert, update on public.public_profiles from authenticated;
grant insert (staff_id, org_id, professional_title, license_type, license_state, license_number, about_me, specialties,
              treatment_approaches, ages_served, session_formats, languages, education, years_in_practice, website,
              pronouns, gender_identity, first_session_note)
  on public.public_profiles to authenticated;
grant update (professional_title, license_type, license_state, license_number, about_me, specialties,
              treatment_approaches, ages_served, session_formats, languages, education, years_in_practice, website,
              pronouns, gender_identity, first_session_note)
  on public.public_profiles to authenticated;
revoke delete on public.public_profiles from authenticated;

/** Therapists write their own profile; org admins write any profile of their clinic's therapists. */
create function private.can_edit_profile(profile_staff_id uuid, profile_org_id uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (
    select 1 from public.staff_members s
    where s.id = profile_staff_id and s.org_id = profile_org_id and 'therapist' = any (s.roles)
      and (s.id in (select private.my_staff_ids()) or s.org_id in (select private.org_ids_with_role('org_admin')))
  );
end;
$$;
revoke execute on function private.can_edit_profile(uuid, uuid) from public;
grant execute on function private.can_edit_profile(uuid, uuid) to authenticated;

create policy "Admins and schedulers read their clinic's profiles; staff read their own"
  on public.public_profiles for select to authenticated
  using (org_id in (select private.program_viewer_org_ids()) or staff_id in (select private.my_staff_ids()));
create policy "Therapists write their own profile; org admins their therapists' profiles"
  on public.public_profiles for insert to authenticated
  with check (private.can_edit_profile(staff_id, org_id));
create policy "Therapists edit their own profile; org admins their therapists' profiles"
  on public.public_profiles for update to authenticated
  using (private.can_edit_profile(staff_id, org_id))
  with check (private.can_edit_profile(staff_id, org_id));

/** Human names of the required fields still missing from a profile, in form order. */
create function private.missing_profile_fields(p public.public_profiles)
returns text[]
language sql
immutable
set search_path = ''
as $$
  select array_remove(array[
    case when p.professional_title is null then 'Professional title' end,
    case when p.license_type is null then 'License type' end,
    case when p.license_state is null then 'License state' end,
    case when p.license_number is null then 'License number' end,
    case when coalesce(char_length(p.about_me), 0) < 150 then 'About me (150 characters or more)' end,
    case when cardinality(p.specialties) = 0 then 'Specialties' end,
    case when cardinality(p.treatment_approaches) = 0 then 'Treatment approaches' end,
    case when cardinality(p.ages_served) = 0 then 'Ages served' end,
    case when cardinality(p.session_formats) = 0 then 'Session formats' end,
    case when cardinality(p.languages) = 0 then 'Languages' end
  ], null);
$$;
revoke execute on function private.missing_profile_fields(public.public_profiles) from public;

/**
 * Submit Profile: only for a therapist enrolled and active in the program, with every required
 * field filled, by the therapist or an org admin. Sets submitted_at (Application Status:
 * Completed). Security definer because clients have no write grant on submitted_at; it checks
 * the caller itself. A profile never saved is PostgREST's PT409, a 409 (save it first): the
 * P0002 of a missing row would be answered 500.
 */
create function public.submit_public_profile(staff_id uuid)
returns timestamptz
language plpgsql
security definer
set search_path = ''
as $$
declare
  profile public.public_profiles;
  missing text[];
begin
  -- who may, before anything that could tell a stranger about this staff member
  if not private.can_edit_profile(submit_public_profile.staff_id,
       (select s.org_id from public.staff_members s where s.id = submit_public_profile.staff_id)) then
    raise exception 'Only the therapist or an org admin of their clinic can submit this profile.'
      using errcode = '42501', hint = 'not_allowed';
  end if;
  if not exists (select 1 from public.program_enrollments e
                 where e.staff_id = submit_public_profile.staff_id and e.status = 'active') then
    raise exception 'Only therapists enrolled in the Client Referral Program can submit a profile; an admin needs to add the therapist to the program.'
      using errcode = 'P0001', hint = 'not_enrolled';
  end if;
  select * into profile from public.public_profiles p where p.staff_id = submit_public_profile.staff_id for update;
  if profile.staff_id is null then
    raise exception 'Save the profile before submitting it.' using errcode = 'PT409', hint = 'no_profile';
  end if;
  missing := private.missing_profile_fields(profile);
  if cardinality(missing) > 0 then
    raise exception 'Complete these fields before submitting: %.', array_to_string(missing, ', ')
      using errcode = '23514', hint = 'missing_fields', detail = array_to_string(missing, '|');
  end if;
  update public.public_profiles p set submitted_at = coalesce(p.submitted_at, pg_catalog.now())
  where p.staff_id = submit_public_profile.staff_id
  returning p.submitted_at into profile.submitted_at;
  perform private.write_audit(profile.org_id, 'profile.submitted', profile.staff_id, null, jsonb_build_object('submitted_at', profile.submitted_at));
  return profile.submitted_at;
end;
$$;
revoke execute on function public.submit_public_profile(uuid) from public, anon;
grant execute on function public.submit_public_profile(uuid) to authenticated;

/**
 * The profile as the Public Profile tab shows it: the read-only fields joined from the staff
 * record (never copied), the editable fields, and what is still missing.
 */
create view public.public_profile_details with (security_invoker = true) as
select
  s.id as staff_id,
  s.org_id,
  s.first_name,
  s.last_name,
  s.email,
  s.npi,
  s.office_phone,
  s.photo_url,
  l.name as default_location_name,
  l.city as default_location_city,
  l.state as default_location_state,
  e.status as enrollment_status,
  p.professional_title, p.license_type, p.license_state, p.license_number, p.about_me,
  coalesce(p.specialties, '{}') as specialties,
  coalesce(p.treatment_approaches, '{}') as treatment_approaches,
  coalesce(p.ages_served, '{}') as ages_served,
  coalesce(p.session_formats, '{}') as session_formats,
  coalesce(p.languages, '{}') as languages,
  p.education, p.years_in_practice, p.website,
  p.pronouns, p.gender_identity, p.first_session_note,
  p.submitted_at,
  p.updated_at
from public.staff_members s
left join public.locations l on l.org_id = s.org_id and l.id = s.default_location_id
left join public.program_enrollments e on e.staff_id = s.id
left join public.public_profiles p on p.staff_id = s.id
where 'therapist' = any (s.roles);
revoke all on public.public_profile_details from anon;
select private.make_view_read_only('public_profile_details');
