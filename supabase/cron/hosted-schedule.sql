-- Hosted Supabase only (the local stack's scheduler, supabase/local/scheduler.ts, does the same).
-- Run once in the SQL editor after `supabase functions deploy`, with the project's URL and
-- service-role key stored in Vault:
--   select vault.create_secret('https://<project-ref>.supabase.co', 'project_url');
--   select vault.create_secret('<service-role key>', 'service_role_key');

create extension if not exists pg_cron;
create extension if not exists pg_net;

-- drains the notification outbox every minute
select cron.schedule(
  'send-emails',
  '* * * * *',
  $$
  select net.http_post(
    url := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url') || '/functions/v1/send-emails',
    headers := jsonb_build_object(
      'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key'),
      'Content-Type', 'application/json'
    ),
    body := '{}'::jsonb
  );
  $$
);

-- expands availability blocks as the 400-day window moves forward
select cron.schedule('extend-availability', '17 3 * * *', $$ select public.extend_availability_window() $$);

-- expires unanswered referral requests and queues 12-hour reminders, every minute
select cron.schedule(
  'expire-requests',
  '* * * * *',
  $$
  select net.http_post(
    url := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url') || '/functions/v1/expire-requests',
    headers := jsonb_build_object(
      'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key'),
      'Content-Type', 'application/json'
    ),
    body := '{}'::jsonb
  );
  $$
);

-- queues the digests of new requests that are due (staff who chose a digest every N hours)
select cron.schedule('alert-digests', '* * * * *', $$ select public.queue_alert_digests() $$);
-- delivers payers' webhooks from the outbox every minute (the function keeps claiming until
-- nothing is due, for up to 25 s)
select cron.schedule(
  'deliver-webhooks',
  '* * * * *',
  $$
  select net.http_post(
    url := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url') || '/functions/v1/deliver-webhooks',
    headers := jsonb_build_object(
      'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key'),
      'Content-Type', 'application/json'
    ),
    body := '{}'::jsonb,
    timeout_milliseconds := 60000
  );
  $$
);
