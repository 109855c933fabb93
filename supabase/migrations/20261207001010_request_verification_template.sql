-- The email that asks a client to confirm their address before their request reaches the
-- clinic. Its own migration: a new enum value cannot be used in the transaction that adds it.
alter type public.notification_template add value if not exists 'request_verification';
