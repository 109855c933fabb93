import { deepEqual, equal } from 'node:assert/strict';
import type { CaptchaOutcome } from './captcha.ts';
import { createClientPortalApp, type ClientPortalDeps } from './handler.ts';
import type { VerificationOutcome } from './verification.ts';

function handler(overrides: Partial<ClientPortalDeps> = {}) {
  const seenKeys: string[] = [];
  const deps: ClientPortalDeps = {
    rateLimit: (k) => (seenKeys.push(k), Promise.resolve(0)),
    clinic: (slug) =>
      Promise.resolve(
        slug === 'harborview' || slug === 'cedar-ridge'
          ? {
              clinic_id: 'c1',
              name: slug === 'harborview' ? 'Harborview Counseling Collective' : 'Cedar Ridge Family Therapy',
              time_zone: 'America/New_York',
              takes_requests: slug === 'harborview',
              min_notice_hours: 24,
              locations: [],
              payers: [],
            }
          : null,
      ),
    directory: () => Promise.resolve([]),
    slots: () => Promise.resolve([]),
    createRequest: () =>
      Promise.resolve({
        request_id: 'r1',
        status: 'unverified',
        expires_at: '2027-05-01T00:30:00Z',
        created_at: '2027-05-01T00:00:00Z',
        replayed: false,
      }),
    verifyRequest: () => Promise.resolve(verified),
    requestStatus: () => Promise.resolve({ outcome: 'unknown' }),
    withdraw: () => Promise.resolve({ outcome: 'unknown', state: null }),
    pick: () => Promise.resolve({ outcome: 'unknown' }),
    ...overrides,
  };
  const app = createClientPortalApp(deps);
  return { handle: async (request: Request) => await app.fetch(request), seenKeys };
}

const verified: VerificationOutcome = {
  outcome: 'verified',
  request_id: 'r1',
  status: 'pending',
  expires_at: '2027-05-03T00:00:00Z',
  slot_start: '2027-05-04T13:00:00Z',
  time_zone: 'America/New_York',
};
const token = 'Zm9vYmFy' + 'x'.repeat(33) + '-_';

const body = {
  therapist_id: '3f2b8a1e-7c4d-4e5f-9a6b-1c2d3e4f5a6b',
  slot_start: '2027-05-04T13:00:00Z',
  first_name: 'Elena',
  last_name: 'Castillo',
  email: 'elena@example.org',
  phone: '617-555-0188',
  date_of_birth: '1991-04-12',
};

Deno.test('rate-limits by the address the platform’s proxy saw, never one the caller wrote', async () => {
  const { handle, seenKeys } = handler();
  // the caller wrote 203.0.113.9; the proxy in front of the function added 10.0.0.1
  await handle(
    new Request('http://x/client-portal/clinics/harborview', {
      headers: { 'x-forwarded-for': '203.0.113.9, 10.0.0.1' },
    }),
  );
  equal(seenKeys[0], '10.0.0.1');
  await handle(
    new Request('http://x/client-portal/clinics/harborview', {
      headers: { 'cf-connecting-ip': '198.51.100.4', 'x-forwarded-for': '203.0.113.9' },
    }),
  );
  equal(seenKeys[1], '198.51.100.4');
  const limited = handler({ rateLimit: () => Promise.resolve(30) });
  const res = await limited.handle(new Request('http://x/client-portal/clinics/harborview'));
  equal(res.status, 429);
  equal(res.headers.get('retry-after'), '30');
});

Deno.test(
  'an unknown clinic is a 404 of its own; a clinic without the program says it takes no requests',
  async () => {
    const { handle } = handler();
    const unknown = await handle(new Request('http://x/client-portal/clinics/no-such-clinic'));
    equal(unknown.status, 404);
    equal((await unknown.json()).error.code, 'clinic_not_found');
    const withoutProgram = await handle(new Request('http://x/client-portal/clinics/cedar-ridge'));
    equal(withoutProgram.status, 404);
    equal((await withoutProgram.json()).error.code, 'unknown_clinic');
  },
);

Deno.test('the office and insurance filters are ids, refused by name otherwise', async () => {
  const seen: unknown[] = [];
  const { handle } = handler({
    directory: (_clinic, query) => (seen.push(query.filters), Promise.resolve([])),
  });
  const office = '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';
  const ok = await handle(new Request(`http://x/client-portal/clinics/harborview?location=${office}`));
  equal(ok.status, 200);
  equal((seen[0] as { location: string }).location, office);
  const bad = await handle(new Request('http://x/client-portal/clinics/harborview?insurance=aetna'));
  equal(bad.status, 400);
  equal((await bad.json()).error.field, 'insurance');
});

