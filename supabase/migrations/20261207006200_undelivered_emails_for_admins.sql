-- Dead-lettered emails are shown to the org admins of their clinic, who can resend them.
--
-- What admins may read is kept small (no other signed-in user reads the outbox at all): org
-- admins read, of their own clinic's dead letters only, the columns the
-- "Emails that could not be delivered" list shows (recipient, template, attempts, when, last
-- error). Never the payload (it may hold a link token), the idempotency key or the provider's
-- id; never a pending or sent email; never a verification email (its address is unverified,
-- and its link expired long before the email was given up on). Schedulers and therapists read
-- nothing. Every outbox row belongs to a clinic (org_id is not null), so there are no platform
-- emails for a clinic to see.
--
-- Resending is public.resend_undelivered_email: it requeues the dead letter with a fresh retry
-- window and writes an audit row. The outbox row keeps its idempotency key, which the email
-- function sends to the provider: a dead letter was never delivered, so the provider delivers
-- it once; had a lost answer hidden a delivery, the provider answers with the earlier message.

grant select (id, org_id, template, recipient, status, attempts, last_error, first_attempt_at, dead_lettered_at, created_at)
  on public.notification_outbox to authenticated;

create index notification_outbox_dead_letters_idx on public.notification_outbox (org_id, dead_lettered_at desc)
  where status = 'dead_letter';

create policy "Org admins can read their organization's undelivered emails"
  on public.notification_outbox for select to authenticated
  using (
    status = 'dead_letter'
    and template <> 'request_verification'
    and org_id in (select private.org_ids_with_role('org_admin'))
  );

/**
 * Resend: requeues a dead-lettered email of the caller's clinic (org admins only) with a fresh
 * retry window, and audits it. Returns the email's status afterwards: `pending` when it was
 * requeued; the current status, changing nothing, when it is already queued, being sent or sent
 * (a second click). An email the caller cannot see is a 404. Security definer because no user
 * may write the outbox; it checks the caller itself.
 */
create function public.resend_undelivered_email(notification_id uuid)
returns public.notification_status
language plpgsql
security definer
set search_path = ''
as $$
declare
  email public.notification_outbox;
begin
  select o.* into email from public.notification_outbox o
  where o.id = resend_undelivered_email.notification_id
    and o.template <> 'request_verification'
    and o.org_id in (select private.org_ids_with_role('org_admin'))
  for update;
  if email.id is null then
    raise exception 'That email does not exist or you cannot resend it. Only org admins of its clinic can.'
      using errcode = 'PT404', hint = 'unknown_email';
  end if;
  if email.status <> 'dead_letter' then
    return email.status;
  end if;
  update public.notification_outbox o
  set status = 'pending', attempts = 0, first_attempt_at = null, dead_lettered_at = null,
      next_attempt_at = pg_catalog.now()
  where o.id = email.id;
  perform private.write_audit(email.org_id, 'email.resent', email.id,
    jsonb_build_object('status', email.status, 'template', email.template, 'attempts', email.attempts,
                       'dead_lettered_at', email.dead_lettered_at, 'last_error', email.last_error),
    jsonb_build_object('status', 'pending'));
  return 'pending';
end;
$$;
revoke execute on function public.resend_undelivered_email(uuid) from public, anon;
grant execute on function public.resend_undelivered_email(uuid) to authenticated;
