-- Program insights read a clinic's requests by when they arrived (verification for client-portal
-- requests, creation otherwise): no existing index is on that instant (the queue's is on
-- expires_at, the history's on when a request was handled), so every insights call read all of a
-- clinic's requests. One index per way insights are opened: the clinic's (admins, schedulers) and
-- one therapist's (a therapist's own figures, or the therapist filter). Each carries the columns
-- the figures read (the arrival's own columns too: an index-only scan cannot read an indexed
-- expression back), so the period is an index-only range scan once the table is vacuumed.
-- Unverified requests never entered the queue and are never counted: they are left out.

create index referral_requests_arrival_idx on public.referral_requests
  (org_id, (coalesce(verified_at, created_at)))
  include (status, source, payer_id, therapist_id, location_id, verified_at, created_at, decided_at, decline_reason, slot)
  where status <> 'unverified';

create index referral_requests_arrival_by_therapist_idx on public.referral_requests
  (therapist_id, (coalesce(verified_at, created_at)))
  include (org_id, status, source, payer_id, location_id, verified_at, created_at, decided_at, decline_reason, slot)
  where status <> 'unverified';
