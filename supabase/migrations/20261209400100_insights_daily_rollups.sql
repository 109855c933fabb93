-- Program insights read figures kept ahead of the call instead of every request of the period:
-- at bench scale a year of one clinic is 60,000–100,000 requests, and aggregating them on each
-- call took 1–11 s against a budget of 50 ms. Each counted request (every status but unverified)
-- adds itself to one daily row per clinic, therapist, source, payer and office, the day being its
-- arrival day in the clinic's zone (so a week holding a clock change is still that week's days),
-- with its outcome and, once decided, its time to decision in quarter-hour bins. Triggers keep the
-- rows right on insert, on any change of a column a figure reads, and on delete; the backfill
-- below builds them for the requests already there. Only the figures' security-definer function
-- reads them: row level security is on with no policy, and no API role has a grant.

/** One clinic-day of one therapist, source, payer and office: the counts every figure sums. */
create table private.insights_daily (
  org_id uuid not null,
  day date not null,
  therapist_id uuid not null,
  source public.referral_source not null,
  payer_id uuid,
  location_id uuid,
  total integer not null default 0,
  confirmed integer not null default 0,
  expired integer not null default 0,
  -- confirmed, declined or expired: the base of the "answered within" shares
  answerable integer not null default 0,
  within_12h integer not null default 0,
  within_24h integer not null default 0,
  slot_seconds bigint not null default 0,
  -- count per outcome: the status, or `declined:<reason>`; a status added later needs no change
  outcomes jsonb not null default '{}'::jsonb,
  constraint insights_daily_key unique nulls not distinct (org_id, day, therapist_id, source, payer_id, location_id)
);
-- a therapist's own figures, and the therapist filter
create index insights_daily_therapist_idx on private.insights_daily (therapist_id, day);
alter table private.insights_daily enable row level security;
revoke all on private.insights_daily from public, anon, authenticated;

/**
 * Decisions (confirmed, declined) of the same key by time from arrival to decision, in
 * quarter-hour bins (`quarter_hours` = floor of the time in quarter hours): the median, 90th
 * percentile and histogram are read from these bins, exact to the quarter hour.
 */
create table private.insights_daily_decisions (
  org_id uuid not null,
  day date not null,
  therapist_id uuid not null,
  source public.referral_source not null,
  payer_id uuid,
  location_id uuid,
  quarter_hours integer not null,
  n integer not null default 0,
  constraint insights_daily_decisions_key unique nulls not distinct
    (org_id, day, therapist_id, source, payer_id, location_id, quarter_hours)
);
create index insights_daily_decisions_therapist_idx on private.insights_daily_decisions (therapist_id, day);
alter table private.insights_daily_decisions enable row level security;
revoke all on private.insights_daily_decisions from public, anon, authenticated;

/**
 * A clinic's rollups are written two ways: each request write adds its share to the rows
 * (triggers), and a time-zone change deletes the clinic's rows and rebuilds them from the
 * requests. Unserialised, a rebuild would miss a request written but not yet committed (its
 * share, added in the old zone's day, outlives the rebuild) and a request written during the
 * rebuild would read the old zone; either way a request is counted on the wrong day, twice or not
 * at all. So both take this per-clinic transaction lock: request writes shared (they never wait on
 * each other), the rebuild exclusive (it waits for open writes to commit and holds new ones off
 * until its own commit, after which they read the new zone). The key is the clinic's id hashed
 * with this feature's name; a hash collision only makes two clinics wait on each other.
 */
create function private.insights_rollup_lock(org uuid, exclusive boolean)
returns void
language plpgsql
volatile
set search_path = ''
as $$
begin
  if exclusive then
    perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('insights_rollup:' || org::text, 0));
  else
    perform pg_catalog.pg_advisory_xact_lock_shared(pg_catalog.hashtextextended('insights_rollup:' || org::text, 0));
  end if;
end;
$$;
revoke execute on function private.insights_rollup_lock(uuid, boolean) from public;

/** Adds two outcome-count maps key by key, dropping keys that reach zero. */
create function private.add_outcome_counts(a jsonb, b jsonb)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select coalesce(jsonb_object_agg(k, n) filter (where n <> 0), '{}'::jsonb)
  from (
    select k, sum(v::integer) as n
    from (select * from jsonb_each_text(a) union all select * from jsonb_each_text(b)) e (k, v)
    group by k
  ) s;
