-- Payers' webhooks, per the Standard Webhooks specification: each payer registers HTTPS endpoints
-- (a `whsec_` secret shown once, the event types it wants, enabled or not); a change of a payer's
-- request queues one delivery per subscribed endpoint in the same transaction as the change (the
-- outbox, written by a set-based statement trigger); the deliver-webhooks function claims due
-- deliveries (`for update skip locked`, with a lease), signs and sends them and records every
-- attempt. 2xx: delivered, never claimed again. 410: the endpoint is disabled at once. Anything
-- else (429, 5xx, a timeout, a refused address) is retried with exponential backoff; an endpoint
-- failing for 72 hours is disabled and the payer's contact is emailed.
--
-- Payers have no sign-in: these tables are read and written only by the service role (the payer
-- API, which authenticates payer keys and answers for that payer alone, and the delivery
-- function) and by the platform's `npm run payer` command.

create type public.webhook_event_type as enum (
  'request.created', 'request.confirmed', 'request.declined', 'request.expired', 'request.withdrawn');

create type public.webhook_delivery_status as enum ('pending', 'sending', 'delivered', 'failed');

-- endpoints ----------------------------------------------------------------------------------------
create table public.webhook_endpoints (
  id uuid primary key default extensions.gen_random_uuid(),
  payer_id uuid not null references public.payers (id) on delete cascade,
  -- the full address check (https, no credentials, no private addresses after DNS) is the
  -- platform command's and the delivery function's; this is the backstop
  url text not null check (url ~ '^https?://[^\s/@]+(/[^\s]*)?$' and char_length(url) <= 2000),
  secret text not null check (secret ~ '^whsec_[A-Za-z0-9+/]+={0,2}$'),
  -- during a rotation deliveries carry a signature with each secret, until this one expires
  previous_secret text check (previous_secret ~ '^whsec_[A-Za-z0-9+/]+={0,2}$'),
  previous_secret_expires_at timestamptz,
  event_types public.webhook_event_type[] not null check (cardinality(event_types) between 1 and 5),
  enabled boolean not null default true,
  -- gone: the receiver answered 410; failing: 72 hours of failures; platform: switched off by hand
  disabled_reason text check (disabled_reason in ('gone', 'failing', 'platform')),
  disabled_at timestamptz,
  -- the first failure since the last success (null while the endpoint succeeds)
  failing_since timestamptz,
  created_at timestamptz not null default now(),
  constraint webhook_endpoints_disabled_consistently check (enabled = (disabled_at is null) and enabled = (disabled_reason is null)),
  constraint webhook_endpoints_rotation_consistent check ((previous_secret is null) = (previous_secret_expires_at is null))
);
alter table public.webhook_endpoints enable row level security;
create index webhook_endpoints_payer_idx on public.webhook_endpoints (payer_id);
revoke all on public.webhook_endpoints from anon, authenticated;

-- the outbox: one row per event and endpoint ------------------------------------------------------
create table public.webhook_deliveries (
  id uuid primary key default extensions.gen_random_uuid(),
  -- the event's id, the same at every endpoint and every attempt (the `webhook-id` header)
  event_id uuid not null,
  endpoint_id uuid not null references public.webhook_endpoints (id) on delete cascade,
  payer_id uuid not null references public.payers (id) on delete cascade,
  request_id uuid not null references public.referral_requests (id) on delete cascade,
  event_type public.webhook_event_type not null,
  -- the body, thin and free of health data (see private.queue_webhook_events)
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  status public.webhook_delivery_status not null default 'pending',
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  first_attempt_at timestamptz,
  delivered_at timestamptz,
  last_response_status integer,
  last_error text,
  created_at timestamptz not null default now(),
  unique (endpoint_id, request_id, event_type),
  constraint webhook_deliveries_delivered_stamped check ((status = 'delivered') = (delivered_at is not null))
);
alter table public.webhook_deliveries enable row level security;
create index webhook_deliveries_due_idx on public.webhook_deliveries (next_attempt_at) where status in ('pending', 'sending');
create index webhook_deliveries_endpoint_idx on public.webhook_deliveries (endpoint_id, created_at desc);
create index webhook_deliveries_payer_idx on public.webhook_deliveries (payer_id);
create index webhook_deliveries_request_idx on public.webhook_deliveries (request_id);
revoke all on public.webhook_deliveries from anon, authenticated;

