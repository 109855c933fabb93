import { timeLeft } from '@/lib/time-left';

export type RequestAction = 'confirm' | 'offer' | 'decline';

/**
 * Confirm, Offer other times and Decline are there while a request is pending and its 48 hours
 * are not over.
 */
export function requestActions(request: { expires_at: string }, now: Date): RequestAction[] {
  return timeLeft(request.expires_at, now).expired ? [] : ['confirm', 'offer', 'decline'];
}
