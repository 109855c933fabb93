-- Signing out or removing a staff member ends their access at once, not when the token expires.
--
-- An access token stays valid until `exp` (an hour), whatever happens to its session. Auth
-- deletes the session row on sign-out (scope local: this session; global: all of the user's),
-- so every policy helper now starts from `private.live_user_id()`: the token's user while the
-- token's `session_id` names a session that still exists (and is within its `not_after`), null
-- otherwise. A token without `session_id` (anon, service role, a hand-made token) is no staff
-- session. Each helper below is rewritten from 20261128001000_policy_helpers_keep_plans.sql
-- with `private.live_user_id()` in place of `auth.uid()`, still PL/pgSQL so its plan stays
-- cached for the connection (the reason is in that migration's header); the session check is
-- one primary-key probe of auth.sessions per helper call, and a policy calls each helper once
-- per statement.
--
-- Removal: every helper also requires the staff record to be active (my_staff_id did not) and
-- the role the access comes from. "A therapist's own" requests, appointments, decisions and
-- availability now come from `private.my_therapist_ids()`, so a staff member whose therapist
-- role was removed loses them at once; their other roles keep what those give.

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
revoke execute on function private.live_user_id() from public;
grant execute on function private.live_user_id() to authenticated, service_role;

/** Organizations where the calling user (live session) is an active staff member. */
create or replace function private.member_org_ids()
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
create or replace function private.org_ids_with_role(wanted public.staff_role)
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

/** The calling user's (live session) active staff records, one per clinic. */
create or replace function private.my_staff_ids()
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
revoke execute on function private.my_therapist_ids() from public;
grant execute on function private.my_therapist_ids() to authenticated, service_role;

/** Organizations where the calling user (live session) is an active org admin or scheduler. */
create or replace function private.program_viewer_org_ids()
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
create or replace function private.my_staff_id(org uuid)
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

/** Availability the calling user manages: their own as a therapist, or anyone's as org admin. */
create or replace function private.can_manage_availability(block_org uuid, block_staff uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return block_staff in (select private.my_therapist_ids())
      or block_org in (select private.org_ids_with_role('org_admin'));
end;
$$;

/** Who may decide a request: the org's admins and schedulers, and the therapist it is for (while one). */
create or replace function private.can_decide_request(r public.referral_requests)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return r.org_id in (select private.program_viewer_org_ids()) or r.therapist_id in (select private.my_therapist_ids());
end;
$$;

-- policies that read the caller's id directly, or a therapist's own rows ----------------------------

drop policy "Staff can read their organization's staff and their own record" on public.staff_members;
-- a staff member whose account is deactivated still reads their own row, so the app can say why
create policy "Staff can read their organization's staff and their own record"
  on public.staff_members for select to authenticated
  using (org_id in (select private.member_org_ids()) or user_id = (select private.live_user_id()));

drop policy "Admins and schedulers read the clinic's appointments; therapists their own" on public.appointments;
create policy "Admins and schedulers read the clinic's appointments; therapists their own"
  on public.appointments for select to authenticated
  using (org_id in (select private.program_viewer_org_ids()) or staff_id in (select private.my_therapist_ids()));

-- still only requests the client confirmed by email (20261207001200_unverified_holds.sql)
drop policy "Admins and schedulers read the clinic's email-confirmed requests; therapists their own" on public.referral_requests;
create policy "Admins and schedulers read the clinic's email-confirmed requests; therapists their own"
  on public.referral_requests for select to authenticated
  using (status <> 'unverified'
         and (org_id in (select private.program_viewer_org_ids()) or therapist_id in (select private.my_therapist_ids())));

/**
 * The calling user's active staff memberships with what the app shell needs about each clinic.
 * Rewritten from the base schema so a signed-out session gets none (it read `auth.uid()`);
 * security invoker: it reads through the same policies as a direct select.
 */
create or replace function public.my_memberships()
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
