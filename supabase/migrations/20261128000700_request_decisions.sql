-- Deciding referral requests: confirm (appointment + active client + email), decline (coded
-- reason + email), expiry after 48 hours (or at the slot), and a reminder to the therapist when
-- 12 hours are left. Terminal states are final. Every decision is one transaction with its side
-- effects (appointment, client, outbox, audit).
--
-- An expired request's email says why it expired: a request for a slot that starts within the
-- 48 hours expires when the slot starts (expires_at = least(arrival + 48 h, slot start)), so the
-- payload carries `expiry_cause`, 'slot_started' or 'deadline'. It says nothing more about the
-- request (no PHI: practice, time and zone); not named `reason`, which in an email payload would
-- read as the reason for the visit. A decision refused because the time is over says which.

create index referral_requests_reminder_idx on public.referral_requests (expires_at) where status = 'pending' and reminder_sent_at is null;

/**
 * Before update of a request: pending changes only to a decision, expiry or withdrawal; an
 * unverified request changes only to pending, when its email is verified. Terminal states are
 * final. What was requested never changes.
 */
create function private.referral_request_before_update()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.status = 'unverified' then
    if new.status not in ('unverified', 'pending') then
      raise exception 'This request was never confirmed by email; it can only be confirmed through its email link or removed.'
        using errcode = 'P0001', hint = 'illegal_transition';
    end if;
    if new.status = 'pending' and new.verified_at is null then
      raise exception 'A request reaches the clinic only once its email is verified.' using errcode = 'P0001', hint = 'illegal_transition';
    end if;
  elsif old.status <> 'pending' then
    raise exception 'This request was already % and cannot change.', old.status
      using errcode = 'P0001', hint = 'already_decided';
  end if;
  if new.status = 'unverified' and old.status <> 'unverified' then
    raise exception 'A request cannot go back to unverified.' using errcode = 'P0001', hint = 'illegal_transition';
  end if;
  if old.verified_at is not null and new.verified_at is distinct from old.verified_at then
    raise exception 'When the email was verified cannot change.' using errcode = 'P0001', hint = 'illegal_transition';
  end if;
  if new.status = 'pending' and (new.decided_at is not null or new.appointment_id is not null) then
    raise exception 'A pending request has no decision.' using errcode = 'P0001', hint = 'illegal_transition';
  end if;
  if new.org_id <> old.org_id or new.therapist_id <> old.therapist_id or new.slot <> old.slot or new.source <> old.source
     or new.payer_id is distinct from old.payer_id or new.email <> old.email or new.date_of_birth <> old.date_of_birth
     or new.created_at <> old.created_at or new.idempotency_key <> old.idempotency_key then
    raise exception 'What was requested cannot change; only its status.' using errcode = 'P0001', hint = 'illegal_transition';
  end if;
  return new;
end;
$$;
revoke execute on function private.referral_request_before_update() from public;
create trigger referral_requests_before_update before update on public.referral_requests
  for each row execute function private.referral_request_before_update();

/** What a client's email about a request may say: the practice, the time and its zone. */
create function private.request_email_payload(r public.referral_requests)
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
revoke execute on function private.request_email_payload(public.referral_requests) from public;
-- the client-portal functions call it as the service role
grant execute on function private.request_email_payload(public.referral_requests) to service_role;

