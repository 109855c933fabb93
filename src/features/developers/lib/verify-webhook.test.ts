import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { verifyWebhook } from './verify-webhook';

const secret = `whsec_${btoa('an endpoint secret of 32 bytes!!')}`;
const body = JSON.stringify({
  type: 'request.confirmed',
  timestamp: '2027-05-04T13:00:00.000Z',
  data: { request_id: '0b9e0000-0000-4000-8000-0000000000a1' },
});

function signed(at = new Date()) {
  const id = 'msg_0b9e0000';
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}

describe('the verify-a-webhook example', () => {
  it('returns the event of a delivery signed with the endpoint secret', () => {
    expect(verifyWebhook(secret, body, signed()).type).toBe('request.confirmed');
  });

  it('refuses a changed body, another secret and a stale timestamp', () => {
    expect(() => verifyWebhook(secret, body.replace('confirmed', 'declined'), signed())).toThrow();
    const other = `whsec_${btoa('another secret of 32 bytes here!')}`;
    expect(() => verifyWebhook(other, body, signed())).toThrow();
    expect(() => verifyWebhook(secret, body, signed(new Date(Date.now() - 10 * 60_000)))).toThrow();
  });
});
