-- The navigation badge counted the Unconfirmed queue through its view (HEAD, count=exact): p95
-- 648 ms at bench scale (budget 5 ms). EXPLAIN ANALYZE as a scheduler of a clinic with 10,200
-- pending requests: 45 ms planning the view (its joins to staff, clinic, office and payer, each
-- with its own policy), then every pending row read from the table to check the policy's
-- columns. The badge needs neither: it asks this count function, which reads the requests alone
-- under the same policy (security invoker: the viewer's own visibility, as the queue), and the
-- pending-queue index now carries the therapist id, so the policy is checked from the index
-- without visiting the table.

/** How many of `org`'s requests wait for a decision that the caller may see (RLS decides, as for the queue). */
create function public.pending_request_count(org uuid)
returns integer
language sql
stable
security invoker
set search_path = ''
as $$
  select pg_catalog.count(*)::integer
  from public.referral_requests r
  where r.org_id = org and r.status = 'pending' and r.expires_at > pg_catalog.now();
$$;
revoke execute on function public.pending_request_count(uuid) from public, anon;
grant execute on function public.pending_request_count(uuid) to authenticated, service_role;

-- the queue's index, now with what the select policy reads beyond its keys (org_id and status are
-- in it already): the count is an index-only scan
create index referral_requests_pending_queue_covering_idx
  on public.referral_requests (org_id, expires_at) include (therapist_id) where status = 'pending';
drop index public.referral_requests_pending_queue_idx;
alter index public.referral_requests_pending_queue_covering_idx rename to referral_requests_pending_queue_idx;