Deno.test('the database’s age and choice refusals are 422s naming the field', async () => {
  const refusal = (hint: string) =>
    handler({
      createRequest: () =>
        Promise.reject({ hint, code: 'P0001', message: `refused: ${hint}`, details: 'date_of_birth' }),
    });
  for (const [hint, field] of [
    ['outside_ages_served', 'date_of_birth'],
    ['guardian_required', 'requested_by_guardian'],
    ['session_format_not_offered', 'session_format'],
    ['insurance_not_taken', 'insurance_payer_id'],
  ]) {
    const res = await postRequest(refusal(hint).handle, body);
    equal(res.status, 422);
    deepEqual((await res.json()).error, { code: hint, message: `refused: ${hint}`, field });
  }
});

Deno.test('source and booking-referral from a deep link are checked: plain and short', async () => {
  const { handle } = handler();
  const sent = await postRequest(handle, {
    ...body,
    referral_source: 'aetna-finder',
    booking_referral: 'ref:123',
  });
  equal(sent.status, 201);
  const tooLong = await postRequest(
    handle,
    { ...body, referral_source: 'x'.repeat(65) },
    {
      'idempotency-key': 'form-submission-2',
    },
  );
  equal(tooLong.status, 422);
  equal((await tooLong.json()).error.field, 'referral_source');
  const markup = await postRequest(
    handle,
    { ...body, booking_referral: '<script>' },
    {
      'idempotency-key': 'form-submission-3',
    },
  );
  equal(markup.status, 422);
  equal((await markup.json()).error.field, 'booking_referral');
});

Deno.test('a member ID comes with its insurance', async () => {
  const { handle } = handler();
  const res = await postRequest(handle, { ...body, member_id: 'XJH123' });
  equal(res.status, 422);
  equal((await res.json()).error.field, 'insurance_payer_id');
});

Deno.test('a request needs no member ID but an Idempotency-Key', async () => {
  const { handle } = handler();
  const post = (headers: Record<string, string>) =>
    handle(
      new Request('http://x/client-portal/clinics/harborview/requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    );
  equal((await post({})).status, 400);
  equal((await post({ 'idempotency-key': 'form-submission-1' })).status, 201);
});

const postRequest = (
  handle: (r: Request) => Promise<Response>,
  payload: unknown,
  headers: Record<string, string> = {},
) =>
  handle(
    new Request('http://x/client-portal/clinics/harborview/requests', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': 'form-submission-1',
        'x-forwarded-for': '203.0.113.9',
        ...headers,
      },
      body: JSON.stringify(payload),
    }),
  );
