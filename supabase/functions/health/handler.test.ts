import { deepStrictEqual as assertEquals } from 'node:assert/strict';
import { createHealthApp } from './handler.ts';

const token = (claims: object) => `Bearer x.${btoa(JSON.stringify(claims)).replace(/=+$/, '')}.y`;
const fixedNow = () => new Date('2026-11-28T12:00:00Z');

Deno.test('reports ok with the caller role when the database answers', async () => {
  const handler = createHealthApp({ probeDatabase: () => Promise.resolve(null), now: fixedNow }).fetch;
  const response = await handler(
    new Request('http://x/health', { headers: { authorization: token({ role: 'authenticated' }) } }),
  );
  assertEquals(response.status, 200);
  assertEquals(await response.json(), {
    status: 'ok',
    database: { ok: true },
    role: 'authenticated',
    time: '2026-11-28T12:00:00.000Z',
  });
});

Deno.test('reports 503 with the database error when the probe fails', async () => {
  const handler = createHealthApp({
    probeDatabase: () => Promise.resolve('connection refused'),
    now: fixedNow,
  }).fetch;
  const response = await handler(
    new Request('http://x/health', { headers: { authorization: token({ role: 'anon' }) } }),
  );
  assertEquals(response.status, 503);
  assertEquals((await response.json()).database, { ok: false, error: 'connection refused' });
});

Deno.test('refuses methods other than GET and POST', async () => {
  const handler = createHealthApp({ probeDatabase: () => Promise.resolve(null), now: fixedNow }).fetch;
  const response = await handler(new Request('http://x/health', { method: 'DELETE' }));
  assertEquals(response.status, 405);
  assertEquals(response.headers.get('allow'), 'GET, POST');
  assertEquals(await response.json(), { error: { code: 'method_not_allowed', message: 'Use GET or POST.' } });
});
