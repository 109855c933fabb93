-- A client-portal request starts `unverified`: the client has not yet confirmed their email.
-- Until then it is not in the clinic's queue and holds its slot for a short time only (see
-- 20261207001200_unverified_holds.sql). Its own migration: a new enum value cannot be used in
-- the transaction that adds it.
alter type public.referral_status add value if not exists 'unverified';
