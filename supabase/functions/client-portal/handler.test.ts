import { equal } from 'node:assert/strict';
import { createClientPortalHandler, type ClientPortalDeps } from './handler.ts';

function handler(overrides: Partial<ClientPortalDeps> = {}) {
  const seenKeys: string[] = [];
  const deps: ClientPortalDeps = {
    rateLimit: (k) => (seenKeys.push(k), Promise.resolve(0)),
    clinic: (slug) => Promise.resolve(slug === 'harborview' ? { clinic_id: 'c1', name: 'Harborview Counseling Collective', time_zone: 'America/New_York' } : null),
    directory: () => Promise.resolve([]),
    slots: () => Promise.resolve([]),
    createRequest: () => Promise.resolve({ request_id: 'r1', status: 'pending', expires_at: '2027-05-03T00:00:00Z', created_at: '2027-05-01T00:00:00Z', replayed: false }),
    ...overrides,
  };
  return { handle: createClientPortalHandler(deps), seenKeys };
}

const body = { therapist_id: '3f2b8a1e-7c4d-4e5f-9a6b-1c2d3e4f5a6b', slot_start: '2027-05-04T13:00:00Z', first_name: 'Elena', last_name: 'Castillo', email: 'elena@example.org', phone: '617-555-0188', date_of_birth: '1991-04-12' };

Deno.test('rate-limits by the first forwarded address', async () => {
  const { handle, seenKeys } = handler();
  await handle(new Request('http://x/client-portal/clinics/harborview', { headers: { 'x-forwarded-for': '203.0.113.9, 10.0.0.1' } }));
  equal(seenKeys[0], '203.0.113.9');
  const limited = handler({ rateLimit: () => Promise.resolve(30) });
  const res = await limited.handle(new Request('http://x/client-portal/clinics/harborview'));
  equal(res.status, 429);
  equal(res.headers.get('retry-after'), '30');
});

Deno.test('an unknown clinic (or one without the program) is a 404', async () => {
  const { handle } = handler();
  const res = await handle(new Request('http://x/client-portal/clinics/cedar-ridge'));
  equal(res.status, 404);
  equal((await res.json()).error.code, 'unknown_clinic');
});

Deno.test('a request needs no member ID but an Idempotency-Key', async () => {
  const { handle } = handler();
  const post = (headers: Record<string, string>) =>
    handle(new Request('http://x/client-portal/clinics/harborview/requests', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }));
  equal((await post({})).status, 400);
  equal((await post({ 'idempotency-key': 'form-submission-1' })).status, 201);
});
