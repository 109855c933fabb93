-- Client Referral Program enrollments: which therapists a clinic enrols, and which payers may
-- refer clients to each. Rules from the product hold here, not only in the UI:
--   * only clinics with the program enabled enrol, and only their active therapists;
--   * one enrollment per staff member, ever: deactivation is permanent, never undone;
--   * at least one payer per active enrollment;
--   * an enrollment can be deleted only while its application is Incomplete.
-- Application Status is derived from public_profiles.submitted_at
-- (20261128000400_public_profile_fields.sql); the grid is 20261128000900_program_grid.sql.

create type public.enrollment_status as enum ('active', 'deactivated');

create table public.program_enrollments (
  id uuid primary key default extensions.gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  -- unique: a staff member is enrolled once, ever (a deactivated one can never be added again)
  staff_id uuid not null unique,
  status public.enrollment_status not null default 'active',
  enrolled_at timestamptz not null default now(),
  enrolled_by uuid,
  deactivated_at timestamptz,
  deactivated_by uuid,
  foreign key (org_id, staff_id) references public.staff_members (org_id, id) on delete cascade,
  unique (org_id, id),
  check ((status = 'deactivated') = (deactivated_at is not null))
);
alter table public.program_enrollments enable row level security;
create index program_enrollments_org_status_idx on public.program_enrollments (org_id, status);

create table public.enrollment_payers (
  enrollment_id uuid not null,
  payer_id uuid not null references public.payers (id) on delete restrict,
  org_id uuid not null,
  added_at timestamptz not null default now(),
  primary key (enrollment_id, payer_id),
  foreign key (org_id, enrollment_id) references public.program_enrollments (org_id, id) on delete cascade
);
alter table public.enrollment_payers enable row level security;
create index enrollment_payers_payer_idx on public.enrollment_payers (payer_id, enrollment_id);
create index enrollment_payers_org_enrollment_idx on public.enrollment_payers (org_id, enrollment_id);

-- helpers ----------------------------------------------------------------------------------------

/** The enrollment as the audit log records it: the row plus its payer ids. */
create function private.enrollment_snapshot(e public.program_enrollments)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select pg_catalog.to_jsonb(e) || jsonb_build_object('payer_ids', coalesce(
    (select jsonb_agg(ep.payer_id order by ep.payer_id) from public.enrollment_payers ep where ep.enrollment_id = e.id),
    '[]'::jsonb));
$$;
revoke execute on function private.enrollment_snapshot(public.program_enrollments) from public;

-- enrollment rules -------------------------------------------------------------------------------

/** Before insert: the program must be on, the staff member an active therapist; server-set fields. */
create function private.enrollment_before_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  staff public.staff_members;
begin
  -- refuse non-admins before any rule below could tell them something about the staff member
  if (select auth.uid()) is not null and not private.has_role(new.org_id, 'org_admin') then
    raise exception 'Only org admins can add staff to the Client Referral Program.'
      using errcode = '42501', hint = 'not_allowed';
  end if;
  if not exists (select 1 from public.organizations o where o.id = new.org_id and o.referral_program_enabled) then
    raise exception 'The Client Referral Program is not available to this organization.'
      using errcode = 'P0001', hint = 'program_not_enabled';
  end if;
  select * into staff from public.staff_members s where s.id = new.staff_id and s.org_id = new.org_id;
  if staff.id is null or not staff.is_active or not ('therapist' = any (staff.roles)) then
    raise exception 'Only active therapists of this organization can be added to the program.'
      using errcode = 'P0001', hint = 'not_an_active_therapist';
  end if;
  if exists (select 1 from public.program_enrollments e where e.staff_id = new.staff_id) then
    raise exception '% % was already enrolled; a deactivated therapist can never be added again.', staff.first_name, staff.last_name
      using errcode = '23505', hint = 'already_enrolled';
  end if;
  new.status := 'active';
  new.enrolled_at := pg_catalog.now();
  new.enrolled_by := (select auth.uid());
  new.deactivated_at := null;
  new.deactivated_by := null;
  return new;
end;
$$;

