-- private.alert_digest_items was the one table created without row-level security. No role but
-- its owner can touch it (every grant is revoked, and only the owner's security definer alert
-- functions read and write it), so this changes nothing today; it keeps the rule that every
-- table has RLS on, so a grant added later cannot open it by accident.
alter table private.alert_digest_items enable row level security;
