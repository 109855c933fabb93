-- A clinic's and an office's time zone must be the IANA name of a place (Area/Location, e.g.
-- America/New_York), spelled as the time zone database spells it.
--
-- private.is_valid_time_zone is rewritten (from 20261128000100_base_schema.sql) because its
-- comment promised to refuse abbreviations but its pattern let through every name made of
-- letters: `EST`, `MST`, `HST` (fixed offsets that ignore daylight saving time, so every slot
-- would be an hour off for half the year), `GMT`, `UTC`, `Etc/GMT+5`, and backward links such as
-- `US/Eastern` or `Cuba`. Postgres also reads zone names case-insensitively, so `america/new_york`
-- passed and was shown as typed. Now only names of the form Area/Location (the areas of the time
-- zone database: Africa, America, Antarctica, Arctic, Asia, Atlantic, Australia, Europe, Indian,
-- Pacific) that Postgres lists in pg_timezone_names with exactly that spelling are accepted.
--
-- `UTC` is refused too: organizations and locations are clinics and offices, and no office keeps
-- UTC on its wall; a clinic set to UTC would show every appointment at the wrong local time, the
-- same fault as EST. Nothing in the product needs UTC as a stored zone (times are stored as
-- timestamptz; UTC is only ever a display choice of a viewer).
--
-- The CHECK constraints keep calling the function (a backstop for any writer); a trigger on both
-- tables refuses first with a message that names the field and what to do, so the API answers
-- 400 (SQLSTATE 23514) with a useful sentence instead of the constraint's name.
--
-- Existing rows: zones the old rule let through are converted where the meaning is certain (the
-- US zone abbreviations and POSIX rules to the place whose clock they describe, e.g. HST is
-- Hawaii's, which has no daylight saving time; MST without DST is Arizona's). A row that still
-- does not pass keeps its value and is listed in a NOTICE; the constraints are then added NOT
-- VALID so the migration does not fail, and such a row can be changed only by choosing a zone.

-- The place names Postgres knows, read once here: pg_timezone_names reads every zone file on each
-- call (about 20 ms), too slow for a check on every write (the bench seeds 1,000 rows). A name
-- missing here (a zone added by a later time zone database) is looked up in pg_timezone_names.
create table private.time_zone_names (name text primary key);
insert into private.time_zone_names (name)
select n.name from pg_catalog.pg_timezone_names n
where n.name ~ '^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Z][A-Za-z0-9_+-]*(/[A-Z][A-Za-z0-9_+-]*)?$';
alter table private.time_zone_names enable row level security;
-- read only through is_valid_time_zone (security definer), whoever writes the row being checked
revoke all on private.time_zone_names from public, anon, authenticated, service_role;

/**
 * True when `zone` is the IANA name of a place, Area/Location (e.g. America/New_York), spelled as
 * pg_timezone_names lists it. Abbreviations (EST), fixed offsets (Etc/GMT+5, +05:00, UTC), POSIX
 * rules (EST5EDT) and backward links outside the areas (US/Eastern) are refused. The pattern
 * runs first; then the table of names read at migration time, then (rarely) Postgres' own list.
 */
create or replace function private.is_valid_time_zone(zone text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if zone is null then
    return null;
  end if;
  if zone !~ '^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Z][A-Za-z0-9_+-]*(/[A-Z][A-Za-z0-9_+-]*)?$' then
    return false;
  end if;
  if exists (select 1 from private.time_zone_names t where t.name = zone) then
    return true;
  end if;
  return exists (select 1 from pg_catalog.pg_timezone_names n where n.name = zone);
end;
$$;
revoke execute on function private.is_valid_time_zone(text) from public;
grant execute on function private.is_valid_time_zone(text) to anon, authenticated, service_role;

/** Trigger: refuses a time zone that is not an IANA place name, naming the field and what to do. */
create function private.refuse_invalid_time_zone()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not coalesce(private.is_valid_time_zone(new.time_zone), false) then
    raise exception 'time_zone must be the IANA name of a place, such as America/New_York; abbreviations and fixed offsets (EST, UTC, Etc/GMT+5, +05:00) ignore daylight saving time.'
      using errcode = '23514', hint = 'invalid_time_zone', detail = 'time_zone',
            column = 'time_zone', table = tg_table_name;
  end if;
  return new;
end;
$$;
revoke execute on function private.refuse_invalid_time_zone() from public;

create trigger organizations_time_zone_is_a_place before insert or update of time_zone on public.organizations
  for each row execute function private.refuse_invalid_time_zone();
create trigger locations_time_zone_is_a_place before insert or update of time_zone on public.locations
  for each row execute function private.refuse_invalid_time_zone();

-- existing rows ------------------------------------------------------------------------------------
update public.organizations o set time_zone = c.new_zone
from (values
    ('EST', 'America/New_York'), ('EST5EDT', 'America/New_York'), ('US/Eastern', 'America/New_York'),
    ('CST6CDT', 'America/Chicago'), ('US/Central', 'America/Chicago'),
    ('MST', 'America/Phoenix'), ('US/Arizona', 'America/Phoenix'),
    ('MST7MDT', 'America/Denver'), ('US/Mountain', 'America/Denver'),
    ('PST8PDT', 'America/Los_Angeles'), ('US/Pacific', 'America/Los_Angeles'),
    ('HST', 'Pacific/Honolulu'), ('US/Hawaii', 'Pacific/Honolulu'),
    ('US/Alaska', 'America/Anchorage')) as c (old_zone, new_zone)
where o.time_zone = c.old_zone;
update public.locations l set time_zone = c.new_zone
from (values
    ('EST', 'America/New_York'), ('EST5EDT', 'America/New_York'), ('US/Eastern', 'America/New_York'),
    ('CST6CDT', 'America/Chicago'), ('US/Central', 'America/Chicago'),
    ('MST', 'America/Phoenix'), ('US/Arizona', 'America/Phoenix'),
    ('MST7MDT', 'America/Denver'), ('US/Mountain', 'America/Denver'),
    ('PST8PDT', 'America/Los_Angeles'), ('US/Pacific', 'America/Los_Angeles'),
    ('HST', 'Pacific/Honolulu'), ('US/Hawaii', 'Pacific/Honolulu'),
    ('US/Alaska', 'America/Anchorage')) as c (old_zone, new_zone)
where l.time_zone = c.old_zone;

-- the constraints now mean the new rule; validated at once unless a row above could not be converted
alter table public.organizations drop constraint organizations_time_zone_check;
alter table public.organizations add constraint organizations_time_zone_check check (private.is_valid_time_zone(time_zone)) not valid;
alter table public.locations drop constraint locations_time_zone_check;
alter table public.locations add constraint locations_time_zone_check check (private.is_valid_time_zone(time_zone)) not valid;

do $$
declare
  leftover text;
begin
  select string_agg(format('%s %s (%s)', t, id, time_zone), ', ') into leftover from (
    select 'organization' as t, id, time_zone from public.organizations where not private.is_valid_time_zone(time_zone)
    union all
    select 'location', id, time_zone from public.locations where not private.is_valid_time_zone(time_zone)
  ) bad;
  if leftover is not null then
    raise notice 'These rows keep a time zone that is not an IANA place name; choose one for each: %', leftover;
  else
    alter table public.organizations validate constraint organizations_time_zone_check;
    alter table public.locations validate constraint locations_time_zone_check;
  end if;
end;
$$;
