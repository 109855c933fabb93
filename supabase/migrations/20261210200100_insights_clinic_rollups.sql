-- Clinic-level insights rollups: the daily rollups are kept per therapist, so a clinic-wide figure
-- over a year summed one row per therapist, day, source, payer and office — 20,000–100,000 rows at
-- bench scale, against a budget of 50 ms. Every figure but the per-therapist table needs no
-- therapist, so these tables hold the same counts without the therapist key: one row per clinic,
-- day, source, payer and office (a year of a clinic is 365 × its few sources and offices), and the
-- decisions of the same key in quarter-hour bins. They are kept exactly as the per-therapist rows
-- are: triggers on the request table under the same per-clinic lock, rebuilt with them on a time
-- zone change, backfilled here. Only the figures' security-definer function reads them.

/** One clinic-day of one source, payer and office: the counts every clinic-wide figure sums. */
create table private.insights_daily_clinic (
  org_id uuid not null,
  day date not null,
  source public.referral_source not null,
  payer_id uuid,
  location_id uuid,
  total integer not null default 0,
  confirmed integer not null default 0,
  expired integer not null default 0,
  answerable integer not null default 0,
  within_12h integer not null default 0,
  within_24h integer not null default 0,
  slot_seconds bigint not null default 0,
  outcomes jsonb not null default '{}'::jsonb,
  constraint insights_daily_clinic_key unique nulls not distinct (org_id, day, source, payer_id, location_id)
);
alter table private.insights_daily_clinic enable row level security;
revoke all on private.insights_daily_clinic from public, anon, authenticated;

/** The clinic's decisions of the same key by time to decision, in quarter-hour bins. */
create table private.insights_daily_clinic_decisions (
  org_id uuid not null,
  day date not null,
  source public.referral_source not null,
  payer_id uuid,
  location_id uuid,
  quarter_hours integer not null,
  n integer not null default 0,
  constraint insights_daily_clinic_decisions_key unique nulls not distinct
    (org_id, day, source, payer_id, location_id, quarter_hours)
);
alter table private.insights_daily_clinic_decisions enable row level security;
revoke all on private.insights_daily_clinic_decisions from public, anon, authenticated;

/** Adds (`sign` 1) or takes away (`sign` -1) one request's share of the clinic-level rollups. */
create function private.insights_clinic_rollup_add(r public.referral_requests, sign integer)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  zone text;
  arrival_day date;
  decided boolean := r.status in ('confirmed', 'declined') and r.decided_at is not null;
  seconds double precision := extract(epoch from r.decided_at - coalesce(r.verified_at, r.created_at));
  outcome text := r.status::text || coalesce(':' || case when r.status = 'declined' then r.decline_reason end, '');
begin
  if r.status = 'unverified' then
    return;
  end if;
  select o.time_zone into zone from public.organizations o where o.id = r.org_id;
  arrival_day := (coalesce(r.verified_at, r.created_at) at time zone coalesce(zone, 'UTC'))::date;

  insert into private.insights_daily_clinic as d
    (org_id, day, source, payer_id, location_id, total, confirmed, expired, answerable,
     within_12h, within_24h, slot_seconds, outcomes)
  values (
    r.org_id, arrival_day, r.source, r.payer_id, r.location_id, sign,
    case when r.status = 'confirmed' then sign else 0 end,
    case when r.status = 'expired' then sign else 0 end,
    case when r.status in ('confirmed', 'declined', 'expired') then sign else 0 end,
    case when decided and seconds <= 12 * 3600 then sign else 0 end,
    case when decided and seconds <= 24 * 3600 then sign else 0 end,
    sign * coalesce(extract(epoch from upper(r.slot) - lower(r.slot))::bigint, 0),
    jsonb_build_object(outcome, sign))
  on conflict on constraint insights_daily_clinic_key do update set
    total = d.total + excluded.total,
    confirmed = d.confirmed + excluded.confirmed,
    expired = d.expired + excluded.expired,
    answerable = d.answerable + excluded.answerable,
    within_12h = d.within_12h + excluded.within_12h,
    within_24h = d.within_24h + excluded.within_24h,
    slot_seconds = d.slot_seconds + excluded.slot_seconds,
    outcomes = private.add_outcome_counts(d.outcomes, excluded.outcomes);

  if decided then
    insert into private.insights_daily_clinic_decisions as h
      (org_id, day, source, payer_id, location_id, quarter_hours, n)
    values (r.org_id, arrival_day, r.source, r.payer_id, r.location_id, floor(seconds / 900)::integer, sign)
    on conflict on constraint insights_daily_clinic_decisions_key do update set n = h.n + excluded.n;
  end if;

  -- a request that moved away leaves no empty row behind
  if sign < 0 then
    delete from private.insights_daily_clinic d
    where d.org_id = r.org_id and d.day = arrival_day and d.source = r.source
      and d.payer_id is not distinct from r.payer_id and d.location_id is not distinct from r.location_id
      and d.total = 0;
    if decided then
      delete from private.insights_daily_clinic_decisions h
      where h.org_id = r.org_id and h.day = arrival_day and h.source = r.source
        and h.payer_id is not distinct from r.payer_id and h.location_id is not distinct from r.location_id
        and h.quarter_hours = floor(seconds / 900)::integer and h.n = 0;
    end if;
  end if;
