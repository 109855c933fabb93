import { deepStrictEqual, equal } from 'node:assert/strict';
import { functionApp } from './app.ts';
import { functionCors, jsonBody, requireRole } from './middleware.ts';

const token = (role: string) => `Bearer h.${btoa(JSON.stringify({ role })).replace(/=+$/, '')}.s`;

function app() {
  const a = functionApp('demo');
  a.use('*', functionCors);
  a.post('/jobs', requireRole('service_role', 'Only the scheduler runs jobs.'), (c) => c.json({ ran: true }));
  a.post('/echo', jsonBody(32), (c) => c.json({ got: c.get('body') }));
  return a;
}

Deno.test('requireRole lets the named role through and refuses others with 403', async () => {
  const allowed = await app().request('/demo/jobs', {
    method: 'POST',
    headers: { authorization: token('service_role') },
  });
  deepStrictEqual(await allowed.json(), { ran: true });
  for (const authorization of [token('authenticated'), 'Bearer not-a-jwt', '']) {
    const refused = await app().request('/demo/jobs', { method: 'POST', headers: { authorization } });
    equal(refused.status, 403);
    deepStrictEqual(await refused.json(), {
      error: { code: 'forbidden', message: 'Only the scheduler runs jobs.' },
    });
  }
});

Deno.test('jsonBody hands the parsed body on, and refuses a large or non-JSON body first', async () => {
  const post = (body: string, type = 'application/json') =>
    app().request('/demo/echo', { method: 'POST', headers: { 'content-type': type }, body });
  deepStrictEqual(await (await post('{"a":1}')).json(), { got: { a: 1 } });
  equal((await post(JSON.stringify({ a: 'x'.repeat(40) }))).status, 413);
  equal((await post('{"a":')).status, 400);
  equal((await post('{"a":1}', 'text/plain')).status, 415);
});

Deno.test(
  'CORS: preflights are answered before any route or check, and answers carry the origin',
  async () => {
    const preflight = await app().request('/demo/jobs', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://clinic.example.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, idempotency-key',
      },
    });
    equal(preflight.status, 204);
    equal(preflight.headers.get('access-control-allow-origin'), '*');
    equal(preflight.headers.get('access-control-allow-headers')?.includes('idempotency-key'), true);
    const refused = await app().request('/demo/jobs', { method: 'POST' });
    equal(refused.headers.get('access-control-allow-origin'), '*');
    equal(refused.headers.get('access-control-expose-headers')?.includes('retry-after'), true);
  },
);
