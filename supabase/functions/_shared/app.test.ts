import { deepStrictEqual, equal } from 'node:assert/strict';
import { functionApp, onlyMethod } from './app.ts';

function app() {
  const a = functionApp('demo');
  a.get('/things', (c) => c.json({ ok: true }));
  a.all('/things', onlyMethod('GET'));
  // supabase-js rejects with plain objects, which Hono's onError never sees
  a.get('/refused', () => Promise.reject({ hint: 'slot_not_open', message: 'taken' }));
  a.get('/broken', () => Promise.reject(new Error('boom')));
  return a;
}

Deno.test('routes under the function name; a trailing slash is the same route', async () => {
  equal((await app().request('/demo/things')).status, 200);
  equal((await app().request('/demo/things/')).status, 200);
});

Deno.test('unknown routes are the API 404, naming method and path', async () => {
  const res = await app().request('/demo/nothing', { method: 'DELETE' });
  equal(res.status, 404);
  deepStrictEqual(await res.json(), {
    error: { code: 'not_found', message: 'No route DELETE /demo/nothing.' },
  });
});

Deno.test('a known path with another method is a 405 listing the allowed ones', async () => {
  const res = await app().request('/demo/things', { method: 'POST' });
  equal(res.status, 405);
  equal(res.headers.get('allow'), 'GET');
  deepStrictEqual(await res.json(), { error: { code: 'method_not_allowed', message: 'Use GET.' } });
  equal(onlyMethod('GET', 'POST')().headers.get('allow'), 'GET, POST');
});

Deno.test('a thrown database error gets its mapped answer; anything else a 500', async () => {
  const refused = await app().request('/demo/refused');
  equal(refused.status, 409);
  deepStrictEqual(await refused.json(), {
    error: { code: 'slot_not_open', message: 'taken', field: 'slot_start' },
  });
  const originalError = console.error;
  console.error = () => {};
  try {
    const broken = await app().request('/demo/broken');
    equal(broken.status, 500);
    equal(((await broken.json()) as { error: { code: string } }).error.code, 'internal_error');
  } finally {
    console.error = originalError;
  }
});