-- the delivery log: every attempt ------------------------------------------------------------------
create table public.webhook_delivery_attempts (
  id bigint generated always as identity primary key,
  delivery_id uuid not null references public.webhook_deliveries (id) on delete cascade,
  attempted_at timestamptz not null default now(),
  -- null when no answer came (timeout, refused address, connection error)
  response_status integer,
  latency_ms integer not null check (latency_ms >= 0),
  error text check (char_length(error) <= 500)
);
alter table public.webhook_delivery_attempts enable row level security;
create index webhook_delivery_attempts_delivery_idx on public.webhook_delivery_attempts (delivery_id, attempted_at);
revoke all on public.webhook_delivery_attempts from anon, authenticated;

/** An instant as the webhooks carry it: ISO 8601 in UTC with seconds (2027-07-01T13:00:00Z). */
create function private.iso_utc(instant timestamptz)
returns text
language sql
stable
set search_path = ''
as $$ select pg_catalog.to_char(instant at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') $$;
revoke execute on function private.iso_utc(timestamptz) from public;

/**
 * Queues the events (request id, event type pairs) for every enabled endpoint of the request's
 * payer that subscribed to the type, in the caller's transaction. The payload names no person:
 * the request, the payer's own reference (its Idempotency-Key), state, times with the office's
 * IANA zone, and the therapist's id as the payer directory shows it.
 */
create function private.queue_webhook_events(request_ids uuid[], event_types text[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  with events as materialized (
    select e.request_id, e.event_type::public.webhook_event_type as event_type, extensions.gen_random_uuid() as event_id
    from unnest(request_ids, event_types) as e (request_id, event_type)
  )
  insert into public.webhook_deliveries (event_id, endpoint_id, payer_id, request_id, event_type, payload)
  select ev.event_id, w.id, r.payer_id, r.id, ev.event_type,
    pg_catalog.jsonb_build_object(
      'type', ev.event_type::text,
      'timestamp', private.iso_utc(pg_catalog.now()),
      'data', pg_catalog.jsonb_build_object(
        'request_id', r.id,
        'reference', r.idempotency_key,
        'state', r.status::text,
        'slot_start', private.iso_utc(lower(r.slot)),
        'slot_end', private.iso_utc(upper(r.slot)),
        'time_zone', coalesce(l.time_zone, o.time_zone),
        'expires_at', private.iso_utc(r.expires_at),
        'decided_at', private.iso_utc(r.decided_at),
        'therapist_id', r.therapist_id))
  from events ev
  join public.referral_requests r on r.id = ev.request_id and r.source = 'payer'
  join public.organizations o on o.id = r.org_id
  left join public.locations l on l.id = r.location_id
  join public.webhook_endpoints w on w.payer_id = r.payer_id and w.enabled and ev.event_type = any (w.event_types)
  on conflict (endpoint_id, request_id, event_type) do nothing;
end;
$$;
revoke execute on function private.queue_webhook_events(uuid[], text[]) from public;

/** request.created for each new payer request (statement-level: one insert however many rows). */
create function private.queue_webhooks_of_new_requests()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  ids uuid[];
begin
  select pg_catalog.array_agg(n.id) into ids from new_rows n where n.source = 'payer' and n.status = 'pending';
  if ids is not null then
    perform private.queue_webhook_events(ids, pg_catalog.array_fill('request.created'::text, array[cardinality(ids)]));
  end if;
  return null;
end;
$$;
revoke execute on function private.queue_webhooks_of_new_requests() from public;

/** request.<status> for each payer request whose status became a state payers hear about. */
create function private.queue_webhooks_of_status_changes()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  ids uuid[];
  types text[];
begin
  select pg_catalog.array_agg(n.id), pg_catalog.array_agg('request.' || n.status::text)
  into ids, types
  from new_rows n
  join old_rows o on o.id = n.id
  where n.source = 'payer'
    and n.status is distinct from o.status
    and n.status in ('confirmed', 'declined', 'expired', 'withdrawn');
  if ids is not null then
    perform private.queue_webhook_events(ids, types);
  end if;
  return null;
end;
$$;
revoke execute on function private.queue_webhooks_of_status_changes() from public;

create trigger referral_requests_queue_webhooks_on_insert after insert on public.referral_requests
  referencing new table as new_rows for each statement execute function private.queue_webhooks_of_new_requests();
create trigger referral_requests_queue_webhooks_on_update after update on public.referral_requests
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.queue_webhooks_of_status_changes();

/** How long an endpoint may fail (and a delivery be retried) before it is given up on. */
create function private.webhook_retry_window()
returns interval
language sql
immutable
set search_path = ''
as $$ select interval '72 hours' $$;
revoke execute on function private.webhook_retry_window() from public;

/** The wait after failed attempt number `attempts`: 30 s, doubling, capped at 6 hours. */
create function private.webhook_backoff(attempts integer)
returns interval
language sql
immutable
set search_path = ''
as $$
  select least(interval '30 seconds' * power(2, least(greatest(attempts, 1) - 1, 20)), interval '6 hours')
$$;
revoke execute on function private.webhook_backoff(integer) from public;

/**
 * Claims up to `batch_size` due deliveries of enabled endpoints for one worker: `skip locked`
 * lets workers run side by side, and the lease (next_attempt_at moved ahead) hands a delivery to
 * another worker only if this one never reports. A delivered row is never claimed again.
 */
create function public.claim_webhook_deliveries(batch_size integer default 100, lease_seconds integer default 120)
returns table (
  id uuid, event_id uuid, endpoint_id uuid, url text, secrets text[], event_type public.webhook_event_type,
  payload jsonb, attempts integer)
language sql
set search_path = ''
as $$
  with picked as (
    select d.id
    from public.webhook_deliveries d
    join public.webhook_endpoints w on w.id = d.endpoint_id and w.enabled
    where d.status in ('pending', 'sending')
      and d.next_attempt_at <= pg_catalog.now()
    order by d.next_attempt_at
    limit least(greatest(batch_size, 1), 500)
    for update of d skip locked
  ),
  claimed as (
    update public.webhook_deliveries d
    set status = 'sending',
        attempts = d.attempts + 1,
        first_attempt_at = coalesce(d.first_attempt_at, pg_catalog.now()),
        next_attempt_at = pg_catalog.now() + pg_catalog.make_interval(secs => greatest(lease_seconds, 30))
    from picked
    where d.id = picked.id
    returning d.*
  )
  select c.id, c.event_id, c.endpoint_id, w.url,
    array_remove(array[w.secret, case when w.previous_secret_expires_at > pg_catalog.now() then w.previous_secret end], null),
    c.event_type, c.payload, c.attempts
  from claimed c
  join public.webhook_endpoints w on w.id = c.endpoint_id;
$$;

/**
 * Records a batch of attempts, `outcomes` = [{id, response_status (null: no answer), latency_ms,
 * error}], and returns each delivery's new status. 2xx: delivered (the endpoint is healthy again).
 * 410: the endpoint is disabled at once. Anything else: retried after private.webhook_backoff,
 * unless the endpoint has now failed for the whole retry window (disabled, and its payer's
 * contact emailed) or the delivery itself has (failed). Rows not being sent are left alone.
 */
create function public.finish_webhook_deliveries(outcomes jsonb)
returns table (delivery_id uuid, status public.webhook_delivery_status)
language plpgsql
set search_path = ''
as $$
begin
  create temporary table if not exists webhook_outcomes (
    id uuid primary key, endpoint_id uuid, response_status integer, latency_ms integer, error text,
    attempts integer, first_attempt_at timestamptz
  ) on commit drop;
  truncate webhook_outcomes;
  insert into webhook_outcomes
  select o.id, d.endpoint_id, o.response_status, greatest(coalesce(o.latency_ms, 0), 0), left(o.error, 500),
    d.attempts, d.first_attempt_at
  from pg_catalog.jsonb_to_recordset(outcomes) as o (id uuid, response_status integer, latency_ms integer, error text)
  join public.webhook_deliveries d on d.id = o.id and d.status = 'sending'
  for update of d;

  insert into public.webhook_delivery_attempts (delivery_id, response_status, latency_ms, error)
  select o.id, o.response_status, o.latency_ms, o.error from webhook_outcomes o;

  -- delivered
  update public.webhook_deliveries d
  set status = 'delivered', delivered_at = pg_catalog.now(), last_response_status = o.response_status, last_error = null
  from webhook_outcomes o
  where d.id = o.id and o.response_status between 200 and 299;
  update public.webhook_endpoints w set failing_since = null
  where w.failing_since is not null
    and w.id in (select o.endpoint_id from webhook_outcomes o where o.response_status between 200 and 299);

  -- 410 Gone: the receiver asked us to stop
  update public.webhook_endpoints w
  set enabled = false, disabled_reason = 'gone', disabled_at = pg_catalog.now()
  where w.enabled and w.id in (select o.endpoint_id from webhook_outcomes o where o.response_status = 410);

  -- every other failure: the endpoint starts (or keeps) failing
  update public.webhook_endpoints w
  set failing_since = coalesce(w.failing_since, pg_catalog.now())
  where w.enabled and w.id in (
    select o.endpoint_id from webhook_outcomes o where o.response_status is null or o.response_status not between 200 and 299);

  -- failing for the whole window: disabled, and the payer's contact told once per disabling
  with disabled as (
    update public.webhook_endpoints w
    set enabled = false, disabled_reason = 'failing', disabled_at = pg_catalog.now()
    where w.enabled and w.failing_since <= pg_catalog.now() - private.webhook_retry_window()
      and w.id in (select o.endpoint_id from webhook_outcomes o)
    returning w.id, w.payer_id, w.url, w.failing_since, w.disabled_at
  )
  insert into public.notification_outbox (org_id, template, recipient, payload, idempotency_key)
  select null, 'webhook_endpoint_disabled', p.contact_email,
    pg_catalog.jsonb_build_object('endpoint_url', d.url, 'failing_since', private.iso_utc(d.failing_since)),
    'webhook-endpoint-disabled:' || d.id || ':' || extract(epoch from d.disabled_at)::text
  from disabled d
  join public.payers p on p.id = d.payer_id
  where p.contact_email is not null
  on conflict on constraint notification_outbox_idempotency_key_key do nothing;

  update public.webhook_deliveries d
  set status = case
        when not w.enabled or o.first_attempt_at <= pg_catalog.now() - private.webhook_retry_window()
          then 'failed'::public.webhook_delivery_status
        else 'pending'::public.webhook_delivery_status end,
      next_attempt_at = pg_catalog.now() + private.webhook_backoff(o.attempts),
      last_response_status = o.response_status,
      last_error = o.error
  from webhook_outcomes o
  join public.webhook_endpoints w on w.id = o.endpoint_id
  where d.id = o.id and (o.response_status is null or o.response_status not between 200 and 299);

  return query
  select d.id, d.status from public.webhook_deliveries d where d.id in (select o.id from webhook_outcomes o);
end;
$$;

-- what a payer reads through the payer API (its own rows only) ---------------------------------------

/** The payer's endpoints, never their secrets. */
create function public.payer_webhook_endpoints(payer uuid)
returns table (
  id uuid, url text, event_types public.webhook_event_type[], enabled boolean, disabled_reason text,
  disabled_at timestamptz, failing_since timestamptz, created_at timestamptz)
language sql
stable
set search_path = ''
as $$
  select w.id, w.url, w.event_types, w.enabled, w.disabled_reason, w.disabled_at, w.failing_since, w.created_at
  from public.webhook_endpoints w
  where w.payer_id = payer
  order by w.created_at, w.id;
$$;

/** An endpoint's delivery log, newest first, each delivery with its attempts (status, latency). */
create function public.payer_webhook_deliveries(payer uuid, endpoint uuid, max_rows integer default 50)
returns table (
  id uuid, event_id uuid, event_type public.webhook_event_type, request_id uuid,
  status public.webhook_delivery_status, created_at timestamptz, delivered_at timestamptz,
  next_attempt_at timestamptz, attempts jsonb)
language sql
stable
set search_path = ''
as $$
  select d.id, d.event_id, d.event_type, d.request_id, d.status, d.created_at, d.delivered_at,
    case when d.status in ('pending', 'sending') then d.next_attempt_at end,
    coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
          'attempted_at', private.iso_utc(a.attempted_at), 'response_status', a.response_status,
          'latency_ms', a.latency_ms, 'error', a.error) order by a.attempted_at, a.id)
      from public.webhook_delivery_attempts a where a.delivery_id = d.id), '[]'::jsonb)
  from public.webhook_deliveries d
  where d.endpoint_id = endpoint and d.payer_id = payer
  order by d.created_at desc, d.id
  limit least(greatest(max_rows, 1), 200);
