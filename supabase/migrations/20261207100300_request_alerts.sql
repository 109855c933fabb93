-- Alert on arrival: when a referral request becomes one staff can see (a payer's request on
-- insert; a client-portal request when its email is verified), the therapist it is for and the
-- clinic's schedulers hear of it, in the same transaction, through the outbox. Each person's
-- preference (staff_alert_preferences) decides how: an email for this request, a line in their
-- next digest, or nothing. The emails say no more than the practice, the therapist's first name,
-- the slot's date, time and zone, and a link to the queue.
--
-- The fan-out is set-based: statement-level triggers read the statement's transition tables, so
-- a batch of requests costs a few joins, not a function call per row and recipient.

/** Requests waiting for a person's next digest; the digest job takes and deletes them. */
create table private.alert_digest_items (
  staff_id uuid not null references public.staff_members (id) on delete cascade,
  request_id uuid not null references public.referral_requests (id) on delete cascade,
  org_id uuid not null,
  arrived_at timestamptz not null,
  primary key (staff_id, request_id)
);
create index alert_digest_items_request_idx on private.alert_digest_items (request_id);
revoke all on private.alert_digest_items from public, anon, authenticated, service_role;

/** The in-app path of the queue every alert links to. */
create function private.unconfirmed_queue_path()
returns text
language sql
immutable
set search_path = ''
as $$ select '/schedule/unconfirmed-appointments' $$;
revoke execute on function private.unconfirmed_queue_path() from public;

/**
 * Queues the alerts for requests that just became pending: an email to each recipient who wants
 * one per request, a digest line for each who wants a digest. Recipients: the therapist the
 * request is for and every active scheduler of its clinic (once, when one person is both).
 */
