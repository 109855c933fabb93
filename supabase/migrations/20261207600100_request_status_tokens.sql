-- Every email to a client carries a link to the request's status page, /request/status/<token>,
-- where the client sees where the request stands and can withdraw it or pick an offered time,
-- without signing in.
--
-- The token carries 256 random bits and is made here, in the database, when the email is queued
-- (a trigger on the outbox adds `status_url` to the payload of every client email about a
-- request, from the email-address confirmation on, so a client-portal client can follow and
-- withdraw a request that waits for the clinic); only its SHA-256 hash is kept. Each email gets its own token, so no email's link
-- depends on another being kept. A token lasts until 14 days after the latest time the request
-- is about (its slot, or the latest offered time), so the client can still see the outcome of a
-- decision after the appointment; then the page says the link has expired and points to the
-- clinic's request page. The raw token lives in the outbox row only until the email is sent.

create table public.request_status_links (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  request_id uuid not null references public.referral_requests (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  check (expires_at > created_at)
);
alter table public.request_status_links enable row level security;
-- no browser role reads or writes links: the client-portal function (service role) resolves them
revoke all on public.request_status_links from anon, authenticated;
create index request_status_links_request_idx on public.request_status_links (request_id);
create index request_status_links_expires_idx on public.request_status_links (expires_at);

/** How long a status link works: 14 days past the latest time the request is about, and never less than 14 days. */
create function private.status_link_lifetime_end(latest timestamptz)
returns timestamptz
language sql
stable
set search_path = ''
as $$ select greatest(latest, pg_catalog.now()) + interval '14 days' $$;
revoke execute on function private.status_link_lifetime_end(timestamptz) from public;

/**
 * Makes a new status link for a request and returns its in-app path (/request/status/<token>);
 * only the token's hash is stored.
 */
create function private.mint_status_link(request_id uuid)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  token text := translate(rtrim(encode(extensions.gen_random_bytes(32), 'base64'), '='), '+/', '-_');
  latest timestamptz;
begin
  select upper(r.slot) into latest from public.referral_requests r where r.id = mint_status_link.request_id;
  if latest is null then
    return null;
  end if;
  insert into public.request_status_links (token_hash, request_id, expires_at)
  values (encode(extensions.digest(token, 'sha256'), 'hex'), mint_status_link.request_id,
          private.status_link_lifetime_end(latest));
  return '/request/status/' || token;
end;
$$;
revoke execute on function private.mint_status_link(uuid) from public;

/**
 * The request an email to a client is about, read from the outbox row's idempotency key
 * ('<template>:<request id>', as every client email about a request is queued); null for any
 * other email (staff alerts and digests, invitations).
 */
create function private.client_email_request_id(template text, idempotency_key text)
returns uuid
language sql
immutable
set search_path = ''
as $$
  select case
    when template in ('request_verification', 'request_confirmed', 'request_declined', 'request_expired',
                      'request_withdrawn', 'request_alternatives_offered', 'request_offer_expired')
     and idempotency_key ~ ('^' || template || ':[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
    then pg_catalog.split_part(idempotency_key, ':', 2)::uuid
  end;
$$;
revoke execute on function private.client_email_request_id(text, text) from public;

/** Before an email to a client about a request is queued: its payload gets the request's status link. */
create function private.add_status_link_to_client_email()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  request uuid := private.client_email_request_id(new.template::text, new.idempotency_key);
  link text;
begin
  if request is not null and not (new.payload ? 'status_url') then
    link := private.mint_status_link(request);
    if link is not null then
      new.payload := new.payload || pg_catalog.jsonb_build_object('status_url', link);
    end if;
  end if;
  return new;
end;
$$;
revoke execute on function private.add_status_link_to_client_email() from public;
create trigger notification_outbox_add_status_link before insert on public.notification_outbox
  for each row execute function private.add_status_link_to_client_email();

/** Once a client email is sent, its status link's token leaves the outbox (the client has it). */
create function private.erase_sent_status_link()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status = 'sent' and new.payload ? 'status_url' then
    new.payload := new.payload - 'status_url';
  end if;
  return new;
end;
$$;
revoke execute on function private.erase_sent_status_link() from public;
create trigger notification_outbox_erase_sent_status_link before update of status on public.notification_outbox
  for each row execute function private.erase_sent_status_link();

/**
 * The request a status token belongs to, locked when `lock` (for a change), with whether the
 * link has expired; no row for an unknown token.
 */
create function private.status_link_request(token text, lock boolean default false)
returns table (request_id uuid, link_expired boolean)
language plpgsql
security definer
set search_path = ''
as $$
declare
  found_request uuid;
  found_expires timestamptz;
begin
  if token is null or token !~ '^[A-Za-z0-9_-]{43}$' then
    return;
  end if;
  select l.request_id, l.expires_at into found_request, found_expires
  from public.request_status_links l where l.token_hash = encode(extensions.digest(token, 'sha256'), 'hex');
  if found_request is null then
    return;
  end if;
  if lock then
    perform 1 from public.referral_requests r where r.id = found_request for update;
  end if;
  return query select found_request, found_expires <= pg_catalog.now();
end;
$$;
revoke execute on function private.status_link_request(text, boolean) from public;
