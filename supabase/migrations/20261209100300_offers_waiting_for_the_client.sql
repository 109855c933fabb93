-- Offers in flight were invisible to staff: a request in `alternatives_offered` left the
-- Unconfirmed queue (its view reads pending requests only) and is not in the Handled history (it
-- is not decided), so nobody at the clinic could see that times were offered, which ones, by
-- whom, or until when the client can pick. The Unconfirmed tab now lists them in a section of
-- their own, "Times offered — waiting for the client", from this view: one row per offer with the
-- original request, the offered times (with each one's therapist, office and state) and the
-- offer's end. No Confirm or Decline: the original time is no longer the question, the client
-- answers. The navigation badge keeps counting what waits for staff (pending requests).
--
-- RLS as for the queue: the view is security invoker over referral_requests (therapists see
-- their own requests, schedulers and admins the clinic's). Offered times get a select policy
-- that follows their request's visibility, so a therapist sees the times offered on their own
-- requests (including another therapist's times offered there) and nothing else; they stay
-- written only by the offer's functions.

grant select on public.request_offered_times to authenticated;
create policy "Staff can read the times offered on requests they can see"
  on public.request_offered_times for select to authenticated
  using (exists (select 1 from public.referral_requests r where r.id = request_id));

-- the section's read: a clinic's open offers by their end (the policy's therapist id in the index)
create index referral_requests_offers_waiting_idx
  on public.referral_requests (org_id, expires_at) include (therapist_id) where status = 'alternatives_offered';

create view public.offered_requests with (security_invoker = true) as
select
  r.id, r.org_id, r.therapist_id,
  s.first_name as therapist_first_name, s.last_name as therapist_last_name,
  lower(r.slot) as slot_start, upper(r.slot) as slot_end,
  coalesce(l.time_zone, o.time_zone) as time_zone,
  l.name as location_name,
  r.source, r.payer_id,
  case when r.source = 'payer' then py.name else 'Client Portal' end as source_label,
  r.first_name, r.last_name, r.email, r.phone, r.date_of_birth, r.member_id, r.note,
  r.created_at,
  -- the offer's end: the client can pick until then
  r.expires_at,
  r.offered_at,
  ob.first_name || ' ' || ob.last_name as offered_by_name,
  r.offer_message,
  coalesce((
    select jsonb_agg(jsonb_build_object(
             'therapist_id', t.therapist_id,
             'therapist_name', ts.first_name || ' ' || ts.last_name,
             'starts_at', lower(t.slot),
             'ends_at', upper(t.slot),
             'time_zone', coalesce(tl.time_zone, o.time_zone),
             'location_name', tl.name,
             'released_as', t.released_as)
           order by lower(t.slot))
    from public.request_offered_times t
    join public.staff_members ts on ts.org_id = t.org_id and ts.id = t.therapist_id
    left join public.locations tl on tl.org_id = t.org_id and tl.id = t.location_id
    where t.request_id = r.id), '[]'::jsonb) as offered_times,
  r.session_format, ins.name as insurance_name, r.requested_by_guardian, r.referral_source, r.booking_referral
from public.referral_requests r
join public.staff_members s on s.org_id = r.org_id and s.id = r.therapist_id
join public.organizations o on o.id = r.org_id
left join public.staff_members ob on ob.org_id = r.org_id and ob.user_id = r.offered_by
left join public.locations l on l.org_id = r.org_id and l.id = r.location_id
left join public.payers py on py.id = r.payer_id
left join public.payers ins on ins.id = r.insurance_payer_id
where r.status = 'alternatives_offered';
revoke all on public.offered_requests from anon;
grant select on public.offered_requests to authenticated;
select private.make_view_read_only('offered_requests');
