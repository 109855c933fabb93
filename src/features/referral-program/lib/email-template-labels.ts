import type { Database } from '@/types/database.types';

type EmailTemplate = Database['public']['Enums']['notification_template'];

/**
 * What each email is, for people, with who receives it. Every template has a label (the type
 * makes a new template name one here).
 */
const labels: Record<EmailTemplate, string> = {
  enrollment_invitation: 'Invitation to complete the public profile (to the therapist)',
  request_confirmed: 'Appointment confirmed (to the client)',
  request_declined: 'Request declined (to the client)',
  request_expired: 'Request expired (to the client)',
  request_reminder: 'Reminder to answer a request (to the therapist)',
  request_verification: 'Email address confirmation (to the client)',
  request_withdrawn: 'Request withdrawn (to the client)',
  request_arrived: 'New request (to the therapist and schedulers)',
  request_digest: 'Digest of new requests (to staff who chose one)',
  request_alternatives_offered: 'Other times offered (to the client)',
  request_offer_expired: 'Offered times no longer held (to the client)',
  // a payer's email, never in a clinic's list; labelled because the type lists every template
  webhook_endpoint_disabled: 'Webhook endpoint disabled (to a payer)',
};

export function emailTemplateLabel(template: EmailTemplate): string {
  return labels[template];
}

/** The provider's error as the admin sees it: one line, at most `max` characters. */
export function shortError(error: string | null, max = 200): string {
  const line = (error ?? 'No reason was recorded.').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
