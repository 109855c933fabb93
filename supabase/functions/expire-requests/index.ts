import { serviceClient, unwrap } from '../_shared/service-client.ts';
import { createExpireRequestsApp } from './handler.ts';

const db = serviceClient();

const app = createExpireRequestsApp({
  expire: async () => unwrap(await db.rpc('expire_referral_requests', { batch_size: 5000 })) as number,
  removeUnverified: async () =>
    unwrap(await db.rpc('remove_unverified_requests', { batch_size: 5000 })) as number,
  remind: async () => unwrap(await db.rpc('queue_referral_reminders')) as number,
});

Deno.serve(app.fetch);
