-- The benchmark dataset (never the demo): 500 clinics, 10,000 therapists (8,000 enrolled,
-- 6,000 Completed, ~5 payers each), weekly availability for all, 50,000 clients,
-- 100,000 appointments, 200,000 past and 20,000 pending referral requests (plus 60,000 handled
-- ones and 20,000 appointments in bench-200, for the Handled history).
-- One clinic ("bench-large") holds 5,000 enrolled staff for the grid; one ("bench-200") has
-- 200 therapists for the scheduler's queue.
-- The clinics, staff, enrolments and profiles go in with every trigger; the big tables
-- (availability, clients, appointments, requests) with triggers and foreign-key checks off
-- (session_replication_role = replica; the rows are generated from the clinics' own ids), and what
-- their triggers keep is then built set-based, as the triggers would have made it (checked by
-- bench/growth-check.ts; bench/seed-kept-tables.sql, shared with the growth seed): the
-- availability occurrences, the insights rollups and the pending tally.
-- The alert emails of the pending requests are not written (the harness dropped them before
-- measuring anyway); no payer has a webhook and no staff member a digest preference here.
-- one transaction: enrolments need their payers by commit
begin;

insert into public.organizations (id, name, slug, time_zone, referral_program_enabled)
select extensions.gen_random_uuid(), 'Clinic ' || g, case g when 1 then 'bench-large' when 2 then 'bench-200' else 'bench-clinic-' || g end,
       (array['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'])[1 + g % 4], true
from generate_series(1, 500) g;

create temporary table bench_org as
select id, slug, row_number() over (order by slug = 'bench-large' desc, slug = 'bench-200' desc, slug) as n
from public.organizations where slug like 'bench-%';

insert into public.locations (org_id, name, address_line, city, state, postal_code, time_zone)
select o.id, 'Main Office', '100 Main Street', (array['Boston', 'Chicago', 'Denver', 'Seattle'])[1 + o.n % 4],
       (array['MA', 'IL', 'CO', 'WA'])[1 + o.n % 4], '02110', (array['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'])[1 + o.n % 4]
from bench_org o;

-- therapists: 5,000 in bench-large, 200 in bench-200, the rest spread over the other 498 clinics
create temporary table bench_therapist as
select g as n,
       case when g <= 5000 then 1 when g <= 5200 then 2 else 3 + (g - 5201) % 498 end as org_n
from generate_series(1, 10000) g;

insert into public.staff_members (id, org_id, first_name, last_name, email, roles, default_location_id)
select extensions.gen_random_uuid(), o.id,
       (array['Avery', 'Rowan', 'Elena', 'Tobias', 'Imani', 'Keiko', 'Mateo', 'Leah', 'Samir', 'Clara'])[1 + t.n % 10],
       (array['Whitfield', 'Osei', 'Lindgren', 'Castillo', 'Nakamura', 'Abernathy', 'Delgado', 'Fairbanks', 'Moreau', 'Quinn'])[1 + (t.n / 10) % 10] || ' ' || t.n,
       'therapist' || t.n || '@bench.example.org', '{therapist}', l.id
from bench_therapist t join bench_org o on o.n = t.org_n join public.locations l on l.org_id = o.id;

-- therapist number → staff row, so later joins compare integers instead of citext emails
create temporary table bench_staff as
select substring(s.email::text from '^therapist([0-9]+)@')::int as n, s.id, s.org_id, s.default_location_id
from public.staff_members s where s.email::text like 'therapist%@bench.example.org';
create unique index on bench_staff (n);
analyze bench_staff;

-- one admin and one scheduler per clinic (with accounts, for RLS measurements in two clinics)
insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', extensions.gen_random_uuid(), 'authenticated', 'authenticated', r.role || '@' || o.slug || '.example.org',
       extensions.crypt('bench-password', extensions.gen_salt('bf', 4)), now(), '{"provider":"email","providers":["email"]}', '{}', now(), now()
from bench_org o cross join (values ('admin'), ('scheduler')) r (role) where o.n <= 2;
insert into public.staff_members (org_id, user_id, first_name, last_name, email, roles)
select o.id, u.id, initcap(split_part(u.email, '@', 1)), 'Bench', u.email,
       (case when u.email like 'admin@%' then '{org_admin}' else '{scheduler}' end)::public.staff_role[]
from auth.users u join bench_org o on u.email like '%@' || o.slug || '.example.org';

-- enrolment: the first 8,000 therapists, ~5 payers each (payer i when (n + i) % 5 <> 0 → 4, plus one more for some)
create temporary table bench_enrol as
select s.id as staff_id, s.org_id, s.n from bench_staff s where s.n <= 8000;

insert into public.program_enrollments (org_id, staff_id) select org_id, staff_id from bench_enrol;
insert into public.enrollment_payers (enrollment_id, payer_id, org_id)
select e.id, p.id, e.org_id
from public.program_enrollments e join bench_enrol b on b.staff_id = e.staff_id
cross join lateral (select id, row_number() over (order by name) as i from public.payers) p
where (b.n + p.i) % 6 <> 0;
update public.notification_outbox set status = 'sent', sent_at = now() where status = 'pending';

-- 6,000 Completed profiles
insert into public.public_profiles (staff_id, org_id, professional_title, license_type, license_state, license_number, about_me,
  specialties, treatment_approaches, ages_served, session_formats, languages, submitted_at)
select b.staff_id, b.org_id, 'LMHC', 'lmhc', 'MA', 'MH-' || b.n, repeat('I help adults with anxiety and stress. ', 6),
       array[(array['anxiety', 'depression', 'trauma_ptsd', 'adhd', 'grief_loss'])[1 + b.n % 5], 'life_transitions'],
       '{cbt}', array[(array['adults', 'young_adults', 'adolescents'])[1 + b.n % 3]], array[(array['telehealth', 'in_person'])[1 + b.n % 2]],
       array['en', (array['es', 'zh', 'fr', 'hi'])[1 + b.n % 4]], now()
from bench_enrol b where b.n <= 6000;

-- the big tables: triggers (and foreign-key checks) off until their kept tables are built below
set local session_replication_role = replica;

-- weekly availability for every therapist: Mon/Wed/Thu 09–13 (external for the enrolled)
insert into public.availability_blocks (org_id, staff_id, location_id, valid_from, weekdays, start_time, end_time, accept_external)
select s.org_id, s.id, s.default_location_id, current_date - 7, '{1,3,4}', '09:00', '13:00', s.n <= 8000
from bench_staff s;

-- 50,000 clients, 100,000 appointments (afternoons, so they never overlap the availability)
insert into public.clients (org_id, first_name, last_name, email, date_of_birth, status)
select o.id, 'Client', 'Number ' || g, 'client' || g || '@bench.example.org', date '1960-01-01' + (g % 15000), 'active'
from generate_series(1, 50000) g join bench_org o on o.n = 1 + g % 500;

insert into public.appointments (org_id, staff_id, client_id, location_id, during)
select s.org_id, s.id, c.id, s.default_location_id,
       tstzrange(d + time '14:00' + (k * interval '1 hour'), d + time '14:50' + (k * interval '1 hour'))
from (select g, (current_date - 200 + (g / 30) % 260)::timestamp as d, g % 3 as k from generate_series(1, 100000) g) a
join bench_staff s on s.n = 1 + a.g % 10000
join lateral (select c.id from public.clients c where c.org_id = s.org_id limit 1) c on true
on conflict do nothing;

-- 200,000 past requests (decided or expired) and 20,000 pending, half of those in bench-200
insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name, last_name, email, phone,
  date_of_birth, status, created_at, expires_at, decided_at, decline_reason, appointment_id, idempotency_key)
