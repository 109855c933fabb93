-- The per-therapist table's page is chosen by a bounded sort: `row_number()` over every therapist
-- sorted all of them (5,000 at bench-large, 10–16 ms of the call's 40–46 ms inside the database)
-- before the page was cut; now the sort keeps only the rows up to the page's end and the page's
-- rows are numbered after. The rows, their order and who is counted do not change.

/**
 * One page of the per-therapist table for the caller, from the rollups: `sort_by` one of 'name',
 * 'volume', 'confirm', 'expiry', 'median' (no decision sorts last either way), ties by name then
 * id; `total` counts every therapist with a request in the period and filters.
 */
create or replace function private.program_insights_therapists_from_rollups(
  org_id uuid,
  period_from date,
  period_to date,
  payer uuid,
  source_kind public.referral_source,
  therapist uuid,
  office uuid,
  sort_by text,
  descending boolean,
  page_offset integer,
  page_size integer,
  with_weekly boolean
)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  whole_clinic boolean;
  own_therapists uuid[];
  direction text := case when descending then 'desc' else 'asc' end;
  sort_key text;
  -- by median, every therapist's median is needed to choose the page; else only the page's
  medians_of_all boolean := sort_by = 'median';
  result jsonb;
begin
  whole_clinic := coalesce(auth.jwt() ->> 'role', '') = 'service_role'
    or program_insights_therapists_from_rollups.org_id in (select private.program_viewer_org_ids());
  own_therapists := array(select private.my_therapist_ids());
  -- the only text put into the statement: chosen here from a fixed list, never the caller's
  sort_key := case sort_by
    when 'name' then format('a.name %s, a.id', direction)
    when 'volume' then format('a.volume %s, a.name, a.id', direction)
    when 'confirm' then format('a.confirmed::numeric / a.volume %s, a.name, a.id', direction)
    when 'expiry' then format('a.expired::numeric / a.volume %s, a.name, a.id', direction)
    when 'median' then format('a.median_hours %s nulls last, a.name, a.id', direction)
  end;

  execute format($q$
  with agg as materialized (
    select d.therapist_id as id, sum(d.total) as volume, sum(d.confirmed) as confirmed, sum(d.expired) as expired
    from private.insights_daily d
    where d.org_id = $1
      and d.day >= $2 and d.day <= $3
      and ($4::uuid is null or d.payer_id = $4)
      and ($5::public.referral_source is null or d.source = $5)
      and ($6::uuid is null or d.therapist_id = $6)
      and ($7::uuid is null or d.location_id = $7)
      and ($8 or d.therapist_id = any ($9))
    group by d.therapist_id
    having sum(d.total) <> 0
  ),
  -- every therapist's median when the page is chosen by it ($13), else none here
  all_medians as materialized (
    select b.therapist_id, private.binned_percentile_hours(array_agg(b.quarter_hours order by b.quarter_hours),
                                                           array_agg(b.n order by b.quarter_hours), 0.5) as median_hours
    from (select h.therapist_id, h.quarter_hours, sum(h.n)::bigint as n
          from private.insights_daily_decisions h
          where $13
            and h.org_id = $1
            and h.day >= $2 and h.day <= $3
            and ($4::uuid is null or h.payer_id = $4)
            and ($5::public.referral_source is null or h.source = $5)
            and ($6::uuid is null or h.therapist_id = $6)
            and ($7::uuid is null or h.location_id = $7)
            and ($8 or h.therapist_id = any ($9))
            and h.n <> 0
          group by 1, 2) b
    group by b.therapist_id
  ),
  named as (
    select a.*, m.median_hours,
           coalesce(s.last_name || ', ' || s.first_name, 'Unknown therapist') as name
    from agg a
    left join all_medians m on m.therapist_id = a.id
    left join public.staff_members s on s.org_id = $1 and s.id = a.id
  ),
  -- the page chosen by a bounded sort (the rows up to its end), then numbered: numbering every
  -- therapist first sorted them all (5,000 at bench-large) for a page of 25
  page as materialized (
    select a.*, row_number() over (order by %1$s) as n
    from (select a.* from named a order by %1$s offset $10 limit $11) a
  ),
  -- the page's medians when they were not all needed
  page_medians as (
    select b.therapist_id, private.binned_percentile_hours(array_agg(b.quarter_hours order by b.quarter_hours),
                                                           array_agg(b.n order by b.quarter_hours), 0.5) as median_hours
    from (select h.therapist_id, h.quarter_hours, sum(h.n)::bigint as n
          from private.insights_daily_decisions h
          where not $13
            and h.org_id = $1
            and h.therapist_id in (select id from page)
            and h.day >= $2 and h.day <= $3
            and ($4::uuid is null or h.payer_id = $4)
            and ($5::public.referral_source is null or h.source = $5)
            and ($7::uuid is null or h.location_id = $7)
            and h.n <> 0
          group by 1, 2) b
    group by b.therapist_id
  ),
  weeks as (
    select w::date as week, row_number() over (order by w) as n
    from generate_series(date_trunc('week', $2::timestamp), $3::timestamp, interval '1 week') w
  ),
  -- the page's weekly counts, when asked for ($12)
  page_weeks as (
    select d.therapist_id, date_trunc('week', d.day)::date as week, sum(d.total) as total
    from private.insights_daily d
    where $12
      and d.org_id = $1
      and d.therapist_id in (select id from page)
      and d.day >= $2 and d.day <= $3
      and ($4::uuid is null or d.payer_id = $4)
      and ($5::public.referral_source is null or d.source = $5)
      and ($7::uuid is null or d.location_id = $7)
    group by 1, 2
  ),
  weekly as (
    select t.therapist_id,
           private.dense_weekly_counts(array_agg(w.n::integer), array_agg(t.total::bigint),
                                       (select count(*)::integer from weeks)) as weekly
    from page_weeks t join weeks w on w.week = t.week
    group by t.therapist_id
  )
  select jsonb_build_object(
    'total', (select count(*) from agg),
    'rows', coalesce((
      select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
               'id', p.id,
               'name', p.name,
               'volume', p.volume,
               'confirm_rate', round(p.confirmed::numeric / p.volume, 4),
               'expiry_rate', round(p.expired::numeric / p.volume, 4),
               'weekly', case when $12 then coalesce(w.weekly, '[]'::jsonb) end))
               || jsonb_build_object('median_hours', round(coalesce(p.median_hours, pm.median_hours)::numeric, 2))
             order by p.n)
      from page p
      left join page_medians pm on pm.therapist_id = p.id
      left join weekly w on w.therapist_id = p.id), '[]'::jsonb))
  $q$, sort_key)
  into result
  using program_insights_therapists_from_rollups.org_id, period_from, period_to, payer, source_kind, therapist,
        office, whole_clinic, own_therapists, page_offset, page_size, with_weekly, medians_of_all;
  return result;
end;
$$;
