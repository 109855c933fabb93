-- The client picks one of the offered times on the status page. One click confirms it exactly as
-- a confirm does (appointment, active client, confirmation email, audit; the payers' webhook
-- `request.confirmed` from the status trigger), with the request moved to the picked time. If
-- that time was lost meanwhile (an appointment booked over it, the block removed, the therapist
-- gone, too soon now) the client is told and the other offered times stay held. Picking again
-- (a double click, a second tab) answers as the first pick did and books nothing more.
--
-- Locks, in the order the offer takes them: the request (through its status link), then the
-- therapist's row (the lock payer and portal requests take before they check a slot), so a
-- payer's request for the same time at the same moment waits and then finds it taken, or comes
-- first only if the hold had already ended.

/**
 * Picks an offered time through a status link. Returns {outcome, state}: outcome 'confirmed'
 * (now, or by an earlier pick of the same time), 'slot_lost' (this time is gone; any others are
 * still offered), 'offer_over' (the request is no longer waiting for a pick: `state` says what
 * it is), 'not_offered' (no such time for this request), 'link_expired' or 'unknown'.
 */
create function public.pick_offered_time_by_token(token text, offered_time_id uuid)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  link record;
  r public.referral_requests;
  picked public.request_offered_times;
  new_client_id uuid;
  new_appointment_id uuid;
  lost boolean := false;
begin
  select * into link from private.status_link_request(token, true);
  if link.request_id is null then
    return '{"outcome":"unknown"}'::jsonb;
  end if;
  if link.link_expired then
    return '{"outcome":"link_expired"}'::jsonb;
  end if;
  select * into r from public.referral_requests q where q.id = link.request_id;
  select * into picked from public.request_offered_times t where t.id = offered_time_id and t.request_id = r.id;
  if picked.id is null then
    return '{"outcome":"not_offered"}'::jsonb;
  end if;
  if picked.released_as = 'picked' then
    return pg_catalog.jsonb_build_object('outcome', 'confirmed', 'state', r.status);
  end if;
  if r.status <> 'alternatives_offered' or r.expires_at <= pg_catalog.now() then
    return pg_catalog.jsonb_build_object('outcome', 'offer_over',
      'state', case when r.status = 'alternatives_offered' then 'expired' else r.status::text end);
  end if;
  if picked.released_as = 'lost' then
    return pg_catalog.jsonb_build_object('outcome', 'slot_lost', 'state', r.status);
  end if;

  perform 1 from public.staff_members s where s.id = picked.therapist_id for update;
  begin
    -- the request's own holds end first, so the check below sees only what others hold
    update public.request_offered_times t
    set released_at = pg_catalog.now(), released_as = case when t.id = picked.id then 'picked' else 'not_picked' end
    where t.request_id = r.id and t.released_at is null;
    if not exists (select 1 from private.open_slots(picked.therapist_id, lower(picked.slot), lower(picked.slot) + interval '1 day', pg_catalog.now()) os
                   where os.slot_start = lower(picked.slot) and os.slot_end = upper(picked.slot)) then
      raise exception 'slot lost' using errcode = 'CR001';
    end if;
    insert into public.clients as c (org_id, first_name, last_name, email, phone, date_of_birth, status)
    values (r.org_id, r.first_name, r.last_name, r.email, r.phone, r.date_of_birth, 'active')
    on conflict (org_id, email, date_of_birth) do update set status = 'active', phone = coalesce(c.phone, excluded.phone)
    returning c.id into new_client_id;
    insert into public.appointments (org_id, staff_id, client_id, location_id, during)
    values (r.org_id, picked.therapist_id, new_client_id, picked.location_id, picked.slot)
    returning id into new_appointment_id;
    update public.referral_requests q
    set status = 'confirmed', therapist_id = picked.therapist_id, slot = picked.slot, location_id = picked.location_id,
        decided_at = pg_catalog.now(), appointment_id = new_appointment_id, client_id = new_client_id
    where q.id = r.id
    returning * into r;
  exception when sqlstate 'CR001' or exclusion_violation then
    -- everything in this block is undone: the holds are back
    lost := true;
  end;
  if lost then
    update public.request_offered_times t set released_at = pg_catalog.now(), released_as = 'lost' where t.id = picked.id;
    return pg_catalog.jsonb_build_object('outcome', 'slot_lost', 'state', 'alternatives_offered');
  end if;
  perform private.queue_notification(r.org_id, 'request_confirmed', r.email::text, private.request_email_payload(r),
    'request_confirmed:' || r.id);
  perform private.write_audit(r.org_id, 'referral.confirmed', r.id, '{"status":"alternatives_offered"}',
    pg_catalog.jsonb_build_object('status', 'confirmed', 'by', 'client', 'offered_time_id', picked.id,
      'appointment_id', new_appointment_id, 'client_id', new_client_id));
  return pg_catalog.jsonb_build_object('outcome', 'confirmed', 'state', 'confirmed');
end;
$$;
revoke execute on function public.pick_offered_time_by_token(text, uuid) from public, anon, authenticated;
grant execute on function public.pick_offered_time_by_token(text, uuid) to service_role;
