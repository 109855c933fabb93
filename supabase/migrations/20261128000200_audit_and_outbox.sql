-- The append-only audit log and the notification outbox. Both are written by triggers and
-- privileged helpers in the same transaction as the change they record.

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

/** The calling user's staff record in `org`, or null (the platform, or not a member). */
create function private.my_staff_id(org uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select s.id from public.staff_members s where s.org_id = org and s.user_id = (select auth.uid());
$$;
revoke execute on function private.my_staff_id(uuid) from public;
grant execute on function private.my_staff_id(uuid) to authenticated, service_role;

/** Appends one entry to the audit log on behalf of the calling user. */
create function private.write_audit(org uuid, action text, entity_id uuid, before jsonb, after jsonb)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.audit_log (org_id, actor_user_id, actor_staff_id, action, entity_id, before, after)
  values (org, (select auth.uid()), private.my_staff_id(org), action, entity_id, before, after);
$$;
revoke execute on function private.write_audit(uuid, text, uuid, jsonb, jsonb) from public;

-- notification outbox ----------------------------------------------------------------------------
create type public.notification_template as enum ('enrollment_invitation');
create type public.notification_status as enum ('pending', 'sending', 'sent', 'failed');

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
  created_at timestamptz not null default now()
);
alter table public.notification_outbox enable row level security;
create index notification_outbox_org_idx on public.notification_outbox (org_id);
create index notification_outbox_due_idx on public.notification_outbox (next_attempt_at)
  where status in ('pending', 'sending');
-- only the email worker (service role) touches the outbox; no policy lets a user read it
revoke all on public.notification_outbox from anon, authenticated;

/** Queues an email in the caller's transaction; a second call with the same key is ignored. */
create function private.queue_notification(
  org uuid,
  template public.notification_template,
  recipient text,
  payload jsonb,
  idempotency_key text
)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.notification_outbox (org_id, template, recipient, payload, idempotency_key)
  values (org, template, recipient, payload, idempotency_key)
  on conflict (idempotency_key) do nothing;
$$;
revoke execute on function private.queue_notification(uuid, public.notification_template, text, jsonb, text) from public;

/** Most attempts before an email is marked failed. */
create function private.max_notification_attempts()
returns integer
language sql
immutable
set search_path = ''
as $$ select 8 $$;
revoke execute on function private.max_notification_attempts() from public;

/**
 * Claims up to `batch_size` due emails for one worker. Rows are locked with `skip locked`, so
 * two workers never claim the same email; a claim is a lease: if the worker dies, the email
 * becomes due again when the lease ends.
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
      and o.attempts < private.max_notification_attempts()
    order by o.next_attempt_at
    limit least(greatest(batch_size, 1), 200)
    for update skip locked
  )
  update public.notification_outbox o
  set status = 'sending',
      attempts = o.attempts + 1,
      next_attempt_at = pg_catalog.now() + pg_catalog.make_interval(secs => greatest(lease_seconds, 10))
  from picked
  where o.id = picked.id
  returning o.*;
$$;

/**
 * Records a send attempt's outcome. A failure is retried with exponential backoff
 * (30 s, 1 min, 2 min … capped at 1 h) until the attempts run out.
 */
create function public.finish_notification(notification_id uuid, delivered boolean, error text default null, provider_id text default null)
returns void
language sql
set search_path = ''
as $$
  update public.notification_outbox o
  set status = case
        when delivered then 'sent'::public.notification_status
        when o.attempts >= private.max_notification_attempts() then 'failed'::public.notification_status
        else 'pending'::public.notification_status
      end,
      sent_at = case when delivered then pg_catalog.now() end,
      provider_message_id = coalesce(provider_id, o.provider_message_id),
      last_error = case when delivered then null else left(error, 2000) end,
      next_attempt_at = case
        when delivered then o.next_attempt_at
        else pg_catalog.now() + least(pg_catalog.make_interval(secs => 30 * power(2, greatest(o.attempts - 1, 0))), interval '1 hour')
      end
  where o.id = notification_id and o.status = 'sending';
$$;

revoke execute on function public.claim_notifications(integer, integer) from public, anon, authenticated;
revoke execute on function public.finish_notification(uuid, boolean, text, text) from public, anon, authenticated;
grant execute on function public.claim_notifications(integer, integer) to service_role;
grant execute on function public.finish_notification(uuid, boolean, text, text) to service_role;
grant execute on function private.max_notification_attempts() to service_role;
