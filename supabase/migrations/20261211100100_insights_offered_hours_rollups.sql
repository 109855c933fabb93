-- Open capacity's external hours offered, kept ahead of the call: for the whole clinic,
-- `program_insights` summed every occurrence of the clinic's external blocks overlapping the
-- period (bench-large: 20,000 occurrences of 5,000 therapists, read block by block, about 55 ms of
-- a 50 ms budget). This table holds the same hours per clinic, office and day of the clinic's zone;
-- an occurrence that crosses the clinic's midnight counts its part on each day, so the sum of a
-- period's days is the sum of the occurrences clipped to the period, exact (numeric seconds).
-- One therapist's hours (the therapist filter, a therapist's own figures) stay read from that
-- therapist's occurrences, a few hundred rows through an index; per-therapist rows would be one
-- row per occurrence (1.4 million at bench scale) and save nothing.
--
-- What the figure counts is an occurrence of a block that accepts external appointments, at the
-- block's office. So:
-- - statement triggers on the occurrences add what is inserted and take away what is deleted,
--   by the block's flag and office at that moment (every write of a block re-expands it: its
--   occurrences deleted and inserted again; the daily window job does the same);
-- - a change of a block's flag, office or therapist first swaps the block's occurrences from the
--   old block's share to the new one's (a row trigger before the change), so the re-expansion
--   that follows takes away exactly what was counted;
-- - a deleted block takes its share away before its occurrences go in cascade (when they go, the
--   block is gone and they count for nothing).
-- Every write takes the clinic's shared insights lock before reading the clinic's zone; a new
-- zone rebuilds the clinic's rows with the other rollups under the exclusive one. Only the
-- figures' security-definer function reads the table: row level security on, no policy, no grant.

/** External hours offered at one office of a clinic on one day of the clinic's zone. */
create table private.insights_offered_daily_clinic (
  org_id uuid not null,
  day date not null,
  location_id uuid not null,
  seconds numeric not null,
  constraint insights_offered_daily_clinic_key unique (org_id, day, location_id)
);
alter table private.insights_offered_daily_clinic enable row level security;
revoke all on private.insights_offered_daily_clinic from public, anon, authenticated;

/** The days of `zone` that `during` touches, each with the seconds of `during` inside it. */
create function private.insights_offered_days(during tstzrange, zone text)
returns table (day date, seconds numeric)
language sql
immutable
set search_path = ''
as $$
  select g::date, extract(epoch from upper(during * s.span) - lower(during * s.span))
  from generate_series((lower(during) at time zone zone)::date::timestamp,
                       (upper(during) at time zone zone)::date::timestamp, interval '1 day') g
  cross join lateral (select tstzrange(g at time zone zone, (g + interval '1 day') at time zone zone) as span) s
  where during && s.span;
$$;
revoke execute on function private.insights_offered_days(tstzrange, text) from public;

/** The clinic's zone for its insights days, after the clinic's shared insights lock; null when the clinic is gone. */
create function private.insights_zone_locked(org uuid)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  zone text;
begin
  perform private.insights_rollup_lock(org, false);
  select coalesce(o.time_zone, 'UTC') into zone from public.organizations o where o.id = org;
  return zone;
end;
$$;
revoke execute on function private.insights_zone_locked(uuid) from public;

/**
 * Adds the signed seconds of (org, day, office) rows to the clinic's rollup, in key order (two
 * writers of one clinic lock its rows alike instead of deadlocking), leaving no empty row.
 */
create function private.insights_offered_apply(org uuid, days date[], locations uuid[], deltas numeric[])
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  insert into private.insights_offered_daily_clinic as c (org_id, day, location_id, seconds)
  select org, x.day, x.location_id, sum(x.delta)
  from unnest(days, locations, deltas) x (day, location_id, delta)
  group by x.day, x.location_id
  having sum(x.delta) <> 0
  order by x.day, x.location_id
  on conflict on constraint insights_offered_daily_clinic_key do update set seconds = c.seconds + excluded.seconds;
  delete from private.insights_offered_daily_clinic c
  where c.org_id = org and c.seconds = 0
    and (c.day, c.location_id) in (select * from unnest(days, locations));
end;
$$;
revoke execute on function private.insights_offered_apply(uuid, date[], uuid[], numeric[]) from public;

/** Adds (`sign` 1) or takes away (-1) what `block`'s current occurrences offer, by its flag and office. */
create function private.insights_offered_add_block(block public.availability_blocks, sign integer)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  zone text;
  days date[];
  deltas numeric[];
begin
  if not block.accept_external then
    return;
  end if;
  zone := private.insights_zone_locked(block.org_id);
  if zone is null then
    return;
  end if;
  select array_agg(d.day), array_agg(sign * d.seconds) into days, deltas
  from public.availability_occurrences o
  cross join lateral private.insights_offered_days(o.during, zone) d
  where o.block_id = block.id;
  if days is not null then
    perform private.insights_offered_apply(block.org_id, days, array_fill(block.location_id, array[cardinality(days)]), deltas);
  end if;
end;
$$;
revoke execute on function private.insights_offered_add_block(public.availability_blocks, integer) from public;

/**
 * After a statement on the occurrences: what it inserted in, what it deleted out, per clinic. An
 * occurrence counts by its block as it is now: a block gone (deleted in cascade) counts nothing.
 */
create function private.insights_offered_on_occurrence_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  org uuid;
  changed record;