/** Who may decide a request: the org's admins and schedulers, and the therapist it is for (while one). */
create function private.can_decide_request(r public.referral_requests)
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
revoke execute on function private.can_decide_request(public.referral_requests) from public;

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
 * Locks a pending request for a decision, or explains why not: who decided it and when, that it
 * was withdrawn because the therapist no longer takes referrals, or that the time to answer is
 * over (its 48 hours, or its slot's start when that came first).
 * A pending request whose therapist is no longer listed is refused with the same reason (a
 * backstop: the withdrawal triggers of 20261207002300 withdraw such requests).
 */
create function private.lock_pending_request(request_id uuid)
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

/**
 * Confirm: schedules the appointment (the exclusion constraint refuses an overlap; the request
 * then stays pending), matches the client in the clinic by email + date of birth or creates
 * them, makes them active, queues the client's confirmation email and audits. Returns the
 * appointment id.
 */
create function public.confirm_referral_request(request_id uuid)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  r public.referral_requests := private.lock_pending_request(request_id);
  new_client_id uuid;
  new_appointment_id uuid;
begin
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

/** Decline with an internal coded reason (and a note); the client is only told it could not be accepted. */
create function public.decline_referral_request(request_id uuid, reason text, note text default null)
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

/**
 * Expires every pending request past expires_at, exactly once even with workers running at
 * the same time (`skip locked`), queuing the client's email with the reason it expired (slot
 * started, or 48 hours without an answer). Returns how many it expired.
 */
create function public.expire_referral_requests(batch_size integer default 1000)
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

/**
 * Queues one reminder to the therapist for each pending request with 12 hours or less left.
 * Missed requests are the top complaint about referral programs; this is the nudge.
 */
create function public.queue_referral_reminders()
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  queued integer;
begin
  with due as (
    select q.id from public.referral_requests q
    where q.status = 'pending' and q.reminder_sent_at is null
      and q.expires_at > pg_catalog.now() and q.expires_at <= pg_catalog.now() + interval '12 hours'
    for update skip locked
  ), marked as (
    update public.referral_requests q set reminder_sent_at = pg_catalog.now()
    from due where q.id = due.id
    returning q.*
  ), emails as (
    insert into public.notification_outbox (org_id, template, recipient, payload, idempotency_key)
    select m.org_id, 'request_reminder', s.email,
           private.request_email_payload(m::public.referral_requests) || jsonb_build_object('first_name', s.first_name, 'expires_at', m.expires_at, 'path', '/schedule/unconfirmed-appointments'),
           'request_reminder:' || m.id
    from marked m join public.staff_members s on s.id = m.therapist_id
    on conflict (idempotency_key) do nothing
  )
  select count(*) into queued from marked;
  return queued;
end;
$$;

do $$
declare
  fn text;
begin
  foreach fn in array array['public.confirm_referral_request(uuid)', 'public.decline_referral_request(uuid, text, text)'] loop
    execute format('revoke execute on function %s from public, anon', fn);
    execute format('grant execute on function %s to authenticated', fn);
  end loop;
  foreach fn in array array['public.expire_referral_requests(integer)', 'public.queue_referral_reminders()'] loop
    execute format('revoke execute on function %s from public, anon, authenticated', fn);
    execute format('grant execute on function %s to service_role', fn);
  end loop;
end;
$$;

-- the queue: every pending request a viewer may see, with what the Unconfirmed tab shows
create view public.unconfirmed_requests with (security_invoker = true) as
select
  r.id, r.org_id, r.therapist_id,
  s.first_name as therapist_first_name, s.last_name as therapist_last_name,
  lower(r.slot) as slot_start, upper(r.slot) as slot_end,
  coalesce(l.time_zone, o.time_zone) as time_zone,
  l.name as location_name,
  r.source, r.payer_id,
  case when r.source = 'payer' then py.name else 'Client Portal' end as source_label,
  r.first_name, r.last_name, r.email, r.phone, r.date_of_birth, r.member_id, r.note,
  r.created_at, r.expires_at
from public.referral_requests r
join public.staff_members s on s.org_id = r.org_id and s.id = r.therapist_id
join public.organizations o on o.id = r.org_id
left join public.locations l on l.org_id = r.org_id and l.id = r.location_id
left join public.payers py on py.id = r.payer_id
where r.status = 'pending' and r.expires_at > now();
revoke all on public.unconfirmed_requests from anon;
select private.make_view_read_only('unconfirmed_requests');
