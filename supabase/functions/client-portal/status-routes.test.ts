import { deepEqual, equal } from 'node:assert/strict';
import type { RequestStatusLookup } from '../_shared/request-status.ts';
import { createClientPortalApp, type ClientPortalDeps } from './handler.ts';

const token = 'A'.repeat(40) + '-_z';
const clinic = { name: 'Harborview Counseling Collective', slug: 'harborview' };

function handler(overrides: Partial<ClientPortalDeps> = {}) {
  const calls: string[] = [];
  const deps: ClientPortalDeps = {
    rateLimit: () => (calls.push('limit'), Promise.resolve(0)),
    clinic: () => Promise.resolve(null),
    directory: () => Promise.resolve([]),
    slots: () => Promise.resolve([]),
    createRequest: () => Promise.reject(new Error('not here')),
    verifyRequest: () => Promise.reject(new Error('not here')),
    requestStatus: () => Promise.resolve({ outcome: 'unknown' }),
    withdraw: () => Promise.resolve({ outcome: 'unknown', state: null }),
    pick: () => Promise.resolve({ outcome: 'unknown' }),
    ...overrides,
  };
  const app = createClientPortalApp(deps);
  const post = (path: string, body: unknown) =>
    app.fetch(
      new Request(`http://x/client-portal/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
  return { post, calls, app };
}

Deno.test('a token not of the link’s shape is refused before the database is asked', async () => {
  let asked = false;
  const { post } = handler({
    requestStatus: () => ((asked = true), Promise.resolve({ outcome: 'unknown' })),
  });
  for (const bad of [{}, { token: 'short' }, { token: token + 'x' }, { token, extra: 1 }, { token: 42 }]) {
    const res = await post('status', bad);
    equal(res.status, 422);
  }
  equal(asked, false);
});

Deno.test('an unknown token gets a 404 that says nothing about any request or clinic', async () => {
  const { post } = handler();
  const res = await post('status', { token });
  equal(res.status, 404);
  const body = await res.json();
  deepEqual(Object.keys(body), ['error']);
  equal(body.error.code, 'status_link_unknown');
});

Deno.test('an expired link gets a 410 with the clinic’s request page only', async () => {
  const { post } = handler({ requestStatus: () => Promise.resolve({ outcome: 'link_expired', clinic }) });
  const res = await post('status', { token });
  equal(res.status, 410);
  deepEqual((await res.json()).clinic, clinic);
});

Deno.test(
  'a valid link answers with the request, never cached, and every call counts against the address',
  async () => {
    const request = { state: 'pending' } as unknown as Extract<
      RequestStatusLookup,
      { outcome: 'ok' }
    >['request'];
    const { post, calls } = handler({
      requestStatus: () => Promise.resolve({ outcome: 'ok', clinic, request }),
    });
    const res = await post('status', { token });
    equal(res.status, 200);
    equal(res.headers.get('cache-control'), 'no-store');
    deepEqual(await res.json(), { clinic, request });
    equal(calls.length, 1);
  },
);

Deno.test('withdraw: done, refused with the state in words, or an unknown link', async () => {
  equal(
    (
      await handler({ withdraw: () => Promise.resolve({ outcome: 'withdrawn', state: 'withdrawn' }) }).post(
        'status/withdraw',
        { token },
      )
    ).status,
    200,
  );
  const refused = await handler({
    withdraw: () => Promise.resolve({ outcome: 'not_withdrawable', state: 'confirmed' }),
  }).post('status/withdraw', { token });
  equal(refused.status, 409);
  equal(
    (await refused.json()).error.message,
    'This request was confirmed, so it can no longer be withdrawn.',
  );
  equal((await handler().post('status/withdraw', { token })).status, 404);
});

Deno.test('pick: confirmed, a lost time, an offer that is over, a time not offered', async () => {
  const id = '3f2b8a1e-7c4d-4e5f-9a6b-1c2d3e4f5a6b';
  const answer = async (outcome: string, state?: string) => {
    const res = await handler({
      pick: () => Promise.resolve({ outcome, state } as never),
    }).post('status/pick', { token, offered_time_id: id });
    return [res.status, (await res.json()).error?.code ?? 'ok'];
  };
  deepEqual(await answer('confirmed', 'confirmed'), [200, 'ok']);
  deepEqual(await answer('slot_lost', 'alternatives_offered'), [409, 'slot_lost']);
  deepEqual(await answer('offer_over', 'expired'), [409, 'offer_over']);
  deepEqual(await answer('not_offered'), [404, 'not_offered']);
  const bad = await handler().post('status/pick', { token, offered_time_id: 'not-a-uuid' });
  equal(bad.status, 422);
  equal((await bad.json()).error.field, 'offered_time_id');
});

Deno.test('the status routes take POST only', async () => {
  const { app } = handler();
  const res = await app.fetch(new Request(`http://x/client-portal/status?token=${token}`));
  equal(res.status, 405);
});
