-- An email the outbox gave up on after its retry window is `dead_letter`: it waits for a clinic's
-- org admin to resend it (see 20261207006100 and 20261207006200). Its own migration: a new enum
-- value cannot be used in the transaction that adds it. The old `failed` stays in the type (enum
-- values cannot be dropped) but nothing writes it any more; 20261207006100 turns the rows that
-- had it into dead letters.
alter type public.notification_status add value if not exists 'dead_letter';
