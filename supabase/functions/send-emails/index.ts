import { requireEnv } from '../_shared/env.ts';
import { serviceClient } from '../_shared/service-client.ts';
import { createSendEmailsApp, type FinishedStatus, type OutboxEmail } from './handler.ts';

const db = serviceClient();

const app = createSendEmailsApp({
  async claim(batchSize) {
    const { data, error } = await db.rpc('claim_notifications', { batch_size: batchSize });
    if (error) throw new Error(`claim_notifications: ${error.message}`);
    return (data ?? []) as OutboxEmail[];
  },
  async finish(id, outcome) {
    const { data, error } = await db.rpc('finish_notification', {
      notification_id: id,
      delivered: outcome.delivered,
      error: outcome.error,
      provider_id: outcome.providerId,
      permanent: outcome.permanent ?? false,
    });
    if (error) throw new Error(`finish_notification: ${error.message}`);
    return data as FinishedStatus;
  },
  fetch,
  emailApiUrl: requireEnv('EMAIL_API_URL'),
  emailApiKey: requireEnv('EMAIL_API_KEY'),
  siteUrl: requireEnv('SITE_URL'),
  from: Deno.env.get('EMAIL_FROM') ?? 'Client Referral Program <no-reply@clientreferral.app>',
  logError: (line) => console.error(line),
});

Deno.serve(app.fetch);
