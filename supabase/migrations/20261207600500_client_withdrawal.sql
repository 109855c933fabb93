-- A client withdraws their own request from its status page: a pending request, or one with
-- other times offered (the client wants none of them). In one transaction the request becomes
-- `withdrawn` (reason `client_withdrew`), its slot and any offered times are free again, it
-- leaves the queue for the clinic's Handled history, the payer's webhook `request.withdrawn` is
-- queued by the status trigger (20261207400200_payer_webhooks.sql) and the change is audited.
-- No email: the client did it and the page says so. Withdrawing again is a success that changes
-- nothing (a double submit, or a second tab).

alter table public.referral_requests drop constraint referral_requests_withdrawn_reason_known,
  add constraint referral_requests_withdrawn_reason_known check (withdrawn_reason in ('therapist_unavailable', 'client_withdrew'));
comment on column public.referral_requests.withdrawn_reason is
  'Why a request was withdrawn: therapist_unavailable (the therapist was deactivated or lost the therapist role) or client_withdrew (from the status page).';

/**
 * Withdraws the request behind a status link. Returns the outcome: 'withdrawn' (now, or already
 * by the client), 'unknown' (no such link), 'link_expired', or 'not_withdrawable' with the state
 * the request is in (decided, expired, or withdrawn because the therapist left).
 */
create function public.withdraw_request_by_token(token text)
returns table (outcome text, state public.referral_status)
language plpgsql
security definer
set search_path = ''
as $$
declare
  link record;
  r public.referral_requests;
begin
  select * into link from private.status_link_request(token, true);
  if link.request_id is null then
    return query select 'unknown', null::public.referral_status;
    return;
  end if;
  if link.link_expired then
    return query select 'link_expired', null::public.referral_status;
    return;
  end if;
  select * into r from public.referral_requests q where q.id = link.request_id;
  if r.status = 'withdrawn' and r.withdrawn_reason = 'client_withdrew' then
    return query select 'withdrawn', r.status;
    return;
  end if;
  if r.status not in ('pending', 'alternatives_offered') or r.expires_at <= pg_catalog.now() then
    return query select 'not_withdrawable', r.status;
    return;
  end if;
  update public.referral_requests q
  set status = 'withdrawn', withdrawn_reason = 'client_withdrew', withdrawn_at = pg_catalog.now()
  where q.id = r.id;
  update public.request_offered_times t set released_at = pg_catalog.now(), released_as = 'withdrawn'
  where t.request_id = r.id and t.released_at is null;
  perform private.write_audit(r.org_id, 'referral.withdrawn', r.id, pg_catalog.jsonb_build_object('status', r.status),
    '{"status":"withdrawn","reason":"client_withdrew"}');
  return query select 'withdrawn', 'withdrawn'::public.referral_status;
end;
$$;
revoke execute on function public.withdraw_request_by_token(text) from public, anon, authenticated;
grant execute on function public.withdraw_request_by_token(text) to service_role;
