import { deepStrictEqual, equal, rejects } from 'node:assert/strict';
import type { DirectoryRow } from '../_shared/directory.ts';
import {
  webhookDeliveryListSchema,
  webhookEndpointListSchema,
} from '../_shared/contract/payer-webhook-log.ts';
import { createPayerApiApp, type PayerApiDeps } from './handler.ts';
import type { FeedSources, SlotSourcePage } from './fhir-feed.ts';
import type { SlotSource } from './slot-lines.ts';
import type { WebhookEndpointRow } from './webhook-routes.ts';

/** A response body of `text`, as a page from the data API arrives. */
const textStream = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      if (text) controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });

const key = `crp_${'a'.repeat(64)}`;
const therapist = '3f2b8a1e-7c4d-4e5f-9a6b-1c2d3e4f5a6b';
const row: DirectoryRow = {
  therapist_id: therapist,
  clinic_name: 'Harborview Counseling Collective',
  clinic_slug: 'harborview',
  first_name: 'Priya',
  last_name: 'Raman',
  photo_url: null,
  professional_title: 'PhD',
  license_type: 'psychologist',
  license_state: 'MA',
  about_me: 'About',
  specialties: ['anxiety'],
  treatment_approaches: ['cbt'],
  ages_served: ['adults'],
  session_formats: ['telehealth'],
  languages: ['en'],
  education: null,
  years_in_practice: 12,
  website: null,
  pronouns: 'she/her',
  first_session_note: null,
  location_name: 'Back Bay Office',
  location_city: 'Boston',
  location_state: 'MA',
  next_slots: [
    {
      start: '2027-05-04T13:00:00.000Z',
      end: '2027-05-04T14:00:00.000Z',
      time_zone: 'America/New_York',
      office_name: 'Back Bay Office',
    },
  ],
};

function handler(overrides: Partial<PayerApiDeps> = {}) {
  const calls: unknown[][] = [];
  const deps: PayerApiDeps = {
    authenticate: (hash) =>
      Promise.resolve(hash.length === 64 ? { payerId: 'payer-a', retryAfter: 0 } : null),
    directory: (...args) => (calls.push(args), Promise.resolve([row, { ...row, therapist_id: 'x' }])),
    slots: () =>
      Promise.resolve([
        {
          slot_start: '2027-05-04T13:00:00+00',
          slot_end: '2027-05-04T14:00:00+00',
          time_zone: 'America/New_York',
          office_name: 'Back Bay Office',
        },
      ]),
    createRequest: (...args) => (
      calls.push(args),
      Promise.resolve({
        request_id: 'r1',
        status: 'pending',
        expires_at: '2027-05-03T00:00:00Z',
        created_at: '2027-05-01T00:00:00Z',
        replayed: false,
      })
    ),
    requestStatus: () => Promise.resolve(null),
    feed: {
      page: () => Promise.resolve({ body: textStream(''), nextAfter: null }),
      slotSources: () => Promise.resolve({ rows: [], nextAfter: null }),
      slotParts: () => Promise.resolve(1),
      siteUrl: 'https://app.example.org',
    },
    publicBaseUrl: 'https://api.example/functions/v1/payer-api',
    webhooks: {
      endpoints: (payer) => Promise.resolve(payer === 'payer-a' ? [endpointOfA] : []),
      deliveries: (...args) => (calls.push(args), Promise.resolve([])),
      replay: (_payer, delivery) =>
        Promise.resolve(
          delivery === endpointId ? 'endpoint_disabled' : delivery === deliveryId ? 'queued' : null,
        ),
    },
    ...overrides,
  };
  const app = createPayerApiApp(deps);
  return { handle: async (request: Request) => await app.fetch(request), calls };
}

const endpointId = '0b9e0000-0000-4000-8000-0000000000e1';
const deliveryId = '0b9e0000-0000-4000-8000-0000000000d1';
/** Payer A's endpoint as the database lists it (Postgres' own instant format). */
const endpointOfA: WebhookEndpointRow = {
  id: endpointId,
  url: 'https://hooks.example.com/a',
  event_types: ['request.created'],
  enabled: true,
  disabled_reason: null,
  disabled_at: null,
  failing_since: '2027-05-01 09:00:00+00',
  created_at: '2027-05-01T00:00:00+00:00',
};

const get = (path: string, auth = `Bearer ${key}`) =>
  new Request(`http://x/payer-api${path}`, { headers: { authorization: auth } });
