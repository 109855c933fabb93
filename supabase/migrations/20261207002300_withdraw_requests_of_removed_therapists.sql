-- A therapist who leaves the program can no longer honour the requests waiting for them.
-- Deactivating the enrollment, deactivating the staff member, or removing the therapist role
-- does, in the same transaction:
--   * withdraws their pending requests (status `withdrawn`, reason `therapist_unavailable`),
--     each with an audit entry and an email to the client (practice, date/time and zone only);
--   * closes their external availability (enrollment deactivation closes it in
--     20261128000500_availability.sql);
-- and they leave the directory, the slot lists and the public page at once (private.
-- listed_profiles, the one definition of "listed", requires an active enrollment, an active
-- record and the therapist role). A decision on a withdrawn request is refused with the reason
-- (private.lock_pending_request); the request keeps `withdrawn_at` and `withdrawn_reason`.

-- withdrawing --------------------------------------------------------------------------------------

/**
 * Withdraws every request of `therapist` still waiting for the clinic, queuing each client's
 * email and an audit entry (actor: the signed-in user who made the change, or the platform).
 * Requests are locked first, so a confirm running at the same moment either wins (the request
 * is confirmed and stays so) or is told the request was withdrawn. Returns how many.
 * Unverified client-portal requests are left alone: they hold nothing once the therapist is
 * unlisted, lapse within their verification window, and verifying one re-checks the listing.
 */
create function private.withdraw_requests_of(therapist uuid, reason text)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  withdrawn integer;
begin
  -- conflicts with the lock create_referral_request takes before it inserts, so a request being
  -- created for this therapist right now is either committed first (and withdrawn here) or sees
  -- them unlisted; "no key" so the foreign-key checks of a confirm running now do not deadlock
  perform 1 from public.staff_members s where s.id = therapist for no key update;
  with due as (
    select q.id from public.referral_requests q
    where q.therapist_id = therapist and q.status = 'pending'
    for update
  ), done as (
    update public.referral_requests q
    set status = 'withdrawn', withdrawn_reason = reason, withdrawn_at = pg_catalog.now()
    from due where q.id = due.id
    returning q.*
  ), emails as (
    insert into public.notification_outbox (org_id, template, recipient, payload, idempotency_key)
    select d.org_id, 'request_withdrawn', d.email, private.request_email_payload(d::public.referral_requests), 'request_withdrawn:' || d.id
    from done d
    on conflict (idempotency_key) do nothing
  ), audit as (
    insert into public.audit_log (org_id, actor_user_id, actor_staff_id, action, entity_id, before, after)
    select d.org_id, (select auth.uid()), private.my_staff_id(d.org_id), 'referral.withdrawn', d.id,
           '{"status":"pending"}', jsonb_build_object('status', 'withdrawn', 'reason', reason)
    from done d
  )
  select count(*) into withdrawn from done;
  return withdrawn;
end;
$$;
revoke execute on function private.withdraw_requests_of(uuid, text) from public;

/** After an enrollment is deactivated: the therapist's waiting requests are withdrawn. */
create function private.withdraw_requests_on_enrollment_deactivation()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.status = 'deactivated' and old.status = 'active' then
    perform private.withdraw_requests_of(new.staff_id, 'therapist_unavailable');
  end if;
  return null;
end;
$$;
revoke execute on function private.withdraw_requests_on_enrollment_deactivation() from public;
create trigger program_enrollments_withdraw_requests after update of status on public.program_enrollments
  for each row execute function private.withdraw_requests_on_enrollment_deactivation();

/**
 * After a staff member is deactivated or loses the therapist role: their waiting requests are
 * withdrawn and their external availability closed (as enrollment deactivation does), so no
 * slot of theirs is offered again until an admin reopens it.
 */
create function private.withdraw_requests_on_therapist_removal()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if (old.is_active and not new.is_active)
     or ('therapist' = any (old.roles) and not ('therapist' = any (new.roles))) then
    perform private.withdraw_requests_of(new.id, 'therapist_unavailable');
    update public.availability_blocks b set accept_external = false
    where b.org_id = new.org_id and b.staff_id = new.id and b.accept_external;
  end if;
  return null;
end;
$$;
revoke execute on function private.withdraw_requests_on_therapist_removal() from public;
create trigger staff_members_withdraw_requests after update of is_active, roles on public.staff_members
  for each row execute function private.withdraw_requests_on_therapist_removal();