$$;

/**
 * Sends a delivery again (same event id, a fresh retry window), at the payer's request. Returns
 * 'queued', 'endpoint_disabled', or null when the delivery is not this payer's.
 */
create function public.replay_webhook_delivery(payer uuid, delivery uuid)
returns text
language plpgsql
set search_path = ''
as $$
declare
  endpoint_enabled boolean;
begin
  select w.enabled into endpoint_enabled
  from public.webhook_deliveries d join public.webhook_endpoints w on w.id = d.endpoint_id
  where d.id = delivery and d.payer_id = payer
  for update of d;
  if not found then return null; end if;
  if not endpoint_enabled then return 'endpoint_disabled'; end if;
  update public.webhook_deliveries d
  set status = 'pending', delivered_at = null, first_attempt_at = null, next_attempt_at = pg_catalog.now()
  where d.id = delivery and d.status in ('delivered', 'failed');
  return 'queued';
end;
$$;

-- what the platform does (npm run payer) ------------------------------------------------------------

/** A new webhook secret: `whsec_` and 24 random bytes in base64 (shown once, to the platform). */
create function private.new_webhook_secret()
returns text
language sql
volatile
set search_path = ''
as $$ select 'whsec_' || pg_catalog.encode(extensions.gen_random_bytes(24), 'base64') $$;
revoke execute on function private.new_webhook_secret() from public;
grant execute on function private.new_webhook_secret() to service_role;

