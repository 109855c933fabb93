-- Program insights computed from the daily rollups (private.insights_daily and its decision bins)
-- instead of every request of the period: the same figures and the same document, in a few
-- thousand rows for a year of a busy clinic. The call's contract does not change. The median and
-- 90th percentile of time to decision are now read from quarter-hour bins: each decision counts
-- as the start of its quarter hour, so a figure is exact to the quarter hour (at most 15 minutes
-- under the exact value; whole-hour times give the exact figure). Every other figure is exact.
--
-- Who is counted is decided as the request table's row policy decides it: an org admin or
-- scheduler of the clinic (live session) gets the clinic's figures, a therapist their own, anyone
-- else nothing. `public.program_insights` stays `security invoker` (the caller's grants and
-- session); the rollups are read by a private `security definer` function that applies that rule
-- itself, since no API role may read the rollup tables.

/**
 * The `p` percentile (0–1, interpolated between neighbouring ranks as `percentile_cont` does) of
 * values given as quarter-hour bins (`quarter_hours` ascending, `counts` alongside), in hours; null
 * when there are none.
 */
create function private.binned_percentile_hours(quarter_hours integer[], counts bigint[], p double precision)
returns double precision
language plpgsql
immutable
set search_path = ''
as $$
declare
  total bigint := 0;
  rank double precision;
  below bigint := 0;
  lower_value integer;
  upper_value integer;
begin
  for i in 1 .. coalesce(array_length(counts, 1), 0) loop
    total := total + counts[i];
  end loop;
  if total = 0 then
    return null;
  end if;
  rank := p * (total - 1);
  for i in 1 .. array_length(counts, 1) loop
    below := below + counts[i];
    if lower_value is null and below > floor(rank) then
      lower_value := quarter_hours[i];
    end if;
    if below > ceil(rank) then
      upper_value := quarter_hours[i];
      exit;
    end if;
  end loop;
  return (lower_value + (rank - floor(rank)) * (upper_value - lower_value)) / 4.0;
end;
$$;
revoke execute on function private.binned_percentile_hours(integer[], bigint[], double precision) from public;
grant execute on function private.binned_percentile_hours(integer[], bigint[], double precision) to authenticated, service_role;

/**
 * `length` counts, zeros where `positions` (1-based) name none, as a jsonb array: a row's weekly
 * counts filled from the weeks that have some.
 */
create function private.dense_weekly_counts(positions integer[], counts bigint[], length integer)
returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
declare
  dense bigint[] := array_fill(0::bigint, array[length]);
begin
  for i in 1 .. coalesce(array_length(positions, 1), 0) loop
    dense[positions[i]] := dense[positions[i]] + counts[i];
  end loop;
  return to_jsonb(dense);
end;
$$;
revoke execute on function private.dense_weekly_counts(integer[], bigint[], integer) from public;
grant execute on function private.dense_weekly_counts(integer[], bigint[], integer) to authenticated, service_role;

/**
 * The figures of `public.program_insights` from the rollups, for the period's days
 * (`period_from` … `period_to` in the clinic's zone `zone`, `starts` … `ends` as instants), for
 * the caller only: the clinic's admins and schedulers (and the service role) get the clinic's,
 * a therapist their own, anyone else an empty document.
 */
create function private.program_insights_from_rollups(
  org_id uuid,
  zone text,
  period_from date,
  period_to date,
  payer uuid,
  source_kind public.referral_source,
  therapist uuid,
  office uuid
)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  starts timestamptz := period_from::timestamp at time zone zone;
  ends timestamptz := (period_to + 1)::timestamp at time zone zone;
  whole_clinic boolean;
  own_therapists uuid[];
  result jsonb;
