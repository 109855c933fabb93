-- Base schema: organizations (clinics), their locations and staff, and the global payer catalog;
-- the rules every later migration builds on:
--   * what the API roles may do with any relation (no truncate, trigger or references; views
--     are read-only);
--   * time zones of clinics and offices are IANA names of places;
--   * who the caller is: the `private` helpers every policy and RPC decides through.
-- Every table has row-level security from the start; privileged helpers live in `private`,
-- which PostgREST does not expose.

create extension if not exists btree_gist with schema extensions;
create extension if not exists citext with schema extensions;

create schema if not exists private;
revoke all on schema private from public;
-- policies run as the caller, so the API roles need to reach the helpers they call
grant usage on schema private to anon, authenticated, service_role;

-- what the API roles may do with a relation ----------------------------------------------------
-- anon and authenticated never truncate a table, create triggers on one or reference one from a
-- foreign key of their own: the API (PostgREST, the functions) needs none of it. Supabase's
-- default privileges grant them all three on every relation; the role that runs migrations
-- stops granting them here, before any relation exists.
alter default privileges in schema public revoke truncate, references, trigger on tables from anon, authenticated;

-- Views are read-only through the API. Supabase's default privileges grant signed-in users
-- insert/update/delete on every view, and a write to a view that is not automatically updatable
-- fails while Postgres rewrites the query, before any permission check, with SQLSTATE 55000,
-- which PostgREST answers as a 500. So every view in public keeps only select for anon and
-- authenticated and gets an INSTEAD OF trigger: the rewriter then accepts the write, the executor
-- checks permissions first (42501: PostgREST's 401 for anon, 403 for signed-in users), and a
-- role that does hold write grants (service_role) meets the trigger's own 405. (Because of the
-- trigger, Supabase's type generator lists Insert/Update types for these views; PostgREST does
-- route such writes to the view, where they are refused as above.)

/**
 * INSTEAD OF trigger of every view in public: views are read-only, whoever writes. Raises
 * PostgREST's custom SQLSTATE PT405 (HTTP 405) with the view's name; changes go through the
 * tables and functions behind the view.
 */
create function private.refuse_view_write()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception '% is a read-only view: % is not allowed; nothing was changed.', tg_table_name, lower(tg_op)
    using errcode = 'PT405', hint = 'read_only_view';
end;
$$;
revoke execute on function private.refuse_view_write() from public;

/**
 * Makes one view of public read-only for the API: select only for anon and authenticated, and the
 * refusing trigger. Every migration that creates a view calls it; idempotent.
 */
create function private.make_view_read_only(view_name text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  execute format('revoke insert, update, delete, truncate, references, trigger on public.%I from anon, authenticated', view_name);
  execute format('drop trigger if exists refuse_writes on public.%I', view_name);
  execute format(
    'create trigger refuse_writes instead of insert or update or delete on public.%I for each row execute function private.refuse_view_write()',
    view_name);
end;
$$;
revoke execute on function private.make_view_read_only(text) from public;

/** Trigger: keeps `updated_at` current on every update. */
create function private.touch_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := pg_catalog.now();
  return new;
end;
$$;
revoke execute on function private.touch_updated_at() from public;

-- time zones are places ---------------------------------------------------------------------------
-- A clinic's and an office's time zone must be the IANA name of a place (Area/Location, e.g.
-- America/New_York), spelled as the time zone database spells it. Abbreviations and POSIX rules
-- (`EST`, `MST`, `HST`, `EST5EDT`) are fixed offsets that ignore daylight saving time, so every
-- slot would be an hour off for half the year; `GMT`, `Etc/GMT+5` and backward links such as
-- `US/Eastern` or `Cuba` are refused too, and so is a spelling Postgres would accept only because
-- it reads zone names case-insensitively (`america/new_york`). `UTC` is refused: organizations
-- and locations are clinics and offices, and no office keeps UTC on its wall (times are stored as
-- timestamptz; UTC is only ever a display choice of a viewer).
--
-- The CHECK constraints call private.is_valid_time_zone (a backstop for any writer); a trigger on
-- both tables refuses first with a message that names the field and what to do, so the API
-- answers 400 (SQLSTATE 23514) with a useful sentence instead of the constraint's name.

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
create function private.is_valid_time_zone(zone text)
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

create type public.staff_role as enum ('org_admin', 'therapist', 'scheduler');

-- organizations --------------------------------------------------------------------------------
create table public.organizations (
  id uuid primary key default extensions.gen_random_uuid(),
  name text not null check (char_length(btrim(name)) between 1 and 200),
  -- the clinic's public request page lives at /request/<slug>
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 63),
  time_zone text not null check (private.is_valid_time_zone(time_zone)),
  referral_program_enabled boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- booking settings: the open slots a clinic offers (20261128000500_availability.sql)
  session_length_minutes integer not null default 60 check (session_length_minutes between 15 and 240),
  min_notice_hours integer not null default 24 check (min_notice_hours between 0 and 336),
  booking_horizon_days integer not null default 60 check (booking_horizon_days between 1 and 365)
);
alter table public.organizations enable row level security;
create trigger organizations_touch_updated_at before update on public.organizations
  for each row execute function private.touch_updated_at();
