-- The Unconfirmed queue shows what a client chose on the public request page (format, insurance,
-- a parent or guardian requesting) and where a client came from (the `source` and
-- `booking-referral` of a payer's deep link) beside the Source. The view
-- (20261128000700_request_decisions.sql) gets these columns at its end; the rest is unchanged.

create or replace view public.unconfirmed_requests with (security_invoker = true) as
select
  r.id, r.org_id, r.therapist_id,
  s.first_name as therapist_first_name, s.last_name as therapist_last_name,
  lower(r.slot) as slot_start, upper(r.slot) as slot_end,
  coalesce(l.time_zone, o.time_zone) as time_zone,
  l.name as location_name,
  r.source, r.payer_id,
  case when r.source = 'payer' then py.name else 'Client Portal' end as source_label,
  r.first_name, r.last_name, r.email, r.phone, r.date_of_birth, r.member_id, r.note,
  r.created_at, r.expires_at,
  r.session_format, ins.name as insurance_name, r.requested_by_guardian, r.referral_source, r.booking_referral
from public.referral_requests r
join public.staff_members s on s.org_id = r.org_id and s.id = r.therapist_id
join public.organizations o on o.id = r.org_id
left join public.locations l on l.org_id = r.org_id and l.id = r.location_id
left join public.payers py on py.id = r.payer_id
left join public.payers ins on ins.id = r.insurance_payer_id
where r.status = 'pending' and r.expires_at > now();
revoke all on public.unconfirmed_requests from anon;
select private.make_view_read_only('unconfirmed_requests');
