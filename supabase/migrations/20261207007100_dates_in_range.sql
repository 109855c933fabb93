-- Every date and time a caller can write lies in a sane range, and a refusal names the field.
--
--  * referral_requests.date_of_birth and clients.date_of_birth: after 1900-01-01 (CHECK, as
--    before) and before today (new, a trigger: CHECK constraints must not read the clock). The
--    request schema (supabase/functions/_shared/referral-request.ts) refuses the same.
--  * referral_requests.slot: starts in 2000 or later and ends before 2200, as the schema's
--    slot_start rule (no slot lies outside; the functions only write open slots, this is the
--    backstop for any other writer). No stored slot lies outside: slots are open slots, and
--    those lie after the time the request was made, within the booking horizon (at most 365 days).
--  * availability_blocks: the unnamed CHECKs get names that say the field (a refusal through
--    PostgREST shows only the constraint's name: "availability_blocks_check3" named nothing), and
--    start_time and end_time are clock times of one day, before 24:00, as the form's HH:MM
--    (Postgres' time type also takes 24:00:00). referral_requests' expires_at rule is named too.
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
     and (new.date_of_birth <= date '1900-01-01' or new.date_of_birth >= current_date) then
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

-- constraint names that say the field ----------------------------------------------------------
alter table public.availability_blocks rename constraint availability_blocks_check to availability_blocks_end_time_after_start_time;
alter table public.availability_blocks rename constraint availability_blocks_check1 to availability_blocks_valid_until_on_or_after_valid_from;
alter table public.availability_blocks rename constraint availability_blocks_check2 to availability_blocks_one_off_valid_until_is_valid_from;
alter table public.availability_blocks rename constraint availability_blocks_check3 to availability_blocks_valid_until_within_730_days;
alter table public.referral_requests rename constraint referral_requests_check1 to referral_requests_expires_at_by_slot_start;
-- no stored block uses 24:00 (the form never wrote it); NOT VALID would hide one, so validate
alter table public.availability_blocks
  add constraint availability_blocks_start_time_end_time_before_24_00
  check (start_time < time '24:00' and end_time < time '24:00');

-- server-owned timestamps ------------------------------------------------------------------------
revoke insert, update on public.locations from authenticated;
grant insert (org_id, name, address_line, city, state, postal_code, time_zone) on public.locations to authenticated;
grant update (name, address_line, city, state, postal_code, time_zone) on public.locations to authenticated;

revoke insert on public.availability_blocks from authenticated;
grant insert (org_id, staff_id, location_id, valid_from, valid_until, weekdays, start_time, end_time, accept_external)
  on public.availability_blocks to authenticated;
