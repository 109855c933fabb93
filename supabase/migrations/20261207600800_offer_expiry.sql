-- An offer of other times that the client did not answer ends like a request nobody answered:
-- the expiry job (expire_referral_requests, first in 20261128000700_request_decisions.sql,
-- rewritten here) expires it at its expires_at (48 hours after the offer, or the earliest offered
-- start), releases its held times and emails the client once (request_offer_expired; the outbox's
-- idempotency key makes it once), in the same statement as the change. The holds stopped counting
-- at that instant already (held_until); this makes it final and tells the client.

/**
 * Expires every pending request and every offer of other times past expires_at, exactly once
 * even with workers running at the same time (`skip locked`): releases an offer's held times and
 * queues the client's email (why a request expired: slot started or 48 hours without an answer;
 * or that the offered times were not picked in time). Returns how many it expired.
 */
create or replace function public.expire_referral_requests(batch_size integer default 1000)
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
    where q.status in ('pending', 'alternatives_offered') and q.expires_at <= pg_catalog.now()
    order by q.expires_at
    limit least(greatest(batch_size, 1), 10000)
    for update skip locked
  ), done as (
    update public.referral_requests q set status = 'expired'
    from due where q.id = due.id
    returning q.*
  ), released as (
    update public.request_offered_times t set released_at = pg_catalog.now(), released_as = 'expired'
    from done d where t.request_id = d.id and d.offered_at is not null and t.released_at is null
  ), emails as (
    insert into public.notification_outbox (org_id, template, recipient, payload, idempotency_key)
    select d.org_id,
           case when d.offered_at is null then 'request_expired' else 'request_offer_expired' end::public.notification_template,
           d.email,
           private.request_email_payload(d::public.referral_requests)
             || case when d.offered_at is null
                     then jsonb_build_object('expiry_cause', private.expiry_cause(d::public.referral_requests))
                     else jsonb_build_object('offer_expires_at', d.expires_at) end,
           case when d.offered_at is null then 'request_expired:' else 'request_offer_expired:' end || d.id
    from done d
    on conflict (idempotency_key) do nothing
  ), audit as (
    insert into public.audit_log (org_id, action, entity_id, before, after)
    select d.org_id, 'referral.expired', d.id,
           jsonb_build_object('status', case when d.offered_at is null then 'pending' else 'alternatives_offered' end),
           jsonb_build_object('status', 'expired', 'expiry_cause',
             case when d.offered_at is null then private.expiry_cause(d::public.referral_requests) else 'offer_expired' end)
    from done d
  )
  select count(*) into expired from done;
  return expired;
end;
$$;
