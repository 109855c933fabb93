/**
 * The payer API's webhook routes as zod: the payer's endpoints, an endpoint's delivery log, and a
 * replay. webhook-routes.ts validates the query and types its answers with these, and the OpenAPI
 * document is generated from them, so the document cannot drift from the code.
 */
import { z } from 'zod';
import { webhookEventTypeSchema } from './webhook-events.ts';

const instant = z.iso.datetime({ offset: true });

export const webhookEndpointSchema = z.strictObject({
  id: z.uuid(),
  url: z.string().describe('The HTTPS address deliveries are sent to.'),
  event_types: z.array(webhookEventTypeSchema).describe('The events this endpoint receives.'),
  enabled: z.boolean(),
  disabled_reason: z
    .enum(['gone', 'failing', 'platform'])
    .nullable()
    .describe(
      'gone: the endpoint answered 410. failing: no delivery succeeded for 72 hours. platform: disabled by us. null while enabled.',
    ),
  disabled_at: instant.nullable(),
  failing_since: instant
    .nullable()
    .describe('Since when deliveries have been failing; null while the last one succeeded.'),
  created_at: instant,
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointListSchema = z
  .strictObject({ data: z.array(webhookEndpointSchema) })
  .describe('Your endpoints, oldest first. Secrets are never listed: they are shown once, when made.');

export const webhookDeliveryAttemptSchema = z.strictObject({
  attempted_at: instant,
  response_status: z
    .int()
    .nullable()
    .describe('The HTTP status your endpoint answered; null when none came.'),
  latency_ms: z.int().min(0).describe('Milliseconds from sending to the answer (or to giving up).'),
  error: z
    .string()
    .nullable()
    .describe('Why the attempt failed without an answer (timeout, refused address…); null otherwise.'),
});

export const webhookDeliverySchema = z.strictObject({
  id: z.uuid().describe('The delivery; pass it to the replay call.'),
  event_id: z.uuid().describe('The webhook-id header of every attempt of this delivery.'),
  event_type: webhookEventTypeSchema,
  request_id: z.uuid(),
  status: z
    .enum(['pending', 'sending', 'delivered', 'failed'])
    .describe('pending: waiting for its next attempt. delivered: a 2xx came back. failed: given up.'),
  created_at: instant,
  delivered_at: instant.nullable(),
  next_attempt_at: instant
    .nullable()
    .describe('When the next attempt is due; null unless pending or sending.'),
  attempts: z.array(webhookDeliveryAttemptSchema).describe('Every attempt, oldest first.'),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryListSchema = z
  .strictObject({ data: z.array(webhookDeliverySchema) })
  .describe('The newest deliveries of the endpoint first.');

/** The delivery log's query: nothing but `limit`. */
export const deliveryLogQuerySchema = z.strictObject({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .describe('How many deliveries to list, newest first (1–200, default 50).'),
});

export const replayAcceptedSchema = z
  .strictObject({ id: z.uuid(), status: z.literal('queued') })
  .describe('The delivery is queued again: same event id, a fresh retry window.');