$$;
revoke execute on function private.add_outcome_counts(jsonb, jsonb) from public;

/** Adds (`sign` 1) or takes away (`sign` -1) one request's share of the insights rollups. */
create function private.insights_rollup_add(r public.referral_requests, sign integer)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  zone text;
  arrival timestamptz := coalesce(r.verified_at, r.created_at);
  arrival_day date;
  decided boolean := r.status in ('confirmed', 'declined') and r.decided_at is not null;
  seconds double precision := extract(epoch from r.decided_at - coalesce(r.verified_at, r.created_at));
  outcome text := r.status::text || coalesce(':' || case when r.status = 'declined' then r.decline_reason end, '');
begin
  if r.status = 'unverified' then
    return;
  end if;
  select o.time_zone into zone from public.organizations o where o.id = r.org_id;
  arrival_day := (arrival at time zone coalesce(zone, 'UTC'))::date;

  insert into private.insights_daily as d
    (org_id, day, therapist_id, source, payer_id, location_id, total, confirmed, expired, answerable,
     within_12h, within_24h, slot_seconds, outcomes)
  values (
    r.org_id, arrival_day, r.therapist_id, r.source, r.payer_id, r.location_id, sign,
    case when r.status = 'confirmed' then sign else 0 end,
    case when r.status = 'expired' then sign else 0 end,
    case when r.status in ('confirmed', 'declined', 'expired') then sign else 0 end,
    case when decided and seconds <= 12 * 3600 then sign else 0 end,
    case when decided and seconds <= 24 * 3600 then sign else 0 end,
    sign * coalesce(extract(epoch from upper(r.slot) - lower(r.slot))::bigint, 0),
    jsonb_build_object(outcome, sign))
  on conflict on constraint insights_daily_key do update set
    total = d.total + excluded.total,
    confirmed = d.confirmed + excluded.confirmed,
    expired = d.expired + excluded.expired,
    answerable = d.answerable + excluded.answerable,
    within_12h = d.within_12h + excluded.within_12h,
    within_24h = d.within_24h + excluded.within_24h,
    slot_seconds = d.slot_seconds + excluded.slot_seconds,
    outcomes = private.add_outcome_counts(d.outcomes, excluded.outcomes);

  if decided then
    insert into private.insights_daily_decisions as h
      (org_id, day, therapist_id, source, payer_id, location_id, quarter_hours, n)
    values (r.org_id, arrival_day, r.therapist_id, r.source, r.payer_id, r.location_id,
            floor(seconds / 900)::integer, sign)
    on conflict on constraint insights_daily_decisions_key do update set n = h.n + excluded.n;
  end if;

  -- a request that moved away leaves no empty row behind
  if sign < 0 then
    delete from private.insights_daily d
    where d.org_id = r.org_id and d.day = arrival_day and d.therapist_id = r.therapist_id
      and d.source = r.source and d.payer_id is not distinct from r.payer_id
      and d.location_id is not distinct from r.location_id and d.total = 0;
    if decided then
      delete from private.insights_daily_decisions h
      where h.org_id = r.org_id and h.day = arrival_day and h.therapist_id = r.therapist_id
        and h.source = r.source and h.payer_id is not distinct from r.payer_id
        and h.location_id is not distinct from r.location_id and h.quarter_hours = floor(seconds / 900)::integer
        and h.n = 0;
    end if;
  end if;
end;
$$;
revoke execute on function private.insights_rollup_add(public.referral_requests, integer) from public;

