import { insertPayerRequest } from '../_shared/directory-queries.ts';
import { payerReads } from '../_shared/directory-sql.ts';
import { requireEnv } from '../_shared/env.ts';
import { serviceClient, unwrap } from '../_shared/service-client.ts';
import { sqlPool } from '../_shared/sql-pool.ts';
import { feedPageFetcher, slotPartCounter, slotSourceFetcher } from './feed-pages.ts';
import { createPayerApiApp, type RequestStatusRow } from './handler.ts';
import type { WebhookDeliveryRow, WebhookEndpointRow } from './webhook-routes.ts';

const db = serviceClient();
// the key check, directory and slots straight to the database (sql-pool.ts says why)
const reads = payerReads(sqlPool(requireEnv('SUPABASE_DB_URL'), 8));
const siteUrl = requireEnv('SITE_URL');
const dataApi = {
  supabaseUrl: requireEnv('SUPABASE_URL'),
  serviceRoleKey: requireEnv('SUPABASE_SERVICE_ROLE_KEY'),
};

const app = createPayerApiApp({
  authenticate: reads.authenticate,
  directory: reads.directory,
  slots: reads.slots,
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
