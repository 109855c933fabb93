-- A confirmed appointment's email carries a calendar file (METHOD:REQUEST); if that appointment's
-- request later ends (withdrawn or expired, or declined) after a file was sent, the email saying so
-- carries METHOD:CANCEL for the same UID with a higher SEQUENCE, so the client's calendar drops it.
--
-- One row per request that was ever sent a calendar file remembers its SEQUENCE and whether it
-- was cancelled. A trigger on the outbox adds `calendar` ({method, sequence, stamped_at}) to the
-- payload of each client email it concerns as the email is queued, in the transaction of the change
-- that causes it, so every path that queues these templates (confirm, expiry, withdrawals, and
-- any later one) gets it without each repeating it. The payload's `request_id`
-- (20261207700100_client_email_appointment_details.sql) says which request. An email queued for a
-- request that never had a file sent gets no CANCEL: nothing is in the client's calendar.
-- A new template that ends a request must be added to the trigger's list below.

create table private.client_calendar_invites (
  request_id uuid primary key references public.referral_requests (id) on delete cascade,
  -- the SEQUENCE of the last file sent: 0 for the first REQUEST, then one more for each
  sequence integer not null default 0 check (sequence >= 0),
  cancelled_at timestamptz,
  updated_at timestamptz not null default now()
);
alter table private.client_calendar_invites enable row level security;
-- written and read only by the outbox trigger (security definer)
revoke all on private.client_calendar_invites from public, anon, authenticated, service_role;

/**
 * Before a client email about a request is queued: a confirmation gets METHOD:REQUEST with the
 * request's next SEQUENCE; an email that ends the request gets METHOD:CANCEL with the next
 * SEQUENCE when a file was sent before and not yet cancelled, and no calendar otherwise.
 */
create function private.attach_calendar_to_client_email()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  request uuid;
  next_sequence integer;
begin
  if (new.payload ->> 'request_id') !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return new;
  end if;
  request := (new.payload ->> 'request_id')::uuid;
  if new.template = 'request_confirmed' then
    insert into private.client_calendar_invites as i (request_id) values (request)
    on conflict (request_id) do update
      set sequence = i.sequence + 1, cancelled_at = null, updated_at = pg_catalog.now()
    returning i.sequence into next_sequence;
    new.payload := new.payload || jsonb_build_object('calendar', jsonb_build_object(
      'method', 'REQUEST', 'sequence', next_sequence, 'stamped_at', pg_catalog.now()));
  else
    update private.client_calendar_invites i
    set sequence = i.sequence + 1, cancelled_at = pg_catalog.now(), updated_at = pg_catalog.now()
    where i.request_id = request and i.cancelled_at is null
    returning i.sequence into next_sequence;
    if found then
      new.payload := new.payload || jsonb_build_object('calendar', jsonb_build_object(
        'method', 'CANCEL', 'sequence', next_sequence, 'stamped_at', pg_catalog.now()));
    end if;
  end if;
  return new;
end;
$$;
revoke execute on function private.attach_calendar_to_client_email() from public;

create trigger notification_outbox_attach_calendar before insert on public.notification_outbox
  for each row
  when (new.template in ('request_confirmed', 'request_declined', 'request_expired', 'request_withdrawn')
        and new.payload ? 'request_id')
  execute function private.attach_calendar_to_client_email();
