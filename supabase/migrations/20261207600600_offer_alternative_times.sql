-- Staff offer a client other times instead of confirming or declining: a third action in the
-- Unconfirmed queue. One to three open external slots, of the request's therapist or of another
-- therapist of the clinic listed for the same source (the same payer, or the clinic's portal),
-- and an optional short note. In one transaction: every time is re-checked open under the
-- therapists' row locks (the lock payer and portal requests take, so a request for the same time
-- at the same moment either comes first and the offer is refused with the reason, or sees the
-- hold), the times are held (request_offered_times), the request becomes `alternatives_offered`
-- with the offer's end as its expires_at (least(now + 48 h, earliest offered start)), the
-- client's email with the status link is queued, the payers' webhook `request.alternatives_offered`
-- is queued by the status trigger (rewritten here to include it) and the offer is audited.
-- Offering is not a decision; offering again by the same person is a success that changes
-- nothing. private.lock_pending_request (last in 20261207200100) is rewritten to say so.

/** An instant in words in the given zone: "Monday, December 7, 2026 at 10:37 AM MST". */
create function private.time_in_words(at_time timestamptz, zone text)
returns text
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- to_char names the session's zone (TZ); only for this transaction
  perform pg_catalog.set_config('timezone', coalesce(zone, 'UTC'), true);
  return pg_catalog.to_char(at_time, 'FMDay, FMMonth FMDD, YYYY "at" FMHH12:MI AM TZ');
end;
$$;
revoke execute on function private.time_in_words(timestamptz, text) from public;

/**
 * Locks a pending request for a decision or an offer, or explains why not: who decided it and
 * when (in the clinic's time, in words), that other times were already offered, that it was
 * withdrawn (by the client, or because the therapist no longer takes referrals), or that the
 * time to answer is over. A pending request whose therapist is no longer listed is refused as
 * withdrawn (a backstop: the withdrawal triggers of 20261207002300 withdraw such requests).
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
    raise exception '%', case when r.withdrawn_reason = 'client_withdrew' then 'The client withdrew this request.'
                              when r.status = 'withdrawn' and r.withdrawn_reason is distinct from 'therapist_unavailable'
                              then 'This request was withdrawn.'
                              else 'This request was withdrawn because the therapist no longer takes referrals.' end
      using errcode = 'P0001', hint = 'request_withdrawn';
  end if;
  if r.status <> 'pending' or r.offered_at is not null then
    if coalesce(r.decided_by, r.offered_by) = (select private.live_user_id()) then
      decider := 'you';
    else
      select s.first_name || ' ' || s.last_name into decider
      from public.staff_members s where s.user_id = coalesce(r.decided_by, r.offered_by) and s.org_id = r.org_id;
    end if;
    if r.status = 'alternatives_offered' then
      raise exception 'Other times were already offered to the client%; the client answers from their email.',
        case when decider is not null then ' by ' || decider else '' end || ' on ' || private.decided_when_in_words(r, r.offered_at)
        using errcode = 'P0001', hint = 'already_offered';
    end if;
    raise exception 'This request was already % %.', r.status,
      case when decider is not null then 'by ' || decider || ' on ' || private.decided_when_in_words(r, coalesce(r.decided_at, r.offered_at))
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
 * Offers the client of a pending request one to three other times: `times` is a JSON array of
 * {"therapist_id", "starts_at"}; `message` an optional note (at most 500 characters) shown on
 * the client's status page. Each time must be an open external slot of the request's therapist or
 * of another therapist of the clinic listed for the request's source; one that is not is refused
 * with the reason (hint slot_not_open). Returns when the offer ends.
 */
create function public.offer_alternative_times(request_id uuid, times jsonb, message text default null)
returns timestamptz
language plpgsql
security definer
set search_path = ''
as $$
declare
  r public.referral_requests;
  wanted record;
  wanted_therapists uuid[];
  wanted_starts timestamptz[];
  open_slot record;
  offer_end timestamptz;
  zone text;
  therapist_name text;
