-- Two emails to staff when referral requests arrive: one per request (`request_arrived`) and one
-- digest per person per period (`request_digest`). Enum values are added in a migration of their
-- own: a value added in a transaction cannot be used until that transaction commits.
alter type public.notification_template add value if not exists 'request_arrived';
alter type public.notification_template add value if not exists 'request_digest';
