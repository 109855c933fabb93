-- A request can now be withdrawn: when its therapist leaves the program (enrollment or staff
-- member deactivated, or the therapist role removed) the clinic can no longer honour it. The
-- value is added on its own, before any migration uses it (a new enum value cannot be used in
-- the transaction that adds it).

alter type public.referral_status add value if not exists 'withdrawn';
