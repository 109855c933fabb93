/** The auth service's routing and error shapes, without a network or a database. */
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { AuthContext } from './context.ts';
import { SlidingWindow } from './rate-limit.ts';
import { authApp } from './server.ts';

function app(pool: Partial<pg.Pool> = {}) {
  const window = () => new SlidingWindow(30, 300_000);
  const ctx: AuthContext = {
    settings: {
      jwtSecret: 'super-secret-jwt-token-with-at-least-32-characters-long',
      siteUrl: 'http://localhost:5173',
      externalUrl: 'http://localhost:54321/auth/v1',
      jwtExpirySeconds: 3600,
      refreshTokenReuseIntervalSeconds: 10,
      passwordPolicy: { minimumLength: 6, requirement: '' },
      emailLinkExpirySeconds: 3600,
      sendEmail: () => Promise.resolve(),
      log: () => undefined,
    },
    pool: pool as pg.Pool,
    limits: {
      signInsPerAddress: window(),
      verificationsPerAddress: window(),
      refreshesPerAddress: window(),
      failedSignInsPerAccount: window(),
      exemptAddresses: new Set(),
    },
  };
  return authApp(ctx);
}

describe('the auth service’s answers', () => {
  it('serves its settings uncached, with or without a trailing slash', async () => {
    for (const path of ['/settings', '/settings/']) {
      const response = await app().request(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toMatchObject({ disable_signup: true });
    }
  });

  it('answers unknown routes and methods in GoTrue’s shapes, the new one when the client asks', async () => {
    const missing = await app().request('/nothing');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      code: 404,
      error_code: 'not_found',
      msg: 'No auth endpoint at /nothing',
    });
    const wrongMethod = await app().request('/token', {
      headers: { 'x-supabase-api-version': '2024-01-01' },
    });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect(wrongMethod.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(await wrongMethod.json()).toEqual({
      code: 'method_not_allowed',
      message: 'GET is not allowed on /token',
    });
  });

  it('refuses a body that is not JSON, and one past 64 KB with 413 on a closing connection', async () => {
    const post = (body: string) => app().request('/token?grant_type=password', { method: 'POST', body });
    const malformed = await post('{"email": ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error_code: 'bad_json' });
    const tooLarge = await post(JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(70_000) }));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('connection')).toBe('close');
    expect(await tooLarge.json()).toMatchObject({ code: 413, error_code: 'validation_failed' });
  });

  it('answers 503 with Retry-After while the database cannot be reached', async () => {
    const down = app({
      query: () => Promise.reject(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })),
    });
    const response = await down.request('/health');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toMatchObject({ error_code: 'service_unavailable' });
  });
});
