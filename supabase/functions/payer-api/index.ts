import { fetchDirectory, fetchSlots, insertPayerRequest } from '../_shared/directory-queries.ts';
import { requireEnv } from '../_shared/env.ts';
import { serviceClient, unwrap } from '../_shared/service-client.ts';
import { feedPageFetcher, slotPartCounter, slotSourceFetcher } from './feed-pages.ts';
import { createPayerApiApp, type RequestStatusRow } from './handler.ts';
import type { WebhookDeliveryRow, WebhookEndpointRow } from './webhook-routes.ts';

const db = serviceClient();
const siteUrl = requireEnv('SITE_URL');
const dataApi = {
  supabaseUrl: requireEnv('SUPABASE_URL'),
  serviceRoleKey: requireEnv('SUPABASE_SERVICE_ROLE_KEY'),
};

const app = createPayerApiApp({
  async authenticate(keyHash) {
    const rows = unwrap(await db.rpc('payer_api_authenticate', { key_hash: keyHash })) as {
      payer_id: string;
      retry_after: number;
    }[];
    return rows[0] ? { payerId: rows[0].payer_id, retryAfter: rows[0].retry_after } : null;
  },
  directory: (payer, query) => fetchDirectory(db, { payer, clinic: null }, query),
  slots: (payer, therapist, from, to) => fetchSlots(db, { payer, clinic: null }, therapist, from, to),
  createRequest: (payer, request, key, hash) => insertPayerRequest(db, payer, request, key, hash),
  async requestStatus(payer, requestId) {
    const rows = unwrap(
      await db.rpc('payer_request_status', { payer, request_id: requestId }),
    ) as RequestStatusRow[];
    return rows[0] ?? null;
  },
  feed: {
    page: feedPageFetcher({ ...dataApi, siteUrl }),
    slotSources: slotSourceFetcher(dataApi),
    slotParts: slotPartCounter(dataApi),
    siteUrl,
  },
  publicBaseUrl: `${requireEnv('SUPABASE_URL')}/functions/v1/payer-api`,
  webhooks: {
    endpoints: async (payer) =>
      unwrap(await db.rpc('payer_webhook_endpoints', { payer })) as WebhookEndpointRow[],
    deliveries: async (payer, endpoint, limit) =>
      unwrap(
        await db.rpc('payer_webhook_deliveries', { payer, endpoint, max_rows: limit }),
      ) as WebhookDeliveryRow[],
    replay: async (payer, delivery) =>
      unwrap(await db.rpc('replay_webhook_delivery', { payer, delivery })) as
        'queued' | 'endpoint_disabled' | null,
  },
});

Deno.serve(app.fetch);