/** Registers an endpoint for a payer and returns its id and secret (the only time it is shown). */
create function public.create_webhook_endpoint(payer uuid, url text, event_types public.webhook_event_type[])
returns table (id uuid, secret text)
language sql
set search_path = ''
as $$
  insert into public.webhook_endpoints (payer_id, url, secret, event_types)
  values (payer, url, private.new_webhook_secret(), event_types)
  returning id, secret;
$$;

/**
 * Gives an endpoint a new secret and returns it; the old one still signs (a second signature)
 * for `overlap`, so the receiver can switch without missing an event.
 */
create function public.rotate_webhook_secret(endpoint uuid, overlap interval default interval '24 hours')
returns text
language sql
set search_path = ''
as $$
  update public.webhook_endpoints w
  set previous_secret = w.secret,
      previous_secret_expires_at = pg_catalog.now() + greatest(overlap, interval '0'),
      secret = private.new_webhook_secret()
  where w.id = endpoint
  returning w.secret;
$$;

/** Switches an endpoint off (or on again: it starts with a clean failure record). */
create function public.set_webhook_endpoint_enabled(endpoint uuid, enable boolean)
returns boolean
language sql
set search_path = ''
as $$
  update public.webhook_endpoints w
  set enabled = enable,
      disabled_reason = case when enable then null else coalesce(w.disabled_reason, 'platform') end,
      disabled_at = case when enable then null else coalesce(w.disabled_at, pg_catalog.now()) end,
      failing_since = case when enable then null else w.failing_since end
  where w.id = endpoint
  returning true;
$$;

-- only the platform's functions and command (service role) call these
do $$
declare
  fn text;
begin
  foreach fn in array array[
    'public.claim_webhook_deliveries(integer, integer)', 'public.finish_webhook_deliveries(jsonb)',
    'public.payer_webhook_endpoints(uuid)', 'public.payer_webhook_deliveries(uuid, uuid, integer)',
    'public.replay_webhook_delivery(uuid, uuid)',
    'public.create_webhook_endpoint(uuid, text, public.webhook_event_type[])',
    'public.rotate_webhook_secret(uuid, interval)', 'public.set_webhook_endpoint_enabled(uuid, boolean)'
  ] loop
    execute format('revoke execute on function %s from public, anon, authenticated', fn);
    execute format('grant execute on function %s to service_role', fn);
  end loop;
end;
$$;
grant execute on function private.iso_utc(timestamptz) to service_role;
grant execute on function private.webhook_retry_window() to service_role;
grant execute on function private.webhook_backoff(integer) to service_role;