create trigger organizations_time_zone_is_a_place before insert or update of time_zone on public.organizations
  for each row execute function private.refuse_invalid_time_zone();
comment on column public.organizations.referral_program_enabled is
  'The Client Referral Program is not available to every clinic; this flag turns it on.';

-- locations ------------------------------------------------------------------------------------
create table public.locations (
  id uuid primary key default extensions.gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 200),
  address_line text not null check (char_length(address_line) between 1 and 200),
  city text not null check (char_length(btrim(city)) between 1 and 100),
  state text not null check (state ~ '^[A-Z]{2}$'),
  postal_code text not null check (postal_code ~ '^[0-9]{5}(-[0-9]{4})?$'),
  time_zone text not null check (private.is_valid_time_zone(time_zone)),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, name),
  -- lets staff_members reference a location of the same organization only
  unique (org_id, id)
);
alter table public.locations enable row level security;
create trigger locations_touch_updated_at before update on public.locations
  for each row execute function private.touch_updated_at();
create trigger locations_time_zone_is_a_place before insert or update of time_zone on public.locations
  for each row execute function private.refuse_invalid_time_zone();

-- staff members --------------------------------------------------------------------------------
create table public.staff_members (
  id uuid primary key default extensions.gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid references auth.users (id) on delete set null,
  first_name text not null check (char_length(btrim(first_name)) between 1 and 100),
  last_name text not null check (char_length(btrim(last_name)) between 1 and 100),
  email extensions.citext not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(email) <= 254),
  npi text check (npi ~ '^[0-9]{10}$'),
  office_phone text check (office_phone ~ '^\+?[0-9 ().-]{7,20}$'),
  default_location_id uuid,
  photo_url text check (photo_url ~ '^https://' and char_length(photo_url) <= 2048),
  roles public.staff_role[] not null check (cardinality(roles) between 1 and 3),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- "last, first" in lower case, for the program grid's name search: under row-level security a
  -- search cannot use an index (ILIKE is not leakproof), so every row of the clinic is tested,
  -- and a plain LIKE on this costs a fraction of two ILIKEs (20261128000900_program_grid.sql)
  search_name text generated always as (lower(last_name || ', ' || first_name)) stored,
  unique (org_id, email),
  unique (org_id, user_id),
  unique (org_id, id),
  foreign key (org_id, default_location_id) references public.locations (org_id, id)
);
alter table public.staff_members enable row level security;
create index staff_members_user_id_idx on public.staff_members (user_id);
create index staff_members_default_location_idx on public.staff_members (org_id, default_location_id);
create index staff_members_org_name_idx on public.staff_members (org_id, last_name, first_name);
create trigger staff_members_touch_updated_at before update on public.staff_members
  for each row execute function private.touch_updated_at();

-- payers (global catalog) ----------------------------------------------------------------------
create table public.payers (
  id uuid primary key default extensions.gen_random_uuid(),
  name text not null unique check (char_length(btrim(name)) between 1 and 200),
  created_at timestamptz not null default now()
);
alter table public.payers enable row level security;

