/** Our signatures checked by the reference verifier, the `standardwebhooks` package. */
import { deepStrictEqual, equal, throws } from 'node:assert/strict';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { webhookHeaders, webhookId } from './standard-webhooks.ts';

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const newSecret = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';
const body = JSON.stringify({
  type: 'request.confirmed',
  timestamp: '2027-07-01T13:00:00Z',
  data: { state: 'confirmed' },
});
const id = webhookId('6f1c1f3e-5a0b-4c7e-9d7a-1d2e3f405162');
const nowSeconds = () => Math.floor(Date.now() / 1000);

Deno.test('a message signed with the secret verifies, and the verifier returns the payload', async () => {
  const headers = await webhookHeaders([secret], id, nowSeconds(), body);
  equal(headers['webhook-id'], 'msg_6f1c1f3e5a0b4c7e9d7a1d2e3f405162');
  deepStrictEqual(new Webhook(secret).verify(body, headers), JSON.parse(body));
});

Deno.test('during a rotation both the old and the new secret verify (two signatures)', async () => {
  const headers = await webhookHeaders([newSecret, secret], id, nowSeconds(), body);
  equal(headers['webhook-signature']!.split(' ').length, 2);
  deepStrictEqual(new Webhook(secret).verify(body, headers), JSON.parse(body));
  deepStrictEqual(new Webhook(newSecret).verify(body, headers), JSON.parse(body));
});

Deno.test('a tampered body, id or timestamp, or another secret, does not verify', async () => {
  const timestamp = nowSeconds();
  const headers = await webhookHeaders([secret], id, timestamp, body);
  const verify =
    (b: string, h: Record<string, string>, s = secret) =>
    () =>
      new Webhook(s).verify(b, h);
  throws(verify(body.replace('confirmed', 'declined'), headers), WebhookVerificationError);
  throws(
    verify(body, { ...headers, 'webhook-id': webhookId('00000000-0000-4000-8000-000000000000') }),
    WebhookVerificationError,
  );
  throws(verify(body, { ...headers, 'webhook-timestamp': String(timestamp - 1) }), WebhookVerificationError);
  throws(verify(body, headers, newSecret), WebhookVerificationError);
});

Deno.test(
  'a timestamp older than the five-minute tolerance is refused even with a valid signature',
  async () => {
    const headers = await webhookHeaders([secret], id, nowSeconds() - 6 * 60, body);
    throws(() => new Webhook(secret).verify(body, headers), /too old/i);
    const fresh = await webhookHeaders([secret], id, nowSeconds() - 4 * 60, body);
    deepStrictEqual(new Webhook(secret).verify(body, fresh), JSON.parse(body));
  },
);

Deno.test('a secret without the whsec_ prefix or no secret at all is a programming error', async () => {
  await webhookHeaders(['MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'], id, 1, body).then(
    () => Promise.reject(new Error('signed without whsec_')),
    (error: Error) => equal(error.message, 'a webhook secret starts with whsec_'),
  );
  await webhookHeaders([], id, 1, body).then(
    () => Promise.reject(new Error('signed without a secret')),
    (error: Error) => equal(error.message, 'a webhook needs at least one secret'),
  );
});
