-- Email delivery never silently gives up. Before, an email was marked `failed` after 8 attempts
-- (about an hour of backoff) and never sent: a provider outage longer than that lost the email
-- and nobody was told. Now a failed attempt is retried with exponential backoff (1 min, 2 min,
-- 4 min … capped at 1 h) until 72 hours have passed since the first attempt; the attempt that
-- fails after that dead-letters the email (status `dead_letter`, with the last error), for the
-- clinic's org admins to see and resend (20261207006200). An error that no retry can fix (a
-- broken payload, an address the provider refuses) dead-letters at once.
--
-- Rewritten here:
--  * public.claim_notifications: no attempt limit; stamps the first attempt.
--  * public.finish_notification: the retry window instead of an attempt count, `permanent`
--    failures, and it returns the email's new status (the email function logs dead letters).
--    Dropped and recreated: its return type changes (void → notification_status).
--  * private.erase_sent_token: a dead-lettered verification email loses its token too (it did
--    so for `failed`); the link has long expired by then.
-- Dropped: private.max_notification_attempts (no attempt limit any more).

alter table public.notification_outbox
  add column first_attempt_at timestamptz,
  add column dead_lettered_at timestamptz,
  add constraint notification_outbox_dead_letter_stamped check ((status = 'dead_letter') = (dead_lettered_at is not null));

/** How long a failing email is retried, from its first attempt, before it is dead-lettered. */
create function private.notification_retry_window()
returns interval
language sql
immutable
set search_path = ''
as $$ select interval '72 hours' $$;
revoke execute on function private.notification_retry_window() from public;
grant execute on function private.notification_retry_window() to service_role;

/** The wait after failed attempt number `attempts`: 1 min, doubling, capped at 1 hour. */
create function private.notification_backoff(attempts integer)
returns interval
language sql
immutable
set search_path = ''
as $$
  select least(pg_catalog.make_interval(secs => 60 * power(2, least(greatest(attempts - 1, 0), 12))), interval '1 hour');
$$;
revoke execute on function private.notification_backoff(integer) from public;
grant execute on function private.notification_backoff(integer) to service_role;

-- emails the old rule gave up on were never delivered: they become dead letters an admin can resend
update public.notification_outbox
set status = 'dead_letter', dead_lettered_at = pg_catalog.now(),
    last_error = coalesce(last_error, 'gave up after 8 attempts')
where status = 'failed';

/**
 * Claims up to `batch_size` due emails for one worker. Rows are locked with `skip locked`, so
 * two workers never claim the same email; a claim is a lease: if the worker dies, the email
 * becomes due again when the lease ends. The first claim starts the email's retry window.
 */
create or replace function public.claim_notifications(batch_size integer default 25, lease_seconds integer default 120)
returns setof public.notification_outbox
language sql
set search_path = ''
as $$
  with picked as (
    select o.id
    from public.notification_outbox o
    where o.status in ('pending', 'sending')
      and o.next_attempt_at <= pg_catalog.now()
    order by o.next_attempt_at
    limit least(greatest(batch_size, 1), 200)
    for update skip locked
  )
  update public.notification_outbox o
  set status = 'sending',
      attempts = o.attempts + 1,
      first_attempt_at = coalesce(o.first_attempt_at, pg_catalog.now()),
      next_attempt_at = pg_catalog.now() + pg_catalog.make_interval(secs => greatest(lease_seconds, 10))
  from picked
  where o.id = picked.id
  returning o.*;
$$;

drop function public.finish_notification(uuid, boolean, text, text);
drop function private.max_notification_attempts();

/**
 * Records a send attempt's outcome and returns the email's new status: `sent`; `pending` (retried
 * after private.notification_backoff); or `dead_letter` when the attempt failed after the retry
 * window (private.notification_retry_window, from the first attempt) or failed for a reason no
 * retry can fix (`permanent`). Null when the email was not being sent (a stale worker).
 */
create function public.finish_notification(
  notification_id uuid,
  delivered boolean,
  error text default null,
  provider_id text default null,
  permanent boolean default false
)
returns public.notification_status
language sql
set search_path = ''
as $$
  with decided as (
    select o.id,
      case
        when delivered then 'sent'::public.notification_status
        when coalesce(permanent, false)
          or pg_catalog.now() >= coalesce(o.first_attempt_at, pg_catalog.now()) + private.notification_retry_window()
          then 'dead_letter'::public.notification_status
        else 'pending'::public.notification_status
      end as status
    from public.notification_outbox o
    where o.id = notification_id and o.status = 'sending'
    for update
  )
  update public.notification_outbox o
  set status = d.status,
      sent_at = case when d.status = 'sent' then pg_catalog.now() end,
      dead_lettered_at = case when d.status = 'dead_letter' then pg_catalog.now() end,
      provider_message_id = coalesce(provider_id, o.provider_message_id),
      last_error = case when delivered then null else left(coalesce(error, 'unknown error'), 2000) end,
      next_attempt_at = case
        when d.status = 'pending' then pg_catalog.now() + private.notification_backoff(o.attempts)
        else o.next_attempt_at
      end
  from decided d
  where o.id = d.id
  returning o.status;
$$;
revoke execute on function public.finish_notification(uuid, boolean, text, text, boolean) from public, anon, authenticated;
grant execute on function public.finish_notification(uuid, boolean, text, text, boolean) to service_role;

/** Erases a verification link's token from its outbox row once the email is sent or given up on. */
create or replace function private.erase_sent_token()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.template = 'request_verification' and new.status in ('sent', 'failed', 'dead_letter') then
    new.payload := new.payload - 'token';
  end if;
  return new;
end;
$$;
