-- What the triggers of the big tables keep, built set-based after a seed loaded them with the
-- triggers off (included by bench/seed-large.sql and bench/seed-growth.sql with `\ir`, inside
-- their transaction). The including seed names what it loaded in two temporary tables: seed_staff (id of each therapist it made) and seed_org (id of each clinic it made).
-- bench/growth-check.ts proves the result equals what the triggers make.

-- what the per-row trigger of availability_blocks writes: each block's dates on its weekdays, from
-- valid_from to the window's end, at its times in the office's zone (expand_availability_block);
-- a block's rows written together, as the trigger writes them; inserted with the triggers still
-- off (the offered-hours rollup of these rows is built below in one statement)
set local session_replication_role = replica;
insert into public.availability_occurrences (block_id, org_id, staff_id, during)
select b.id, b.org_id, b.staff_id,
       tstzrange((d::date + b.start_time) at time zone l.time_zone, (d::date + b.end_time) at time zone l.time_zone, '[)')
from seed_staff s
join public.availability_blocks b on b.staff_id = s.id
join public.locations l on l.id = b.location_id
cross join lateral generate_series(
       b.valid_from::timestamp,
       least(coalesce(b.valid_until, 'infinity'::date), current_date + private.availability_window_days())::timestamp,
       interval '1 day') d
where b.weekdays is null or extract(isodow from d)::smallint = any (b.weekdays);
set local session_replication_role = origin;

-- what the per-row insights triggers keep: the rollups' own backfills, over every request
select private.rebuild_insights_rollups();
select private.rebuild_insights_clinic_rollups();

-- what the occurrences' statement triggers keep: the offered hours, rebuilt whole in one statement
-- (one call per clinic would scan every occurrence once per clinic)
select private.rebuild_insights_offered_rollups();

-- what the statement trigger keeps: the new pending requests per clinic and therapist
insert into private.pending_request_tally as t (org_id, therapist_id, pending)
select r.org_id, r.therapist_id, count(*)::integer
from public.referral_requests r join seed_org o on o.id = r.org_id
where r.status = 'pending'
group by r.org_id, r.therapist_id
on conflict (org_id, therapist_id) do update set pending = t.pending + excluded.pending;
