import { deepStrictEqual, equal, match } from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import {
  createDeliverWebhooksApp,
  type ClaimedDelivery,
  type DeliverWebhooksDeps,
  type DeliveryOutcome,
} from './handler.ts';

const token = (role: string) => `Bearer h.${btoa(JSON.stringify({ role })).replace(/=+$/, '')}.s`;
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const payload = {
  type: 'request.confirmed',
  timestamp: '2027-07-01T12:00:00Z',
  data: {
    request_id: '6f1c1f3e-5a0b-4c7e-9d7a-1d2e3f405162',
    reference: 'payer-ref-0001',
    state: 'confirmed',
    slot_start: '2027-07-01T13:00:00Z',
    slot_end: '2027-07-01T14:00:00Z',
    time_zone: 'America/New_York',
    expires_at: '2027-07-01T13:00:00Z',
    decided_at: '2027-07-01T12:00:00Z',
    therapist_id: '0a9e0000-0000-4000-8000-000000000001',
  },
};
const delivery = (id: string, url: string, overrides: Partial<ClaimedDelivery> = {}): ClaimedDelivery => ({
  id,
  event_id: '11111111-2222-4333-8444-555555555555',
  endpoint_id: 'e1',
  url,
  secrets: [secret],
  event_type: 'request.confirmed',
  payload,
  attempts: 1,
  ...overrides,
});

function setup(
  queue: ClaimedDelivery[],
  respond: (url: string) => Response | Promise<Response>,
  dns: Record<string, string[]> = {},
) {
  const outcomes: DeliveryOutcome[] = [];
  const sent: { url: string; init: RequestInit }[] = [];
  const deps: DeliverWebhooksDeps = {
    claim: (n) => Promise.resolve(queue.splice(0, n)),
    finish: (batch) => {
      outcomes.push(...batch);
      return Promise.resolve(
        batch.map((o) => ({
          delivery_id: o.id,
          status: o.response_status === 200 ? 'delivered' : 'pending',
        })),
      );
    },
    fetch: (url, init) => {
      sent.push({ url: String(url), init: init! });
      // a receiver that never answers is cut off by the request's own timeout signal
      const aborted = new Promise<Response>((_, reject) =>
        init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason)),
      );
      return Promise.race([Promise.resolve(respond(String(url))), aborted]);
    },
    resolve: (host) => Promise.resolve(dns[host] ?? []),
    policy: { allowLoopback: false },
    now: () => Date.now(),
    timeoutMs: 200,
    batchSize: 2,
  };
  const app = createDeliverWebhooksApp(deps);
  const run = async (role = 'service_role') =>
    await app.fetch(
      new Request('http://x/deliver-webhooks', { method: 'POST', headers: { authorization: token(role) } }),
    );
  return { run, outcomes, sent };
}

Deno.test('only the service role may run deliveries', async () => {
  const { run, sent } = setup([delivery('d1', 'https://hooks.example.com/')], () => new Response('ok'));
  equal((await run('anon')).status, 403);
  equal(sent.length, 0);
});

Deno.test(
  'signs each delivery so the reference verifier accepts it, and drains batch after batch',
  async () => {
    const queue = ['d1', 'd2', 'd3'].map((id) => delivery(id, 'https://hooks.example.com/in'));
    const { run, outcomes, sent } = setup(queue, () => new Response('ok'), {
      'hooks.example.com': ['93.184.216.34'],
    });
    const answer = await run();
    deepStrictEqual(await answer.json(), { claimed: 3, delivered: 3, retrying: 0, failed: 0 });
    equal(sent.length, 3);
    const headers = Object.fromEntries(new Headers(sent[0]!.init.headers).entries());
    equal(headers['webhook-id'], 'msg_11111111222243338444555555555555');
    deepStrictEqual(new Webhook(secret).verify(sent[0]!.init.body as string, headers), payload);
    equal(sent[0]!.init.redirect, 'manual');
    deepStrictEqual(
      outcomes.map((o) => [o.id, o.response_status, o.error]),
      [
        ['d1', 200, null],
        ['d2', 200, null],
        ['d3', 200, null],
      ],
    );
  },
);

Deno.test(
  'a private address after DNS, an http URL or a payload off the contract is never sent',
  async () => {
    const { run, outcomes, sent } = setup(
      [
        delivery('d1', 'https://internal.example.com/'),
        delivery('d2', 'http://hooks.example.com/'),
        delivery('d3', 'https://hooks.example.com/', {
          payload: { ...payload, data: { ...payload.data, email: 'x@y.z' } },
        }),
        delivery('d4', 'https://nowhere.example.com/'),
      ],
      () => new Response('ok'),
      { 'internal.example.com': ['93.184.216.34', '10.0.0.7'], 'hooks.example.com': ['93.184.216.34'] },
    );
    await run();
    equal(sent.length, 0);
    match(
      outcomes[0]!.error!,
      /^refused: internal\.example\.com resolves to a private address \(10\.0\.0\.7\)$/,
    );
    match(outcomes[1]!.error!, /^refused: the URL must start with https:\/\//);
    match(outcomes[2]!.error!, /^payload does not match the contract/);
    equal(outcomes[3]!.error, 'refused: nowhere.example.com does not resolve');
    equal(
      outcomes.every((o) => o.response_status === null),
      true,
    );
  },
);

Deno.test('answers and silences are recorded as they came: 500, 410, a timeout', async () => {
  const { run, outcomes } = setup(
    [
      delivery('d1', 'https://a.example.com/'),
      delivery('d2', 'https://b.example.com/'),
      delivery('d3', 'https://c.example.com/'),
    ],
    (url) =>
      url.startsWith('https://a.')
        ? new Response('no', { status: 500 })
        : url.startsWith('https://b.')
          ? new Response('gone', { status: 410 })
          : new Promise<Response>(() => {}),
    {
      'a.example.com': ['93.184.216.34'],
      'b.example.com': ['93.184.216.34'],
      'c.example.com': ['93.184.216.34'],
    },
  );
  await run();
  deepStrictEqual(
    outcomes.map((o) => [o.id, o.response_status, o.error]),
    [
      ['d1', 500, 'the endpoint answered 500'],
      ['d2', 410, 'the endpoint answered 410'],
      ['d3', null, 'no answer within 0.2 s'],
    ],
  );
});
