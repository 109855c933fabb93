-- Emails name an appointment's time the way every screen does: in the office's time zone with the
-- office named ("Wed, Dec 9, 10:00 AM MST, Denver Highlands Office"). The payload already carried
-- the zone; this rewrite of request_email_payload (first in 20261128000700_request_decisions.sql)
-- adds the office's name: the location's, or the practice's when the request has no location.
-- The name of an office is not PHI; the function's callers and grants stay as they were.

/** What a client's email about a request may say: the practice, the time, its zone and its office. */
create or replace function private.request_email_payload(r public.referral_requests)
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
      'time_zone', coalesce(l.time_zone, o.time_zone),
      'office_name', coalesce(l.name, o.name))
    from public.organizations o
    left join public.locations l on l.org_id = r.org_id and l.id = r.location_id
    where o.id = r.org_id);
end;
$$;
revoke execute on function private.request_email_payload(public.referral_requests) from public;
grant execute on function private.request_email_payload(public.referral_requests) to service_role;
