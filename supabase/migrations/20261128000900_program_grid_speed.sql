-- The program grid of a clinic with 5,000 enrolled staff, searched by name and filtered by
-- Application Status, through the admin's policies. Two costs dominated:
--  * the planner guessed 0.5 % for `application_status = …` (a CASE over the profile), so it
--    probed the staff table once per enrollment instead of joining the few staff whose name
--    matches; statistics on that expression give it the real share;
--  * ILIKE over first and last name, per row: under row-level security a search cannot use an
--    index (ILIKE is not leakproof), so every row of the clinic is tested. A stored lower-case
--    "last, first" tested with a plain LIKE costs a fraction of two ILIKEs.

create statistics public_profiles_application_status_stats
  on (case when submitted_at is not null then 'completed' else 'incomplete' end)
  from public.public_profiles;

alter table public.staff_members
  add column search_name text generated always as (lower(last_name || ', ' || first_name)) stored;

-- same columns as before, search_name added last (the app filters on it, word by word)
create or replace view public.program_grid with (security_invoker = true) as
select
  e.id as enrollment_id,
  e.org_id,
  e.staff_id,
  s.first_name,
  s.last_name,
  s.last_name || ', ' || s.first_name as staff_name,
  e.status,
  -- keep this expression identical to the statistics above
  case when p.submitted_at is not null then 'completed' else 'incomplete' end as application_status,
  coalesce(array(select ep.payer_id from public.enrollment_payers ep join public.payers py on py.id = ep.payer_id
                 where ep.enrollment_id = e.id order by py.name), '{}') as payer_ids,
  coalesce(array(select py.name from public.enrollment_payers ep join public.payers py on py.id = ep.payer_id
                 where ep.enrollment_id = e.id order by py.name), '{}') as payer_names,
  e.enrolled_at,
  e.deactivated_at,
  s.search_name
from public.program_enrollments e
join public.staff_members s on s.org_id = e.org_id and s.id = e.staff_id
left join public.public_profiles p on p.staff_id = e.staff_id;

analyze public.staff_members, public.public_profiles;

/**
 * One page of the program grid, and how many rows match in all, in one pass over the clinic's
 * enrollments (a `count=exact` read of the view filters everything twice, and computes the payer
 * lists of every match). Reads through the caller's policies (SECURITY INVOKER), like the view.
 * `name_words`: each must appear in "last, first" (lower-case; matched literally).
 * `sort_column`: staff | applicationStatus | status; ties by name, then enrollment id.
 */
create function public.program_grid_page(
  org uuid,
  name_words text[] default '{}',
  only_application_status text default null,
  with_payer uuid default null,
  sort_column text default 'staff',
  descending boolean default false,
  page_offset integer default 0,
  page_size integer default 200
)
returns table (
  enrollment_id uuid,
  staff_id uuid,
  first_name text,
  last_name text,
  status public.enrollment_status,
  application_status text,
  payer_ids uuid[],
  payer_names text[],
  total_count bigint
)
language plpgsql
stable
set search_path = ''
as $$
declare
  -- LIKE patterns with the words' own wildcards escaped
  patterns text[] := array(
    select '%' || replace(replace(replace(lower(w), '\', '\\'), '%', '\%'), '_', '\_') || '%'
    from unnest(coalesce(name_words, '{}')) w where btrim(w) <> '' limit 10);
begin
  if sort_column is null or sort_column not in ('staff', 'applicationStatus', 'status') then
    raise exception 'Sort by staff, applicationStatus or status.' using errcode = '22023', hint = 'unknown_sort_column';
  end if;
  return query
  with matches as (
    select g.enrollment_id, g.staff_id, g.first_name, g.last_name, g.status, g.application_status,
           count(*) over () as total_count,
           row_number() over (order by
             case when sort_column = 'applicationStatus' and not descending then g.application_status end,
             case when sort_column = 'applicationStatus' and descending then g.application_status end desc,
             case when sort_column = 'status' and not descending then g.status end,
             case when sort_column = 'status' and descending then g.status end desc,
             case when sort_column = 'staff' and descending then g.last_name end desc,
             case when sort_column = 'staff' and descending then g.first_name end desc,
             g.last_name, g.first_name, g.enrollment_id) as position
    from public.program_grid g
    where g.org_id = org
      and g.search_name like all (patterns)
      and (only_application_status is null or g.application_status = only_application_status)
      and (with_payer is null or exists (select 1 from public.enrollment_payers ep where ep.enrollment_id = g.enrollment_id and ep.payer_id = with_payer))
  ),
  page as (
    select * from matches m
    where m.position > greatest(page_offset, 0) and m.position <= greatest(page_offset, 0) + least(greatest(page_size, 1), 500)
  )
  -- payers for the page's rows only, sorted by name
  select page.enrollment_id, page.staff_id, page.first_name, page.last_name, page.status, page.application_status,
         coalesce(pay.ids, '{}'), coalesce(pay.names, '{}'), page.total_count
  from page
  left join lateral (
    select array_agg(py.id order by py.name) as ids, array_agg(py.name order by py.name) as names
    from public.enrollment_payers ep join public.payers py on py.id = ep.payer_id
    where ep.enrollment_id = page.enrollment_id
  ) pay on true
  order by page.position;
end;
$$;
revoke execute on function public.program_grid_page(uuid, text[], text, uuid, text, boolean, integer, integer) from public, anon;
grant execute on function public.program_grid_page(uuid, text[], text, uuid, text, boolean, integer, integer) to authenticated;
