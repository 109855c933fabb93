-- Program insights read the whole clinic's external hours offered from their daily rollup
-- (private.insights_offered_daily_clinic, 20261211100100) instead of the occurrences of every
-- therapist's external blocks; one therapist's hours are still read from that therapist's
-- occurrences. Every figure, its exactness and who is counted do not change.

/**
 * The figures of `public.program_insights` from the rollups, for the period's days
 * (`period_from` … `period_to` in the clinic's zone `zone`, `starts` … `ends` as instants), for
 * the caller only (the per-therapist table is `private.program_insights_therapists_from_rollups`):
 * the clinic's admins and schedulers (and the service role) get the clinic's,
 * a therapist their own, anyone else an empty document.
 */
create or replace function private.program_insights_from_rollups(
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
  -- the clinic-wide figures' rows: the clinic-level rollups when the caller sees the whole clinic
  -- and no therapist is chosen ($13), else the per-therapist rows the caller may read; the branch
  -- not taken folds away ($13 is known when the statement is planned)
  with d as materialized (
    select c.source, c.payer_id, date_trunc('week', c.day)::date as week, c.total, c.confirmed,
           c.expired, c.answerable, c.within_12h, c.within_24h, c.slot_seconds, c.outcomes
    from private.insights_daily_clinic c
    where $13
      and c.org_id = $1
      and c.day >= $9 and c.day <= $10
      and ($5::uuid is null or c.payer_id = $5)
      and ($6::public.referral_source is null or c.source = $6)
      and ($8::uuid is null or c.location_id = $8)
    union all
    select d.source, d.payer_id, date_trunc('week', d.day)::date as week, d.total, d.confirmed,
           d.expired, d.answerable, d.within_12h, d.within_24h, d.slot_seconds, d.outcomes
    from private.insights_daily d
    where not $13
      and d.org_id = $1
      and d.day >= $9 and d.day <= $10
      and ($5::uuid is null or d.payer_id = $5)
      and ($6::public.referral_source is null or d.source = $6)
      and ($7::uuid is null or d.therapist_id = $7)
      and ($8::uuid is null or d.location_id = $8)
      and ($11 or d.therapist_id = any ($12))
  ),
  h as materialized (
    select c.source, c.payer_id, c.quarter_hours, c.n
    from private.insights_daily_clinic_decisions c
    where $13
      and c.org_id = $1
      and c.day >= $9 and c.day <= $10
      and ($5::uuid is null or c.payer_id = $5)
      and ($6::public.referral_source is null or c.source = $6)
      and ($8::uuid is null or c.location_id = $8)
      and c.n <> 0
    union all
    select h.source, h.payer_id, h.quarter_hours, h.n
    from private.insights_daily_decisions h
    where not $13
      and h.org_id = $1
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
  -- the period's rows summed per source and week; every clinic-wide figure after that reads these
  by_source_week as materialized (
    select source, payer_id, week, sum(total) as total, sum(confirmed) as confirmed, sum(expired) as expired,
           sum(answerable) as answerable, sum(within_12h) as within_12h, sum(within_24h) as within_24h,
           sum(slot_seconds) as slot_seconds
    from d group by source, payer_id, week
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
  -- the decision bins of the period, per source
  bins_by_source as (
    select k.source_label, k.payer_id, h.quarter_hours, sum(h.n) as n
    from h join source_keys k on k.source = h.source and k.payer_id is not distinct from h.payer_id
    group by k.source_label, k.payer_id, h.quarter_hours
  ),
  bins as (
    select quarter_hours, sum(n) as n from h group by quarter_hours
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
  -- the whole clinic's external hours offered from its rollup of them ($13), else the occurrences
  -- of the therapists the caller may read (one therapist's few hundred); the branch not taken folds away
  offered_clinic as (
    select coalesce(sum(c.seconds), 0) as seconds
    from private.insights_offered_daily_clinic c
    where $13
      and c.org_id = $1
      and c.day >= $9 and c.day <= $10
      and ($8::uuid is null or c.location_id = $8)
  ),
  external_blocks as materialized (
    select b.id
    from public.availability_blocks b
    where not $13
      and b.org_id = $1
      and b.accept_external
      and ($7::uuid is null or b.staff_id = $7)
      and ($8::uuid is null or b.location_id = $8)
      -- a therapist who is not an admin or scheduler counts their own hours only, as their requests
      and ($11 or b.staff_id = any ($12))
  ),
  offered_occurrences as (
    select coalesce(sum(extract(epoch from upper(o.during * tstzrange($3, $4)) - lower(o.during * tstzrange($3, $4)))), 0) as seconds
    from external_blocks b
    join public.availability_occurrences o on o.block_id = b.id and o.during && tstzrange($3, $4)
      -- the same rows, as a bound of the (block_id, during) key: a range that overlaps the period
      -- starts before its end, so it sorts below a range starting at the end (occurrences after the
      -- period, a year of them ahead, are not read)
      and o.during < tstzrange($4, null)
  ),
  offered as (
    select ((select seconds from offered_clinic) + (select seconds from offered_occurrences)) / 3600.0 as hours
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
        period_from, period_to, whole_clinic, own_therapists, whole_clinic and therapist is null;
  return result;
end;
$$;
revoke execute on function private.program_insights_from_rollups(uuid, text, date, date, uuid, public.referral_source, uuid, uuid) from public;
