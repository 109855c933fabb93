-- A therapist who leaves the program can no longer honour the requests waiting for them.
-- Deactivating the enrollment, deactivating the staff member, or removing the therapist role
-- now, in the same transaction:
--   * withdraws their pending requests (status `withdrawn`, reason `therapist_unavailable`),
--     each with an audit entry and an email to the client (practice, date/time and zone only);
--   * closes their external availability (it already closed on enrollment deactivation);
--   * takes them out of the directory, the slot lists and the public page (listed_profiles, the
--     one definition of "listed", now requires the therapist role as well as an active record).
-- A decision on a withdrawn request is refused with the reason, and one on a request the client
-- has not confirmed by email is refused as unknown (lock_pending_request is rewritten from
-- 20261128000700_request_decisions.sql for that).

alter table public.referral_requests
  add column withdrawn_at timestamptz,
  add column withdrawn_reason text,
  add constraint referral_requests_withdrawn_reason_known check (withdrawn_reason in ('therapist_unavailable')),
  add constraint referral_requests_withdrawn_consistently check (
    (withdrawn_reason is null or status = 'withdrawn') and ((status = 'withdrawn') = (withdrawn_at is not null)));
comment on column public.referral_requests.withdrawn_reason is
  'Why a request was withdrawn: therapist_unavailable (the therapist was deactivated or lost the therapist role).';

-- who is listed ------------------------------------------------------------------------------------

/**
 * Who a referral source may see (see 20261128000800_directory_speed.sql): now also only staff who
 * hold the therapist role, so removing the role takes them out of the directory at once.
 */
create or replace view private.listed_profiles with (security_invoker = true) as
select s.id as staff_id, s.org_id, e.id as enrollment_id, s.first_name, s.last_name, s.photo_url, s.default_location_id,
       p.professional_title, p.license_type, p.license_state, p.about_me, p.specialties, p.treatment_approaches,
       p.ages_served, p.session_formats, p.languages, p.education, p.years_in_practice, p.website, p.pronouns,
       p.first_session_note
from public.staff_members s
join public.organizations o on o.id = s.org_id and o.referral_program_enabled
join public.program_enrollments e on e.staff_id = s.id and e.status = 'active'
join public.public_profiles p on p.staff_id = s.id and p.submitted_at is not null
where s.is_active and 'therapist' = any (s.roles);

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

-- deciding ---------------------------------------------------------------------------------------

/**
 * Locks a pending request for a decision, or explains why not: who decided it and when, that it
 * was withdrawn because the therapist no longer takes referrals, or that its 48 hours are over.
 * A pending request whose therapist is no longer listed (only possible for rows written before
 * the withdrawal triggers) is refused with the same reason.
 */
create or replace function private.lock_pending_request(request_id uuid)
returns public.referral_requests
language plpgsql
security definer
set search_path = ''
as $$
declare
  r public.referral_requests;
  decider text;
begin
  select * into r from public.referral_requests q where q.id = request_id for update;
  -- staff never see a request the client has not confirmed by email: to them it does not exist
  if r.id is null or r.status = 'unverified' or not private.can_decide_request(r) then
    raise exception 'No such request, or it is not yours to decide.' using errcode = '42501', hint = 'not_allowed';
  end if;
  if r.status = 'withdrawn' or (r.status = 'pending' and not exists (
       select 1 from public.staff_members s
       join public.program_enrollments e on e.staff_id = s.id and e.status = 'active'
       where s.id = r.therapist_id and s.is_active and 'therapist' = any (s.roles))) then
    raise exception '%', case when r.status = 'withdrawn' and r.withdrawn_reason is distinct from 'therapist_unavailable'
                              then 'This request was withdrawn.'
                              else 'This request was withdrawn because the therapist no longer takes referrals.' end
      using errcode = 'P0001', hint = 'request_withdrawn';
  end if;
  if r.status <> 'pending' then
    select s.first_name || ' ' || s.last_name into decider
    from public.staff_members s where s.user_id = r.decided_by and s.org_id = r.org_id;
    raise exception 'This request was already % %.', r.status,
      case when decider is not null then 'by ' || decider || ' at ' || to_char(r.decided_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')
           else 'at ' || to_char(coalesce(r.decided_at, r.expires_at) at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') end
      using errcode = 'P0001', hint = 'already_decided';
  end if;
  if r.expires_at <= pg_catalog.now() then
    raise exception 'The 48 hours to answer this request are over; it is expiring.' using errcode = 'P0001', hint = 'request_expired';
  end if;
  return r;
end;
$$;

-- requests already waiting for therapists who left before this migration ------------------------
do $$
declare
  gone uuid;
begin
  for gone in
    select distinct q.therapist_id from public.referral_requests q
    join public.staff_members s on s.id = q.therapist_id
    left join public.program_enrollments e on e.staff_id = s.id
    where q.status = 'pending'
      and (not s.is_active or not ('therapist' = any (s.roles)) or e.status is distinct from 'active')
  loop
    perform private.withdraw_requests_of(gone, 'therapist_unavailable');
  end loop;
end;
$$;
