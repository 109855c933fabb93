-- What the Offer other times dialog lists: the open external slots staff may offer for a request
-- (the open-slot lists' own rule, private.open_slots_of, so what is listed can be offered): of the
-- request's therapist and of the clinic's other therapists listed for the request's source, in
-- the next two weeks, at most 12 each. Staff cannot read other therapists' open slots any other
-- way, so this checks the caller may decide the request first.

/** Open times that may be offered for a pending request the caller may decide, soonest first per therapist. */
create function public.offerable_times(request_id uuid, days integer default 14)
returns table (therapist_id uuid, therapist_name text, is_requested_therapist boolean, slot_start timestamptz,
               slot_end timestamptz, time_zone text, office_name text)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  r public.referral_requests;
begin
  select * into r from public.referral_requests q where q.id = offerable_times.request_id;
  if r.id is null or r.status <> 'pending' or not private.can_decide_request(r) then
    raise exception 'No such request waiting for an answer, or it is not yours to decide.' using errcode = '42501', hint = 'not_allowed';
  end if;
  return query
  select os.therapist_id, s.first_name || ' ' || s.last_name, os.therapist_id = r.therapist_id,
         os.slot_start, os.slot_end, coalesce(l.time_zone, o.time_zone), l.name
  from private.open_slots_of(
         (select array_agg(distinct t) from (select r.therapist_id as t
                                             union select l2 from private.listed_therapists(r.payer_id, r.org_id) l2) ids),
         pg_catalog.now(), pg_catalog.now() + make_interval(days => least(greatest(coalesce(days, 14), 1), 31)),
         pg_catalog.now(), 12) os
  join public.staff_members s on s.id = os.therapist_id and s.org_id = r.org_id
  join public.organizations o on o.id = r.org_id
  left join public.locations l on l.org_id = r.org_id and l.id = os.location_id
  order by os.therapist_id <> r.therapist_id, s.last_name, s.first_name, os.slot_start;
end;
$$;
revoke execute on function public.offerable_times(uuid, integer) from public, anon;
grant execute on function public.offerable_times(uuid, integer) to authenticated;
