import { serviceClient, unwrap } from '../_shared/service-client.ts';
import { createDeliverWebhooksApp, type ClaimedDelivery } from './handler.ts';

const db = serviceClient();

/** The A and AAAA records of a host; a missing record type is no address, not an error. */
async function resolve(hostname: string): Promise<string[]> {
  const lookups = await Promise.allSettled([
    Deno.resolveDns(hostname, 'A'),
    Deno.resolveDns(hostname, 'AAAA'),
  ]);
  return lookups.flatMap((lookup) => (lookup.status === 'fulfilled' ? lookup.value : []));
}

const app = createDeliverWebhooksApp({
  claim: async (batchSize) =>
    unwrap(await db.rpc('claim_webhook_deliveries', { batch_size: batchSize })) as ClaimedDelivery[],
  finish: async (outcomes) =>
    unwrap(await db.rpc('finish_webhook_deliveries', { outcomes })) as {
      delivery_id: string;
      status: string;
    }[],
  fetch,
  resolve,
  // the local stack's own test receiver listens on a loopback address; never set in production
  policy: { allowLoopback: Deno.env.get('WEBHOOK_ALLOW_LOOPBACK') === 'true' },
  now: () => Date.now(),
});

Deno.serve(app.fetch);
