-- A date of birth lies after 1900-01-01 (a CHECK of each table) and before today: a trigger, since
-- CHECK constraints must not read the clock. It covers referral_requests.date_of_birth and
-- clients.date_of_birth; the request schema (supabase/functions/_shared/referral-request.ts)
-- refuses the same. It raises SQLSTATE 22008 (datetime_field_overflow: PostgREST answers 400)
-- with hint `out_of_range` and the column in `detail`, so the functions name the field.
--
-- The other dates and times a caller writes are CHECKs of their tables, named after the field
-- (20261128000500_availability.sql): a request's slot starts in 2000 or later and ends before
-- 2200 (as the schema's slot_start rule); an availability block's first date lies in 2000–2199,
-- its end at most 730 days later, its times before 24:00. created_at and updated_at of locations
-- and availability blocks are the server's (only the columns a form writes are granted).

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
