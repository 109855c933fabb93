-- Offering two times (public.offer_alternative_times, first in
-- 20261207600600_offer_alternative_times.sql) missed its budget at bench scale (p95 ≤ 15 ms;
-- 39–56 ms in `npm run bench`, p50 7.5 ms / p95 22 ms alone on a quiet stack). Per call, from
-- pg_stat_user_functions over 200 offers as the bench makes them: 1.8 ms of 6.3 ms went to the
-- open-slot re-check, one private.open_slots call per offered time, each generating and
-- checking a whole day of the therapist's slots; the rest is the transition itself (the
-- request's update and its triggers, the holds, the client's email with its status link, the
-- audit row, the payers' webhook). The re-check is now one set-based read of the offered
-- therapists' open slots over the offered times' span only, joined to the wanted times, and the
-- holds are written by that same statement. Nothing is checked less: each offered time must
-- still be an open external slot under the therapists' row locks (blocks, appointments,
-- pending and unverified requests, other holds, notice and horizon, enrollment), and a time
-- that is not is refused with the same reason (hint slot_not_open), holding nothing.

/**
 * Offers the client of a pending request one to three other times: `times` is a JSON array of
 * {"therapist_id", "starts_at"}; `message` an optional note (at most 500 characters) shown on
 * the client's status page. Each time must be an open external slot of the request's therapist or
 * of another therapist of the clinic listed for the request's source; one that is not is refused
 * with the reason (hint slot_not_open). Returns when the offer ends.
 */
create or replace function public.offer_alternative_times(request_id uuid, times jsonb, message text default null)
returns timestamptz
language plpgsql
security definer
set search_path = ''
as $$
declare
  r public.referral_requests;
  wanted_therapists uuid[];
  wanted_starts timestamptz[];
  not_open record;
  offer_end timestamptz;
  session_minutes integer;
  held integer;
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
  -- every offered time is re-checked open, all in one set-based read: the open slots of the
  -- offered therapists from the earliest offered start to the end of the latest (slots are cut
  -- from each block's start, so a narrower window changes no slot), joined to the wanted times;
  -- the open ones are held at once, and if any is missing the offer is refused (and the holds
  -- made here roll back with it)
  select o.session_length_minutes into session_minutes from public.organizations o where o.id = r.org_id;
  insert into public.request_offered_times (request_id, org_id, therapist_id, location_id, slot, held_until)
  select r.id, r.org_id, os.therapist_id, os.location_id, tstzrange(os.slot_start, os.slot_end, '[)'), offer_end
  from private.open_slots_of(
         (select pg_catalog.array_agg(distinct t) from unnest(wanted_therapists) t),
         wanted_starts[1], wanted_starts[cardinality(wanted_starts)] + make_interval(mins => session_minutes),
         pg_catalog.now()) os
  join unnest(wanted_therapists, wanted_starts) w (therapist_id, starts_at)
    on w.therapist_id = os.therapist_id and w.starts_at = os.slot_start;
  get diagnostics held = row_count;
  if held < cardinality(wanted_starts) then
    select w.therapist_id, w.starts_at into not_open
    from unnest(wanted_therapists, wanted_starts) w (therapist_id, starts_at)
    where not exists (select 1 from public.request_offered_times t
                      where t.request_id = r.id and t.therapist_id = w.therapist_id and lower(t.slot) = w.starts_at)
    order by w.starts_at
    limit 1;
    select s.first_name || ' ' || s.last_name, coalesce(dl.time_zone, o.time_zone) into therapist_name, zone
    from public.staff_members s join public.organizations o on o.id = s.org_id
    left join public.locations dl on dl.id = s.default_location_id
    where s.id = not_open.therapist_id;
    raise exception '% is no longer an open time of %: it was taken, blocked or is too soon. Choose another time.',
      private.time_in_words(not_open.starts_at, zone), therapist_name
      using errcode = 'P0001', hint = 'slot_not_open';
  end if;

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
