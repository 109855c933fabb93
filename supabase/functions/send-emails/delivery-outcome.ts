/**
 * What a failed send means for the email: a failure that a later attempt may fix (the provider
 * is down, slow, rate limiting, or refuses our key until an operator fixes it) is retried; one
 * that no retry can fix (the payload cannot be rendered, the provider refuses the message
 * itself) is dead-lettered at once, so the clinic's admins hear of it now instead of in 72 hours.
 */
export interface DeliveryOutcome {
  delivered: boolean;
  error?: string;
  providerId?: string;
  /** true: retrying cannot help; the outbox dead-letters the email at once */
  permanent?: boolean;
}

/** Provider answers about the message itself (400 bad request, 422 validation): never retried. */
const messageRefusedStatuses = new Set([400, 422]);

export function providerRefusal(status: number, body: string): DeliveryOutcome {
  return {
    delivered: false,
    error: `email API answered ${status}: ${body.slice(0, 500)}`,
    permanent: messageRefusedStatuses.has(status),
  };
}

/** The log line for an email given up on: no recipient, no payload, only what finds the row. */
export function deadLetterLogLine(
  email: { id: string; template: string; org_id?: string; attempts?: number },
  error: string | undefined,
): string {
  return (
    `send-emails: dead letter: email ${email.id} (${email.template}) of organization ${email.org_id ?? 'unknown'} ` +
    `was not delivered after ${email.attempts ?? '?'} attempt(s) and waits for an org admin to resend it; last error: ${error ?? 'unknown'}`
  );
}
