-- Payers get a contact address, and the notification outbox can carry emails that belong to no
-- clinic. Why: a payer's webhook endpoint that fails for 72 hours is disabled and the payer's
-- contact is told (20261207400200_payer_webhooks.sql). Payers are a global catalog, not a
-- clinic's rows, so such an email has no org_id; clinic admins' dead-letter list filters by their
-- own org_id and never shows these. The new template's value is only used at run time.

alter table public.payers
  add column contact_email extensions.citext
    check (contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(contact_email) <= 254);

alter table public.notification_outbox alter column org_id drop not null;

alter type public.notification_template add value if not exists 'webhook_endpoint_disabled';
