-- The SQL side of an availability occurrence that a clock change falls in (the offset at every
-- session boundary) had no database test: the feed's window is the next 60 days, and none of the
-- year's clock changes need fall in it when the tests run. public.payer_fhir_slot_sources now
-- takes the instant it reads the feed at, `as_of`, defaulting to now(), so a test can ask for the
-- feed as it will be on a night the clocks change; the payer-api function leaves it out, and what
-- it answers is unchanged. A new argument is a new signature, so the function is dropped and made
-- again with the same grants (PostgREST's named arguments find it as before).

drop function public.payer_fhir_slot_sources(uuid, integer, timestamptz, uuid, integer, integer);

/**
 * What a page of a payer's Slot file is written from: `page_size` therapists listed for the payer
 * (the directory's rule) after `after_id`, in id order, every one of them a row (so a short page
 * is the last). Per therapist: the clinic's slug (for the booking deep link), the session length,
 * `occurrences` as `[first start (epoch seconds), sessions, offset]` of each availability
 * occurrence open to referrals that has a session within the next 60 days, the clinic's notice
 * and booking horizon applied (`offset` is the office's UTC offset in seconds for every session
 * start and end of the occurrence, or, when a clock change falls inside it, an array of the
 * offsets at each session boundary, one more than the sessions), and `busy` as `[start, end)`
 * epoch pairs of the time held by scheduled appointments, pending or still-verifying requests and
 * times offered to a client, merged and in order. `since` keeps only therapists whose slots may
 * have changed at or after it. `part` of `parts` keeps the therapists whose id falls in that share
 * of the id space (its first 32 bits): the Slot file split into files of their own. `as_of` is
 * the instant the window, the notice and the held times are read from: now, unless a test asks
 * for the feed as it will be on a given day.
 */
create function public.payer_fhir_slot_sources(
  payer uuid,
  page_size integer,
  since timestamptz default null,
  after_id uuid default null,
  part integer default 0,
  parts integer default 1,
  -- the feed as it is at this instant: its 60 days, notice, horizon and what holds time run from here
  as_of timestamptz default pg_catalog.now()
)
returns table (therapist uuid, slug text, session_seconds integer, occurrences json, busy json)
language plpgsql
stable
set search_path = ''
as $$
declare
  size constant integer := least(greatest(page_size, 1), 2000);
begin
  if payer is null or as_of is null then
    raise exception 'payer and as_of are required' using errcode = '22023';
  end if;
  if parts is null or parts < 1 or parts > 64 or part is null or part < 0 or part >= parts then
    raise exception 'part must be from 0 to parts - 1, parts from 1 to 64' using errcode = '22023';
  end if;
  return query
  with page as materialized (
    select l.staff_id as id, o.slug, o.session_length_minutes * 60 as session_seconds,
           greatest(as_of, as_of + make_interval(hours => o.min_notice_hours)) as lo,
           least(as_of + interval '60 days', as_of + make_interval(days => o.booking_horizon_days)) as hi
    from private.listed_profiles l
    join public.organizations o on o.id = l.org_id
    where exists (select 1 from public.enrollment_payers ep
                  where ep.enrollment_id = l.enrollment_id and ep.payer_id = payer)
      and (after_id is null or l.staff_id > after_id)
      and (parts = 1 or ('x' || left(l.staff_id::text, 8))::bit(32)::bigint * parts / 4294967296 = part)
      and (since is null or private.slots_changed_at(l.staff_id, as_of) >= since)
    order by l.staff_id
    limit size
  )
  select page.id, page.slug, page.session_seconds,
         coalesce(occ.list, '[]'::json),
         coalesce(held.list, '[]'::json)
  from page
  cross join lateral (
    select json_agg(json_build_array(
             extract(epoch from w.first_start)::float8,
             w.sessions,
             case when w.offset_first = w.offset_last then pg_catalog.to_json(w.offset_first)
                  -- a clock change inside the occurrence: the offset at every session boundary
                  else (select json_agg(extract(epoch from (b at time zone w.time_zone) - (b at time zone 'UTC'))::integer order by n)
                        from generate_series(0, w.sessions) n,
                             lateral (select w.first_start + n * make_interval(secs => page.session_seconds) as b) bounds)
             end) order by w.first_start) as list
    from (
      select k.first_start, k.sessions, k.time_zone,
             extract(epoch from (k.first_start at time zone k.time_zone) - (k.first_start at time zone 'UTC'))::integer as offset_first,
             extract(epoch from (k.last_end at time zone k.time_zone) - (k.last_end at time zone 'UTC'))::integer as offset_last
      from (
        select s.time_zone,
               lower(s.during) + s.k_first * make_interval(secs => page.session_seconds) as first_start,
               s.k_end - s.k_first as sessions,
               lower(s.during) + s.k_end * make_interval(secs => page.session_seconds) as last_end
        from (
          -- the k-th session of an occurrence starts k sessions after it; it is offered when it
          -- starts no sooner than the notice allows and ends within the horizon and the occurrence
          select occ.during, loc.time_zone,
                 greatest(0, ceil(extract(epoch from page.lo - lower(occ.during)) / page.session_seconds))::integer as k_first,
                 least(floor(extract(epoch from upper(occ.during) - lower(occ.during)) / page.session_seconds),
                       floor(extract(epoch from page.hi - lower(occ.during)) / page.session_seconds))::integer as k_end
          from public.availability_occurrences occ
          join public.availability_blocks b on b.id = occ.block_id and b.accept_external
          join public.locations loc on loc.id = b.location_id
          where occ.staff_id = page.id and lower(occ.during) < page.hi and upper(occ.during) > page.lo
        ) s
        where s.k_end > s.k_first
      ) k
    ) w
  ) occ
  -- what holds the therapist's time, as private.open_slots_of counts it, gathered once
  cross join lateral (
    select json_agg(json_build_array(extract(epoch from lower(r))::float8, extract(epoch from upper(r))::float8) order by r) as list
    from pg_catalog.unnest(
      coalesce((select pg_catalog.range_agg(a.during) from public.appointments a
                where a.staff_id = page.id and a.status = 'scheduled'
                  and upper(a.during) > page.lo and lower(a.during) < page.hi), '{}'::tstzmultirange)
      + coalesce((select pg_catalog.range_agg(r.slot) from public.referral_requests r
                  where r.therapist_id = page.id and r.status in ('pending', 'unverified')
                    and (r.status = 'pending' or r.expires_at > as_of)
                    and upper(r.slot) > page.lo and lower(r.slot) < page.hi), '{}'::tstzmultirange)
      + coalesce((select pg_catalog.range_agg(h.slot) from public.request_offered_times h
                  where h.therapist_id = page.id and h.released_at is null and h.held_until > as_of
                    and upper(h.slot) > page.lo and lower(h.slot) < page.hi), '{}'::tstzmultirange)
    ) r
  ) held
  order by page.id;
end;
$$;

revoke execute on function public.payer_fhir_slot_sources(uuid, integer, timestamptz, uuid, integer, integer, timestamptz) from public, anon, authenticated;
grant execute on function public.payer_fhir_slot_sources(uuid, integer, timestamptz, uuid, integer, integer, timestamptz) to service_role;
