-- Every date and time a caller can write lies in a sane range, and a refusal names the field.
--
--  * referral_requests.date_of_birth and clients.date_of_birth: after 1900-01-01 (CHECK, as
--    before) and before today (new, a trigger: CHECK constraints must not read the clock). The
--    request schema (supabase/functions/_shared/referral-request.ts) refuses the same.
--  * referral_requests.slot: starts in 2000 or later and ends before 2200, as the schema's
--    slot_start rule (no slot lies outside; the functions only write open slots, this is the
--    backstop for any other writer). No stored slot lies outside: slots are open slots, and
--    those lie after the time the request was made, within the booking horizon (at most 365 days).
--  * locations and availability_blocks: created_at and updated_at are the server's. A signed-in
--    admin or therapist could insert created_at = '0001-01-01' or 'infinity' (the table-wide
--    insert grant); now only the columns a form writes are granted, so such a write is refused
--    (42501) and the server's default stands.
--
-- The date-of-birth trigger raises SQLSTATE 22008 (datetime_field_overflow: PostgREST answers 400)
-- with hint `out_of_range` and the column in `detail`, so the functions name the field.

alter table public.referral_requests
  add constraint referral_requests_slot_in_range
  check (lower(slot) >= timestamptz '2000-01-01 00:00:00+00' and upper(slot) <= timestamptz '2200-01-01 00:00:00+00');

/** Trigger: a date of birth lies after 1900-01-01 and before today (the server's date, UTC). */
create function private.refuse_date_of_birth_out_of_range()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.date_of_birth is not null
     and (new.date_of_birth <= date '1900-01-01' or new.date_of_birth >= pg_catalog.current_date) then
    raise exception 'date_of_birth must be a date after 1900-01-01 and before today.'
      using errcode = '22008', hint = 'out_of_range', detail = 'date_of_birth',
            column = 'date_of_birth', table = tg_table_name;
  end if;
  return new;
end;
$$;
revoke execute on function private.refuse_date_of_birth_out_of_range() from public;

create trigger referral_requests_date_of_birth_in_range before insert or update of date_of_birth on public.referral_requests
  for each row execute function private.refuse_date_of_birth_out_of_range();
create trigger clients_date_of_birth_in_range before insert or update of date_of_birth on public.clients
  for each row execute function private.refuse_date_of_birth_out_of_range();

-- server-owned timestamps ------------------------------------------------------------------------
revoke insert, update on public.locations from authenticated;
grant insert (org_id, name, address_line, city, state, postal_code, time_zone) on public.locations to authenticated;
grant update (name, address_line, city, state, postal_code, time_zone) on public.locations to authenticated;

revoke insert on public.availability_blocks from authenticated;
grant insert (org_id, staff_id, location_id, valid_from, valid_until, weekdays, start_time, end_time, accept_external)
  on public.availability_blocks to authenticated;
