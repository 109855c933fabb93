-- The abuse limits of the public request page, as settings with their defaults. One row; an
-- operator changes it with SQL (e.g. `update public.client_portal_settings set
-- max_open_requests_per_person = 3;`). Only the platform reads it: no browser role can.

create table public.client_portal_settings (
  -- a single row
  id boolean primary key default true check (id),
  -- pending or unverified requests one person (their email, in any case) may have at one clinic
  max_open_requests_per_person integer not null default 2 check (max_open_requests_per_person between 1 and 50),
  -- requests one address (the caller's IP) may have waiting at one clinic at a time, for the email
  -- link or for the clinic's answer (a verified request still holds its slot, so it still counts)
  max_open_requests_per_address integer not null default 5 check (max_open_requests_per_address between 1 and 500),
  -- how long an unverified request holds its slot waiting for the email link (at most 30 minutes)
  verification_window_minutes integer not null default 30 check (verification_window_minutes between 5 and 30),
  updated_at timestamptz not null default now()
);
alter table public.client_portal_settings enable row level security;
revoke all on public.client_portal_settings from anon, authenticated;
insert into public.client_portal_settings default values;

/** The one settings row stays: without it the limits would not apply. */
create function private.keep_client_portal_settings()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'The client portal''s settings row cannot be removed; update it instead.'
    using errcode = 'P0001', hint = 'settings_required';
end;
$$;
revoke execute on function private.keep_client_portal_settings() from public;
create trigger client_portal_settings_kept before delete on public.client_portal_settings
  for each row execute function private.keep_client_portal_settings();
create trigger client_portal_settings_not_truncated before truncate on public.client_portal_settings
  for each statement execute function private.keep_client_portal_settings();