end;
$$;
revoke execute on function private.insights_clinic_rollup_add(public.referral_requests, integer) from public;

/** Keeps the clinic-level rollups right: the old row's share out, the new row's in. */
create function private.insights_clinic_rollup_on_request_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- the same per-clinic lock as the per-therapist rollups (see private.insights_rollup_lock)
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.insights_rollup_lock(old.org_id, false);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform private.insights_rollup_lock(new.org_id, false);
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.insights_clinic_rollup_add(old, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform private.insights_clinic_rollup_add(new, 1);
  end if;
  return null;
end;
$$;
revoke execute on function private.insights_clinic_rollup_on_request_change() from public;

create trigger referral_requests_insights_clinic_rollup_on_insert_or_delete
  after insert or delete on public.referral_requests
  for each row execute function private.insights_clinic_rollup_on_request_change();
-- the therapist is not part of these rows: a request moved to another therapist changes nothing here
create trigger referral_requests_insights_clinic_rollup_on_update
  after update on public.referral_requests
  for each row
  when ((old.org_id, old.location_id, old.source, old.payer_id, old.status, old.decline_reason,
         old.created_at, old.verified_at, old.decided_at, old.slot)
        is distinct from
        (new.org_id, new.location_id, new.source, new.payer_id, new.status, new.decline_reason,
         new.created_at, new.verified_at, new.decided_at, new.slot))
  execute function private.insights_clinic_rollup_on_request_change();

/** Rebuilds the clinic-level rollups from the requests, of one clinic or (null) of all. Idempotent. */
create function private.rebuild_insights_clinic_rollups(org uuid default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if org is not null then
    perform private.insights_rollup_lock(org, true);
  end if;
  delete from private.insights_daily_clinic d where org is null or d.org_id = org;
  delete from private.insights_daily_clinic_decisions h where org is null or h.org_id = org;

  create temporary table insights_clinic_rollup_source on commit drop as
  select r.org_id, (coalesce(r.verified_at, r.created_at) at time zone coalesce(o.time_zone, 'UTC'))::date as day,
         r.source, r.payer_id, r.location_id, r.status,
         r.status::text || coalesce(':' || case when r.status = 'declined' then r.decline_reason end, '') as outcome,
         r.status in ('confirmed', 'declined') and r.decided_at is not null as decided,
         extract(epoch from r.decided_at - coalesce(r.verified_at, r.created_at)) as seconds,
         coalesce(extract(epoch from upper(r.slot) - lower(r.slot))::bigint, 0) as slot_seconds
  from public.referral_requests r
  left join public.organizations o on o.id = r.org_id
  where r.status <> 'unverified' and (org is null or r.org_id = org);

  insert into private.insights_daily_clinic
    (org_id, day, source, payer_id, location_id, total, confirmed, expired, answerable,
     within_12h, within_24h, slot_seconds, outcomes)
  select s.org_id, s.day, s.source, s.payer_id, s.location_id, count(*),
         count(*) filter (where s.status = 'confirmed'),
         count(*) filter (where s.status = 'expired'),
         count(*) filter (where s.status in ('confirmed', 'declined', 'expired')),
         count(*) filter (where s.decided and s.seconds <= 12 * 3600),
         count(*) filter (where s.decided and s.seconds <= 24 * 3600),
         sum(s.slot_seconds),
         (select jsonb_object_agg(o.outcome, o.n)
          from (select x.outcome, count(*) as n from unnest(array_agg(s.outcome)) x (outcome) group by x.outcome) o)
  from insights_clinic_rollup_source s
  group by s.org_id, s.day, s.source, s.payer_id, s.location_id;

  insert into private.insights_daily_clinic_decisions (org_id, day, source, payer_id, location_id, quarter_hours, n)
  select s.org_id, s.day, s.source, s.payer_id, s.location_id, floor(s.seconds / 900)::integer, count(*)
  from insights_clinic_rollup_source s
  where s.decided
  group by 1, 2, 3, 4, 5, 6;

  drop table insights_clinic_rollup_source;
end;
$$;
revoke execute on function private.rebuild_insights_clinic_rollups(uuid) from public;

/** A clinic's new time zone moves its days: both rollups are rebuilt, under one exclusive lock. */
create or replace function private.insights_rollup_on_time_zone_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.rebuild_insights_rollups(new.id);
  perform private.rebuild_insights_clinic_rollups(new.id);
  return null;
end;
$$;

-- the backfill: the triggers above already hold the request table (this transaction's lock), so
-- no request written meanwhile is counted twice or missed
select private.rebuild_insights_clinic_rollups();
analyze private.insights_daily_clinic;
analyze private.insights_daily_clinic_decisions;
