-- What a client chooses on the clinic's public request page besides the time: in person or
-- telehealth (where the therapist offers both), the insurance their member ID belongs to (one of
-- the payers the therapist takes), and whether a parent or guardian is requesting for a minor.
-- Stored on the request so the clinic sees them beside the Source. Payer requests keep their
-- payer in payer_id; the insurance column is the client portal's.

alter table public.referral_requests
  add column session_format text
    constraint referral_requests_session_format_known check (session_format in ('in_person', 'telehealth')),
  add column insurance_payer_id uuid references public.payers (id),
  add column requested_by_guardian boolean not null default false,
  add constraint referral_requests_insurance_is_portal check (source = 'client_portal' or insurance_payer_id is null);

-- the foreign key's column, for deletes of a payer
create index referral_requests_insurance_payer_idx on public.referral_requests (insurance_payer_id)
  where insurance_payer_id is not null;
