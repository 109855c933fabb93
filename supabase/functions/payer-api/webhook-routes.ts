/**
 * The payer's own webhooks through the payer API: its endpoints (never their secrets, which are
 * shown once when the platform creates or rotates them), each endpoint's delivery log (every
 * attempt with its answer and latency), and a replay. Another payer's ids are unknown ids (404).
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { onlyMethod } from '../_shared/app.ts';
import { apiError, json } from '../_shared/http.ts';

export interface WebhookEndpointRow {
  id: string;
  url: string;
  event_types: string[];
  enabled: boolean;
  disabled_reason: string | null;
  disabled_at: string | null;
  failing_since: string | null;
  created_at: string;
}

export interface WebhookDeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  request_id: string;
  status: string;
  created_at: string;
  delivered_at: string | null;
  next_attempt_at: string | null;
  attempts: {
    attempted_at: string;
    response_status: number | null;
    latency_ms: number;
    error: string | null;
  }[];
}

export interface PayerWebhookDeps {
  endpoints(payerId: string): Promise<WebhookEndpointRow[]>;
  deliveries(payerId: string, endpointId: string, limit: number): Promise<WebhookDeliveryRow[]>;
  /** 'queued', 'endpoint_disabled', or null when the delivery is not this payer's */
  replay(payerId: string, deliveryId: string): Promise<'queued' | 'endpoint_disabled' | null>;
}

const uuid = z.uuid();
const limitSchema = z.coerce.number().int().min(1).max(200);
const iso = (value: string | null) => (value ? new Date(value).toISOString() : null);

const endpointBody = (row: WebhookEndpointRow) => ({
  id: row.id,
  url: row.url,
  event_types: row.event_types,
  enabled: row.enabled,
  disabled_reason: row.disabled_reason,
  disabled_at: iso(row.disabled_at),
  failing_since: iso(row.failing_since),
  created_at: iso(row.created_at),
});

const unknownEndpoint = () => apiError(404, 'unknown_endpoint', 'No webhook endpoint with this id is yours.');

// deno-lint-ignore no-explicit-any
export function webhookRoutes(app: Hono<any>, deps: PayerWebhookDeps) {
  app.get('/webhook-endpoints', async (c) => {
    const rows = await deps.endpoints(c.env.payerId);
    return json(200, { data: rows.map(endpointBody) });
  });
  app.all('/webhook-endpoints', onlyMethod('GET'));

  app.get('/webhook-endpoints/:id/deliveries', async (c) => {
    const id = c.req.param('id');
    if (!uuid.safeParse(id).success) return unknownEndpoint();
    const params = new URL(c.req.url).searchParams;
    const unknown = [...params.keys()].find((key) => key !== 'limit');
    if (unknown) return apiError(400, 'invalid_query', `Unknown parameter ${unknown}.`, unknown);
    const limit = limitSchema.safeParse(params.get('limit') ?? 50);
    if (!limit.success)
      return apiError(400, 'invalid_query', 'limit must be a whole number from 1 to 200.', 'limit');
    const endpoints = await deps.endpoints(c.env.payerId);
    if (!endpoints.some((endpoint) => endpoint.id === id)) return unknownEndpoint();
    const rows = await deps.deliveries(c.env.payerId, id, limit.data);
    return json(200, {
      data: rows.map((row) => ({
        ...row,
        created_at: iso(row.created_at),
        delivered_at: iso(row.delivered_at),
        next_attempt_at: iso(row.next_attempt_at),
      })),
    });
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
    return json(202, { id, status: 'queued' });
  });
  app.all('/webhook-deliveries/:id/replay', onlyMethod('POST'));
}