const body = {
  therapist_id: therapist,
  slot_start: '2027-05-04T13:00:00Z',
  first_name: 'Elena',
  last_name: 'Castillo',
  email: 'elena@example.org',
  phone: '617-555-0188',
  date_of_birth: '1991-04-12',
  member_id: 'W1',
};
const post = (payload: unknown, headers: Record<string, string> = { 'idempotency-key': 'key-12345678' }) =>
  new Request('http://x/payer-api/referral-requests', {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });

Deno.test('401 without a well-formed key, before touching the database', async () => {
  let touched = false;
  const { handle } = handler({ authenticate: () => ((touched = true), Promise.resolve(null)) });
  equal((await handle(get('/therapists', ''))).status, 401);
  equal((await handle(get('/therapists', 'Bearer nope'))).status, 401);
  equal(touched, false);
});

Deno.test('429 with Retry-After when the key is over its limit', async () => {
  const { handle } = handler({ authenticate: () => Promise.resolve({ payerId: 'p', retryAfter: 17 }) });
  const res = await handle(get('/therapists'));
  equal(res.status, 429);
  equal(res.headers.get('retry-after'), '17');
});

Deno.test('directory pages with a cursor and passes filters through', async () => {
  const { handle, calls } = handler();
  const res = await handle(get('/therapists?limit=1&specialty=anxiety,ocd&state=ma'));
  const json = await res.json();
  equal(json.data.length, 1);
  equal(typeof json.next_cursor, 'string');
  deepStrictEqual((calls[0]![1] as { filters: unknown }).filters, {
    specialties: ['anxiety', 'ocd'],
    languages: null,
    ages: null,
    formats: null,
    state: 'ma',
    city: null,
  });
});

Deno.test('POST validates before the database and names the field', async () => {
  const { handle, calls } = handler();
  const res = await handle(post({ ...body, email: 'nope' }));
  equal(res.status, 422);
  equal((await res.json()).error.field, 'email');
  equal((await handle(post(body, {}))).status, 400);
  equal(calls.length, 0);
});

Deno.test('POST hashes the canonical body: key order does not matter', async () => {
  const { handle, calls } = handler();
  await handle(post(body));
  await handle(post(Object.fromEntries(Object.entries(body).reverse())));
  equal(calls[0]![3], calls[1]![3]);
  equal((calls[0]![3] as string).length, 64);
});

Deno.test('database refusals map to their status codes', async () => {
  const { handle } = handler({
    createRequest: () => Promise.reject({ hint: 'slot_not_open', message: 'taken' }),
  });
  equal((await handle(post(body))).status, 409);
  const other = handler({
    createRequest: () => Promise.reject({ hint: null, code: '22P05', message: 'bad' }),
  });
  equal((await other.handle(post(body))).status, 422);
});

Deno.test(
  'a member outside the therapist’s ages served is a 422 naming date_of_birth, with the database’s words',
  async () => {
    const message =
      'Priya Raman sees adults (26–64) only; this member is 14 (from date_of_birth). Choose a therapist who sees clients of this age.';
    const { handle } = handler({
      createRequest: () =>
        Promise.reject({ hint: 'outside_ages_served', code: 'P0001', details: 'date_of_birth', message }),
    });
    const res = await handle(post(body));
    equal(res.status, 422);
    deepStrictEqual((await res.json()).error, {
      code: 'outside_ages_served',
      message,
      field: 'date_of_birth',
    });
  },
);

Deno.test('unknown routes and methods', async () => {
  const { handle } = handler();
  equal((await handle(get('/nope'))).status, 404);
  equal(
    (
      await handle(
        new Request('http://x/payer-api/therapists', {
          method: 'DELETE',
          headers: { authorization: `Bearer ${key}` },
        }),
      )
    ).status,
    405,
  );
  equal((await handle(get('/referral-requests/not-a-uuid'))).status, 404);
});

