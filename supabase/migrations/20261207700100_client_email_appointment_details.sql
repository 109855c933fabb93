-- A client's emails about their request say everything they need to get to the appointment: the
-- therapist's name, where (the office's address, or telehealth), the practice's phone, and when
-- it ends, beside what they said before (practice, start, zone, office). The request's id is in
-- the payload too, so its calendar file keeps one UID (20261207700200_calendar_invites.sql), and
-- the path of the clinic's public request page, for "request another time".
--
-- Still no PHI (ARCHITECTURE §4): nothing of the reason, diagnosis, payer, member ID, date
-- of birth or the therapist's specialties; a therapist's name, office and office phone are on
-- their public profile already. This rewrites request_email_payload (last in
-- 20261207300100_office_name_in_request_emails.sql); callers and grants stay as they were.
--
-- Where: in person at the request's office when the therapist sees clients in person and the slot
-- has an office; otherwise telehealth. The practice's phone is the therapist's office phone (the
-- number the public profile lists for them), or an admin's when they have none.

/**
 * What a client's email about a request may say: the practice and its phone, the therapist's name,
 * the time (start, end, the office's zone), the office and its address or telehealth, the request
 * page of the clinic, and the request's id (for its calendar file's UID).
 */
create or replace function private.request_email_payload(r public.referral_requests)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  in_person boolean;
begin
  select l.id is not null and 'in_person' = any (coalesce(p.session_formats, '{}'))
  into in_person
  from (select 1) one
  left join public.locations l on l.org_id = r.org_id and l.id = r.location_id
  left join public.public_profiles p on p.staff_id = r.therapist_id;

  return (
    select jsonb_build_object(
      'request_id', r.id,
      'practice_name', o.name,
      'starts_at', lower(r.slot),
      'ends_at', upper(r.slot),
      'time_zone', coalesce(l.time_zone, o.time_zone),
      'office_name', coalesce(l.name, o.name),
      'therapist_name', s.first_name || ' ' || s.last_name,
      'session_format', case when in_person then 'in_person' else 'telehealth' end,
      'office_address', case when in_person then l.address_line || ', ' || l.city || ', ' || l.state || ' ' || l.postal_code end,
      'practice_phone', coalesce(s.office_phone, (
        select a.office_phone from public.staff_members a
        where a.org_id = r.org_id and a.is_active and 'org_admin' = any (a.roles) and a.office_phone is not null
        order by a.created_at, a.id
        limit 1)),
      'request_page_path', '/request/' || o.slug)
    from public.organizations o
    join public.staff_members s on s.org_id = r.org_id and s.id = r.therapist_id
    left join public.locations l on l.org_id = r.org_id and l.id = r.location_id
    where o.id = r.org_id);
end;
$$;
revoke execute on function private.request_email_payload(public.referral_requests) from public;
grant execute on function private.request_email_payload(public.referral_requests) to service_role;