begin
  select * into r from public.referral_requests q where q.id = offer_alternative_times.request_id for update;
  -- a second submit of the offer its maker already made: the same answer, nothing changes
  if r.status = 'alternatives_offered' and r.offered_by = (select private.live_user_id()) and private.can_decide_request(r) then
    return r.expires_at;
  end if;
  r := private.lock_pending_request(offer_alternative_times.request_id);

  if times is null or jsonb_typeof(times) <> 'array' or jsonb_array_length(times) not between 1 and 3 then
    raise exception 'Offer one to three times.' using errcode = '22023', hint = 'times';
  end if;
  if char_length(coalesce(message, '')) > 500 then
    raise exception 'Keep the message to 500 characters.' using errcode = '22023', hint = 'message';
  end if;
  if exists (select 1 from jsonb_array_elements(times) e
             where jsonb_typeof(e) <> 'object' or (e ->> 'therapist_id') !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                or (e ->> 'starts_at') is null
                or (e ->> 'starts_at') !~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$') then
    raise exception 'Each time needs a therapist_id and a starts_at with its offset.' using errcode = '22023', hint = 'times';
  end if;
  select pg_catalog.array_agg(d.therapist_id order by d.starts_at), pg_catalog.array_agg(d.starts_at order by d.starts_at)
  into wanted_therapists, wanted_starts
  from (select distinct (e ->> 'therapist_id')::uuid as therapist_id, (e ->> 'starts_at')::timestamptz as starts_at
        from jsonb_array_elements(times) e) d;
  if cardinality(wanted_starts) <> jsonb_array_length(times) then
    raise exception 'The same time is offered twice.' using errcode = '22023', hint = 'times';
  end if;
  if exists (select 1 from unnest(wanted_therapists) w (therapist_id)
             where w.therapist_id <> r.therapist_id
               and w.therapist_id not in (select l from private.listed_therapists(r.payer_id, r.org_id) l)) then
    raise exception 'Offer times of this request''s therapist, or of another therapist of the clinic who takes requests from the same source.'
      using errcode = '22023', hint = 'therapist_not_listed';
  end if;
  -- the therapists' rows, in one order, as payer and portal requests lock them
  perform 1 from public.staff_members s where s.id = any (wanted_therapists) order by s.id for update;

  offer_end := least(pg_catalog.now() + interval '48 hours', wanted_starts[1]);
  for wanted in select * from unnest(wanted_therapists, wanted_starts) w (therapist_id, starts_at) order by w.starts_at loop
    select * into open_slot from private.open_slots(wanted.therapist_id, wanted.starts_at, wanted.starts_at + interval '1 day', pg_catalog.now()) os
    where os.slot_start = wanted.starts_at;
    if open_slot.slot_start is null then
      select s.first_name || ' ' || s.last_name, coalesce(dl.time_zone, o.time_zone) into therapist_name, zone
      from public.staff_members s join public.organizations o on o.id = s.org_id
      left join public.locations dl on dl.id = s.default_location_id
      where s.id = wanted.therapist_id;
      raise exception '% is no longer an open time of %: it was taken, blocked or is too soon. Choose another time.',
        private.time_in_words(wanted.starts_at, zone), therapist_name
        using errcode = 'P0001', hint = 'slot_not_open';
    end if;
    insert into public.request_offered_times (request_id, org_id, therapist_id, location_id, slot, held_until)
    values (r.id, r.org_id, wanted.therapist_id, open_slot.location_id, tstzrange(open_slot.slot_start, open_slot.slot_end, '[)'), offer_end);
  end loop;

  update public.referral_requests q
  set status = 'alternatives_offered', offered_at = pg_catalog.now(), offered_by = (select auth.uid()),
      offer_message = nullif(btrim(message), ''), expires_at = offer_end
  where q.id = r.id;
  perform private.queue_notification(r.org_id, 'request_alternatives_offered', r.email::text,
    private.request_email_payload(r) || pg_catalog.jsonb_build_object(
      'offer_expires_at', offer_end, 'offered_count', cardinality(wanted_starts)),
    'request_alternatives_offered:' || r.id);
  perform private.write_audit(r.org_id, 'referral.alternatives_offered', r.id, '{"status":"pending"}',
    pg_catalog.jsonb_build_object('status', 'alternatives_offered', 'offer_expires_at', offer_end,
      'times', (select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('therapist_id', w.therapist_id, 'starts_at', w.starts_at))
                from unnest(wanted_therapists, wanted_starts) w (therapist_id, starts_at))));
  return offer_end;
end;
$$;
revoke execute on function public.offer_alternative_times(uuid, jsonb, text) from public, anon;
grant execute on function public.offer_alternative_times(uuid, jsonb, text) to authenticated;

/** request.<status> for each payer request whose status became a state payers hear about. */
create or replace function private.queue_webhooks_of_status_changes()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  ids uuid[];
  types text[];
begin
  select pg_catalog.array_agg(n.id), pg_catalog.array_agg('request.' || n.status::text)
  into ids, types
  from new_rows n
  join old_rows o on o.id = n.id
  where n.source = 'payer'
    and n.status is distinct from o.status
    and n.status in ('confirmed', 'declined', 'expired', 'withdrawn', 'alternatives_offered');
  if ids is not null then
    perform private.queue_webhook_events(ids, types);
  end if;
  return null;
end;
$$;