-- who the caller is ------------------------------------------------------------------------------
-- Every row-level policy and every RPC decides through these helpers. They are security definer
-- so policies on staff_members can read staff_members without recursing into their own policy;
-- each returns only facts about the calling user.
--
-- Access ends at once on sign-out or removal, not when the access token expires (an hour): each
-- helper starts from private.live_user_id(), the token's user only while the token's
-- `session_id` names a session that still exists (Auth deletes it on sign-out: scope local, this
-- session; global, all of the user's). A token without `session_id` (anon, service role, a
-- hand-made token) is no staff session. Each helper also requires an active staff record and the
-- role the access comes from: "a therapist's own" requests, appointments, decisions and
-- availability come from my_therapist_ids(), so a staff member whose therapist role was removed
-- loses them at once, while their other roles keep what those give.
--
-- They are PL/pgSQL, not SQL: a SQL function with SET is never inlined and is parsed and planned
-- again on every call (about 0.3 ms each, and a grid or queue query calls several, one per
-- policy it meets), while PL/pgSQL keeps the plan for the session (a few microseconds). The
-- session check is one primary-key probe of auth.sessions per helper call, and a policy calls
-- each helper once per statement.

/**
 * The calling user's id while the token's session is live: the `session_id` claim names a row of
 * auth.sessions that belongs to the token's user and has not passed `not_after`. Null for a
 * signed-out session, a token without a session (anon, service role), or no token at all.
 */
create function private.live_user_id()
returns uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  claims jsonb := auth.jwt();
  session_text text := claims ->> 'session_id';
begin
  -- tokens are signed, so this is always a uuid; the pattern keeps a cast error out of a policy
  if session_text is null
     or session_text !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return null;
  end if;
  -- the claims are parsed once here (auth.uid() would parse them again)
  return (
    select s.user_id from auth.sessions s
    where s.id = session_text::uuid
      and s.user_id = (claims ->> 'sub')::uuid
      and (s.not_after is null or s.not_after > pg_catalog.now()));
end;
$$;

/** Organizations where the calling user (live session) is an active staff member. */
create function private.member_org_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
  select s.org_id from public.staff_members s where s.user_id = (select private.live_user_id()) and s.is_active;
end;
$$;

/** Organizations where the calling user (live session) is an active staff member holding `wanted`. */
create function private.org_ids_with_role(wanted public.staff_role)
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
  select s.org_id from public.staff_members s
  where s.user_id = (select private.live_user_id()) and s.is_active and wanted = any (s.roles);
end;
$$;

