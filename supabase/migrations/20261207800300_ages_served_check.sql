-- A therapist's *ages served* is checked against the client's date of birth before a client-portal
-- request is made: a 14-year-old could request an adults-only therapist. The age is counted in
-- whole years on today's date in the clinic's time zone; the groups are the profile vocabulary's
-- (children under 13, adolescents 13-17, young adults 18-25, adults 26-64, older adults 65+).
-- Anyone under 18 needs a parent or guardian to make the request.

/** The profile vocabulary's age group of an age in whole years. */
create function private.age_group_of(age_years integer)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when age_years < 13 then 'children'
    when age_years < 18 then 'adolescents'
    when age_years < 26 then 'young_adults'
    when age_years < 65 then 'adults'
    else 'older_adults'
  end;
$$;
revoke execute on function private.age_group_of(integer) from public;

/** How the request page names an age group in a sentence. */
create function private.age_group_words(age_group text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case age_group
    when 'children' then 'children (under 13)'
    when 'adolescents' then 'adolescents (13–17)'
    when 'young_adults' then 'young adults (18–25)'
    when 'adults' then 'adults (26–64)'
    when 'older_adults' then 'older adults (65+)'
  end;
$$;
revoke execute on function private.age_group_words(text) from public;

/**
 * Refuses a client-portal request whose client the therapist does not see, or a minor's made
 * without a parent or guardian: SQLSTATE P0001 with hint `outside_ages_served` or
 * `guardian_required`, detail `date_of_birth`, and a message that says what to do.
 */
create function private.refuse_outside_ages_served(therapist uuid, date_of_birth date, by_guardian boolean)
returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  t record;
  age_years integer;
  served text;
begin
  select s.first_name, s.last_name, p.ages_served, o.time_zone into t
  from public.staff_members s
  join public.public_profiles p on p.staff_id = s.id
  join public.organizations o on o.id = s.org_id
  where s.id = therapist;
  age_years := extract(year from age((pg_catalog.now() at time zone t.time_zone)::date, date_of_birth))::integer;
  if not (private.age_group_of(age_years) = any (t.ages_served)) then
    select string_agg(private.age_group_words(g), ', ' order by array_position(private.profile_vocabulary('age_group'), g))
      into served from unnest(t.ages_served) g;
    raise exception '% sees % only. Choose a therapist who sees clients of this age%.', t.first_name || ' ' || t.last_name, served,
      case when age_years < 18 then '; for anyone under 18, a parent or guardian makes the request' else '' end
      using errcode = 'P0001', hint = 'outside_ages_served', detail = 'date_of_birth';
  end if;
  if age_years < 18 and not coalesce(by_guardian, false) then
    raise exception 'A parent or guardian must make the request for anyone under 18. If you are the client''s parent or guardian, say so on the form and send it again.'
      using errcode = 'P0001', hint = 'guardian_required', detail = 'date_of_birth';
  end if;
end;
$$;
revoke execute on function private.refuse_outside_ages_served(uuid, date, boolean) from public;
grant execute on function private.refuse_outside_ages_served(uuid, date, boolean) to service_role;
grant execute on function private.age_group_of(integer) to service_role;
grant execute on function private.age_group_words(text) to service_role;