const postVerify = (handle: (r: Request) => Promise<Response>, payload: unknown) =>
  handle(
    new Request('http://x/client-portal/clinics/harborview/requests/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    }),
  );

Deno.test(
  'a new request is answered unverified, and the caller’s address goes to the database for its limit',
  async () => {
    const seen: string[] = [];
    const { handle } = handler({
      createRequest: (_clinic, _request, _key, _hash, clientKey) => {
        seen.push(clientKey);
        return Promise.resolve({
          request_id: 'r1',
          status: 'unverified',
          expires_at: '2027-05-01T00:30:00Z',
          created_at: '2027-05-01T00:00:00Z',
          replayed: false,
        });
      },
    });
    const res = await postRequest(handle, body);
    equal(res.status, 201);
    deepEqual(await res.json(), {
      id: 'r1',
      status: 'unverified',
      expires_at: '2027-05-01T00:30:00.000Z',
      created_at: '2027-05-01T00:00:00.000Z',
    });
    deepEqual(seen, ['203.0.113.9']);
  },
);

Deno.test(
  'the per-person limit is a 409 and the per-address limit a 429, each with the database’s message',
  async () => {
    const refuse = (hint: string, message: string) =>
      handler({ createRequest: () => Promise.reject({ code: 'P0001', hint, message }) }).handle;
    const person = await postRequest(
      refuse('person_request_limit', 'You already have 2 requests waiting at this practice.'),
      body,
    );
    equal(person.status, 409);
    deepEqual(await person.json(), {
      error: {
        code: 'person_request_limit',
        message: 'You already have 2 requests waiting at this practice.',
        field: 'email',
      },
    });
    const address = await postRequest(
      refuse('address_request_limit', 'Too many requests from your network are waiting.'),
      body,
    );
    equal(address.status, 429);
    deepEqual(await address.json(), {
      error: { code: 'address_request_limit', message: 'Too many requests from your network are waiting.' },
    });
  },
);

Deno.test(
  'verify: the token goes to the database; verified is a 200 with the clinic’s 48-hour deadline',
  async () => {
    const tokens: string[] = [];
    const { handle } = handler({
      verifyRequest: (_clinic, t) => (tokens.push(t), Promise.resolve(verified)),
    });
    const res = await postVerify(handle, { token });
    equal(res.status, 200);
    deepEqual(await res.json(), {
      id: 'r1',
      status: 'pending',
      expires_at: '2027-05-03T00:00:00.000Z',
      slot_start: '2027-05-04T13:00:00.000Z',
      time_zone: 'America/New_York',
      clinic: { name: 'Harborview Counseling Collective' },
    });
    deepEqual(tokens, [token]);
  },
);

Deno.test(
  'verify: unknown, used, expired and no-longer-open links are 4xx that say what happened',
  async () => {
    const cases: [VerificationOutcome['outcome'], number, string][] = [
      ['unknown', 404, 'verification_link_unknown'],
      ['used', 409, 'verification_link_used'],
      ['expired', 410, 'verification_link_expired'],
      ['therapist_unavailable', 409, 'therapist_unavailable'],
      ['slot_not_open', 409, 'slot_not_open'],
    ];
    for (const [outcome, status, code] of cases) {
      const { handle } = handler({ verifyRequest: () => Promise.resolve({ ...verified, outcome }) });
      const res = await postVerify(handle, { token });
      equal(res.status, status, outcome);
      const answer = await res.json();
      equal(answer.error.code, code);
      equal(typeof answer.error.message, 'string');
    }
  },
);

Deno.test('verify: a malformed token or body is refused before the database, naming the field', async () => {
  let calls = 0;
  const { handle } = handler({ verifyRequest: () => (calls++, Promise.resolve(verified)) });
  for (const payload of [
    {},
    { token: 'short' },
    { token: `${token}x` },
    { token: 42 },
    { token, extra: 1 },
    'text',
  ]) {
    const res = await postVerify(handle, payload);
    equal(res.status, 422, JSON.stringify(payload));
    equal((await res.json()).error.field, 'token');
  }
  equal((await handle(new Request('http://x/client-portal/clinics/harborview/requests/verify'))).status, 405);
  equal(calls, 0);
});

Deno.test(
  'CAPTCHA off (the default): a request needs no token, and a token sent anyway is ignored',
  async () => {
    const hashes: string[] = [];
    const { handle } = handler({
      createRequest: (_c, _r, _k, hash) => (
        hashes.push(hash),
        Promise.resolve({
          request_id: 'r1',
          status: 'unverified',
          expires_at: '2027-05-01T00:30:00Z',
          created_at: '2027-05-01T00:00:00Z',
          replayed: false,
        })
      ),
    });
    equal((await postRequest(handle, body)).status, 201);
    equal((await postRequest(handle, { ...body, captcha_token: 'anything' })).status, 201);
    // the token is not part of the request: a retry with a fresh token is the same request
    equal(hashes[0], hashes[1]);
  },
);

Deno.test(
  'CAPTCHA on: no token or a refused one is a 400, a provider outage a 503, and nothing is created',
  async () => {
    let created = 0;
    const checked: [string, string][] = [];
    const withCaptcha = (outcome: CaptchaOutcome) =>
      handler({
        captcha: (t, ip) => (checked.push([t, ip]), Promise.resolve(outcome)),
        createRequest: () => (
          created++,
          Promise.resolve({
            request_id: 'r1',
            status: 'unverified',
            expires_at: '2027-05-01T00:30:00Z',
            created_at: '2027-05-01T00:00:00Z',
            replayed: false,
          })
        ),
      }).handle;
    const missing = await postRequest(withCaptcha('ok'), body);
    equal(missing.status, 400);
    equal((await missing.json()).error.code, 'captcha_required');
    const failed = await postRequest(withCaptcha('failed'), { ...body, captcha_token: 'bad' });
    equal(failed.status, 400);
    equal((await failed.json()).error.code, 'captcha_failed');
    const down = await postRequest(withCaptcha('unavailable'), { ...body, captcha_token: 'tok' });
    equal(down.status, 503);
    equal(created, 0);
    equal((await postRequest(withCaptcha('ok'), { ...body, captcha_token: 'good' })).status, 201);
    equal(created, 1);
    deepEqual(checked.at(-1), ['good', '203.0.113.9']);
  },
);

Deno.test('503 with Retry-After, not 500, when the database cannot be reached', async () => {
  const { handle } = handler({
    rateLimit: () =>
      Promise.reject({ status: 503, code: 'PGRST001', hint: null, message: 'Database client error' }),
  });
  const response = await handle(new Request('http://x/client-portal/clinics/harborview'));
  equal(response.status, 503);
  equal(response.headers.get('retry-after'), '5');
  equal((await response.json()).error.code, 'service_unavailable');
});
