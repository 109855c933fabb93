-- The email that tells a client their request was withdrawn (the therapist no longer takes
-- referrals). Added on its own, before the migration that queues it.

alter type public.notification_template add value if not exists 'request_withdrawn';
