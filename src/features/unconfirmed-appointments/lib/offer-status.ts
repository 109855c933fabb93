import { timeLeft, type Urgency } from '@/lib/time-left';

/** What an offer waiting for its client says in the queue, and how urgent its end is. */
export interface OfferStatus {
  label: string;
  /** How long the client has left to pick, in words ("Soon: 3 hours left"), or that the offer ended. */
  deadline: string;
  urgency: Urgency;
}

/**
 * An offer of other times waits on the client until it ends (48 hours after it was made, or the
 * earliest offered time's start); then the expiry job releases its holds and emails the client,
 * and the request moves to the history as expired. Staff can do nothing on it but look.
 */
export function offerStatus(offer: { expires_at: string }, now: Date): OfferStatus {
  const left = timeLeft(offer.expires_at, now);
  if (left.expired)
    return { label: 'Offer ended — the client did not pick', deadline: 'Ended', urgency: 'urgent' };
  return { label: 'Times offered — waiting for the client', deadline: left.label, urgency: left.urgency };
}
