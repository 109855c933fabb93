-- Base schema: organizations (clinics), their locations and staff, and the global payer catalog.
-- Every table has row-level security from the start; privileged helpers live in `private`,
-- which PostgREST does not expose.

create extension if not exists btree_gist with schema extensions;
create extension if not exists citext with schema extensions;

create schema if not exists private;
revoke all on schema private from public;
-- policies run as the caller, so the API roles need to reach the helpers they call
grant usage on schema private to anon, authenticated, service_role;

create type public.staff_role as enum ('org_admin', 'therapist', 'scheduler');

/**
 * True when `zone` is an IANA time zone name Postgres knows (e.g. America/New_York). Converting
 * a time is how Postgres itself checks a zone, and it is fast; pg_timezone_names reads the
 * zone files on every call. The pattern refuses abbreviations and POSIX offsets ("EST", "UTC+5").
 */
create function private.is_valid_time_zone(zone text)
returns boolean
language plpgsql
stable
set search_path = ''
as $$
begin
  if zone !~ '^[A-Za-z]+(/[A-Za-z0-9_+-]+)*$' and zone <> 'UTC' then
    return false;
  end if;
  perform pg_catalog.now() at time zone zone;
  return true;
exception
  when invalid_parameter_value then
    return false;
end;
$$;
revoke execute on function private.is_valid_time_zone(text) from public;
grant execute on function private.is_valid_time_zone(text) to anon, authenticated, service_role;

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

-- organizations --------------------------------------------------------------------------------
create table public.organizations (
  id uuid primary key default extensions.gen_random_uuid(),
  name text not null check (char_length(btrim(name)) between 1 and 200),
  -- the clinic's public request page lives at /request/<slug>
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 63),
  time_zone text not null check (private.is_valid_time_zone(time_zone)),
  referral_program_enabled boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.organizations enable row level security;
create trigger organizations_touch_updated_at before update on public.organizations
  for each row execute function private.touch_updated_at();
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

-- membership helpers ---------------------------------------------------------------------------
-- security definer so policies on staff_members can read staff_members without recursing into
-- their own policy; each returns only facts about the calling user.

/** Organizations the calling user is an active staff member of. */
create function private.member_org_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select s.org_id
  from public.staff_members s
  where s.user_id = (select auth.uid()) and s.is_active;
$$;

/** Organizations where the calling user is an active staff member holding `wanted`. */
create function private.org_ids_with_role(wanted public.staff_role)
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select s.org_id
  from public.staff_members s
  where s.user_id = (select auth.uid()) and s.is_active and wanted = any (s.roles);
$$;

/** True when the calling user is an active staff member of `org`. */
create function private.is_org_member(org uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from private.member_org_ids() m where m = org);
$$;

/** True when the calling user is an active staff member of `org` holding `wanted`. */
create function private.has_role(org uuid, wanted public.staff_role)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from private.org_ids_with_role(wanted) m where m = org);
$$;

revoke execute on function private.member_org_ids() from public;
revoke execute on function private.org_ids_with_role(public.staff_role) from public;
revoke execute on function private.is_org_member(uuid) from public;
revoke execute on function private.has_role(uuid, public.staff_role) from public;
grant execute on function private.member_org_ids() to authenticated, service_role;
grant execute on function private.org_ids_with_role(public.staff_role) to authenticated, service_role;
grant execute on function private.is_org_member(uuid) to authenticated, service_role;
grant execute on function private.has_role(uuid, public.staff_role) to authenticated, service_role;

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
  using (org_id in (select private.member_org_ids()) or user_id = (select auth.uid()));
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

-- the signed-in user's memberships ---------------------------------------------------------------

/**
 * The calling user's active staff memberships with what the app shell needs about each clinic.
 * Security invoker: it reads through the same policies as a direct select.
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
  where s.user_id = (select auth.uid()) and s.is_active
  order by o.name;
$$;
revoke execute on function public.my_memberships() from public, anon;
grant execute on function public.my_memberships() to authenticated;
