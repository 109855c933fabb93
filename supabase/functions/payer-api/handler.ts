/**
 * The payer API (documented in openapi.json next to this file):
 *   GET  /payer-api/therapists                    directory of therapists who accept this payer
 *   GET  /payer-api/therapists/{id}/slots         open external slots
 *   POST /payer-api/referral-requests             request an appointment (Idempotency-Key)
 *   GET  /payer-api/referral-requests/{id}        a request's status
 *   GET  /payer-api/$bulk-publish                 the FHIR slot feed's manifest (fhir-feed.ts)
 *   GET  /payer-api/fhir/{Type}.ndjson            one file of the feed
 *   GET  /payer-api/webhook-endpoints             this payer's webhook endpoints (never secrets)
 *   GET  /payer-api/webhook-endpoints/{id}/deliveries   an endpoint's delivery log
 *   POST /payer-api/webhook-deliveries/{id}/replay      send a delivery again
 * Every call: `Authorization: Bearer <payer key>` (stored hashed), rate-limited per key.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { catchErrors, errorAnswer, functionApp, onlyMethod } from '../_shared/app.ts';
import {
  directoryPage,
  parseDirectoryQuery,
  parseSlotRange,
  type DirectoryQuery,
  type DirectoryRow,
} from '../_shared/directory.ts';
import { apiError, json } from '../_shared/http.ts';
import { payerKeyGate, type PayerAuth } from '../_shared/payer-key.ts';
import { feedFileAnswer, manifestAnswer, type FeedSources } from './fhir-feed.ts';
import {
  createdAnswer,
  readIdempotentPost,
  requestBody,
  slotsAnswer,
  validRequest,
  type CreatedRequestRow,
  type SlotRow,
} from '../_shared/referral-post.ts';
import { webhookRoutes, type PayerWebhookDeps } from './webhook-routes.ts';
import { payerReferralRequestSchema, type PayerReferralRequest } from '../_shared/referral-request.ts';

export type CreatedRequest = CreatedRequestRow & { replayed: boolean };

export interface RequestStatusRow extends CreatedRequestRow {
  therapist_id: string;
  slot_start: string;
  decided_at: string | null;
}

export interface PayerApiDeps {
  authenticate(keyHash: string): Promise<PayerAuth>;
  /** Up to `limit + 1` rows after the cursor. */
  directory(payerId: string, query: DirectoryQuery): Promise<DirectoryRow[]>;
  slots(payerId: string, therapistId: string, from: string, to: string): Promise<SlotRow[]>;
  createRequest(
    payerId: string,
    request: PayerReferralRequest,
    idempotencyKey: string,
    requestHash: string,
  ): Promise<CreatedRequest>;
  requestStatus(payerId: string, requestId: string): Promise<RequestStatusRow | null>;
  /** The FHIR feed's files, a page at a time. */
  feed: FeedSources;
  /** The payer API's public address, for the links in the feed's manifest. */
  publicBaseUrl: string;
  webhooks: PayerWebhookDeps;
}

const uuid = z.uuid();

/** The routes, answering as the payer the gate passes in (the app's env). */
function payerRoutes(deps: PayerApiDeps) {
  const app = functionApp<{ Bindings: { payerId: string } }>('payer-api');
  app.get('/therapists', async (c) => {
    const query = parseDirectoryQuery(new URL(c.req.url).searchParams);
    if ('error' in query) return query.error;
    return json(200, directoryPage(await deps.directory(c.env.payerId, query), query.limit));
  });
  app.all('/therapists', onlyMethod('GET'));
  app.get('/therapists/:id/slots', async (c) => {
    const id = c.req.param('id');
    if (!uuid.safeParse(id).success)
      return apiError(404, 'unknown_therapist', 'No therapist with this id accepts referrals from you.');
    const range = parseSlotRange(new URL(c.req.url).searchParams);
    if ('error' in range) return range.error;
    return slotsAnswer(await deps.slots(c.env.payerId, id, range.from, range.to));
  });
  app.all('/therapists/:id/slots', onlyMethod('GET'));
  app.post('/referral-requests', async (c) => {
    const post = await readIdempotentPost(c.req.raw);
    if ('error' in post) return post.error;
    const valid = await validRequest(payerReferralRequestSchema, post.body);
    if ('error' in valid) return valid.error;
    return createdAnswer(await deps.createRequest(c.env.payerId, valid.data, post.key, valid.hash));
  });
  app.all('/referral-requests', onlyMethod('POST'));
  app.get('/referral-requests/:id', async (c) => {
    const id = c.req.param('id');
    const row = uuid.safeParse(id).success ? await deps.requestStatus(c.env.payerId, id) : null;
    if (!row) return apiError(404, 'unknown_request', 'No request with this id was made with your key.');
    return json(200, {
      ...requestBody(row),
      therapist_id: row.therapist_id,
      slot_start: new Date(row.slot_start).toISOString(),
      decided_at: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    });
  });
  app.all('/referral-requests/:id', onlyMethod('GET'));
  // '$' may arrive percent-encoded; both spellings are the manifest
  for (const path of ['/$bulk-publish', '/%24bulk-publish']) {
    app.get(path, (c) =>
      manifestAnswer(
        c.req.url,
        deps.publicBaseUrl,
        new URL(c.req.url).searchParams,
        c.env.payerId,
        deps.feed,
      ),
    );
    app.all(path, onlyMethod('GET'));
  }
  app.get('/fhir/:file', (c) =>
    feedFileAnswer(c.req.param('file'), new URL(c.req.url).searchParams, c.env.payerId, deps.feed),
  );
  app.all('/fhir/:file', onlyMethod('GET'));
  webhookRoutes(app, deps.webhooks);
  return app;
}

export function createPayerApiApp(deps: PayerApiDeps) {
  const routes = payerRoutes(deps);
  const answerError = errorAnswer('payer-api');
  // the key is checked before routing: an unknown path without a key is a 401, as before
  const gate = payerKeyGate({
    authenticate: deps.authenticate,
    serve: async (request, payerId) => await routes.fetch(request, { payerId }),
    readsAhead: (request) =>
      request.method === 'GET' &&
      new URL(request.url).pathname.split('/').filter(Boolean)[1] === 'therapists',
  });
  const app = new Hono();
  app.onError((error) => answerError(error));
  app.use('*', catchErrors(answerError));
  app.all('*', (c) => gate(c.req.raw));
  return app;
}
