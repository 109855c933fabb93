-- The navigation badge reads a kept tally of pending requests instead of counting them.
--
-- Why: the badge's count was an index-only scan of every pending request the caller may see. That
-- is cheap for a clinic with a few dozen, but at bench scale (10,200 pending requests in one
-- clinic) it read 10,200 index entries on every page the badge is on: p95 5–9 ms in SQL on a
-- machine with other work, against a budget of 5 ms. The tally holds one row per clinic and
-- therapist, kept by a statement-level trigger (one upsert per therapist a statement touches,
-- however many requests it changes: the expiry job's batches stay one write per therapist), so the
-- badge reads at most one row per therapist of the clinic.
--
-- A pending request stops counting when its 48 hours end, before the expiry job changes its
-- status: the count subtracts the pending requests already past their end (the queue's index
-- finds them, and there are none between two runs of the job).

create table private.pending_request_tally (
  org_id uuid not null,
  therapist_id uuid not null,
  pending integer not null,
  primary key (org_id, therapist_id)
);
comment on table private.pending_request_tally is
  'Pending requests per clinic and therapist, kept by private.tally_pending_requests; read by public.pending_request_count.';
-- only the owner's functions read or write it
alter table private.pending_request_tally enable row level security;
revoke all on table private.pending_request_tally from public, anon, authenticated;

/** Applies one statement's change of pending requests to the tally, one upsert per therapist. */
create function private.tally_pending_requests()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- each branch reads only the transition tables its event has; rows are written in key order,
  -- so two statements touching the same therapists wait for each other instead of deadlocking
  if tg_op = 'INSERT' then
    insert into private.pending_request_tally as t (org_id, therapist_id, pending)
    select n.org_id, n.therapist_id, count(*)::integer
    from new_rows n where n.status = 'pending'
    group by n.org_id, n.therapist_id
    order by n.org_id, n.therapist_id
    on conflict (org_id, therapist_id) do update set pending = t.pending + excluded.pending;
  elsif tg_op = 'DELETE' then
    insert into private.pending_request_tally as t (org_id, therapist_id, pending)
    select o.org_id, o.therapist_id, -count(*)::integer
    from old_rows o where o.status = 'pending'
    group by o.org_id, o.therapist_id
    order by o.org_id, o.therapist_id
    on conflict (org_id, therapist_id) do update set pending = t.pending + excluded.pending;
  else
    insert into private.pending_request_tally as t (org_id, therapist_id, pending)
    select c.org_id, c.therapist_id, sum(c.delta)::integer
    from (
      select n.org_id, n.therapist_id, 1 as delta from new_rows n where n.status = 'pending'
      union all
      select o.org_id, o.therapist_id, -1 from old_rows o where o.status = 'pending'
    ) c
    group by c.org_id, c.therapist_id
    having sum(c.delta) <> 0
    order by c.org_id, c.therapist_id
    on conflict (org_id, therapist_id) do update set pending = t.pending + excluded.pending;
  end if;
  return null;
end;
$$;
revoke execute on function private.tally_pending_requests() from public;

-- the triggers and the requests pending now, in one transaction under a lock that lets reads on but
-- no write in between: no request is missed or counted twice
do $$
begin
  lock table public.referral_requests in share row exclusive mode;
  create trigger referral_requests_tally_pending_on_insert
    after insert on public.referral_requests
    referencing new table as new_rows
    for each statement execute function private.tally_pending_requests();
  create trigger referral_requests_tally_pending_on_update
    after update on public.referral_requests
    referencing old table as old_rows new table as new_rows
    for each statement execute function private.tally_pending_requests();
  create trigger referral_requests_tally_pending_on_delete
    after delete on public.referral_requests
    referencing old table as old_rows
    for each statement execute function private.tally_pending_requests();
  insert into private.pending_request_tally (org_id, therapist_id, pending)
  select r.org_id, r.therapist_id, count(*)::integer
  from public.referral_requests r where r.status = 'pending'
  group by r.org_id, r.therapist_id;
end;
$$;

/**
 * How many of `org`'s requests wait for a decision that the caller may see: the clinic's for its
 * admins and schedulers, a therapist's own, as the queue's row-level policy decides (through the
 * policy's own helpers, which check that the session is live). Reads the tally, less the pending
 * requests whose 48 hours ended since the expiry job last ran (read under the policy itself).
 */
create or replace function public.pending_request_count(org uuid)
returns integer
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  own_therapists uuid[];
  tallied bigint;
  ended bigint;
begin
  if coalesce(auth.jwt() ->> 'role', '') = 'service_role' or org in (select private.program_viewer_org_ids()) then
    select pg_catalog.sum(t.pending) into tallied from private.pending_request_tally t where t.org_id = org;
    select pg_catalog.count(*) into ended from public.referral_requests r
    where r.org_id = org and r.status = 'pending' and r.expires_at <= pg_catalog.now();
  else
    own_therapists := array(select private.my_therapist_ids());
    select pg_catalog.sum(t.pending) into tallied from private.pending_request_tally t
    where t.org_id = org and t.therapist_id = any (own_therapists);
    select pg_catalog.count(*) into ended from public.referral_requests r
    where r.org_id = org and r.status = 'pending' and r.expires_at <= pg_catalog.now()
      and r.therapist_id = any (own_therapists);
  end if;
  return greatest(coalesce(tallied, 0) - ended, 0)::integer;
end;
$$;
revoke execute on function public.pending_request_count(uuid) from public, anon;
grant execute on function public.pending_request_count(uuid) to authenticated, service_role;
