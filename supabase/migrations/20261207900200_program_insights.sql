-- Program insights (Organization › Manage Subscription › Insights, and the home page): how many
-- requests arrive and from where, how they end, how fast the clinic answers, per therapist and per
-- source, and external hours offered against hours requested, for a period of days in the clinic's
-- time zone. Every figure is computed here, in one call per view, over the requests the caller may
-- read: the function is `security invoker`, so the request table's row-level policy decides what is
-- counted (admins and schedulers the clinic's, a therapist their own, another clinic nothing). The
-- browser only draws what it gets.
--
-- Outcomes are the request statuses as they are (grouped, with the decline reason for declines), so
-- a status added later appears without a change here or in the app. Period days are the clinic's
-- days; weeks start on Monday in the clinic's zone, so a week holding a clock change is still one
-- bucket of that week's requests.

/**
 * The clinic's program figures for `period_from` … `period_to` (whole days in the clinic's zone,
 * both included, at most two years), optionally for one payer, one source, one therapist, one
 * office. Returns one jsonb document: the period, `total`, `sources` and `weeks` (requests per
 * week per source), `outcomes` (count and share of each status, declines by reason), `decision`
 * (time from arrival to confirm/decline: median, p90, a 4-hour histogram to 48 h, share answered
 * within 12 h and 24 h of the requests that were answered or expired), `therapists` and `payers`
 * (volume, confirm and expiry rates, median hours, weekly counts), `capacity` (external hours
 * offered in the period and hours of the period's requested slots).
 */
create function public.program_insights(
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
  starts timestamptz;
  ends timestamptz;
  result jsonb;
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

  -- another clinic's row is not readable: its figures are then all empty, as its requests are
  select o.time_zone into zone from public.organizations o where o.id = program_insights.org_id;
  zone := coalesce(zone, 'UTC');
  starts := period_from::timestamp at time zone zone;
  ends := (period_to + 1)::timestamp at time zone zone;

  -- planned for these arguments on each call, so the filters not given fold away and the range
  -- scan uses the index that fits (the clinic's, or one therapist's)
  execute $q$
  with r as materialized (
    select r.status, r.source, r.payer_id, r.therapist_id, r.decline_reason,
           -- float8, not numeric: tens of thousands of rows are summed, binned and sorted for percentiles
           extract(epoch from r.decided_at - coalesce(r.verified_at, r.created_at))::float8 / 3600 as decision_hours,
           extract(epoch from upper(r.slot) - lower(r.slot))::float8 / 3600 as slot_hours,
           date_trunc('week', coalesce(r.verified_at, r.created_at) at time zone $2)::date as week
    from public.referral_requests r
    where r.org_id = $1
      and r.status <> 'unverified'
      and coalesce(r.verified_at, r.created_at) >= $3
      and coalesce(r.verified_at, r.created_at) < $4
      and ($5::uuid is null or r.payer_id = $5)
      and ($6::public.referral_source is null or r.source = $6)
      and ($7::uuid is null or r.therapist_id = $7)
      and ($8::uuid is null or r.location_id = $8)
  ),
  weeks as (
    select w::date as week, row_number() over (order by w) as n
    from generate_series(date_trunc('week', $9::timestamp), $10::timestamp, interval '1 week') w
  ),
  labelled as (
    select r.*, case when r.source = 'payer' then coalesce(p.name, 'Unknown payer') else 'Client Portal' end as source_label
    from r left join public.payers p on p.id = r.payer_id
  ),
  sources as (
    select source_label, payer_id, count(*) as n,
           row_number() over (order by count(*) desc, source_label) as n_order
    from labelled group by source_label, payer_id
  ),
  week_source as (
    select week, source_label, count(*) as n from labelled group by week, source_label
  ),
  decided as (
    select decision_hours from r where status in ('confirmed', 'declined') and decision_hours is not null
  ),
  per_therapist as (
    select r.therapist_id, count(*) as volume,
           count(*) filter (where r.status = 'confirmed') as confirmed,
           count(*) filter (where r.status = 'expired') as expired,
           percentile_cont(0.5) within group (order by r.decision_hours)
             filter (where r.status in ('confirmed', 'declined')) as median_hours
    from r group by r.therapist_id
  ),
  -- each therapist's and each source's weekly counts, every week of the period (zeros included), in
  -- one grouped join each: a subquery per row would rescan the week counts for every therapist
  therapist_weekly as (
    select t.therapist_id, jsonb_agg(coalesce(tw.n, 0) order by w.week) as weekly
    from (select distinct therapist_id from r) t
    cross join weeks w
    left join (select therapist_id, week, count(*) as n from r group by therapist_id, week) tw
      on tw.therapist_id = t.therapist_id and tw.week = w.week
    group by t.therapist_id
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
    select source_label, payer_id, count(*) as volume,
           count(*) filter (where status = 'confirmed') as confirmed,
           count(*) filter (where status = 'expired') as expired,
           percentile_cont(0.5) within group (order by decision_hours)
             filter (where status in ('confirmed', 'declined')) as median_hours
    from labelled group by source_label, payer_id
  ),
  -- the clinic's external blocks first, then each one's occurrences in the period by the primary
  -- key (block_id, during): led by the range alone, the planner walked the whole exclusion index
  external_blocks as materialized (
    select b.id
    from public.availability_blocks b
    where b.org_id = $1
      and b.accept_external
      and ($7::uuid is null or b.staff_id = $7)
      and ($8::uuid is null or b.location_id = $8)
      -- a therapist who is not an admin or scheduler counts their own hours only, as their requests
      and ($1 in (select private.program_viewer_org_ids()) or b.staff_id in (select private.my_therapist_ids()))
  ),
  offered as (
    select coalesce(sum(extract(epoch from upper(o.during * tstzrange($3, $4)) - lower(o.during * tstzrange($3, $4)))), 0) / 3600.0 as hours
    from external_blocks b
    join public.availability_occurrences o on o.block_id = b.id and o.during && tstzrange($3, $4)
  )
  select jsonb_build_object(
    'period', jsonb_build_object('from', $9::date, 'to', $10::date, 'time_zone', $2),
    'total', (select count(*) from r),
    'sources', coalesce((select jsonb_agg(source_label order by n_order) from sources), '[]'::jsonb),
    'weeks', coalesce((
      select jsonb_agg(jsonb_build_object('week', w.week, 'total', coalesce(wc.total, 0), 'counts', coalesce(wc.counts, '[]'::jsonb))
             order by w.week)
      from weeks w left join week_counts wc on wc.week = w.week), '[]'::jsonb),
    'outcomes', coalesce((
      select jsonb_agg(jsonb_build_object('outcome', o.status, 'reason', o.decline_reason, 'count', o.n,
                                          'share', round(o.n::numeric / t.total, 4))
             order by o.status, o.n desc, o.decline_reason)
      from (select status, decline_reason, count(*) as n from r group by status, decline_reason) o
      cross join (select count(*) as total from r) t), '[]'::jsonb),
    'decision', (
      select jsonb_build_object(
        'decided', count(*),
        'median_hours', round(percentile_cont(0.5) within group (order by decision_hours)::numeric, 2),
        'p90_hours', round(percentile_cont(0.9) within group (order by decision_hours)::numeric, 2),
        'answerable', (select count(*) from r where status in ('confirmed', 'declined', 'expired')),
        'within_12h_share', (select round(count(*) filter (where status in ('confirmed', 'declined') and decision_hours <= 12)::numeric
                                          / nullif(count(*), 0), 4)
                             from r where status in ('confirmed', 'declined', 'expired')),
        'within_24h_share', (select round(count(*) filter (where status in ('confirmed', 'declined') and decision_hours <= 24)::numeric
                                          / nullif(count(*), 0), 4)
                             from r where status in ('confirmed', 'declined', 'expired')),
        'histogram', (
          select jsonb_agg(jsonb_build_object('from_hours', (b - 1) * 4, 'to_hours', b * 4, 'count', coalesce(h.n, 0))
                           order by b)
          from generate_series(1, 12) b
          left join (select least(greatest(floor(d.decision_hours / 4)::int + 1, 1), 12) as bin, count(*) as n
                     from decided d group by 1) h on h.bin = b))
      from decided),
    'therapists', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', t.therapist_id,
               'name', coalesce(s.last_name || ', ' || s.first_name, 'Unknown therapist'),
               'volume', t.volume,
               'confirm_rate', round(t.confirmed::numeric / t.volume, 4),
               'expiry_rate', round(t.expired::numeric / t.volume, 4),
               'median_hours', round(t.median_hours::numeric, 2),
               'weekly', tw.weekly)
             order by t.volume desc, s.last_name, s.first_name)
      from per_therapist t
      join therapist_weekly tw on tw.therapist_id = t.therapist_id
      left join public.staff_members s on s.org_id = $1 and s.id = t.therapist_id), '[]'::jsonb),
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
      join source_weekly sw on sw.source_label = p.source_label), '[]'::jsonb),
    'capacity', jsonb_build_object(
      'offered_hours', (select round(hours::numeric, 2) from offered),
      'requested_hours', (select round(coalesce(sum(slot_hours), 0)::numeric, 2) from r))
  )
  $q$
  into result
  using program_insights.org_id, zone, starts, ends, payer, source_kind, therapist, office,
        period_from, period_to;
  return result;
end;
$$;
revoke execute on function public.program_insights(uuid, date, date, uuid, public.referral_source, uuid, uuid) from public;
grant execute on function public.program_insights(uuid, date, date, uuid, public.referral_source, uuid, uuid) to authenticated, service_role;