/** Before update: the only change is active → deactivated, once; deactivated is final. */
create function private.enrollment_before_update()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.status = 'deactivated' then
    raise exception 'This therapist was deactivated; deactivation is permanent and cannot be undone.'
      using errcode = 'P0001', hint = 'enrollment_deactivated';
  end if;
  if new.org_id is distinct from old.org_id or new.staff_id is distinct from old.staff_id
     or new.enrolled_at is distinct from old.enrolled_at or new.enrolled_by is distinct from old.enrolled_by then
    raise exception 'An enrollment''s organization, staff member and enrollment record cannot change.'
      using errcode = 'P0001', hint = 'immutable_field';
  end if;
  if new.status = 'deactivated' then
    new.deactivated_at := pg_catalog.now();
    new.deactivated_by := (select auth.uid());
  else
    new.deactivated_at := null;
    new.deactivated_by := null;
  end if;
  return new;
end;
$$;

/** Before delete: only while the application is Incomplete, and never a deactivated enrollment. */
create function private.enrollment_before_delete()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if old.status = 'deactivated' then
    raise exception 'A deactivated enrollment stays on record and cannot be deleted.'
      using errcode = 'P0001', hint = 'enrollment_deactivated';
  end if;
  if exists (select 1 from public.public_profiles p where p.staff_id = old.staff_id and p.submitted_at is not null) then
    raise exception 'Only enrollments whose application is Incomplete can be deleted; deactivate this one instead.'
      using errcode = 'P0001', hint = 'application_completed';
  end if;
  return old;
end;
$$;

/** After insert/update/delete: audit entry, and on enrollment the therapist's invitation email. */
create function private.enrollment_after_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  org_name text;
  staff public.staff_members;
begin
  if tg_op = 'INSERT' then
    perform private.write_audit(new.org_id, 'enrollment.added', new.id, null, to_jsonb(new));
    select o.name into org_name from public.organizations o where o.id = new.org_id;
    select * into staff from public.staff_members s where s.id = new.staff_id;
    perform private.queue_notification(
      new.org_id,
      'enrollment_invitation',
      staff.email::text,
      jsonb_build_object('practice_name', org_name, 'first_name', staff.first_name, 'path', '/staff/' || staff.id || '/public-profile'),
      'enrollment_invitation:' || new.id
    );
    return new;
  elsif tg_op = 'UPDATE' then
    perform private.write_audit(new.org_id, case when new.status = 'deactivated' then 'enrollment.deactivated' else 'enrollment.updated' end,
      new.id, private.enrollment_snapshot(old), private.enrollment_snapshot(new));
    return new;
  else
    perform private.write_audit(old.org_id, 'enrollment.deleted', old.id, private.enrollment_snapshot(old), null);
    return old;
  end if;
end;
$$;

create trigger program_enrollments_before_insert before insert on public.program_enrollments
  for each row execute function private.enrollment_before_insert();
create trigger program_enrollments_before_update before update on public.program_enrollments
  for each row execute function private.enrollment_before_update();
create trigger program_enrollments_before_delete before delete on public.program_enrollments
  for each row execute function private.enrollment_before_delete();
create trigger program_enrollments_after_change after insert or update or delete on public.program_enrollments
  for each row execute function private.enrollment_after_change();

-- payer rules ------------------------------------------------------------------------------------

/** Before insert/delete of a payer link: the enrollment must be active; org copied from it. */
create function private.enrollment_payer_before_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  enrollment public.program_enrollments;
begin
  select * into enrollment from public.program_enrollments e
  where e.id = case when tg_op = 'DELETE' then old.enrollment_id else new.enrollment_id end;
  if enrollment.id is null then
    -- the enrollment itself is being deleted (cascade): nothing to guard
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  if enrollment.status = 'deactivated' then
    raise exception 'The payers of a deactivated therapist cannot change.'
      using errcode = 'P0001', hint = 'enrollment_deactivated';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  new.org_id := enrollment.org_id;
  new.added_at := pg_catalog.now();
  return new;
end;
$$;

