-- A payer's FHIR slot feed links to the public request page with SMART Scheduling Links'
-- `source` and `booking-referral` parameters (who sent the client, and their own reference).
-- They are carried through to the request's Source so the clinic can see where a client came
-- from. They are untrusted text from a link anyone can edit: short, plain characters only,
-- stored and shown, never used to decide anything (they are not a payer's request: no payer id,
-- no webhook, no payer API visibility).

alter table public.referral_requests
  add column referral_source text
    constraint referral_requests_referral_source_plain check (referral_source ~ '^[A-Za-z0-9._~:-]{1,64}$'),
  add column booking_referral text
    constraint referral_requests_booking_referral_plain check (booking_referral ~ '^[A-Za-z0-9._~:-]{1,128}$'),
  add constraint referral_requests_referral_is_portal
    check (source = 'client_portal' or (referral_source is null and booking_referral is null));
