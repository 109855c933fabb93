-- The set-returning helpers behind the policies ("my clinics", "my staff records") were SQL
-- functions. A SQL function with SET is never inlined and is parsed and planned again on every
-- call: about 0.3 ms each, and a grid or queue query calls several (one per policy it meets).
-- PL/pgSQL keeps the plan for the session, so the same answer costs a few microseconds. Bodies
-- and results are unchanged.

/** Organizations where the calling user is an active staff member. */
create or replace function private.member_org_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
  select s.org_id from public.staff_members s where s.user_id = (select auth.uid()) and s.is_active;
end;
$$;

/** Organizations where the calling user is an active staff member holding `wanted`. */
create or replace function private.org_ids_with_role(wanted public.staff_role)
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
  select s.org_id from public.staff_members s where s.user_id = (select auth.uid()) and s.is_active and wanted = any (s.roles);
end;
$$;

/** The calling user's active staff records (one per clinic). */
create or replace function private.my_staff_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
  select s.id from public.staff_members s where s.user_id = (select auth.uid()) and s.is_active;
end;
$$;

/** Organizations where the calling user is an org admin or a scheduler (they see the whole program). */
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
  where s.user_id = (select auth.uid()) and s.is_active and s.roles && '{org_admin,scheduler}'::public.staff_role[];
end;
$$;

/** True when the calling user is an active staff member of `org`. */
create or replace function private.is_org_member(org uuid)
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
create or replace function private.has_role(org uuid, wanted public.staff_role)
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

/** The calling user's staff record in `org`, or null (the platform, or not a member). */
create or replace function private.my_staff_id(org uuid)
returns uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return (select s.id from public.staff_members s where s.org_id = org and s.user_id = (select auth.uid()));
end;
$$;

/** Therapists write their own profile; org admins write any profile of their clinic's therapists. */
create or replace function private.can_edit_profile(profile_staff_id uuid, profile_org_id uuid)
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

/** Staff members whose availability the calling user manages: their own, or anyone's as org admin. */
create or replace function private.can_manage_availability(block_org uuid, block_staff uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return block_staff in (select private.my_staff_ids())
      or block_org in (select private.org_ids_with_role('org_admin'));
end;
$$;

-- the decision path: each confirm or decline calls all of these once ------------------------------

/** Who may decide a request: the org's admins and schedulers, and the therapist it is for. */
create or replace function private.can_decide_request(r public.referral_requests)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return r.org_id in (select private.program_viewer_org_ids()) or r.therapist_id in (select private.my_staff_ids());
end;
$$;

/** What a client's email about a request may say: the practice, the time and its zone. */
create or replace function private.request_email_payload(r public.referral_requests)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return (
    select jsonb_build_object(
      'practice_name', o.name,
      'starts_at', lower(r.slot),
      'time_zone', coalesce(l.time_zone, o.time_zone))
    from public.organizations o
    left join public.locations l on l.org_id = r.org_id and l.id = r.location_id
    where o.id = r.org_id);
end;
$$;

/** Appends one entry to the audit log on behalf of the calling user. */
create or replace function private.write_audit(org uuid, action text, entity_id uuid, before jsonb, after jsonb)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.audit_log (org_id, actor_user_id, actor_staff_id, action, entity_id, before, after)
  values (org, (select auth.uid()), private.my_staff_id(org), action, entity_id, before, after);
end;
$$;

/** Queues one email; a second call with the same idempotency key does nothing. */
create or replace function private.queue_notification(
  org uuid,
  template public.notification_template,
  recipient text,
  payload jsonb,
  idempotency_key text
)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.notification_outbox (org_id, template, recipient, payload, idempotency_key)
  values (org, template, recipient, payload, idempotency_key)
  on conflict on constraint notification_outbox_idempotency_key_key do nothing;
end;
$$;
