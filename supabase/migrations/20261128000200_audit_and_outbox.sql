-- The append-only audit log and the notification outbox. Both are written by triggers and
-- privileged helpers in the same transaction as the change they record.
--
-- Email delivery never silently gives up: a failed attempt is retried with exponential backoff
-- (1 min, 2 min, 4 min … capped at 1 h) until 72 hours have passed since the first attempt; the
-- attempt that fails after that dead-letters the email (status `dead_letter`, with the last
-- error), for the clinic's org admins to see and resend (20261207006200). An error that no retry
-- can fix (a broken payload, an address the provider refuses) dead-letters at once.

-- audit log --------------------------------------------------------------------------------------
create table public.audit_log (
  id bigint generated always as identity primary key,
  org_id uuid not null references public.organizations (id) on delete restrict,
  -- the signed-in account that made the change; null for the platform (service role, jobs)
  actor_user_id uuid,
  actor_staff_id uuid,
  action text not null check (action ~ '^[a-z_]+\.[a-z_]+$'),
  entity_id uuid not null,
  before jsonb,
  after jsonb,
  created_at timestamptz not null default now()
);
alter table public.audit_log enable row level security;
create index audit_log_org_created_idx on public.audit_log (org_id, created_at desc);
create index audit_log_entity_idx on public.audit_log (entity_id);

/** Refuses every update, delete and truncate: the audit log only grows. */
create function private.refuse_audit_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = '42501';
end;
$$;
revoke execute on function private.refuse_audit_change() from public;
create trigger audit_log_append_only before update or delete on public.audit_log
  for each row execute function private.refuse_audit_change();
create trigger audit_log_no_truncate before truncate on public.audit_log
  for each statement execute function private.refuse_audit_change();
revoke insert, update, delete, truncate on public.audit_log from anon, authenticated, service_role;

create policy "Org admins can read their organization's audit log"
  on public.audit_log for select to authenticated
  using (org_id in (select private.org_ids_with_role('org_admin')));

/** Appends one entry to the audit log on behalf of the calling user. */
create function private.write_audit(org uuid, action text, entity_id uuid, before jsonb, after jsonb)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.audit_log (org_id, actor_user_id, actor_staff_id, action, entity_id, before, after)
  values (org, (select auth.uid()), private.my_staff_id(org), action, entity_id, before, after);
end;
$$;
revoke execute on function private.write_audit(uuid, text, uuid, jsonb, jsonb) from public;
-- the functions that call it as the service role (payer and client-portal requests)
grant execute on function private.write_audit(uuid, text, uuid, jsonb, jsonb) to service_role;

-- notification outbox ----------------------------------------------------------------------------
create type public.notification_template as enum (
  'enrollment_invitation', 'request_confirmed', 'request_declined', 'request_expired', 'request_reminder',
  'request_verification', 'request_withdrawn');
-- `failed` is no longer written: the attempt limit it stood for became the retry window and
-- `dead_letter`
create type public.notification_status as enum ('pending', 'sending', 'sent', 'failed', 'dead_letter');

create table public.notification_outbox (
  id uuid primary key default extensions.gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  template public.notification_template not null,
  recipient extensions.citext not null check (recipient ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  -- only what the template shows: never diagnoses, payers, specialties or visit reasons
  payload jsonb not null default '{}' check (jsonb_typeof(payload) = 'object'),
  -- also sent to the email provider, so a retried send never delivers twice
  idempotency_key text not null unique,
  status public.notification_status not null default 'pending',
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  last_error text,
  provider_message_id text,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  -- the retry window runs from the first attempt
  first_attempt_at timestamptz,
  dead_lettered_at timestamptz,
  constraint notification_outbox_dead_letter_stamped check ((status = 'dead_letter') = (dead_lettered_at is not null))
);
alter table public.notification_outbox enable row level security;
create index notification_outbox_org_idx on public.notification_outbox (org_id);
create index notification_outbox_due_idx on public.notification_outbox (next_attempt_at)
  where status in ('pending', 'sending');
-- only the email worker (service role) writes the outbox; org admins read their clinic's dead
-- letters (20261207006200_undelivered_emails_for_admins.sql)
revoke all on public.notification_outbox from anon, authenticated;

/** Queues one email; a second call with the same idempotency key does nothing. */
create function private.queue_notification(
  org uuid,
  template public.notification_template,
  recipient text,
  payload jsonb,
  idempotency_key text
)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.notification_outbox (org_id, template, recipient, payload, idempotency_key)
  values (org, template, recipient, payload, idempotency_key)
  on conflict on constraint notification_outbox_idempotency_key_key do nothing;
end;
$$;
revoke execute on function private.queue_notification(uuid, public.notification_template, text, jsonb, text) from public;
-- the functions that call it as the service role (client-portal requests)
grant execute on function private.queue_notification(uuid, public.notification_template, text, jsonb, text) to service_role;

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

/**
 * Claims up to `batch_size` due emails for one worker. Rows are locked with `skip locked`, so
 * two workers never claim the same email; a claim is a lease: if the worker dies, the email
 * becomes due again when the lease ends. The first claim starts the email's retry window.
 */
create function public.claim_notifications(batch_size integer default 25, lease_seconds integer default 120)
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

revoke execute on function public.claim_notifications(integer, integer) from public, anon, authenticated;
revoke execute on function public.finish_notification(uuid, boolean, text, text, boolean) from public, anon, authenticated;
grant execute on function public.claim_notifications(integer, integer) to service_role;
grant execute on function public.finish_notification(uuid, boolean, text, text, boolean) to service_role;
