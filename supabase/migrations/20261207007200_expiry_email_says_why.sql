-- An expired request's email says why it expired. Staff have 48 hours to answer, but a request
-- for a slot that starts sooner expires when the slot starts (expires_at = least(arrival + 48 h,
-- slot start)); the email said "… within 48 hours" in both cases. The payload now carries
-- `expiry_cause`: 'slot_started' when the request expired at its slot's start, 'deadline' when the 48
-- hours ran out first. It says nothing more about the request (no PHI: practice, time and zone);
-- not named `reason`, which in an email payload would read as the reason for the visit.
--
-- Rewritten here (from 20261128000700_request_decisions.sql):
--  * public.expire_referral_requests: adds `expiry_cause` to the request_expired payload.
-- Rewritten here (from 20261207002300_withdraw_requests_of_removed_therapists.sql):
--  * private.lock_pending_request: a decision after expires_at said "The 48 hours to answer this
--    request are over" also when the time that ran out was the slot's start; it now says which.

/** Why a request expires at its expires_at: its slot started, or the 48 hours to answer ran out. */
create function private.expiry_cause(r public.referral_requests)
returns text
language sql
immutable
set search_path = ''
as $$
  select case when r.expires_at >= lower(r.slot) then 'slot_started' else 'deadline' end;
$$;
revoke execute on function private.expiry_cause(public.referral_requests) from public;

/**
 * Expires every pending request past expires_at, exactly once even with workers running at
 * the same time (`skip locked`), queuing the client's email with the reason it expired (slot
 * started, or 48 hours without an answer). Returns how many it expired.
 */
create or replace function public.expire_referral_requests(batch_size integer default 1000)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  expired integer;
begin
  with due as (
    select q.id from public.referral_requests q
    where q.status = 'pending' and q.expires_at <= pg_catalog.now()
    order by q.expires_at
    limit least(greatest(batch_size, 1), 10000)
    for update skip locked
  ), done as (
    update public.referral_requests q set status = 'expired'
    from due where q.id = due.id
    returning q.*
  ), emails as (
    insert into public.notification_outbox (org_id, template, recipient, payload, idempotency_key)
    select d.org_id, 'request_expired', d.email,
           private.request_email_payload(d::public.referral_requests)
             || jsonb_build_object('expiry_cause', private.expiry_cause(d::public.referral_requests)),
           'request_expired:' || d.id
    from done d
    on conflict (idempotency_key) do nothing
  ), audit as (
    insert into public.audit_log (org_id, action, entity_id, before, after)
    select d.org_id, 'referral.expired', d.id, '{"status":"pending"}',
           jsonb_build_object('status', 'expired', 'expiry_cause', private.expiry_cause(d::public.referral_requests))
    from done d
  )
  select count(*) into expired from done;
  return expired;
end;
$$;
revoke execute on function public.expire_referral_requests(integer) from public, anon, authenticated;
grant execute on function public.expire_referral_requests(integer) to service_role;

/**
 * Locks a pending request for a decision, or explains why not: who decided it and when, that it
 * was withdrawn because the therapist no longer takes referrals, or that the time to answer is
 * over (its 48 hours, or its slot's start when that came first).
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
    raise exception '%', case private.expiry_cause(r)
                           when 'slot_started' then 'The requested time has started, so this request can no longer be answered; it is expiring.'
                           else 'The 48 hours to answer this request are over; it is expiring.' end
      using errcode = 'P0001', hint = 'request_expired';
  end if;
  return r;
end;
$$;
revoke execute on function private.lock_pending_request(uuid) from public;
