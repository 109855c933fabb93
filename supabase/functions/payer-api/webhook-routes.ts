/**
 * The payer's own webhooks through the payer API: its endpoints (never their secrets, which are
 * shown once when the platform creates or rotates them), each endpoint's delivery log (every
 * attempt with its answer and latency), and a replay. Another payer's ids are unknown ids (404).
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { onlyMethod } from '../_shared/app.ts';
import {
  deliveryLogQuerySchema,
  type WebhookDelivery,
  type WebhookEndpoint,
  type replayAcceptedSchema,
  type webhookDeliveryListSchema,
  type webhookEndpointListSchema,
} from '../_shared/contract/payer-webhook-log.ts';
import { apiError, json } from '../_shared/http.ts';

/** An endpoint as the database lists it (instants in Postgres' own text form). */
export type WebhookEndpointRow = WebhookEndpoint;

/** A delivery as the database lists it (attempt instants already ISO UTC). */
export type WebhookDeliveryRow = WebhookDelivery;

export interface PayerWebhookDeps {
  endpoints(payerId: string): Promise<WebhookEndpointRow[]>;
  deliveries(payerId: string, endpointId: string, limit: number): Promise<WebhookDeliveryRow[]>;
  /** 'queued', 'endpoint_disabled', or null when the delivery is not this payer's */
  replay(payerId: string, deliveryId: string): Promise<'queued' | 'endpoint_disabled' | null>;
}

const uuid = z.uuid();
const iso = <T extends string | null>(value: T): T => (value ? new Date(value).toISOString() : value) as T;

const endpointBody = (row: WebhookEndpointRow): WebhookEndpoint => ({
  id: row.id,
  url: row.url,
  event_types: row.event_types,
  enabled: row.enabled,
  disabled_reason: row.disabled_reason,
  disabled_at: iso(row.disabled_at),
  failing_since: iso(row.failing_since),
  created_at: iso(row.created_at),
});

const deliveryBody = (row: WebhookDeliveryRow): WebhookDelivery => ({
  ...row,
  created_at: iso(row.created_at),
  delivered_at: iso(row.delivered_at),
  next_attempt_at: iso(row.next_attempt_at),
});

const unknownEndpoint = () => apiError(404, 'unknown_endpoint', 'No webhook endpoint with this id is yours.');

// deno-lint-ignore no-explicit-any
export function webhookRoutes(app: Hono<any>, deps: PayerWebhookDeps) {
  app.get('/webhook-endpoints', async (c) => {
    const rows = await deps.endpoints(c.env.payerId);
    const body: z.infer<typeof webhookEndpointListSchema> = { data: rows.map(endpointBody) };
    return json(200, body);
  });
  app.all('/webhook-endpoints', onlyMethod('GET'));

  app.get('/webhook-endpoints/:id/deliveries', async (c) => {
    const id = c.req.param('id');
    if (!uuid.safeParse(id).success) return unknownEndpoint();
    const params = new URL(c.req.url).searchParams;
    const unknown = [...params.keys()].find((key) => !(key in deliveryLogQuerySchema.shape));
    if (unknown) return apiError(400, 'invalid_query', `Unknown parameter ${unknown}.`, unknown);
    const limit = deliveryLogQuerySchema.shape.limit.safeParse(params.get('limit') ?? undefined);
    if (!limit.success)
      return apiError(400, 'invalid_query', 'limit must be a whole number from 1 to 200.', 'limit');
    const endpoints = await deps.endpoints(c.env.payerId);
    if (!endpoints.some((endpoint) => endpoint.id === id)) return unknownEndpoint();
    const rows = await deps.deliveries(c.env.payerId, id, limit.data);
    const body: z.infer<typeof webhookDeliveryListSchema> = { data: rows.map(deliveryBody) };
    return json(200, body);
  });
  app.all('/webhook-endpoints/:id/deliveries', onlyMethod('GET'));

  app.post('/webhook-deliveries/:id/replay', async (c) => {
    const id = c.req.param('id');
    const result = uuid.safeParse(id).success ? await deps.replay(c.env.payerId, id) : null;
    if (result === null)
      return apiError(404, 'unknown_delivery', 'No webhook delivery with this id is yours.');
    if (result === 'endpoint_disabled')
      return apiError(
        409,
        'endpoint_disabled',
        'The endpoint of this delivery is disabled; ask us to enable it again, then replay.',
      );
    const body: z.infer<typeof replayAcceptedSchema> = { id, status: 'queued' };
    return json(202, body);
  });
  app.all('/webhook-deliveries/:id/replay', onlyMethod('POST'));
}