/** After insert/delete of payer links (per statement): one audit entry per direct change. */
create function private.enrollment_payer_after_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  change record;
begin
  -- a cascade from a deleted enrollment is already recorded with the enrollment
  if pg_catalog.pg_trigger_depth() > 1 then
    return null;
  end if;
  if tg_op = 'INSERT' then
    for change in select n.org_id, n.enrollment_id, n.payer_id from new_rows n loop
      perform private.write_audit(change.org_id, 'enrollment.payer_added', change.enrollment_id, null, jsonb_build_object('payer_id', change.payer_id));
    end loop;
  else
    for change in select o.org_id, o.enrollment_id, o.payer_id from old_rows o
                  where exists (select 1 from public.program_enrollments e where e.id = o.enrollment_id) loop
      perform private.write_audit(change.org_id, 'enrollment.payer_removed', change.enrollment_id, jsonb_build_object('payer_id', change.payer_id), null);
    end loop;
  end if;
  return null;
end;
$$;

/** At commit: an active enrollment keeps at least one payer (deferred, so a payer swap works). */
create function private.enrollment_has_payers()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  -- fired by both tables: an enrollment row carries `id`, a payer link `enrollment_id`
  changed jsonb := to_jsonb(coalesce(new, old));
  target uuid := coalesce(changed ->> 'enrollment_id', changed ->> 'id')::uuid;
begin
  if exists (select 1 from public.program_enrollments e where e.id = target and e.status = 'active')
     and not exists (select 1 from public.enrollment_payers ep where ep.enrollment_id = target) then
    raise exception 'Choose at least one payer for each therapist in the program.'
      using errcode = '23514', hint = 'payers_required';
  end if;
  return null;
end;
$$;

create trigger enrollment_payers_before_insert before insert on public.enrollment_payers
  for each row execute function private.enrollment_payer_before_change();
create trigger enrollment_payers_before_delete before delete on public.enrollment_payers
  for each row execute function private.enrollment_payer_before_change();
create trigger enrollment_payers_after_insert after insert on public.enrollment_payers
  referencing new table as new_rows for each statement execute function private.enrollment_payer_after_change();
create trigger enrollment_payers_after_delete after delete on public.enrollment_payers
  referencing old table as old_rows for each statement execute function private.enrollment_payer_after_change();
create constraint trigger program_enrollments_need_payers after insert on public.program_enrollments
  deferrable initially deferred for each row execute function private.enrollment_has_payers();
create constraint trigger enrollment_payers_keep_one after delete on public.enrollment_payers
  deferrable initially deferred for each row execute function private.enrollment_has_payers();

revoke execute on function private.enrollment_before_insert() from public;
revoke execute on function private.enrollment_before_update() from public;
revoke execute on function private.enrollment_before_delete() from public;
revoke execute on function private.enrollment_after_change() from public;
revoke execute on function private.enrollment_payer_before_change() from public;
revoke execute on function private.enrollment_payer_after_change() from public;
revoke execute on function private.enrollment_has_payers() from public;

-- column rules: clients choose who and whether; the server sets the rest
revoke insert, update on public.program_enrollments from anon, authenticated;
grant insert (org_id, staff_id) on public.program_enrollments to authenticated;
grant update (status) on public.program_enrollments to authenticated;
revoke insert, update on public.enrollment_payers from anon, authenticated;
-- org_id is overwritten from the enrollment by the trigger; it is listed so typed clients may send it
grant insert (enrollment_id, payer_id, org_id) on public.enrollment_payers to authenticated;
revoke all on public.program_enrollments, public.enrollment_payers from anon;

-- policies ---------------------------------------------------------------------------------------
create policy "Admins and schedulers read their program; therapists read their own enrollment"
  on public.program_enrollments for select to authenticated
  using (org_id in (select private.program_viewer_org_ids()) or staff_id in (select private.my_staff_ids()));
create policy "Org admins enrol their clinic's staff"
  on public.program_enrollments for insert to authenticated
  with check (org_id in (select private.org_ids_with_role('org_admin')));
create policy "Org admins deactivate their clinic's enrollments"
  on public.program_enrollments for update to authenticated
  using (org_id in (select private.org_ids_with_role('org_admin')))
  with check (org_id in (select private.org_ids_with_role('org_admin')));
create policy "Org admins delete their clinic's incomplete enrollments"
  on public.program_enrollments for delete to authenticated
  using (org_id in (select private.org_ids_with_role('org_admin')));

