-- The per-therapist table of program insights sums the period's per-therapist rollup rows (a year
-- of a busy clinic is 14,000 rows, 40,000 at bench-large): read through the unique key, each row
-- was a heap visit, 30–45 ms of a 50 ms budget on a busy machine. These indexes hold every column
-- that table reads (the filters and the sums), so the rows of past days — all-visible once
-- vacuumed, since only recent days still change — are read from the index alone. The hash
-- aggregates over them (one group per therapist) also get the memory to stay off disk.

create index insights_daily_therapist_sums_idx on private.insights_daily (org_id, day)
  include (therapist_id, source, payer_id, location_id, total, confirmed, expired);

create index insights_daily_decisions_therapist_bins_idx on private.insights_daily_decisions (org_id, day)
  include (therapist_id, source, payer_id, location_id, quarter_hours, n);

alter function private.program_insights_from_rollups(uuid, text, date, date, uuid, public.referral_source, uuid, uuid)
  set work_mem = '16MB';

analyze private.insights_daily;
analyze private.insights_daily_decisions;