select s.org_id, s.id, s.default_location_id, tstzrange(ts, ts + interval '1 hour'), 'client_portal', null, 'Past', 'Client', 'past' || g || '@bench.example.org',
       '617-555-0100', '1985-01-01', 'expired', ts - interval '3 days', ts - interval '1 day', null, null, null, 'bench-past-' || g
from (select g, now() - interval '300 days' + (g % 280) * interval '1 day' + (g % 7) * interval '1 hour' as ts from generate_series(1, 200000) g) p
join bench_staff s on s.n = 1 + p.g % 10000;

insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name, last_name, email, phone,
  date_of_birth, status, expires_at, idempotency_key)
select s.org_id, s.id, s.default_location_id, tstzrange(ts, ts + interval '1 hour'), 'payer', (select id from public.payers order by name limit 1),
       'Pending', 'Client', 'pending' || g || '@bench.example.org', '617-555-0100', '1985-01-01', 'pending', least(now() + interval '47 hours', ts), 'bench-pending-' || g
from (select g, date_trunc('day', now()) + interval '3 days' + (g % 50) * interval '1 day' + interval '18 hours' + ((g / 50) % 5) * interval '30 minutes' as ts
      from generate_series(1, 20000) g) p
join bench_staff s on s.n = case when p.g <= 10000 then 5001 + p.g % 200 else 1 + p.g % 10000 end
on conflict do nothing;