begin
  whole_clinic := coalesce(auth.jwt() ->> 'role', '') = 'service_role'
    or program_insights_from_rollups.org_id in (select private.program_viewer_org_ids());
  own_therapists := array(select private.my_therapist_ids());

  -- planned for these arguments on each call, so the filters not given fold away
  execute $q$
  with d as materialized (
    select d.therapist_id, d.source, d.payer_id, date_trunc('week', d.day)::date as week, d.total, d.confirmed,
           d.expired, d.answerable, d.within_12h, d.within_24h, d.slot_seconds, d.outcomes
    from private.insights_daily d
    where d.org_id = $1
      and d.day >= $9 and d.day <= $10
      and ($5::uuid is null or d.payer_id = $5)
      and ($6::public.referral_source is null or d.source = $6)
      and ($7::uuid is null or d.therapist_id = $7)
      and ($8::uuid is null or d.location_id = $8)
      and ($11 or d.therapist_id = any ($12))
  ),
  h as materialized (
    select h.therapist_id, h.source, h.payer_id, h.quarter_hours, h.n
    from private.insights_daily_decisions h
    where h.org_id = $1
      and h.day >= $9 and h.day <= $10
      and ($5::uuid is null or h.payer_id = $5)
      and ($6::public.referral_source is null or h.source = $6)
      and ($7::uuid is null or h.therapist_id = $7)
      and ($8::uuid is null or h.location_id = $8)
      and ($11 or h.therapist_id = any ($12))
      and h.n <> 0
  ),
  weeks as (
    select w::date as week, row_number() over (order by w) as n
    from generate_series(date_trunc('week', $9::timestamp), $10::timestamp, interval '1 week') w
  ),
  -- the period's rows are read twice, summed per source and week and per therapist and week; every
  -- figure after that reads those few sums
  by_source_week as materialized (
    select source, payer_id, week, sum(total) as total, sum(confirmed) as confirmed, sum(expired) as expired,
           sum(answerable) as answerable, sum(within_12h) as within_12h, sum(within_24h) as within_24h,
           sum(slot_seconds) as slot_seconds
    from d group by source, payer_id, week
  ),
  by_therapist_week as materialized (
    select therapist_id, week, sum(total) as total, sum(confirmed) as confirmed, sum(expired) as expired
    from d group by therapist_id, week
  ),
  -- one row per source and payer of the period, labelled as the queue names a source
  source_keys as (
    select k.source, k.payer_id,
           case when k.source = 'payer' then coalesce(p.name, 'Unknown payer') else 'Client Portal' end as source_label
    from (select distinct b.source, b.payer_id from by_source_week b) k
    left join public.payers p on p.id = k.payer_id
  ),
  labelled as (
    select b.*, k.source_label
    from by_source_week b join source_keys k on k.source = b.source and k.payer_id is not distinct from b.payer_id
  ),
  sources as (
    select source_label, payer_id, sum(total) as n,
           row_number() over (order by sum(total) desc, source_label) as n_order
    from labelled group by source_label, payer_id
  ),
  week_source as (
    select week, source_label, sum(total) as n from labelled group by week, source_label
  ),
  -- the decision bins of the period, per therapist and per source
  bins_by_therapist as (
    select therapist_id, quarter_hours, sum(n) as n from h group by therapist_id, quarter_hours
  ),
  bins_by_source as (
    select k.source_label, k.payer_id, h.quarter_hours, sum(h.n) as n
    from h join source_keys k on k.source = h.source and k.payer_id is not distinct from h.payer_id
    group by k.source_label, k.payer_id, h.quarter_hours
  ),
  bins as (
    select quarter_hours, sum(n) as n from bins_by_therapist group by quarter_hours
  ),
  per_therapist as (
    select t.therapist_id, sum(t.total) as volume, sum(t.confirmed) as confirmed, sum(t.expired) as expired,
           -- every week of the period, zeros included, filled from the weeks that have requests
           private.dense_weekly_counts(array_agg(w.n::integer), array_agg(t.total::bigint),
                                       (select count(*)::integer from weeks)) as weekly
    from by_therapist_week t join weeks w on w.week = t.week
    group by t.therapist_id
  ),
  therapist_median as (
    select therapist_id,
           private.binned_percentile_hours(array_agg(quarter_hours order by quarter_hours),
                                           array_agg(n::bigint order by quarter_hours), 0.5) as median_hours
    from bins_by_therapist group by therapist_id
  ),
  source_weekly as (
    select s.source_label, jsonb_agg(coalesce(ws.n, 0) order by w.week) as weekly
    from sources s
    cross join weeks w
    left join week_source ws on ws.source_label = s.source_label and ws.week = w.week
    group by s.source_label
  ),
  week_counts as (
    select w.week, coalesce(sum(ws.n), 0) as total,
           jsonb_agg(coalesce(ws.n, 0) order by s.n_order) as counts
    from weeks w
    cross join sources s
    left join week_source ws on ws.week = w.week and ws.source_label = s.source_label
    group by w.week
  ),
  per_source as (
    select l.source_label, l.payer_id, sum(l.total) as volume, sum(l.confirmed) as confirmed, sum(l.expired) as expired,
           (select private.binned_percentile_hours(array_agg(b.quarter_hours order by b.quarter_hours),
                                                   array_agg(b.n::bigint order by b.quarter_hours), 0.5)
            from bins_by_source b
            where b.source_label = l.source_label and b.payer_id is not distinct from l.payer_id) as median_hours
    from labelled l group by l.source_label, l.payer_id
  ),
  outcome_counts as (
    select split_part(o.key, ':', 1)::public.referral_status as status,
           nullif(split_part(o.key, ':', 2), '') as decline_reason,
           sum(o.value::bigint) as n
    from d cross join lateral jsonb_each_text(d.outcomes) o
    group by 1, 2
    having sum(o.value::bigint) <> 0
  ),
  totals as (
    select coalesce(sum(total), 0) as total, coalesce(sum(answerable), 0) as answerable,
           coalesce(sum(within_12h), 0) as within_12h, coalesce(sum(within_24h), 0) as within_24h,
           coalesce(sum(slot_seconds), 0) as slot_seconds
    from by_source_week
  ),
  external_blocks as materialized (
    select b.id
    from public.availability_blocks b
    where b.org_id = $1
      and b.accept_external
      and ($7::uuid is null or b.staff_id = $7)
      and ($8::uuid is null or b.location_id = $8)
      -- a therapist who is not an admin or scheduler counts their own hours only, as their requests
      and ($11 or b.staff_id = any ($12))
  ),
  offered as (
    select coalesce(sum(extract(epoch from upper(o.during * tstzrange($3, $4)) - lower(o.during * tstzrange($3, $4)))), 0) / 3600.0 as hours
    from external_blocks b
    join public.availability_occurrences o on o.block_id = b.id and o.during && tstzrange($3, $4)
  )
  select jsonb_build_object(
    'period', jsonb_build_object('from', $9::date, 'to', $10::date, 'time_zone', $2),
    'total', (select total from totals),
    'sources', coalesce((select jsonb_agg(source_label order by n_order) from sources), '[]'::jsonb),
    'weeks', coalesce((
      select jsonb_agg(jsonb_build_object('week', w.week, 'total', coalesce(wc.total, 0), 'counts', coalesce(wc.counts, '[]'::jsonb))
             order by w.week)
      from weeks w left join week_counts wc on wc.week = w.week), '[]'::jsonb),
    'outcomes', coalesce((
      select jsonb_agg(jsonb_build_object('outcome', o.status, 'reason', o.decline_reason, 'count', o.n,
                                          'share', round(o.n::numeric / t.total, 4))
             order by o.status, o.n desc, o.decline_reason)
      from outcome_counts o cross join totals t), '[]'::jsonb),
    'decision', (
      select jsonb_build_object(
        'decided', coalesce(sum(b.n), 0),
        'median_hours', round(private.binned_percentile_hours(array_agg(b.quarter_hours order by b.quarter_hours),
                                                              array_agg(b.n::bigint order by b.quarter_hours), 0.5)::numeric, 2),
        'p90_hours', round(private.binned_percentile_hours(array_agg(b.quarter_hours order by b.quarter_hours),
                                                           array_agg(b.n::bigint order by b.quarter_hours), 0.9)::numeric, 2),
        'answerable', (select answerable from totals),
        'within_12h_share', (select round(within_12h::numeric / nullif(answerable, 0), 4) from totals),
        'within_24h_share', (select round(within_24h::numeric / nullif(answerable, 0), 4) from totals),
        -- 4-hour bins to 48 h (a quarter-hour bin lies in one of them: floor(q / 16) = floor(h / 4))
        'histogram', (
          select jsonb_agg(jsonb_build_object('from_hours', (g - 1) * 4, 'to_hours', g * 4, 'count', coalesce(x.n, 0))
                           order by g)
          from generate_series(1, 12) g
          left join (select least(greatest(floor(quarter_hours / 16.0)::int + 1, 1), 12) as bin, sum(n) as n
                     from bins group by 1) x on x.bin = g))
      from bins b),
    'therapists', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', t.therapist_id,
               'name', coalesce(s.last_name || ', ' || s.first_name, 'Unknown therapist'),
               'volume', t.volume,
               'confirm_rate', round(t.confirmed::numeric / t.volume, 4),
               'expiry_rate', round(t.expired::numeric / t.volume, 4),
               'median_hours', round(tm.median_hours::numeric, 2),
               'weekly', t.weekly)
             order by t.volume desc, s.last_name, s.first_name)
      from per_therapist t
      left join therapist_median tm on tm.therapist_id = t.therapist_id
      left join public.staff_members s on s.org_id = $1 and s.id = t.therapist_id
      where t.volume <> 0), '[]'::jsonb),
    'payers', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', p.payer_id,
               'name', p.source_label,
               'volume', p.volume,
               'confirm_rate', round(p.confirmed::numeric / p.volume, 4),
               'expiry_rate', round(p.expired::numeric / p.volume, 4),
               'median_hours', round(p.median_hours::numeric, 2),
               'weekly', sw.weekly)
             order by p.volume desc, p.source_label)
      from per_source p
      join source_weekly sw on sw.source_label = p.source_label
      where p.volume <> 0), '[]'::jsonb),
    'capacity', jsonb_build_object(
      'offered_hours', (select round(hours::numeric, 2) from offered),
      'requested_hours', (select round(slot_seconds::numeric / 3600, 2) from totals))
  )
  $q$
  into result
  using program_insights_from_rollups.org_id, zone, starts, ends, payer, source_kind, therapist, office,
        period_from, period_to, whole_clinic, own_therapists;
  return result;
