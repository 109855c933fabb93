-- The Handled history says who confirmed a request the client booked by picking one of the
-- times staff offered: "Confirmed by the client". Such a confirm has no staff decider
-- (decided_by is null), which the page read as "a former staff member". handled_requests (first
-- in 20261207200200_handled_requests_history.sql) is rewritten for that one column; its
-- signature, plan and grants stay as they were.

/**
 * One page of a clinic's handled requests the caller may see, newest first. Filters (each
 * optional): `outcome`, `therapist`, `source_kind` ('client_portal', or 'payer' with `payer`), and
 * `handled_from` ≤ handled_at < `handled_before`. Paging: pass the last row's `handled_at` and
 * `id` as `after_handled_at` / `after_id` for the next page. Returns at most `page_size` (1–101)
 * rows. `decline_reason` and `decline_note` are internal: only staff can call this.
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
security invoker
set search_path = ''
as $$
#variable_conflict use_column
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
  -- planned for these arguments on each call (one-shot plan: the filters not given fold away), so
  -- each case walks the index that fits it instead of one generic plan for all
  return query execute $q$
  select r.id, r.status, r.therapist_id, s.first_name, s.last_name, r.first_name, r.last_name,
         lower(r.slot), upper(r.slot), coalesce(l.time_zone, o.time_zone), l.name,
         r.source, case when r.source = 'payer' then py.name else 'Client Portal' end,
         coalesce(r.verified_at, r.created_at),
         private.handled_at(r.decided_at, r.withdrawn_at, r.expires_at),
         coalesce(d.first_name || ' ' || d.last_name,
                  case when r.status = 'confirmed' and r.decided_by is null and r.offered_at is not null then 'the client' end),
         r.decline_reason, r.decline_note, r.withdrawn_reason
  from public.referral_requests r
  join public.staff_members s on s.org_id = r.org_id and s.id = r.therapist_id
  join public.organizations o on o.id = r.org_id
  left join public.locations l on l.org_id = r.org_id and l.id = r.location_id
  left join public.payers py on py.id = r.payer_id
  left join public.staff_members d on d.org_id = r.org_id and d.user_id = r.decided_by
  where r.org_id = $1
    and r.status in ('confirmed', 'declined', 'expired', 'withdrawn')
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
  $q$
  using handled_requests.org_id, outcome, therapist, source_kind, payer, handled_from, handled_before,
        after_handled_at, after_id, page_size;
end;
$$;
revoke execute on function public.handled_requests(uuid, public.referral_status, uuid, public.referral_source, uuid, timestamptz, timestamptz, timestamptz, uuid, integer) from public;
grant execute on function public.handled_requests(uuid, public.referral_status, uuid, public.referral_source, uuid, timestamptz, timestamptz, timestamptz, uuid, integer) to authenticated, service_role;
