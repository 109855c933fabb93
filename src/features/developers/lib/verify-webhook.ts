/**
 * The "verify a webhook" example the payer API reference shows, as a payer would write it with the
 * `standardwebhooks` package: the raw body and the three webhook-* headers in, the event out, or
 * an error for anything not signed with the endpoint's secret within five minutes. The page shows
 * this file's text (imported raw), and it is tested, so the example on the page is code that works.
 */
import { Webhook } from 'standardwebhooks';

export interface VerifiedEvent {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * `secret` is the endpoint's `whsec_…` secret; `rawBody` the request body exactly as received
 * (parse it only once it is verified); `headers` the request's headers.
 */
export function verifyWebhook(
  secret: string,
  rawBody: string,
  headers: Record<string, string>,
): VerifiedEvent {
  const webhook = new Webhook(secret);
  // throws when the signature, the id or the timestamp (older than 5 minutes) is wrong
  return webhook.verify(rawBody, headers) as VerifiedEvent;
}
