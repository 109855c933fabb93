-- The growth from the benchmark dataset (bench/seed-large.sql, "1×") to 5×: 2,000 more clinics
-- (2,500 in all), 40,000 more therapists (50,000), 200,000 more clients, 400,000 more appointments
-- (500,000 with the 1× seed's 100,000) and 880,000 more requests (1.1 million past and pending
-- with the 1× seed's 220,000). The clinics the figures read (bench-large, bench-200) do not change:
-- what grows is the platform around them.
--
-- Set-based, so 5× seeds in minutes: every row goes in with triggers off
-- (session_replication_role = replica, which also skips the foreign-key checks: the rows are
-- generated from the clinics' own ids), and what the triggers keep is then built set-based, as
-- they would have made it, by bench/seed-kept-tables.sql (shared with the 1× seed):
-- - availability_occurrences: each new block expanded (the same dates, times and zone as
--   private.expand_availability_block, which the trigger calls once per block);
-- - the insights rollups (per therapist, per clinic, and the external hours offered): their own
--   backfills;
-- - private.pending_request_tally: the new pending requests counted per clinic and therapist.
-- The other triggers of these inserts only check (time zones, enrolment rules, dates of birth,
-- payers of an enrolment: the generated rows pass them) or write what no figure reads and the old
-- seed marked sent at once: the enrolments' audit entries and invitation emails, the alert emails
-- of the new pending requests (no payer has a webhook here, no new staff member a digest
-- preference). bench/growth-check.ts proves the kept tables equal what the triggers make.
-- The new therapists open weekly hours for the next eight weeks (1.1 million occurrences): a
-- year's, like the 1× seed's, would be 7 million rows in the exclusion constraint's GiST, which
-- alone would take longer to index than the whole budget of the 5× seed.
-- The harness drops the secondary indexes of the big tables before this runs and builds them
-- again after.
begin;

-- every trigger (and foreign-key check) off until the kept tables are built below
set local session_replication_role = replica;

insert into public.organizations (id, name, slug, time_zone, referral_program_enabled)
select extensions.gen_random_uuid(), 'Clinic ' || g, 'bench-growth-' || g,
       (array['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'])[1 + g % 4], true
from generate_series(501, 2500) g;

create temporary table growth_org as
select id, substring(slug from '^bench-growth-([0-9]+)$')::int as n
from public.organizations where slug like 'bench-growth-%';
create unique index on growth_org (n);

insert into public.locations (org_id, name, address_line, city, state, postal_code, time_zone)
select o.id, 'Main Office', '100 Main Street', (array['Boston', 'Chicago', 'Denver', 'Seattle'])[1 + o.n % 4],
       (array['MA', 'IL', 'CO', 'WA'])[1 + o.n % 4], '02110', (array['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'])[1 + o.n % 4]
from growth_org o;

-- therapists 10,001 … 50,000, twenty in each new clinic
insert into public.staff_members (id, org_id, first_name, last_name, email, roles, default_location_id)
select extensions.gen_random_uuid(), o.id,
       (array['Avery', 'Rowan', 'Elena', 'Tobias', 'Imani', 'Keiko', 'Mateo', 'Leah', 'Samir', 'Clara'])[1 + g % 10],
       (array['Whitfield', 'Osei', 'Lindgren', 'Castillo', 'Nakamura', 'Abernathy', 'Delgado', 'Fairbanks', 'Moreau', 'Quinn'])[1 + (g / 10) % 10] || ' ' || g,
       'therapist' || g || '@bench.example.org', '{therapist}', l.id
from generate_series(10001, 50000) g
join growth_org o on o.n = 501 + (g - 10001) % 2000
join public.locations l on l.org_id = o.id;

create temporary table growth_staff as
select substring(s.email::text from '^therapist([0-9]+)@')::int as n, s.id, s.org_id, s.default_location_id
from public.staff_members s join growth_org o on o.id = s.org_id;
create unique index on growth_staff (n);
analyze growth_staff;

-- enrolment as in the 1× seed: eight in ten, about five payers each; six in ten Completed (the
-- columns' defaults are what the enrolment trigger sets: active, enrolled now, by no one)
insert into public.program_enrollments (org_id, staff_id)
select org_id, id from growth_staff where n % 10 < 8;

insert into public.enrollment_payers (enrollment_id, payer_id, org_id)
select e.id, p.id, e.org_id
from public.program_enrollments e join growth_staff s on s.id = e.staff_id
cross join lateral (select id, row_number() over (order by name) as i from public.payers) p
where (s.n + p.i) % 6 <> 0;

insert into public.public_profiles (staff_id, org_id, professional_title, license_type, license_state, license_number, about_me,
  specialties, treatment_approaches, ages_served, session_formats, languages, submitted_at)
select s.id, s.org_id, 'LMHC', 'lmhc', 'MA', 'MH-' || s.n, repeat('I help adults with anxiety and stress. ', 6),
       array[(array['anxiety', 'depression', 'trauma_ptsd', 'adhd', 'grief_loss'])[1 + s.n % 5], 'life_transitions'],
       '{cbt}', array[(array['adults', 'young_adults', 'adolescents'])[1 + s.n % 3]], array[(array['telehealth', 'in_person'])[1 + s.n % 2]],
       array['en', (array['es', 'zh', 'fr', 'hi'])[1 + s.n % 4]], now()
from growth_staff s where s.n % 10 < 6;

-- weekly hours for the next eight weeks: Mon/Wed/Thu 09–13 (external for the enrolled)
insert into public.availability_blocks (org_id, staff_id, location_id, valid_from, valid_until, weekdays, start_time, end_time, accept_external)
select s.org_id, s.id, s.default_location_id, current_date - 7, current_date + 56, '{1,3,4}', '09:00', '13:00', s.n % 10 < 8
from growth_staff s;

-- 200,000 clients, a hundred in each new clinic
insert into public.clients (org_id, first_name, last_name, email, date_of_birth, status)
select o.id, 'Client', 'Number ' || g, 'client' || g || '@bench.example.org', date '1960-01-01' + (g % 15000), 'active'
from generate_series(50001, 250000) g join growth_org o on o.n = 501 + g % 2000;

create temporary table growth_client as
select distinct on (org_id) org_id, id from public.clients c where c.org_id in (select id from growth_org) order by org_id, id;
create unique index on growth_client (org_id);

-- 400,000 appointments, afternoons (never overlapping the availability), ten per therapist
insert into public.appointments (org_id, staff_id, client_id, location_id, during)
select s.org_id, s.id, c.id, s.default_location_id,
       tstzrange(d + time '14:00' + (k * interval '1 hour'), d + time '14:50' + (k * interval '1 hour'))
from (select g, (current_date - 200 + (g / 40000) * 26 + g % 26)::timestamp as d, (g / 26) % 3 as k from generate_series(0, 399999) g) a
join growth_staff s on s.n = 10001 + a.g % 40000
join growth_client c on c.org_id = s.org_id
on conflict do nothing;

-- 800,000 past requests (expired) and 80,000 pending (a therapist's two on different days)
insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name, last_name, email, phone,
  date_of_birth, status, created_at, expires_at, idempotency_key)
select s.org_id, s.id, s.default_location_id, tstzrange(ts, ts + interval '1 hour'), 'client_portal', null, 'Past', 'Client', 'past' || g || '@bench.example.org',
       '617-555-0100', '1985-01-01', 'expired', ts - interval '3 days', ts - interval '1 day', 'bench-past-' || g
from (select g, now() - interval '300 days' + (g % 280) * interval '1 day' + (g % 7) * interval '1 hour' as ts from generate_series(200001, 1000000) g) p
join growth_staff s on s.n = 10001 + p.g % 40000;

insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name, last_name, email, phone,
  date_of_birth, status, expires_at, idempotency_key)
select s.org_id, s.id, s.default_location_id, tstzrange(ts, ts + interval '1 hour'), 'payer', (select id from public.payers order by name limit 1),
       'Pending', 'Client', 'pending' || g || '@bench.example.org', '617-555-0100', '1985-01-01', 'pending', least(now() + interval '47 hours', ts), 'bench-pending-' || g
from (select g, date_trunc('day', now()) + interval '3 days' + ((g % 50 + g / 40000) % 50) * interval '1 day' + interval '18 hours' + ((g / 50) % 5) * interval '30 minutes' as ts
      from generate_series(20001, 100000) g) p
join growth_staff s on s.n = 10001 + p.g % 40000
on conflict do nothing;

set local session_replication_role = origin;

-- what the triggers keep, built set-based (the snippet both seeds share)
create temporary table seed_staff as select id from growth_staff;
create temporary table seed_org as select id from growth_org;
\ir seed-kept-tables.sql

commit