/** Keeps the insights rollups right: the old row's share out, the new row's in. */
create function private.insights_rollup_on_request_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- shared with other writes, exclusive of a rebuild of the same clinic (see insights_rollup_lock);
  -- taken before the zone is read, so a write that waited for a rebuild reads the new zone
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.insights_rollup_lock(old.org_id, false);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform private.insights_rollup_lock(new.org_id, false);
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.insights_rollup_add(old, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform private.insights_rollup_add(new, 1);
  end if;
  return null;
end;
$$;
revoke execute on function private.insights_rollup_on_request_change() from public;

create trigger referral_requests_insights_rollup_on_insert_or_delete
  after insert or delete on public.referral_requests
  for each row execute function private.insights_rollup_on_request_change();
-- only a change of a column some figure reads touches the rollups (a status link view does not)
create trigger referral_requests_insights_rollup_on_update
  after update on public.referral_requests
  for each row
  when ((old.org_id, old.therapist_id, old.location_id, old.source, old.payer_id, old.status, old.decline_reason,
         old.created_at, old.verified_at, old.decided_at, old.slot)
        is distinct from
        (new.org_id, new.therapist_id, new.location_id, new.source, new.payer_id, new.status, new.decline_reason,
         new.created_at, new.verified_at, new.decided_at, new.slot))
  execute function private.insights_rollup_on_request_change();

/**
 * Rebuilds the insights rollups from the requests, of one clinic or (null) of all: the backfill,
 * and a clinic's days again when its time zone changes. Idempotent.
 */
create function private.rebuild_insights_rollups(org uuid default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- no request write of the clinic is open while its rows are rebuilt (see insights_rollup_lock);
  -- the whole-table backfill runs where the migration's triggers already hold the table
  if org is not null then
    perform private.insights_rollup_lock(org, true);
  end if;
  delete from private.insights_daily d where org is null or d.org_id = org;
  delete from private.insights_daily_decisions h where org is null or h.org_id = org;

  create temporary table insights_rollup_source on commit drop as
  select r.org_id, (coalesce(r.verified_at, r.created_at) at time zone coalesce(o.time_zone, 'UTC'))::date as day,
         r.therapist_id, r.source, r.payer_id, r.location_id, r.status,
         r.status::text || coalesce(':' || case when r.status = 'declined' then r.decline_reason end, '') as outcome,
         r.status in ('confirmed', 'declined') and r.decided_at is not null as decided,
         extract(epoch from r.decided_at - coalesce(r.verified_at, r.created_at)) as seconds,
         coalesce(extract(epoch from upper(r.slot) - lower(r.slot))::bigint, 0) as slot_seconds
  from public.referral_requests r
  left join public.organizations o on o.id = r.org_id
  where r.status <> 'unverified' and (org is null or r.org_id = org);

  insert into private.insights_daily
    (org_id, day, therapist_id, source, payer_id, location_id, total, confirmed, expired, answerable,
     within_12h, within_24h, slot_seconds, outcomes)
  select s.org_id, s.day, s.therapist_id, s.source, s.payer_id, s.location_id, count(*),
         count(*) filter (where s.status = 'confirmed'),
         count(*) filter (where s.status = 'expired'),
         count(*) filter (where s.status in ('confirmed', 'declined', 'expired')),
         count(*) filter (where s.decided and s.seconds <= 12 * 3600),
         count(*) filter (where s.decided and s.seconds <= 24 * 3600),
         sum(s.slot_seconds),
         (select jsonb_object_agg(o.outcome, o.n)
          from (select x.outcome, count(*) as n from unnest(array_agg(s.outcome)) x (outcome) group by x.outcome) o)
  from insights_rollup_source s
  group by s.org_id, s.day, s.therapist_id, s.source, s.payer_id, s.location_id;

  insert into private.insights_daily_decisions (org_id, day, therapist_id, source, payer_id, location_id, quarter_hours, n)
  select s.org_id, s.day, s.therapist_id, s.source, s.payer_id, s.location_id, floor(s.seconds / 900)::integer, count(*)
  from insights_rollup_source s
  where s.decided
  group by 1, 2, 3, 4, 5, 6, 7;

  drop table insights_rollup_source;
end;
$$;
revoke execute on function private.rebuild_insights_rollups(uuid) from public;

/** A clinic's days are days in its zone: a new zone rebuilds its rollups. */
create function private.insights_rollup_on_time_zone_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.rebuild_insights_rollups(new.id);
  return null;
end;
$$;
revoke execute on function private.insights_rollup_on_time_zone_change() from public;

create trigger organizations_insights_rollup_on_time_zone_change
  after update of time_zone on public.organizations
  for each row when (old.time_zone is distinct from new.time_zone)
  execute function private.insights_rollup_on_time_zone_change();

-- the backfill: the triggers above already hold the table (this transaction's lock), so no
-- request written meanwhile is counted twice or missed
select private.rebuild_insights_rollups();
analyze private.insights_daily;
analyze private.insights_daily_decisions;