create function private.queue_request_alerts(arrived uuid[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  with arrivals as (
    select r.id, r.org_id, r.therapist_id, lower(r.slot) as starts_at,
           coalesce(r.verified_at, r.created_at) as arrived_at
    from public.referral_requests r
    where r.id = any (arrived) and r.status = 'pending'
  ), recipients as (
    select a.id as request_id, t.id as staff_id
    from arrivals a
    join public.staff_members t on t.org_id = a.org_id and t.id = a.therapist_id
    where t.is_active and 'therapist' = any (t.roles)
    union
    select a.id, s.id
    from (select distinct org_id from arrivals) c
    join public.staff_members s on s.org_id = c.org_id and s.is_active and 'scheduler' = any (s.roles)
    join arrivals a on a.org_id = c.org_id
  ), routed as (
    select rc.request_id, rc.staff_id, coalesce(p.mode, 'each_request') as mode
    from recipients rc
    left join public.staff_alert_preferences p on p.staff_id = rc.staff_id
  ), emails as (
    insert into public.notification_outbox (org_id, template, recipient, payload, idempotency_key)
    select a.org_id, 'request_arrived', s.email,
           jsonb_build_object(
             'practice_name', o.name,
             'first_name', s.first_name,
             'therapist_first_name', t.first_name,
             'starts_at', a.starts_at,
             'time_zone', coalesce(l.time_zone, o.time_zone),
             'office_name', coalesce(l.name, o.name),
             'path', private.unconfirmed_queue_path()),
           'request_arrived:' || a.id || ':' || s.id
    from routed rt
    join arrivals a on a.id = rt.request_id
    join public.referral_requests r on r.id = a.id
    join public.staff_members s on s.id = rt.staff_id
    join public.staff_members t on t.org_id = a.org_id and t.id = a.therapist_id
    join public.organizations o on o.id = a.org_id
    left join public.locations l on l.org_id = a.org_id and l.id = r.location_id
    where rt.mode = 'each_request'
    on conflict (idempotency_key) do nothing
  )
  insert into private.alert_digest_items (staff_id, request_id, org_id, arrived_at)
  select rt.staff_id, rt.request_id, a.org_id, a.arrived_at
  from routed rt join arrivals a on a.id = rt.request_id
  where rt.mode = 'digest'
  on conflict do nothing;
end;
$$;
revoke execute on function private.queue_request_alerts(uuid[]) from public;

/** After insert (statement): requests created pending (the payer API's) are alerted. */
create function private.alert_inserted_requests()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  arrived uuid[];
begin
  select array_agg(n.id) into arrived from new_requests n where n.status = 'pending';
  if arrived is not null then
    perform private.queue_request_alerts(arrived);
  end if;
  return null;
end;
$$;
revoke execute on function private.alert_inserted_requests() from public;

/** After update (statement): client-portal requests whose email was just verified are alerted. */
create function private.alert_verified_requests()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  arrived uuid[];
begin
  select array_agg(n.id) into arrived
  from new_requests n join old_requests o on o.id = n.id
  where n.status = 'pending' and o.status = 'unverified';
  if arrived is not null then
    perform private.queue_request_alerts(arrived);
  end if;
  return null;
end;
$$;
revoke execute on function private.alert_verified_requests() from public;

create trigger referral_requests_alert_on_insert after insert on public.referral_requests
  referencing new table as new_requests
  for each statement execute function private.alert_inserted_requests();
create trigger referral_requests_alert_on_verify after update on public.referral_requests
  referencing old table as old_requests new table as new_requests
  for each statement execute function private.alert_verified_requests();

/**
 * Queues one digest email per person whose digest is due and returns how many it queued. A
 * person's digest is due `digest_hours` after the first request it holds arrived, so two digests
 * are at least a period apart; it holds every request that arrived for them until then. A person
 * who has since switched to an email per request gets what is waiting at once; one who switched
 * alerts off, or left, gets nothing. The items are deleted in the same transaction as the email
 * is queued (two runs at once cannot both take them), and the idempotency key names the person
 * and the first arrival, so no digest is queued twice.
 */
create function public.queue_alert_digests(batch_size integer default 1000)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  queued integer;
begin
  with waiting as (
    select i.staff_id, min(i.arrived_at) as first_arrival
    from private.alert_digest_items i
    group by i.staff_id
  ), due as (
    select w.staff_id, w.first_arrival
    from waiting w
    left join public.staff_alert_preferences p on p.staff_id = w.staff_id
    where p.mode is distinct from 'digest'
       or w.first_arrival + pg_catalog.make_interval(hours => p.digest_hours) <= pg_catalog.now()
    order by w.first_arrival
    limit least(greatest(batch_size, 1), 10000)
  ), taken as (
    delete from private.alert_digest_items i
    using due d
    where i.staff_id = d.staff_id
    returning i.staff_id, i.request_id, i.org_id
  ), lines as (
    select t.staff_id, t.org_id, count(*) as request_count,
           jsonb_agg(jsonb_build_object(
             'therapist_first_name', th.first_name,
             'starts_at', lower(r.slot),
             'time_zone', coalesce(l.time_zone, o.time_zone),
             'office_name', coalesce(l.name, o.name)) order by lower(r.slot)) as requests
    from taken t
    join public.referral_requests r on r.id = t.request_id
    join public.staff_members th on th.org_id = r.org_id and th.id = r.therapist_id
    join public.organizations o on o.id = r.org_id
    left join public.locations l on l.org_id = r.org_id and l.id = r.location_id
    group by t.staff_id, t.org_id
  ), emails as (
    insert into public.notification_outbox (org_id, template, recipient, payload, idempotency_key)
    select ln.org_id, 'request_digest', s.email,
           jsonb_build_object(
             'practice_name', o.name,
             'first_name', s.first_name,
             'request_count', ln.request_count::text,
             -- a long digest lists the first 50 by time; the count and the link cover the rest
             'requests', (select jsonb_agg(e) from jsonb_array_elements(ln.requests) with ordinality x(e, n) where n <= 50),
             'path', private.unconfirmed_queue_path()),
           'request_digest:' || ln.staff_id || ':' || extract(epoch from d.first_arrival)::text
    from lines ln
    join due d on d.staff_id = ln.staff_id
    join public.staff_members s on s.id = ln.staff_id
    join public.organizations o on o.id = ln.org_id
    left join public.staff_alert_preferences p on p.staff_id = ln.staff_id
    where s.is_active and coalesce(p.mode, 'each_request') <> 'off'
    on conflict (idempotency_key) do nothing
    returning 1
  )
  select count(*) into queued from emails;
  return queued;
end;
$$;
revoke execute on function public.queue_alert_digests(integer) from public, anon, authenticated;
grant execute on function public.queue_alert_digests(integer) to service_role;
