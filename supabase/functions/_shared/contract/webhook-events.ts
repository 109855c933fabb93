/**
 * The webhook payloads payers receive (Standard Webhooks: `type`, `timestamp`, `data`). Thin and
 * free of health data: the request, the payer's own reference (its Idempotency-Key), the state,
 * the times with the office's IANA zone, and the therapist's id as the payer directory shows it.
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
] as const;

export const webhookEventTypeSchema = z.enum(webhookEventTypes);

const instant = z.iso.datetime({ offset: true });

export const webhookEventDataSchema = z.strictObject({
  request_id: z.uuid(),
  reference: z.string().min(1),
  state: z.enum(['pending', 'confirmed', 'declined', 'expired', 'withdrawn']),
  slot_start: instant,
  slot_end: instant,
  time_zone: z.string().min(1),
  expires_at: instant,
  decided_at: instant.nullable(),
  therapist_id: z.uuid(),
});

export const webhookEventSchema = z.strictObject({
  type: webhookEventTypeSchema,
  timestamp: instant,
  data: webhookEventDataSchema,
});

export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;
export type WebhookEvent = z.infer<typeof webhookEventSchema>;
