-- The Handled history's date range and its next-page cursor bound the index scan for staff, as
-- they already did for the superuser.
--
-- Why: under row-level security Postgres checks the table's policy before any condition of the
-- query that calls a function not marked LEAKPROOF. The history's range
-- (`private.handled_at(...) >= handled_from`) and its keyset cursor (a row comparison) are such
-- conditions, so for a signed-in scheduler they could not bound the scan of
-- referral_requests_handled_idx: a 30-day range or a page 40,000 rows deep walked the clinic's
-- history from its newest row (at bench scale 23–38 ms per call on a quiet database and p95
-- 0.3–0.9 s on a busy one, against a budget of 15 ms; 1 ms for the superuser). Marking a function
-- LEAKPROOF needs a superuser, which hosted projects do not give. So handled_requests now runs as
-- its owner and applies the select policy of referral_requests itself, in the policy's own words
-- and through the same helpers (the clinic's requests for its active admins and schedulers, a
-- therapist's own, never an unverified one; every helper checks that the caller's session is
-- live). Its signature, checks, columns and grants stay as they were.
--
-- It also finds the page's requests on the request table alone and reads their details in a second,
-- static query: the one-shot plan that lets each filter use its index took 2.4 ms to plan with the
-- five detail joins, for 0.4 ms of running.

/**
 * One page of a clinic's handled requests the caller may see, newest first. Filters (each
 * optional): `outcome`, `therapist`, `source_kind` ('client_portal', or 'payer' with `payer`), and
 * `handled_from` ≤ handled_at < `handled_before`. Paging: pass the last row's `handled_at` and
 * `id` as `after_handled_at` / `after_id` for the next page. Returns at most `page_size` (1–101)
 * rows. `decline_reason` and `decline_note` are internal: only staff can call this. Runs as its
 * owner and applies the select policy of referral_requests itself (see above).
 */
create or replace function public.handled_requests(
  org_id uuid,
  outcome public.referral_status default null,
  therapist uuid default null,
  source_kind public.referral_source default null,
  payer uuid default null,
  handled_from timestamptz default null,
  handled_before timestamptz default null,
  after_handled_at timestamptz default null,
  after_id uuid default null,
  page_size integer default 26
)
returns table (
  id uuid,
  status public.referral_status,
  therapist_id uuid,
  therapist_first_name text,
  therapist_last_name text,
  first_name text,
  last_name text,
  slot_start timestamptz,
  slot_end timestamptz,
  time_zone text,
  location_name text,
  source public.referral_source,
  source_label text,
  arrived_at timestamptz,
  handled_at timestamptz,
  decided_by_name text,
  decline_reason text,
  decline_note text,
  withdrawn_reason text
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  -- the select policy of referral_requests, read once per call
  whole_clinic boolean := coalesce(auth.jwt() ->> 'role', '') = 'service_role'
    or handled_requests.org_id in (select private.program_viewer_org_ids());
  own_therapists uuid[] := array(select private.my_therapist_ids());
  page uuid[];
begin
  if page_size is null or page_size not between 1 and 101 then
    raise exception 'page_size must be between 1 and 101.' using errcode = '22023', hint = 'page_size';
  end if;
  if (after_handled_at is null) <> (after_id is null) then
    raise exception 'Give both after_handled_at and after_id, or neither.' using errcode = '22023', hint = 'cursor';
  end if;
  if outcome is not null and outcome not in ('confirmed', 'declined', 'expired', 'withdrawn') then
    raise exception 'outcome must be confirmed, declined, expired or withdrawn.' using errcode = '22023', hint = 'outcome';
  end if;
  -- which requests: planned for these arguments on each call (one-shot plan: the filters not given
  -- fold away), so each case walks the index that fits it; on the request table alone, because
  -- planning the detail joins on every call cost several times what running them does
  execute $q$
  select array_agg(q.id order by q.handled_at desc, q.id desc)
  from (
      select r.id, private.handled_at(r.decided_at, r.withdrawn_at, r.expires_at) as handled_at
      from public.referral_requests r
      where r.org_id = $1
        and r.status in ('confirmed', 'declined', 'expired', 'withdrawn')
        and ($11 or r.therapist_id = any ($12))
        and ($2::public.referral_status is null or r.status = $2)
        and ($3::uuid is null or r.therapist_id = $3)
        and ($4::public.referral_source is null or r.source = $4)
        and ($5::uuid is null or r.payer_id = $5)
        and ($6::timestamptz is null or private.handled_at(r.decided_at, r.withdrawn_at, r.expires_at) >= $6)
        and ($7::timestamptz is null or private.handled_at(r.decided_at, r.withdrawn_at, r.expires_at) < $7)
        and ($8::timestamptz is null
             or (private.handled_at(r.decided_at, r.withdrawn_at, r.expires_at), r.id) < ($8, $9::uuid))
      order by private.handled_at(r.decided_at, r.withdrawn_at, r.expires_at) desc, r.id desc
      limit $10
  ) q
  $q$
  into page
  using handled_requests.org_id, outcome, therapist, source_kind, payer, handled_from, handled_before,
        after_handled_at, after_id, page_size, whole_clinic, own_therapists;

  -- their details, in that order (a static query: its plan is kept between calls)
  return query
  select r.id, r.status, r.therapist_id, s.first_name, s.last_name, r.first_name, r.last_name,
         lower(r.slot), upper(r.slot), coalesce(l.time_zone, o.time_zone), l.name,
         r.source, case when r.source = 'payer' then py.name else 'Client Portal' end,
         coalesce(r.verified_at, r.created_at),
         private.handled_at(r.decided_at, r.withdrawn_at, r.expires_at),
         coalesce(d.first_name || ' ' || d.last_name,
                  case when r.status = 'confirmed' and r.decided_by is null and r.offered_at is not null then 'the client' end),
         r.decline_reason, r.decline_note, r.withdrawn_reason
  from unnest(page) with ordinality as p (request_id, n)
  join public.referral_requests r on r.id = p.request_id
  join public.staff_members s on s.org_id = r.org_id and s.id = r.therapist_id
  join public.organizations o on o.id = r.org_id
  left join public.locations l on l.org_id = r.org_id and l.id = r.location_id
  left join public.payers py on py.id = r.payer_id
  left join public.staff_members d on d.org_id = r.org_id and d.user_id = r.decided_by
  order by p.n;
end;
$$;
revoke execute on function public.handled_requests(uuid, public.referral_status, uuid, public.referral_source, uuid, timestamptz, timestamptz, timestamptz, uuid, integer) from public;
-- before, a signed-out caller was stopped by the private schema the query reads; now that it runs as
-- its owner, only the grant stops them (the project's default privileges give anon every new function)
revoke execute on function public.handled_requests(uuid, public.referral_status, uuid, public.referral_source, uuid, timestamptz, timestamptz, timestamptz, uuid, integer) from anon;
grant execute on function public.handled_requests(uuid, public.referral_status, uuid, public.referral_source, uuid, timestamptz, timestamptz, timestamptz, uuid, integer) to authenticated, service_role;