Deno.test(
  'a known key reads the directory while it is checked again; a revoked key gets 401, not the page',
  async () => {
    const events: string[] = [];
    let valid = true;
    let hold = false;
    let releaseCheck = () => {};
    const { handle } = handler({
      authenticate: async () => {
        events.push('check');
        if (hold) await new Promise<void>((resolve) => (releaseCheck = resolve));
        return valid ? { payerId: 'payer-a', retryAfter: 0 } : null;
      },
      directory: () => (events.push('read'), Promise.resolve([row])),
    });
    equal((await handle(get('/therapists'))).status, 200);
    deepStrictEqual(events, ['check', 'read']); // an unknown key: checked first
    events.length = 0;
    valid = false;
    hold = true;
    const pending = handle(get('/therapists'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    deepStrictEqual(events, ['read', 'check']); // known: both started, the check not yet answered
    hold = false;
    releaseCheck();
    const res = await pending;
    equal(res.status, 401);
    equal(JSON.stringify(await res.json()).includes('Priya'), false);
    events.length = 0;
    await handle(get('/therapists'));
    deepStrictEqual(events, ['check']); // forgotten after the refusal
  },
);

Deno.test('no read ahead while a key is rate-limited, nor for a request status', async () => {
  const events: string[] = [];
  let retryAfter = 0;
  const { handle } = handler({
    authenticate: () => (events.push('check'), Promise.resolve({ payerId: 'payer-a', retryAfter })),
    directory: () => (events.push('read'), Promise.resolve([row])),
    requestStatus: () => (events.push('status'), Promise.resolve(null)),
  });
  await handle(get('/therapists'));
  retryAfter = 30;
  equal((await handle(get('/therapists'))).status, 429); // the key was fine a moment ago: read ahead
  equal((await handle(get('/therapists'))).status, 429); // now known to be limited: checked only
  deepStrictEqual(events, ['check', 'read', 'read', 'check', 'check']);
  events.length = 0;
  retryAfter = 0;
  await handle(get(`/referral-requests/${therapist}`));
  deepStrictEqual(events, ['check', 'status']);
});

Deno.test('503 with Retry-After, not 500, when the database cannot be reached', async () => {
  const down = { status: 0, code: '', hint: '', message: 'TypeError: fetch failed' };
  const { handle } = handler({ authenticate: () => Promise.reject(down) });
  const response = await handle(post(body));
  equal(response.status, 503);
  equal(response.headers.get('retry-after'), '5');
  equal((await response.json()).error.code, 'service_unavailable');
  const noPostgres = handler({
    directory: () =>
      Promise.reject({ status: 503, code: 'PGRST001', hint: null, message: 'Database client error' }),
  });
  equal((await noPostgres.handle(get('/therapists'))).status, 503);
});

Deno.test('the feed manifest lists one file per resource type, narrowed by _type and _since', async () => {
  const { handle } = handler();
  const res = await handle(get('/$bulk-publish?_type=Slot,Schedule&_since=2027-05-01T00:00:00-04:00'));
  equal(res.status, 200);
  equal(res.headers.get('cache-control'), 'private, max-age=300');
  const manifest = await res.json();
  deepStrictEqual(manifest.error, []);
  deepStrictEqual(manifest.output, [
    {
      type: 'Schedule',
      url: 'https://api.example/functions/v1/payer-api/fhir/Schedule.ndjson?_since=2027-05-01T04%3A00%3A00.000Z',
    },
    {
      type: 'Slot',
      url: 'https://api.example/functions/v1/payer-api/fhir/Slot.ndjson?_since=2027-05-01T04%3A00%3A00.000Z',
    },
  ]);
  equal((await handle(get('/%24bulk-publish'))).status, 200);
});

Deno.test(
  'the manifest lists the Slot file in the parts the payer needs; a part is refused where it does not belong',
  async () => {
    const counted: string[] = [];
    const { handle } = handler({
      feed: feedWith({ slotParts: (payer) => (counted.push(payer), Promise.resolve(3)) }),
    });
    const manifest = await (await handle(get('/$bulk-publish'))).json();
    const base = 'https://api.example/functions/v1/payer-api/fhir';
    deepStrictEqual(manifest.output, [
      { type: 'Location', url: `${base}/Location.ndjson` },
      { type: 'PractitionerRole', url: `${base}/PractitionerRole.ndjson` },
      { type: 'Schedule', url: `${base}/Schedule.ndjson` },
      { type: 'Slot', url: `${base}/Slot.ndjson?part=0&parts=3` },
      { type: 'Slot', url: `${base}/Slot.ndjson?part=1&parts=3` },
      { type: 'Slot', url: `${base}/Slot.ndjson?part=2&parts=3` },
    ]);
    deepStrictEqual(counted, ['payer-a']);
    // no count is asked for when Slot is not listed
    await handle(get('/$bulk-publish?_type=Schedule'));
    deepStrictEqual(counted, ['payer-a']);
    for (const path of [
      '/$bulk-publish?part=0&parts=2',
      '/fhir/Schedule.ndjson?part=0&parts=2',
      '/fhir/Slot.ndjson?part=2&parts=2',
      '/fhir/Slot.ndjson?part=0',
      '/fhir/Slot.ndjson?part=01&parts=2',
      '/fhir/Slot.ndjson?part=0&parts=65',
    ]) {
      const res = await handle(get(path));
      equal(res.status, 400, path);
      equal((await res.json()).error.code, 'invalid_query', path);
    }
  },
);

Deno.test('the feed refuses an unknown _type or a malformed _since with a 400 naming it', async () => {
  const { handle } = handler();
  const badType = await handle(get('/$bulk-publish?_type=Slot,Patient'));
  equal(badType.status, 400);
  equal((await badType.json()).error.field, '_type');
  const badSince = await handle(get('/fhir/Slot.ndjson?_since=yesterday'));
  equal(badSince.status, 400);
  equal((await badSince.json()).error.field, '_since');
  equal((await handle(get('/fhir/Patient.ndjson'))).status, 404);
});

/** The handler's feed with some of its sources replaced. */
const feedWith = (sources: Partial<FeedSources>): FeedSources => ({
  page: () => Promise.resolve({ body: textStream(''), nextAfter: null }),
  slotSources: () => Promise.resolve({ rows: [], nextAfter: null }),
  slotParts: () => Promise.resolve(1),
  siteUrl: 'https://app.example.org',
  ...sources,
});

Deno.test('a feed file streams every page, one after another, asking each after the last key', async () => {
  const asked: (string | null)[] = [];
  const pages: Record<string, { text: string; nextAfter: string | null }> = {
    first: { text: '{"i":1}\n{"i":2}\n', nextAfter: 'k2' },
    k2: { text: '', nextAfter: 'k3' },
    k3: { text: '{"i":"last"}\n', nextAfter: null },
  };
  const { handle } = handler({
    feed: feedWith({
      page: (_payer, _type, _since, after) => {
        asked.push(after);
        const page = pages[after ?? 'first']!;
        return Promise.resolve({ body: textStream(page.text), nextAfter: page.nextAfter });
      },
    }),
  });
  const res = await handle(get('/fhir/Schedule.ndjson'));
  equal(res.headers.get('content-type'), 'application/fhir+ndjson');
  equal(await res.text(), '{"i":1}\n{"i":2}\n{"i":"last"}\n');
  deepStrictEqual(asked, [null, 'k2', 'k3']);
});

Deno.test('a feed file whose later page fails is cut off with an error, never silently short', async () => {
  const { handle } = handler({
    feed: feedWith({
      page: (_payer, _type, _since, after) =>
        after === null
          ? Promise.resolve({ body: textStream('{"i":1}\n'), nextAfter: 'k1' })
          : Promise.reject({ message: 'connection lost', hint: null, status: 0 }),
    }),
  });
  const res = await handle(get('/fhir/Schedule.ndjson'));
  equal(res.status, 200);
  await rejects(res.text());
});

Deno.test('a feed file whose first page fails is an HTTP error', async () => {
  const refused = () => Promise.reject({ message: 'connection refused', hint: null, status: 0 });
  const { handle } = handler({ feed: feedWith({ page: refused, slotSources: refused }) });
  equal((await handle(get('/fhir/Schedule.ndjson'))).status, 503);
  equal((await handle(get('/fhir/Slot.ndjson'))).status, 503);
});

/** A therapist with one hour-long session on 4 May 2027, 09:00 in Boston. */
const sourceOf = (therapist: string): SlotSource => ({
  therapist,
  slug: 'back-bay',
  session_seconds: 3600,
  occurrences: [[Date.UTC(2027, 4, 4, 13) / 1000, 1, -14400]],
  busy: [],
});

Deno.test(
  'the Slot file is written from every page of sources, each asked after the last therapist',
  async () => {
    const asked: (string | null)[] = [];
    const pages: Record<string, SlotSourcePage> = {
      first: { rows: [sourceOf('t1'), sourceOf('t2')], nextAfter: 't2' },
      t2: { rows: [], nextAfter: 't3' },
      t3: { rows: [sourceOf('t4')], nextAfter: null },
    };
    const { handle } = handler({
      feed: feedWith({
        slotSources: (payer, since, after) => {
          asked.push(after);
          equal(payer, 'payer-a');
          equal(since, '2027-05-01T04:00:00.000Z');
          return Promise.resolve(pages[after ?? 'first']!);
        },
      }),
    });
    const res = await handle(get('/fhir/Slot.ndjson?_since=2027-05-01T00:00:00-04:00'));
    equal(res.headers.get('content-type'), 'application/fhir+ndjson');
    const slots = (await res.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    deepStrictEqual(
      slots.map((slot) => [slot.schedule.reference, slot.start]),
      [
        ['Schedule/t1', '2027-05-04T09:00:00-04:00'],
        ['Schedule/t2', '2027-05-04T09:00:00-04:00'],
        ['Schedule/t4', '2027-05-04T09:00:00-04:00'],
      ],
    );
    deepStrictEqual(asked, [null, 't2', 't3']);
  },
);

Deno.test('a Slot file whose later page of sources fails is cut off with an error', async () => {
  const { handle } = handler({
    feed: feedWith({
      slotSources: (_payer, _since, after) =>
        after === null
          ? Promise.resolve({ rows: [sourceOf('t1')], nextAfter: 't1' })
          : Promise.reject({ message: 'connection lost', hint: null, status: 0 }),
    }),
  });
  const res = await handle(get('/fhir/Slot.ndjson'));
  equal(res.status, 200);
  await rejects(res.text());
});

Deno.test(
  "webhook routes: the payer's endpoints, their log, replay; ids of others are 404, bad limits 400",
  async () => {
    const { handle, calls } = handler();
    const list = await handle(get('/webhook-endpoints'));
    equal(list.status, 200);
    const listed = await list.json();
    equal(listed.data[0].url, 'https://hooks.example.com/a');
    equal('secret' in listed.data[0], false);
    equal(listed.data[0].created_at, '2027-05-01T00:00:00.000Z');
    equal((await handle(get(`/webhook-endpoints/${endpointId}/deliveries?limit=5`))).status, 200);
    deepStrictEqual(calls.at(-1), ['payer-a', endpointId, 5]);
    equal((await handle(get(`/webhook-endpoints/${deliveryId}/deliveries`))).status, 404);
    equal((await handle(get('/webhook-endpoints/nope/deliveries'))).status, 404);
    const badLimit = await handle(get(`/webhook-endpoints/${endpointId}/deliveries?limit=500`));
    equal(badLimit.status, 400);
    equal((await badLimit.json()).error.field, 'limit');
    const post = (path: string) =>
      new Request(`http://x/payer-api${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}` },
      });
    const replayed = await handle(post(`/webhook-deliveries/${deliveryId}/replay`));
    equal(replayed.status, 202);
    deepStrictEqual(await replayed.json(), { id: deliveryId, status: 'queued' });
    equal((await handle(post(`/webhook-deliveries/${endpointId}/replay`))).status, 409);
    equal(
      (await handle(post('/webhook-deliveries/0b9e0000-0000-4000-8000-000000000000/replay'))).status,
      404,
    );
    equal((await handle(get(`/webhook-deliveries/${deliveryId}/replay`))).status, 405);
  },
);
Deno.test('webhook routes answer in their contract shapes; the log lists 50 unless told', async () => {
  const delivery = {
    id: deliveryId,
    event_id: '0b9e0000-0000-4000-8000-0000000000f1',
    event_type: 'request.created' as const,
    request_id: '0b9e0000-0000-4000-8000-0000000000a1',
    status: 'pending' as const,
    created_at: '2027-05-01 10:00:00.5+00',
    delivered_at: null,
    next_attempt_at: '2027-05-01T10:00:30+00:00',
    attempts: [
      { attempted_at: '2027-05-01T10:00:00.600Z', response_status: 500, latency_ms: 12, error: null },
    ],
  };
  const asked: unknown[][] = [];
  const { handle } = handler({
    webhooks: {
      endpoints: () => Promise.resolve([endpointOfA]),
      deliveries: (...args) => (asked.push(args), Promise.resolve([delivery])),
      replay: () => Promise.resolve('queued'),
    },
  });
  const listed = webhookEndpointListSchema.parse(await (await handle(get('/webhook-endpoints'))).json());
  equal(listed.data[0]!.failing_since, '2027-05-01T09:00:00.000Z');
  const log = await handle(get(`/webhook-endpoints/${endpointId}/deliveries`));
  const body = webhookDeliveryListSchema.parse(await log.json());
  equal(body.data[0]!.created_at, '2027-05-01T10:00:00.500Z');
  equal(body.data[0]!.next_attempt_at, '2027-05-01T10:00:30.000Z');
  deepStrictEqual(asked.at(-1), ['payer-a', endpointId, 50]);
  const unknown = await handle(get(`/webhook-endpoints/${endpointId}/deliveries?offset=2`));
  equal(unknown.status, 400);
  equal((await unknown.json()).error.field, 'offset');
});
