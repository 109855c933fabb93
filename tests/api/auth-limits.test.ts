/**
 * The auth service's limits, through the gateway, with config.toml's numbers: per client address
 * (`[auth.rate_limit]`: `/verify`, the password and refresh grants) and per account (failed
 * passwords lock the account for the window). Each test is a client of its own loopback address.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAuthConfig } from '../../supabase/local/auth/config-file.ts';
import { projectRoot } from '../../supabase/local/config.ts';
import { freshLoopbackAddress, requestFrom, type RawResponse } from './from-address.ts';
import { insertAccount, serviceClient, testEnv, withDb } from './personas.ts';

const { rateLimits } = loadAuthConfig(path.join(projectRoot, 'supabase', 'config.toml'));
const password = 'Harbor-View-2026';
/** A confirmed account of this test's own, written to auth.users. */
async function createConfirmedUser(): Promise<string> {
  const email = `auth-limits-${randomUUID()}@example.com`;
  await withDb((db) => insertAccount(db, email, 'Auth Limits', password));
  return email;
}

const authUrl = (pathAndQuery: string) => `${testEnv().apiUrl}/auth/v1${pathAndQuery}`;

function post(address: string, pathAndQuery: string, body: unknown): Promise<RawResponse> {
  return requestFrom(address, authUrl(pathAndQuery), {
    method: 'POST',
    headers: { apikey: testEnv().anonKey, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const signInFrom = (address: string, email: string, pw: string) =>
  post(address, '/token?grant_type=password', { email, password: pw });

/** GoTrue's 429, in its legacy shape (supabase-js reads `error_code`), saying when to try again. */
function expectRateLimited(response: RawResponse, message: RegExp) {
  expect(response.status).toBe(429);
  expect(JSON.parse(response.text)).toEqual({
    code: 429,
    error_code: 'over_request_rate_limit',
    msg: expect.stringMatching(message),
  });
  expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(300);
}

const addressLimit = /^Request rate limit reached\. Try again in \d+ (seconds|minutes)\.$/;
const accountLimit =
  /^Too many failed sign-in attempts for this account\. Try again in \d+ (seconds|minutes)\.$/;

describe('GET /verify (email links)', () => {
  it(`answers 429 after ${rateLimits.tokenVerifications} guesses from one address; other addresses and real links are unaffected`, async () => {
    const guesser = freshLoopbackAddress();
    const guess = () =>
      requestFrom(guesser, authUrl(`/verify?type=invite&token=${randomBytes(32).toString('hex')}`));
    for (let i = 0; i < rateLimits.tokenVerifications; i += 1) {
      const response = await guess();
      expect(response.status).toBe(303);
      expect(
        new URLSearchParams(new URL(response.headers.location ?? '').hash.slice(1)).get('error_code'),
      ).toBe('otp_expired');
    }
    expectRateLimited(await guess(), addressLimit);

    // a real invitation link, opened from another address, still signs its person in
    const email = `auth-limits-invitee-${randomUUID()}@example.com`;
    const invited = await serviceClient().auth.admin.inviteUserByEmail(email);
    expect(invited.error).toBeNull();
    const messages = (await (
      await fetch(`${testEnv().inboxUrl}/api/messages?to=${encodeURIComponent(email)}`)
    ).json()) as { text: string }[];
    const link = /https?:\/\/\S+\/verify\?\S+/.exec(messages[0]?.text ?? '')?.[0] ?? '';
    expectRateLimited(await requestFrom(guesser, link), addressLimit);
    const followed = await requestFrom(freshLoopbackAddress(), link);
    expect(followed.status).toBe(303);
    expect(
      new URLSearchParams(new URL(followed.headers.location ?? '').hash.slice(1)).get('access_token'),
    ).toBeTruthy();
  });
});

describe('the password grant', () => {
  it(`locks an account after ${rateLimits.signInSignUps} wrong passwords: even the right one is refused, from any address`, async () => {
    const email = await createConfirmedUser();
    const attacker = freshLoopbackAddress();
    for (let i = 0; i < rateLimits.signInSignUps; i += 1) {
      const response = await signInFrom(attacker, email, `Wrong-Password-${i}`);
      expect(response.status).toBe(400);
      expect(JSON.parse(response.text)).toMatchObject({ error_code: 'invalid_credentials' });
    }
    const owner = freshLoopbackAddress();
    expectRateLimited(await signInFrom(owner, email, password), accountLimit);
    expectRateLimited(await signInFrom(owner, email.toUpperCase(), password), accountLimit);
    // the owner's address is not blocked: another account signs in from it
    const other = await signInFrom(owner, await createConfirmedUser(), password);
    expect(other.status).toBe(200);
    expect(JSON.parse(other.text)).toMatchObject({ token_type: 'bearer' });
  });

  it(`answers 429 after ${rateLimits.signInSignUps} sign-in attempts from one address, whatever the accounts`, async () => {
    const email = await createConfirmedUser();
    const sprayer = freshLoopbackAddress();
    for (let i = 0; i < rateLimits.signInSignUps; i += 1) {
      const response = await signInFrom(sprayer, `nobody-${randomUUID()}@example.com`, password);
      expect(response.status).toBe(400);
    }
    expectRateLimited(await signInFrom(sprayer, email, password), addressLimit);
    expect((await signInFrom(freshLoopbackAddress(), email, password)).status).toBe(200);
  });

  it(`answers 429 after ${rateLimits.tokenRefresh} refresh attempts from one address`, async () => {
    const refresher = freshLoopbackAddress();
    for (let i = 0; i < rateLimits.tokenRefresh; i += 1) {
      const response = await post(refresher, '/token?grant_type=refresh_token', {
        refresh_token: `guess${i}`,
      });
      expect(response.status).toBe(400);
    }
    expectRateLimited(
      await post(refresher, '/token?grant_type=refresh_token', { refresh_token: 'guess' }),
      addressLimit,
    );
  });
});
