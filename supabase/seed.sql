-- Demo data for the local stack (`npm start`). Every demo login's password is: referral-demo
-- Harborview Counseling Collective has the Client Referral Program; Cedar Ridge Family Therapy does not.

insert into public.payers (id, name) values
  ('b0a1e000-0000-4000-8000-000000000001', 'Aetna'),
  ('b0a1e000-0000-4000-8000-000000000002', 'Blue Cross Blue Shield of Massachusetts'),
  ('b0a1e000-0000-4000-8000-000000000003', 'Cigna Healthcare'),
  ('b0a1e000-0000-4000-8000-000000000004', 'UnitedHealthcare'),
  ('b0a1e000-0000-4000-8000-000000000005', 'Harvard Pilgrim Health Care');

insert into public.organizations (id, name, slug, time_zone, referral_program_enabled) values
  ('0a9e0000-0000-4000-8000-000000000001', 'Harborview Counseling Collective', 'harborview', 'America/New_York', true),
  ('0a9e0000-0000-4000-8000-000000000002', 'Cedar Ridge Family Therapy', 'cedar-ridge', 'America/Chicago', false);

insert into public.locations (id, org_id, name, address_line, city, state, postal_code, time_zone) values
  ('10ca0000-0000-4000-8000-000000000001', '0a9e0000-0000-4000-8000-000000000001', 'Back Bay Office', '420 Boylston Street, Suite 610', 'Boston', 'MA', '02116', 'America/New_York'),
  ('10ca0000-0000-4000-8000-000000000002', '0a9e0000-0000-4000-8000-000000000001', 'Denver Highlands Office', '3300 W 32nd Avenue, Suite 200', 'Denver', 'CO', '80211', 'America/Denver'),
  ('10ca0000-0000-4000-8000-000000000003', '0a9e0000-0000-4000-8000-000000000002', 'Oak Park Office', '1010 Lake Street, Suite 305', 'Oak Park', 'IL', '60301', 'America/Chicago');

-- accounts: (user id, email, first, last, org, location, roles, npi, phone, photo)
with people (user_id, email, first_name, last_name, org_id, location_id, roles, npi, office_phone) as (
  values
    ('5e550000-0000-4000-8000-000000000001'::uuid, 'maya.okafor@harborviewcounseling.com', 'Maya', 'Okafor', '0a9e0000-0000-4000-8000-000000000001'::uuid, '10ca0000-0000-4000-8000-000000000001'::uuid, '{org_admin}'::public.staff_role[], null, '(617) 555-0142'),
    ('5e550000-0000-4000-8000-000000000002', 'luis.romero@harborviewcounseling.com', 'Luis', 'Romero', '0a9e0000-0000-4000-8000-000000000001', '10ca0000-0000-4000-8000-000000000001', '{scheduler}', null, '(617) 555-0143'),
    ('5e550000-0000-4000-8000-000000000003', 'priya.raman@harborviewcounseling.com', 'Priya', 'Raman', '0a9e0000-0000-4000-8000-000000000001', '10ca0000-0000-4000-8000-000000000001', '{therapist}', '1578932046', '(617) 555-0151'),
    ('5e550000-0000-4000-8000-000000000004', 'jordan.ellis@harborviewcounseling.com', 'Jordan', 'Ellis', '0a9e0000-0000-4000-8000-000000000001', '10ca0000-0000-4000-8000-000000000001', '{therapist}', '1346287590', '(617) 555-0152'),
    ('5e550000-0000-4000-8000-000000000005', 'sofia.marquez@harborviewcounseling.com', 'Sofia', 'Marquez', '0a9e0000-0000-4000-8000-000000000001', '10ca0000-0000-4000-8000-000000000002', '{therapist}', '1902846571', '(720) 555-0161'),
    ('5e550000-0000-4000-8000-000000000006', 'daniel.cho@harborviewcounseling.com', 'Daniel', 'Cho', '0a9e0000-0000-4000-8000-000000000001', '10ca0000-0000-4000-8000-000000000002', '{therapist}', '1285039467', '(720) 555-0162'),
    ('5e550000-0000-4000-8000-000000000007', 'hannah.whitaker@harborviewcounseling.com', 'Hannah', 'Whitaker', '0a9e0000-0000-4000-8000-000000000001', '10ca0000-0000-4000-8000-000000000001', '{therapist}', '1739502864', '(617) 555-0153'),
    ('5e550000-0000-4000-8000-000000000008', 'marcus.bell@harborviewcounseling.com', 'Marcus', 'Bell', '0a9e0000-0000-4000-8000-000000000001', '10ca0000-0000-4000-8000-000000000002', '{therapist}', '1467308295', '(720) 555-0163'),
    ('5e550000-0000-4000-8000-000000000009', 'grace.lindqvist@cedarridgetherapy.com', 'Grace', 'Lindqvist', '0a9e0000-0000-4000-8000-000000000002', '10ca0000-0000-4000-8000-000000000003', '{org_admin,therapist}', '1093746528', '(708) 555-0171'),
    ('5e550000-0000-4000-8000-00000000000a', 'omar.haddad@cedarridgetherapy.com', 'Omar', 'Haddad', '0a9e0000-0000-4000-8000-000000000002', '10ca0000-0000-4000-8000-000000000003', '{therapist}', '1620495837', '(708) 555-0172')
),
new_users as (
  insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                          raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
  select '00000000-0000-0000-0000-000000000000', p.user_id, 'authenticated', 'authenticated', p.email,
         extensions.crypt('referral-demo', extensions.gen_salt('bf')), now(),
         '{"provider":"email","providers":["email"]}', jsonb_build_object('full_name', p.first_name || ' ' || p.last_name),
         now(), now()
  from people p
  returning id
),
new_identities as (
  insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
  select p.user_id::text, p.user_id, jsonb_build_object('sub', p.user_id::text, 'email', p.email), 'email', now(), now()
  from people p
)
insert into public.staff_members (user_id, org_id, first_name, last_name, email, npi, office_phone, default_location_id, roles)
select p.user_id, p.org_id, p.first_name, p.last_name, p.email, p.npi, p.office_phone, p.location_id, p.roles
from people p
join new_users u on u.id = p.user_id;