begin
  -- each branch reads only the transition tables its event has; the clinics' shared locks first
  -- (in key order), so each zone read after them is the one a rebuild left
  if tg_op in ('INSERT', 'UPDATE') then
    for org in select distinct n.org_id from new_rows n order by 1 loop
      perform private.insights_rollup_lock(org, false);
    end loop;
    for changed in
      select c.org_id, array_agg(d.day) as days, array_agg(b.location_id) as locations, array_agg(d.seconds) as deltas
      from new_rows c
      join public.organizations z on z.id = c.org_id
      join public.availability_blocks b on b.id = c.block_id and b.accept_external
      cross join lateral private.insights_offered_days(c.during, coalesce(z.time_zone, 'UTC')) d
      group by c.org_id
      order by c.org_id
    loop
      perform private.insights_offered_apply(changed.org_id, changed.days, changed.locations, changed.deltas);
    end loop;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    for org in select distinct o.org_id from old_rows o order by 1 loop
      perform private.insights_rollup_lock(org, false);
    end loop;
    for changed in
      select c.org_id, array_agg(d.day) as days, array_agg(b.location_id) as locations, array_agg(-d.seconds) as deltas
      from old_rows c
      join public.organizations z on z.id = c.org_id
      join public.availability_blocks b on b.id = c.block_id and b.accept_external
      cross join lateral private.insights_offered_days(c.during, coalesce(z.time_zone, 'UTC')) d
      group by c.org_id
      order by c.org_id
    loop
      perform private.insights_offered_apply(changed.org_id, changed.days, changed.locations, changed.deltas);
    end loop;
  end if;
  return null;
end;
$$;
revoke execute on function private.insights_offered_on_occurrence_change() from public;

/**
 * Before a block's flag, office or therapist changes: its occurrences move from the old block's
 * share to the new one's, so taking them away when it is re-expanded takes away what was counted.
 * Before a block is deleted: its share goes (its occurrences, deleted after it, find no block).
 */
create function private.insights_offered_on_block_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.insights_offered_add_block(old, -1);
  if tg_op = 'UPDATE' then
    perform private.insights_offered_add_block(new, 1);
    return new;
  end if;
  return old;
end;
$$;
revoke execute on function private.insights_offered_on_block_change() from public;

/**
 * Rebuilds the offered-hours rollup from the occurrences, of one clinic or (null) of all: the
 * backfill, a seed's load, and a clinic's days again when its zone changes. Idempotent.
 */
create function private.rebuild_insights_offered_rollups(org uuid default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if org is not null then
    perform private.insights_rollup_lock(org, true);
  end if;
  delete from private.insights_offered_daily_clinic c where org is null or c.org_id = org;
  insert into private.insights_offered_daily_clinic (org_id, day, location_id, seconds)
  select b.org_id, d.day, b.location_id, sum(d.seconds)
  from public.availability_blocks b
  join public.organizations z on z.id = b.org_id
  join public.availability_occurrences o on o.block_id = b.id
  cross join lateral private.insights_offered_days(o.during, coalesce(z.time_zone, 'UTC')) d
  where b.accept_external and (org is null or b.org_id = org)
  group by b.org_id, d.day, b.location_id
  having sum(d.seconds) <> 0;
end;
$$;
revoke execute on function private.rebuild_insights_offered_rollups(uuid) from public;

/** A clinic's new time zone moves its days: every insights rollup is rebuilt, under one exclusive lock. */
create or replace function private.insights_rollup_on_time_zone_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.rebuild_insights_rollups(new.id);
  perform private.rebuild_insights_clinic_rollups(new.id);
  perform private.rebuild_insights_offered_rollups(new.id);
  return null;
end;
$$;

/** A deleted clinic's rows go with it (its blocks, deleted in cascade, find no clinic to count in). */
create function private.insights_offered_on_clinic_delete()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from private.insights_offered_daily_clinic c where c.org_id = old.id;
  return null;
end;
$$;
revoke execute on function private.insights_offered_on_clinic_delete() from public;

-- the triggers and the backfill in one transaction under locks that let reads on but no write in
-- between: no occurrence is missed or counted twice
do $$
begin
  lock table public.availability_blocks, public.availability_occurrences in share row exclusive mode;
  create trigger availability_occurrences_insights_offered_on_insert
    after insert on public.availability_occurrences
    referencing new table as new_rows
    for each statement execute function private.insights_offered_on_occurrence_change();
  create trigger availability_occurrences_insights_offered_on_update
    after update on public.availability_occurrences
    referencing old table as old_rows new table as new_rows
    for each statement execute function private.insights_offered_on_occurrence_change();
  create trigger availability_occurrences_insights_offered_on_delete
    after delete on public.availability_occurrences
    referencing old table as old_rows
    for each statement execute function private.insights_offered_on_occurrence_change();
  create trigger availability_blocks_insights_offered_on_update
    before update of org_id, staff_id, location_id, accept_external on public.availability_blocks
    for each row
    when ((old.org_id, old.staff_id, old.location_id, old.accept_external)
          is distinct from (new.org_id, new.staff_id, new.location_id, new.accept_external))
    execute function private.insights_offered_on_block_change();
  create trigger availability_blocks_insights_offered_on_delete
    before delete on public.availability_blocks
    for each row execute function private.insights_offered_on_block_change();
  create trigger organizations_insights_offered_on_delete
    after delete on public.organizations
    for each row execute function private.insights_offered_on_clinic_delete();
  perform private.rebuild_insights_offered_rollups();
end;
$$;
analyze private.insights_offered_daily_clinic;
