-- PostgREST answers SQLSTATE P0002 (no_data_found) with a 500, so two refusals that signed-in
-- users reach through /rest/v1/rpc looked like server faults:
--   * enroll_staff with a staff id of another clinic (or none): now PT404, HTTP 404;
--   * submit_public_profile before the profile was ever saved: now PT409, HTTP 409.
-- Both functions are rewritten unchanged otherwise; message and hint stay the same, and
-- PostgREST passes them through with its custom PTxxx codes.

/**
 * Add Staff: enrols a therapist with the payers that may refer to them. Runs as the caller, so
 * the policies decide; the triggers queue the invitation email and the audit entry. An unknown
 * staff member (or one of another clinic, which RLS hides) is a 404.
 */
create or replace function public.enroll_staff(staff_id uuid, payer_ids uuid[])
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
revoke execute on function public.enroll_staff(uuid, uuid[]) from public, anon;
grant execute on function public.enroll_staff(uuid, uuid[]) to authenticated;

/**
 * Submit Profile: only for a therapist enrolled and active in the program, with every required
 * field filled, by the therapist or an org admin. Sets submitted_at (Application Status:
 * Completed). Security definer because clients have no write grant on submitted_at; it checks
 * the caller itself. A profile never saved is a 409 (save it first).
 */
create or replace function public.submit_public_profile(staff_id uuid)
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