-- Client Referral Program at Harborview: Priya has submitted her profile, Jordan and Sofia have
-- not yet; Daniel, Hannah and Marcus are not enrolled (for Add Staff).
select public.enroll_staff(s.id, array(select p.id from public.payers p where p.name = any (e.payer_names)))
from (values
  ('priya.raman@harborviewcounseling.com', array['Aetna', 'Blue Cross Blue Shield of Massachusetts', 'Harvard Pilgrim Health Care']),
  ('jordan.ellis@harborviewcounseling.com', array['Cigna Healthcare', 'UnitedHealthcare']),
  ('sofia.marquez@harborviewcounseling.com', array['Aetna'])
) as e (email, payer_names)
join public.staff_members s on s.email = e.email;

-- Priya's submitted profile, and Jordan's draft
insert into public.public_profiles (
  staff_id, org_id, professional_title, license_type, license_state, license_number, about_me,
  specialties, treatment_approaches, ages_served, session_formats, languages,
  education, years_in_practice, website, pronouns, first_session_note, submitted_at)
select s.id, s.org_id, 'PhD, Licensed Psychologist', 'psychologist', 'MA', 'PSY-10482',
  'I help adults and young adults who feel stuck in cycles of worry, low mood or burnout. My approach is warm and '
  || 'practical: we will get clear on what matters to you, learn skills you can use between sessions, and track '
  || 'progress together. I have a particular interest in anxiety that shows up at work and in relationships.',
  '{anxiety,depression,work_career,life_transitions}', '{cbt,act,mindfulness_based}', '{young_adults,adults}',
  '{in_person,telehealth}', '{en,hi}',
  'PhD in Clinical Psychology, Boston University', 12, 'https://harborviewcounseling.com/team/priya-raman', 'she/her',
  'We will talk about what brings you in, what you would like to change, and whether we are a good fit. Bring any questions you have.',
  now() - interval '3 days'
from public.staff_members s where s.email = 'priya.raman@harborviewcounseling.com';

insert into public.public_profiles (staff_id, org_id, professional_title, license_type, license_state, specialties, languages)
select s.id, s.org_id, 'LCSW', 'lcsw', 'MA', '{trauma_ptsd,grief_loss}', '{en,es}'
from public.staff_members s where s.email = 'jordan.ellis@harborviewcounseling.com';

-- their invitations went out when they were enrolled: not sent again by the demo
update public.notification_outbox set status = 'sent', sent_at = created_at where template = 'enrollment_invitation';

-- Weekly availability from today. Priya and Sofia accept external appointments; Jordan's blocks
-- are internal only until his profile is complete.
insert into public.availability_blocks (org_id, staff_id, location_id, valid_from, weekdays, start_time, end_time, accept_external)
select s.org_id, s.id, l.id, current_date, b.weekdays, b.start_time, b.end_time, b.accept_external
from (values
  ('priya.raman@harborviewcounseling.com', 'Back Bay Office', '{1,3,4}'::smallint[], time '09:00', time '12:00', true),
  ('priya.raman@harborviewcounseling.com', 'Back Bay Office', '{2}'::smallint[], time '13:00', time '17:00', true),
  ('jordan.ellis@harborviewcounseling.com', 'Back Bay Office', '{1,2,3,4,5}'::smallint[], time '10:00', time '16:00', false),
  ('sofia.marquez@harborviewcounseling.com', 'Denver Highlands Office', '{2,4}'::smallint[], time '09:00', time '15:00', true)
) as b (email, location_name, weekdays, start_time, end_time, accept_external)
join public.staff_members s on s.email = b.email
join public.locations l on l.org_id = s.org_id and l.name = b.location_name;
