-- A second click of the same decision by the same person is a success, not an error.
--
-- Double-clicking Confirm (or a retry after a dropped connection) used to answer "This request was
-- already confirmed by <you> at 2026-12-07 03:37 UTC": the user's own success, shown as a red
-- error, in a clock nobody at the clinic uses. Now:
--   * confirm_referral_request / decline_referral_request called again by the person who made
--     that very decision answer as the first call did (confirm returns the same appointment id)
--     and change nothing: no second email, no second audit entry;
--   * a decision made by someone else (or a different decision) is still refused with hint
--     `already_decided`, saying who and when in the clinic's own time zone, in words
--     ("by Luis Romero on Monday, December 7, 2026 at 10:37 AM MST").
-- private.lock_pending_request is rewritten here (first defined in 20261128000700) for the wording.

/**
 * The request as it stands when the signed-in user already made exactly this decision on it
 * (`decision` is 'confirmed' or 'declined'), else null. Locks the row so a concurrent first
 * decision is seen settled. Only a user allowed to decide the request is answered.
 */
create function private.own_earlier_decision(request_id uuid, decision public.referral_status)
returns public.referral_requests
language plpgsql
security definer
set search_path = ''
as $$
declare
  r public.referral_requests;
begin
  select * into r from public.referral_requests q where q.id = request_id for update;
  if r.id is not null and r.status = decision and r.decided_by = (select private.live_user_id())
     and private.can_decide_request(r) then
    return r;
  end if;
  return null;
end;
$$;
revoke execute on function private.own_earlier_decision(uuid, public.referral_status) from public;

/**
 * When a decision was made, in words and in the clinic's time zone (the request's office's zone,
 * else the clinic's): "Monday, December 7, 2026 at 10:37 AM MST".
 */
create function private.decided_when_in_words(r public.referral_requests, at_time timestamptz)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  zone text;
begin
  select coalesce(l.time_zone, o.time_zone) into zone
  from public.organizations o
  left join public.locations l on l.org_id = o.id and l.id = r.location_id
  where o.id = r.org_id;
  -- to_char names the zone (TZ) of the session; only for this transaction, which is about to
  -- end with the refusal this text goes into
  perform pg_catalog.set_config('timezone', coalesce(zone, 'UTC'), true);
  return pg_catalog.to_char(at_time, 'FMDay, FMMonth FMDD, YYYY "at" FMHH12:MI AM TZ');
end;
$$;
revoke execute on function private.decided_when_in_words(public.referral_requests, timestamptz) from public;

/**
 * Locks a pending request for a decision, or explains why not: who decided it and when (in the
 * clinic's time, in words), that it was withdrawn because the therapist no longer takes
 * referrals, or that the time to answer is over (its 48 hours, or its slot's start when that
 * came first). A pending request whose therapist is no longer listed is refused with the same
 * reason (a backstop: the withdrawal triggers of 20261207002300 withdraw such requests).
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
    if r.decided_by = (select private.live_user_id()) then
      decider := 'you';
    else
      select s.first_name || ' ' || s.last_name into decider
      from public.staff_members s where s.user_id = r.decided_by and s.org_id = r.org_id;
    end if;
    raise exception 'This request was already % %.', r.status,
      case when decider is not null then 'by ' || decider || ' on ' || private.decided_when_in_words(r, r.decided_at)
           else 'on ' || private.decided_when_in_words(r, coalesce(r.decided_at, r.expires_at)) end
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

/**
 * Confirm: schedules the appointment (the exclusion constraint refuses an overlap; the request
 * then stays pending), matches the client in the clinic by email + date of birth or creates
 * them, makes them active, queues the client's confirmation email and audits. Returns the
 * appointment id. Confirming again what the caller already confirmed returns the same id and
 * changes nothing.
 */
create or replace function public.confirm_referral_request(request_id uuid)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  earlier public.referral_requests := private.own_earlier_decision(request_id, 'confirmed');
  r public.referral_requests;
  new_client_id uuid;
  new_appointment_id uuid;
begin
  if earlier.id is not null then
    return earlier.appointment_id;
  end if;
  r := private.lock_pending_request(request_id);
  insert into public.clients as c (org_id, first_name, last_name, email, phone, date_of_birth, status)
  values (r.org_id, r.first_name, r.last_name, r.email, r.phone, r.date_of_birth, 'active')
  on conflict (org_id, email, date_of_birth) do update set status = 'active', phone = coalesce(c.phone, excluded.phone)
  returning c.id into new_client_id;
  begin
    insert into public.appointments (org_id, staff_id, client_id, location_id, during)
    values (r.org_id, r.therapist_id, new_client_id, r.location_id, r.slot)
    returning id into new_appointment_id;
  exception when exclusion_violation then
    raise exception 'The therapist already has an appointment that overlaps this time, so it cannot be confirmed. The request stays pending: decline it or resolve the conflict first.'
      using errcode = '23P01', hint = 'appointment_overlap';
  end;
  update public.referral_requests q
  set status = 'confirmed', decided_by = (select auth.uid()), decided_at = pg_catalog.now(),
      appointment_id = new_appointment_id, client_id = new_client_id
  where q.id = r.id;
  perform private.queue_notification(r.org_id, 'request_confirmed', r.email::text, private.request_email_payload(r), 'request_confirmed:' || r.id);
  perform private.write_audit(r.org_id, 'referral.confirmed', r.id, jsonb_build_object('status', 'pending'),
    jsonb_build_object('status', 'confirmed', 'appointment_id', new_appointment_id, 'client_id', new_client_id));
  return new_appointment_id;
end;
$$;

/**
 * Decline with an internal coded reason (and a note); the client is only told it could not be
 * accepted. Declining again what the caller already declined changes nothing (the first reason
 * stands).
 */
create or replace function public.decline_referral_request(request_id uuid, reason text, note text default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  r public.referral_requests;
begin
  if decline_referral_request.reason is null or decline_referral_request.reason not in ('no_availability', 'not_a_clinical_fit', 'insurance_issue', 'incomplete_information', 'duplicate_request', 'other') then
    raise exception 'Choose a reason for declining from the list.' using errcode = '22023', hint = 'reason_required';
  end if;
  if decline_referral_request.reason = 'other' and coalesce(btrim(decline_referral_request.note), '') = '' then
    raise exception 'Describe the reason when you choose Other.' using errcode = '22023', hint = 'note_required';
  end if;
  if (private.own_earlier_decision(request_id, 'declined')).id is not null then
    return;
  end if;
  r := private.lock_pending_request(request_id);
  update public.referral_requests q
  set status = 'declined', decided_by = (select auth.uid()), decided_at = pg_catalog.now(),
      decline_reason = decline_referral_request.reason, decline_note = nullif(btrim(decline_referral_request.note), '')
  where q.id = r.id;
  perform private.queue_notification(r.org_id, 'request_declined', r.email::text, private.request_email_payload(r), 'request_declined:' || r.id);
  perform private.write_audit(r.org_id, 'referral.declined', r.id, jsonb_build_object('status', 'pending'),
    jsonb_build_object('status', 'declined', 'reason', decline_referral_request.reason));
end;
$$;
