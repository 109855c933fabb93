-- anon and authenticated never truncate a table, create triggers on one or reference one from a
-- foreign key of their own: the API (PostgREST, the functions) needs none of it. Supabase's
-- default privileges grant them all three on every relation; take them away from every relation
-- in public, and from the ones later migrations create (as the role that runs migrations).

do $$
declare
  relation record;
begin
  for relation in
    select c.relname from pg_catalog.pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
    order by c.relname
  loop
    execute format('revoke truncate, references, trigger on public.%I from anon, authenticated', relation.relname);
  end loop;
end;
$$;

alter default privileges in schema public revoke truncate, references, trigger on tables from anon, authenticated;
