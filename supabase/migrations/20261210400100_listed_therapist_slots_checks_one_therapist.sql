-- A payer's (or a clinic portal's) slot call checks that the one therapist asked for is listed for
-- the caller, instead of listing every therapist the caller may see and looking for them in it.
--
-- Why: `therapist not in (select private.listed_therapists(payer, clinic))` runs the security
-- definer function to the end (it is never inlined): for a payer listed by 5,000 of the bench
-- seed's therapists that is about 150 ms of a 200 ms call (EXPLAIN ANALYZE on the bench seed),
-- every call, and at 32 connections the slot endpoint timed out. The check is now one probe of
-- the therapist's row in the same view with the same conditions (enrolled, active, Completed, in a
-- clinic with the program on, listing this payer or in this clinic), so the answer and the error
-- for an unlisted therapist are unchanged. Same signature, return type and grants.

create or replace function public.listed_therapist_slots(payer uuid, clinic uuid, therapist uuid, from_ts timestamptz, to_ts timestamptz)
returns table (slot_start timestamptz, slot_end timestamptz, location_id uuid, time_zone text, office_name text)
language plpgsql
stable
set search_path = ''
as $$
begin
  if not exists (
    select 1
    from private.listed_profiles l
    where l.staff_id = listed_therapist_slots.therapist
      and (listed_therapist_slots.payer is null or exists (
        select 1 from public.enrollment_payers ep
        where ep.enrollment_id = l.enrollment_id and ep.payer_id = listed_therapist_slots.payer))
      and (listed_therapist_slots.clinic is null or l.org_id = listed_therapist_slots.clinic)
  ) then
    raise exception 'No therapist with this id accepts referrals from you.' using errcode = 'P0002', hint = 'unknown_therapist';
  end if;
  return query
  select os.slot_start, os.slot_end, os.location_id, coalesce(l.time_zone, o.time_zone), coalesce(l.name, o.name)
  from private.open_slots(therapist, from_ts, to_ts, pg_catalog.now()) os
  join public.staff_members s on s.id = therapist
  join public.organizations o on o.id = s.org_id
  left join public.locations l on l.org_id = s.org_id and l.id = os.location_id;
end;
$$;
