/**
 * The webhook payloads payers receive (Standard Webhooks envelope), as zod: the delivery code
 * builds payloads through these schemas and the OpenAPI document's `webhooks:` section is
 * generated from them, so what is documented is what is sent. Payloads are thin and PHI-free.
 * The database builds them (private.queue_webhook_events); the delivery function checks each
 * against this schema before signing it.
 */
import { z } from 'zod';

export const webhookEventTypes = [
  'request.created',
  'request.confirmed',
  'request.declined',
  'request.expired',
  'request.withdrawn',
  'request.alternatives_offered',
] as const;

export const webhookEventTypeSchema = z.enum(webhookEventTypes);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

const instant = z.iso.datetime({ offset: true });

/** What changed, about which request: ids, state and times only. */
export const webhookRequestDataSchema = z
  .strictObject({
    request_id: z.uuid().describe('The request id the payer API returned when the request was made.'),
    reference: z
      .string()
      .nullable()
      .describe("The payer's own reference for the request: the Idempotency-Key it was made with."),
    state: z
      .enum(['pending', 'alternatives_offered', 'confirmed', 'declined', 'expired', 'withdrawn'])
      .describe('The state the request is in after this event.'),
    slot_start: instant.describe('Start of the requested slot.'),
    slot_end: instant.describe('End of the requested slot.'),
    time_zone: z.string().describe("IANA time zone of the therapist's office, e.g. America/Chicago."),
    expires_at: instant.describe(
      'When a pending request expires if nobody decides it; while other times are offered, when the offer ends.',
    ),
    decided_at: instant.nullable().describe('When the clinic confirmed or declined; null otherwise.'),
    therapist_id: z.uuid().describe('The therapist id as the payer API and the slot feed show it.'),
  })
  .meta({ id: 'WebhookRequestData' });
export type WebhookRequestData = z.infer<typeof webhookRequestDataSchema>;

/** The Standard Webhooks envelope: `{type, timestamp, data}`. */
export const webhookEventSchema = z
  .strictObject({
    type: webhookEventTypeSchema.describe('What happened.'),
    timestamp: instant.describe('When it happened (ISO 8601, UTC).'),
    data: webhookRequestDataSchema,
  })
  .meta({ id: 'WebhookEvent' });
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

/** The headers every delivery carries (Standard Webhooks). */
export const webhookHeaders = {
  'webhook-id': 'Unique id of this message; the same on every retry of it. Use it to drop duplicates.',
  'webhook-timestamp':
    'Seconds since the Unix epoch when this attempt was signed. Refuse ones older than 5 minutes.',
  'webhook-signature':
    'Space-separated `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body}">` signatures; two during a secret rotation.',
} as const;

/** The description each event has in the OpenAPI document. */
export const webhookEventDescriptions: Record<WebhookEventType, string> = {
  'request.created': 'A request was made with your key and is waiting for the clinic.',
  'request.confirmed': 'The clinic confirmed the request: the appointment is scheduled.',
  'request.declined': 'The clinic declined the request.',
  'request.expired': 'Nobody decided the request within 48 hours (or before the slot started).',
  'request.withdrawn':
    'The request was withdrawn (by the client, or because the therapist left the program).',
  'request.alternatives_offered':
    'The clinic offered the client other times instead of the requested one; they are held until expires_at. A request.confirmed (with the picked slot) or request.expired follows.',
};