/** True when the calling user is an active staff member of `org`. */
create function private.is_org_member(org uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (select 1 from private.member_org_ids() m where m = org);
end;
$$;

/** True when the calling user is an active staff member of `org` holding `wanted`. */
create function private.has_role(org uuid, wanted public.staff_role)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (select 1 from private.org_ids_with_role(wanted) m where m = org);
end;
$$;

/** The calling user's (live session) active staff records, one per clinic. */
create function private.my_staff_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
  select s.id from public.staff_members s where s.user_id = (select private.live_user_id()) and s.is_active;
end;
$$;

/** The calling user's (live session) active staff records that hold the therapist role. */
create function private.my_therapist_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
  select s.id from public.staff_members s
  where s.user_id = (select private.live_user_id()) and s.is_active and 'therapist' = any (s.roles);
end;
$$;

/** Organizations where the calling user (live session) is an active org admin or scheduler. */
create function private.program_viewer_org_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
  select s.org_id from public.staff_members s
  where s.user_id = (select private.live_user_id()) and s.is_active and s.roles && '{org_admin,scheduler}'::public.staff_role[];
end;
$$;

/** The calling user's active staff record in `org` (live session), or null (the platform, or not a member). */
create function private.my_staff_id(org uuid)
returns uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return (select s.id from public.staff_members s
          where s.org_id = org and s.user_id = (select private.live_user_id()) and s.is_active);
end;
$$;

do $$
declare
  fn text;
begin
  foreach fn in array array[
    'private.live_user_id()', 'private.member_org_ids()', 'private.org_ids_with_role(public.staff_role)',
    'private.is_org_member(uuid)', 'private.has_role(uuid, public.staff_role)', 'private.my_staff_ids()',
    'private.my_therapist_ids()', 'private.program_viewer_org_ids()', 'private.my_staff_id(uuid)'
  ] loop
    execute format('revoke execute on function %s from public', fn);
    execute format('grant execute on function %s to authenticated, service_role', fn);
  end loop;
end;
$$;

-- policies -------------------------------------------------------------------------------------
create policy "Staff can read their own organizations"
  on public.organizations for select to authenticated
  using (id in (select private.member_org_ids()));

create policy "Staff can read their organization's locations"
  on public.locations for select to authenticated
  using (org_id in (select private.member_org_ids()));
create policy "Org admins can add locations"
  on public.locations for insert to authenticated
  with check (org_id in (select private.org_ids_with_role('org_admin')));
create policy "Org admins can edit locations"
  on public.locations for update to authenticated
  using (org_id in (select private.org_ids_with_role('org_admin')))
  with check (org_id in (select private.org_ids_with_role('org_admin')));
create policy "Org admins can remove locations"
  on public.locations for delete to authenticated
  using (org_id in (select private.org_ids_with_role('org_admin')));

-- a staff member whose account is deactivated still reads their own row, so the app can say why
create policy "Staff can read their organization's staff and their own record"
  on public.staff_members for select to authenticated
  using (org_id in (select private.member_org_ids()) or user_id = (select private.live_user_id()));
create policy "Org admins can add staff"
  on public.staff_members for insert to authenticated
  with check (org_id in (select private.org_ids_with_role('org_admin')));
create policy "Org admins can edit staff"
  on public.staff_members for update to authenticated
  using (org_id in (select private.org_ids_with_role('org_admin')))
  with check (org_id in (select private.org_ids_with_role('org_admin')));

create policy "Signed-in staff can read the payer catalog"
  on public.payers for select to authenticated
  using (true);

-- Staff rows are never deleted (history points at them); they are deactivated instead.
revoke delete on public.staff_members from anon, authenticated;
-- Organizations and the payer catalog are managed by the platform, not through the API.
revoke insert, update, delete on public.organizations from anon, authenticated;
revoke insert, update, delete on public.payers from anon, authenticated;
-- anon reads nothing here; the public request page goes through functions of its own
revoke all on public.organizations, public.locations, public.staff_members, public.payers from anon;

-- Column rules: the account link (user_id) and the organization of a staff record are set by the
-- platform's invite flow, never by a client.
revoke insert, update on public.staff_members from authenticated;
grant insert (org_id, first_name, last_name, email, npi, office_phone, default_location_id, photo_url, roles, is_active)
  on public.staff_members to authenticated;
grant update (first_name, last_name, email, npi, office_phone, default_location_id, photo_url, roles, is_active)
  on public.staff_members to authenticated;
-- created_at and updated_at of a location are the server's: only the columns a form writes are
-- granted, so a write that sets them is refused (42501) and the server's default stands
revoke insert, update on public.locations from authenticated;
grant insert (org_id, name, address_line, city, state, postal_code, time_zone) on public.locations to authenticated;
grant update (name, address_line, city, state, postal_code, time_zone) on public.locations to authenticated;

-- the signed-in user's memberships ---------------------------------------------------------------

/**
 * The calling user's active staff memberships with what the app shell needs about each clinic;
 * none for a signed-out session. Security invoker: it reads through the same policies as a
 * direct select.
 */
create function public.my_memberships()
returns table (
  staff_id uuid,
  org_id uuid,
  org_name text,
  org_time_zone text,
  referral_program_enabled boolean,
  first_name text,
  last_name text,
  roles public.staff_role[]
)
language sql
stable
security invoker
set search_path = ''
as $$
  select s.id, o.id, o.name, o.time_zone, o.referral_program_enabled, s.first_name, s.last_name, s.roles
  from public.staff_members s
  join public.organizations o on o.id = s.org_id
  where s.user_id = (select private.live_user_id()) and s.is_active
  order by o.name;
$$;
revoke execute on function public.my_memberships() from public, anon;
grant execute on function public.my_memberships() to authenticated;
