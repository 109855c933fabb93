import { deepEqual, equal, throws } from 'node:assert/strict';
import { captchaFromEnv, createCaptchaVerifier } from './captcha.ts';

const env = (values: Record<string, string>) => (name: string) => values[name];

function fakeFetch(answer: () => Response | Promise<Response>) {
  const calls: { url: string; form: Record<string, string> }[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), form: Object.fromEntries(new URLSearchParams(String(init?.body))) });
    return await answer();
  }) as typeof fetch;
  return { fetchImpl, calls };
}

Deno.test('the CAPTCHA is off unless a provider is configured', () => {
  equal(captchaFromEnv(env({})), null);
  equal(captchaFromEnv(env({ CAPTCHA_PROVIDER: 'off', CAPTCHA_SECRET: 'x' })), null);
});

Deno.test('a half-configured or unknown provider stops the function at start-up, naming the variable', () => {
  throws(() => captchaFromEnv(env({ CAPTCHA_PROVIDER: 'turnstile' })), /CAPTCHA_SECRET is not set/);
  throws(
    () => captchaFromEnv(env({ CAPTCHA_PROVIDER: 'recaptcha', CAPTCHA_SECRET: 'x' })),
    /CAPTCHA_PROVIDER must be turnstile, hcaptcha or off/,
  );
});

Deno.test(
  'Turnstile: posts the secret, the token and the address to siteverify and trusts only success: true',
  async () => {
    const ok = fakeFetch(() => Response.json({ success: true }));
    const verify = captchaFromEnv(
      env({ CAPTCHA_PROVIDER: 'Turnstile', CAPTCHA_SECRET: 'secret-1' }),
      ok.fetchImpl,
    )!;
    equal(await verify('token-1', '203.0.113.9'), 'ok');
    deepEqual(ok.calls, [
      {
        url: 'https://challenges.cloudflare.com/turnstile/v0/siteverify',
        form: { secret: 'secret-1', response: 'token-1', remoteip: '203.0.113.9' },
      },
    ]);
    const refused = fakeFetch(() =>
      Response.json({ success: false, 'error-codes': ['invalid-input-response'] }),
    );
    equal(await createCaptchaVerifier('turnstile', 's', refused.fetchImpl)('bad', 'unknown'), 'failed');
    deepEqual(refused.calls[0]!.form, { secret: 's', response: 'bad' });
    const truthy = fakeFetch(() => Response.json({ success: 'true' }));
    equal(await createCaptchaVerifier('turnstile', 's', truthy.fetchImpl)('t', 'x'), 'failed');
  },
);

Deno.test('hCaptcha uses its own endpoint; an outage is "unavailable", not a pass', async () => {
  const ok = fakeFetch(() => Response.json({ success: true }));
  equal(await createCaptchaVerifier('hcaptcha', 's', ok.fetchImpl)('t', '198.51.100.1'), 'ok');
  equal(ok.calls[0]!.url, 'https://api.hcaptcha.com/siteverify');
  const down = fakeFetch(() => new Response('bad gateway', { status: 502 }));
  equal(await createCaptchaVerifier('hcaptcha', 's', down.fetchImpl)('t', 'x'), 'unavailable');
  const unreachable = fakeFetch(() => Promise.reject(new TypeError('connection refused')));
  equal(await createCaptchaVerifier('hcaptcha', 's', unreachable.fetchImpl)('t', 'x'), 'unavailable');
});
