-- Views are read-only through the API. Signed-in users held insert/update/delete grants on every
-- view (Supabase's default privileges grant all on new relations), and a write to a view that is
-- not automatically updatable fails while Postgres rewrites the query, before any permission
-- check, with SQLSTATE 55000, which PostgREST answers as a 500. So:
--   1. anon and authenticated keep only select on every view in public;
--   2. every view gets an INSTEAD OF trigger: the rewriter then accepts the write, the executor
--      checks permissions first (42501: PostgREST's 401 for anon, 403 for signed-in users), and
--      a role that does hold write grants (service_role) meets the trigger's own 405.
-- (Because of the trigger, Supabase's type generator lists Insert/Update types for these views;
-- PostgREST does route such writes to the view, where they are refused as above.)

/**
 * INSTEAD OF trigger of every view in public: views are read-only, whoever writes. Raises
 * PostgREST's custom SQLSTATE PT405 (HTTP 405) with the view's name; changes go through the
 * tables and functions behind the view.
 */
create function private.refuse_view_write()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception '% is a read-only view: % is not allowed; nothing was changed.', tg_table_name, lower(tg_op)
    using errcode = 'PT405', hint = 'read_only_view';
end;
$$;
revoke execute on function private.refuse_view_write() from public;

/**
 * Makes one view of public read-only for the API: select only for anon and authenticated, and the
 * refusing trigger. Idempotent, so a migration that (re)creates a view calls it again.
 */
create function private.make_view_read_only(view_name text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  execute format('revoke insert, update, delete, truncate, references, trigger on public.%I from anon, authenticated', view_name);
  execute format('drop trigger if exists refuse_writes on public.%I', view_name);
  execute format(
    'create trigger refuse_writes instead of insert or update or delete on public.%I for each row execute function private.refuse_view_write()',
    view_name);
end;
$$;
revoke execute on function private.make_view_read_only(text) from public;

select private.make_view_read_only(c.relname)
from pg_catalog.pg_class c
where c.relnamespace = 'public'::regnamespace and c.relkind = 'v'
order by c.relname;