create policy "Admins and schedulers read their program's payers; therapists their own"
  on public.enrollment_payers for select to authenticated
  using (
    org_id in (select private.program_viewer_org_ids())
    or enrollment_id in (select e.id from public.program_enrollments e where e.staff_id in (select private.my_staff_ids()))
  );
create policy "Org admins add payers to their clinic's enrollments"
  on public.enrollment_payers for insert to authenticated
  with check (
    enrollment_id in (select e.id from public.program_enrollments e where e.org_id in (select private.org_ids_with_role('org_admin')))
  );
create policy "Org admins remove payers from their clinic's enrollments"
  on public.enrollment_payers for delete to authenticated
  using (org_id in (select private.org_ids_with_role('org_admin')));

-- mutations as one transaction each --------------------------------------------------------------

/** Validates a payer list from the app: at least one, no duplicates, all known. */
create function private.check_payer_list(payer_ids uuid[])
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if coalesce(cardinality(payer_ids), 0) = 0 then
    raise exception 'Choose at least one payer.' using errcode = '23514', hint = 'payers_required';
  end if;
  if (select count(distinct p) from unnest(payer_ids) p) <> cardinality(payer_ids) then
    raise exception 'Each payer can be chosen once.' using errcode = '22023', hint = 'duplicate_payer';
  end if;
  if (select count(*) from public.payers py where py.id = any (payer_ids)) <> cardinality(payer_ids) then
    raise exception 'One of the chosen payers does not exist.' using errcode = '22023', hint = 'unknown_payer';
  end if;
end;
$$;
revoke execute on function private.check_payer_list(uuid[]) from public;
grant execute on function private.check_payer_list(uuid[]) to authenticated;

/**
 * Add Staff: enrols a therapist with the payers that may refer to them. Runs as the caller, so
 * the policies decide; the triggers queue the invitation email and the audit entry. An unknown
 * staff member (or one of another clinic, which RLS hides) is PostgREST's PT404, a 404: the
 * P0002 of a missing row would be answered 500.
 */
create function public.enroll_staff(staff_id uuid, payer_ids uuid[])
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  org uuid;
  new_enrollment_id uuid;
begin
  perform private.check_payer_list(payer_ids);
  select s.org_id into org from public.staff_members s where s.id = enroll_staff.staff_id;
  if org is null then
    raise exception 'That staff member does not exist or is not in your organization.' using errcode = 'PT404', hint = 'unknown_staff';
  end if;
  insert into public.program_enrollments (org_id, staff_id) values (org, enroll_staff.staff_id)
  returning id into new_enrollment_id;
  insert into public.enrollment_payers (enrollment_id, payer_id)
  select new_enrollment_id, p from unnest(payer_ids) p;
  return new_enrollment_id;
end;
$$;

/** Edit: replaces an enrollment's payers with `payer_ids` (at least one), in one transaction. */
create function public.set_enrollment_payers(enrollment_id uuid, payer_ids uuid[])
returns void
language plpgsql
set search_path = ''
as $$
begin
  perform private.check_payer_list(payer_ids);
  if not exists (select 1 from public.program_enrollments e where e.id = set_enrollment_payers.enrollment_id
                 and e.org_id in (select private.org_ids_with_role('org_admin'))) then
    raise exception 'That enrollment does not exist or you cannot change it.' using errcode = '42501', hint = 'not_allowed';
  end if;
  delete from public.enrollment_payers ep
  where ep.enrollment_id = set_enrollment_payers.enrollment_id and ep.payer_id <> all (payer_ids);
  insert into public.enrollment_payers (enrollment_id, payer_id)
  select set_enrollment_payers.enrollment_id, p from unnest(payer_ids) p
  on conflict do nothing;
end;
$$;

revoke execute on function public.enroll_staff(uuid, uuid[]) from public, anon;
revoke execute on function public.set_enrollment_payers(uuid, uuid[]) from public, anon;
grant execute on function public.enroll_staff(uuid, uuid[]) to authenticated;
grant execute on function public.set_enrollment_payers(uuid, uuid[]) to authenticated;
