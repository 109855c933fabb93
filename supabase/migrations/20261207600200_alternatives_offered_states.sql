-- The names a request offered other times needs, added on their own because a new enum value
-- cannot be used in the transaction that adds it (the migrations after this one use them):
--   * referral status `alternatives_offered`: staff offered the client other times (not a
--     decision; the offered slots are held until the client answers or the offer expires);
--   * emails `request_alternatives_offered` (the offer, with the status link) and
--     `request_offer_expired` (the client did not pick in time; the times were released);
--   * the payers' webhook event `request.alternatives_offered`.
alter type public.referral_status add value if not exists 'alternatives_offered';
alter type public.notification_template add value if not exists 'request_alternatives_offered';
alter type public.notification_template add value if not exists 'request_offer_expired';
alter type public.webhook_event_type add value if not exists 'request.alternatives_offered';