end;
$$;
revoke execute on function private.program_insights_from_rollups(uuid, text, date, date, uuid, public.referral_source, uuid, uuid) from public;
grant execute on function private.program_insights_from_rollups(uuid, text, date, date, uuid, public.referral_source, uuid, uuid) to authenticated, service_role;

/**
 * The clinic's program figures for `period_from` … `period_to` (whole days in the clinic's zone,
 * both included, at most two years), optionally for one payer, one source, one therapist, one
 * office. Returns one jsonb document: the period, `total`, `sources` and `weeks` (requests per
 * week per source), `outcomes` (count and share of each status, declines by reason), `decision`
 * (time from arrival to confirm/decline: median and p90 exact to the quarter hour, a 4-hour
 * histogram to 48 h, share answered within 12 h and 24 h of the requests that were answered or
 * expired), `therapists` and `payers` (volume, confirm and expiry rates, median hours to the
 * quarter hour, weekly counts), `capacity` (external hours offered in the period and hours of the
 * period's requested slots). Counts what the caller may read: the clinic's requests for its
 * admins and schedulers, a therapist's own, nothing for anyone else.
 */
create or replace function public.program_insights(
  org_id uuid,
  period_from date,
  period_to date,
  payer uuid default null,
  source_kind public.referral_source default null,
  therapist uuid default null,
  office uuid default null
)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  zone text;
begin
  if period_from is null or period_to is null then
    raise exception 'Choose the first and the last day of the period.' using errcode = '22023', hint = 'period';
  end if;
  if period_to < period_from then
    raise exception 'The period ends before it starts: choose a last day on or after the first day.'
      using errcode = '22023', hint = 'period';
  end if;
  if period_to >= (period_from + interval '2 years')::date then
    raise exception 'A period can be at most two years long: choose a later first day or an earlier last day.'
      using errcode = '22023', hint = 'period';
  end if;
  if payer is not null and source_kind = 'client_portal' then
    raise exception 'A payer filter and the Client Portal source exclude each other.'
      using errcode = '22023', hint = 'source_kind';
  end if;

  -- another clinic's row is not readable (its figures are then all empty): the caller's view
  select o.time_zone into zone from public.organizations o where o.id = program_insights.org_id;
  return private.program_insights_from_rollups(
    program_insights.org_id, coalesce(zone, 'UTC'), period_from, period_to, payer, source_kind, therapist, office);
end;
$$;
