-- The per-therapist table's call returns json instead of jsonb. Its every-row call (the CSV: 5,000
-- rows at bench-large) spent about 75 ms of backend CPU, over half of it building 5,000 jsonb
-- objects, stripping their nulls, merging in the median, aggregating them and printing the result;
-- built as json the same rows cost about 40 ms. Each row is a record of the output columns (which
-- json_agg writes as keys, measured cheaper than json_build_object per row), and the two rates are
-- rounded in integer arithmetic: for 0 <= c <= v, `round(c::numeric / v, 4)` is
-- `((20000 * c + v) / (2 * v)) * 0.0001` exactly — numeric rounds half away from zero, which is
-- floor(c / v * 10^4 + 1/2) for c >= 0, and the division's own rounding (at 16 or more
-- significant digits) is far below the 1 / (20000 v) that separates c / v from any half-way point,
-- so both give the same digits, scale 4 ("1.0000", "0.0000" included). Every figure, key and row
-- order is unchanged; only the type (json, not jsonb) and so the key order inside a row differ,
-- which a JSON reader does not see. The return type changes, so both functions are created anew
-- with the same grants.

drop function public.program_insights_therapists(
  uuid, date, date, uuid, public.referral_source, uuid, uuid, text, boolean, integer, integer, boolean);
drop function private.program_insights_therapists_from_rollups(
  uuid, date, date, uuid, public.referral_source, uuid, uuid, text, boolean, integer, integer, boolean);

/**
 * One page of the per-therapist table for the caller, from the rollups: `sort_by` one of 'name',
 * 'volume', 'confirm', 'expiry', 'median' (no decision sorts last either way), ties by name then
 * id; `total` counts every therapist with a request in the period and filters.
 */
create function private.program_insights_therapists_from_rollups(
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
returns json
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
  result json;
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
  -- built as json, not jsonb: for the CSV's 5,000 rows the jsonb objects cost about as much as
  -- everything else; the rates are rounded in integers (see the header)
  select json_build_object(
    'total', (select count(*) from agg),
    'rows', coalesce((
      select json_agg(r order by p.n)
      from page p
      left join page_medians pm on pm.therapist_id = p.id
      left join weekly w on w.therapist_id = p.id
      cross join lateral (
        select p.id, p.name, p.volume,
               ((20000 * p.confirmed + p.volume) / (2 * p.volume)) * 0.0001 as confirm_rate,
               ((20000 * p.expired + p.volume) / (2 * p.volume)) * 0.0001 as expiry_rate,
               round(coalesce(p.median_hours, pm.median_hours)::numeric, 2) as median_hours%2$s) r), '[]'::json))
  $q$, sort_key,
    -- the weekly counts' column, only when asked for
    case when with_weekly then $w$, coalesce(w.weekly, '[]'::jsonb) as weekly$w$ else '' end)
  into result
  using program_insights_therapists_from_rollups.org_id, period_from, period_to, payer, source_kind, therapist,
        office, whole_clinic, own_therapists, page_offset, page_size, with_weekly, medians_of_all;
  return result;
end;
$$;
revoke execute on function private.program_insights_therapists_from_rollups(
  uuid, date, date, uuid, public.referral_source, uuid, uuid, text, boolean, integer, integer, boolean) from public, anon;
grant execute on function private.program_insights_therapists_from_rollups(
  uuid, date, date, uuid, public.referral_source, uuid, uuid, text, boolean, integer, integer, boolean)
  to authenticated, service_role;

/**
 * A page of the per-therapist table of Program insights, with the same period, filters and
 * refusals as `public.program_insights`: `{ total, rows }`, each row `{ id, name, volume,
 * confirm_rate, expiry_rate, median_hours, weekly? }` (`weekly` when `with_weekly`).
 */
create function public.program_insights_therapists(
  org_id uuid,
  period_from date,
  period_to date,
  payer uuid default null,
  source_kind public.referral_source default null,
  therapist uuid default null,
  office uuid default null,
  sort_by text default 'volume',
  descending boolean default true,
  page_offset integer default 0,
  page_size integer default 25,
  with_weekly boolean default true
)
returns json
language plpgsql
stable
security invoker
set search_path = ''
as $$
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
  if sort_by is null or sort_by not in ('name', 'volume', 'confirm', 'expiry', 'median') then
    raise exception 'Sort by name, volume, confirm, expiry or median.' using errcode = '22023', hint = 'sort_by';
  end if;
  if page_offset is null or page_offset < 0 or page_size is null or page_size < 1 or page_size > 10000 then
    raise exception 'A page starts at row 0 or later and holds 1 to 10,000 rows.'
      using errcode = '22023', hint = 'page';
  end if;
  return private.program_insights_therapists_from_rollups(
    program_insights_therapists.org_id, period_from, period_to, payer, source_kind, therapist, office,
    sort_by, coalesce(descending, true), page_offset, page_size, coalesce(with_weekly, true));
end;
$$;
revoke execute on function public.program_insights_therapists(
  uuid, date, date, uuid, public.referral_source, uuid, uuid, text, boolean, integer, integer, boolean) from public, anon;
grant execute on function public.program_insights_therapists(
  uuid, date, date, uuid, public.referral_source, uuid, uuid, text, boolean, integer, integer, boolean)
  to authenticated, service_role;