-- bench-200's history: 60,000 handled requests (the Handled tab at scale), a third each confirmed
-- (with their appointments, a year back so they overlap nothing above), declined and expired;
-- a quarter from the client portal, the rest from three payers; decided by the clinic's scheduler
create temporary table bench_handled as
select g, s.org_id, s.id as therapist_id, s.default_location_id as location_id,
       date_trunc('hour', now()) - interval '420 days' + (g / 200) * interval '2 hours' as ts,
       (array['expired', 'declined', 'confirmed'])[1 + g % 3]::public.referral_status as status
from generate_series(0, 59999) g join bench_staff s on s.n = 5001 + g % 200;

create temporary table bench_handled_appointment as
with made as (
  insert into public.appointments (org_id, staff_id, client_id, location_id, during)
  select h.org_id, h.therapist_id, c.id, h.location_id, tstzrange(h.ts, h.ts + interval '1 hour')
  from bench_handled h
  join lateral (select c.id from public.clients c where c.org_id = h.org_id limit 1) c on true
  where h.status = 'confirmed'
  returning id, staff_id, lower(during) as starts
) select * from made;

insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name, last_name, email, phone,
  date_of_birth, status, created_at, expires_at, decided_by, decided_at, decline_reason, appointment_id, idempotency_key)
select h.org_id, h.therapist_id, h.location_id, tstzrange(h.ts, h.ts + interval '1 hour'),
       case when h.g % 4 = 0 then 'client_portal' else 'payer' end::public.referral_source,
       case when h.g % 4 = 0 then null else (select array_agg(id order by name) from public.payers)[1 + h.g % 3] end,
       'Handled', 'Client ' || h.g, 'handled' || h.g || '@bench.example.org', '617-555-0100', '1985-01-01', h.status,
       h.ts - interval '3 days', h.ts - interval '1 day',
       case when h.status <> 'expired' then u.id end,
       case when h.status <> 'expired' then h.ts - interval '3 days' + (h.g % 40) * interval '1 hour' end,
       case when h.status = 'declined' then 'no_availability' end,
       a.id, 'bench-handled-' || h.g
from bench_handled h
join auth.users u on u.email = 'scheduler@bench-200.example.org'
left join bench_handled_appointment a on a.staff_id = h.therapist_id and a.starts = h.ts;

set local session_replication_role = origin;

-- what the triggers keep, built set-based (the snippet both seeds share)
create temporary table seed_staff as select id from bench_staff;
create temporary table seed_org as select id from bench_org;
\ir seed-kept-tables.sql

commit;

analyze;
