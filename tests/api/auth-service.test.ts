/**
 * The local auth service (supabase/local/auth) through the gateway, driven by unmodified
 * supabase-js: the answers must be GoTrue's, so the app behaves the same against hosted Supabase.
 */
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { isAuthWeakPasswordError } from '@supabase/supabase-js';
import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuthConfig } from '../../supabase/local/auth/config-file.ts';
import { localJwtSecret, projectRoot } from '../../supabase/local/config.ts';
import {
  insertAccount,
  newClient,
  serviceClient,
  testAccountPassword,
  testEnv,
  withDb,
  type Client,
} from './personas.ts';

const createdUserIds: string[] = [];
const remember = (id: string | undefined) => {
  if (id) createdUserIds.push(id);
};

afterAll(async () => {
  await withDb((db) => db.query('delete from auth.users where id = any($1::uuid[])', [createdUserIds]));
});

const uniqueEmail = (label: string) => `auth-test-${label}-${randomUUID()}@example.com`;

/** An account written straight to auth.users (a pgcrypto bcrypt hash), as a seed writes one. */
const seeded = { email: uniqueEmail('seeded'), password: testAccountPassword, fullName: 'Maya Okafor' };
beforeAll(async () => {
  await withDb((db) => insertAccount(db, seeded.email, seeded.fullName));
});

/** A confirmed account written to auth.users; deleted after the file. */
async function createConfirmedUser(password: string): Promise<{ id: string; email: string }> {
  const email = uniqueEmail('user');
  const id = await withDb((db) => insertAccount(db, email, 'Test Account', password));
  remember(id);
  return { id, email };
}

async function signIn(email: string, password: string): Promise<Client> {
  const client = newClient();
  const { error } = await client.auth.signInWithPassword({ email, password });
  expect(error).toBeNull();
  return client;
}

/** A raw call through the gateway, for what supabase-js hides (status, body, headers). */
function authFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const { apiUrl, anonKey } = testEnv();
  return fetch(`${apiUrl}/auth/v1${path}`, { ...init, headers: { apikey: anonKey, ...init.headers } });
}

async function inviteMessage(email: string): Promise<{ subject: string; text: string; html: string }> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const response = await fetch(`${testEnv().inboxUrl}/api/messages`);
    const messages = (await response.json()) as { to: string; subject: string; text: string; html: string }[];
    const message = messages.find((m) => m.to === email);
    if (message) return message;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no email to ${email} reached the inbox`);
}

/** The newest `count` emails to `email`, newest first, once that many arrived. */
async function inviteMessages(email: string, count: number): Promise<{ text: string }[]> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const response = await fetch(`${testEnv().inboxUrl}/api/messages?to=${encodeURIComponent(email)}`);
    const messages = (await response.json()) as { text: string }[];
    if (messages.length >= count) return messages;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`fewer than ${count} emails to ${email} reached the inbox`);
}

const fragmentOf = (location: string) => new URLSearchParams(new URL(location).hash.slice(1));

describe('password sign-in', () => {
  it('signs a seeded user in (pgcrypto bcrypt hash) with a GoTrue session', async () => {
    const client = newClient();
    const { data, error } = await client.auth.signInWithPassword({
      email: seeded.email,
      password: seeded.password,
    });
    expect(error).toBeNull();
    const session = data.session;
    expect(session).not.toBeNull();
    expect(session?.token_type).toBe('bearer');
    expect(session?.refresh_token).toMatch(/^[a-z0-9]{12}$/);
    const now = Math.floor(Date.now() / 1000);
    expect(Math.abs((session?.expires_at ?? 0) - (now + (session?.expires_in ?? 0)))).toBeLessThanOrEqual(5);
    expect(data.user).toMatchObject({
      email: seeded.email,
      aud: 'authenticated',
      role: 'authenticated',
      phone: '',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { full_name: seeded.fullName },
      is_anonymous: false,
    });
    expect(data.user?.last_sign_in_at).toBeTruthy();
    expect(data.user?.confirmed_at).toBe(data.user?.email_confirmed_at);
    expect(data.user?.identities).toEqual([
      expect.objectContaining({ provider: 'email', id: data.user?.id, user_id: data.user?.id }),
    ]);

    const { data: fetched, error: getError } = await client.auth.getUser();
    expect(getError).toBeNull();
    expect(fetched.user?.id).toBe(data.user?.id);
    expect(fetched.user?.email).toBe(seeded.email);
  });

  it('issues access tokens with exactly the claims GoTrue puts in them', async () => {
    const { data } = await newClient().auth.signInWithPassword({
      email: seeded.email,
      password: seeded.password,
    });
    const token = data.session?.access_token ?? '';
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const { payload } = await jwtVerify(token, new TextEncoder().encode(localJwtSecret));
    expect(Object.keys(payload)).toEqual([
      'iss',
      'sub',
      'aud',
      'exp',
      'iat',
      'email',
      'phone',
      'app_metadata',
      'user_metadata',
      'role',
      'aal',
      'amr',
      'session_id',
      'is_anonymous',
    ]);
    expect(payload).toMatchObject({
      iss: `${testEnv().apiUrl}/auth/v1`,
      sub: data.user?.id,
      aud: 'authenticated',
      email: seeded.email,
      phone: '',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { full_name: seeded.fullName },
      role: 'authenticated',
      aal: 'aal1',
      amr: [{ method: 'password', timestamp: expect.any(Number) }],
      session_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      is_anonymous: false,
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(data.session?.expires_in);
    expect(payload.exp).toBe(data.session?.expires_at);
  });

  it('refuses a wrong password or an unknown email with the same GoTrue error', async () => {
    for (const [email, password] of [
      [seeded.email, 'not-the-password'],
      [uniqueEmail('nobody'), seeded.password],
    ] as const) {
      const { data, error } = await newClient().auth.signInWithPassword({ email, password });
      expect(data.session).toBeNull();
      expect(error?.name).toBe('AuthApiError');
      expect(error?.message).toBe('Invalid login credentials');
      expect(error?.status).toBe(400);
      expect(error?.code).toBe('invalid_credentials');
    }
  });

  it('answers in both of GoTrue’s error shapes, chosen by X-Supabase-Api-Version', async () => {
    const request = {
      method: 'POST',
      body: JSON.stringify({ email: seeded.email, password: 'wrong-password' }),
    };
    const legacy = await authFetch('/token?grant_type=password', request);
    expect(legacy.status).toBe(400);
    expect(await legacy.json()).toEqual({
      code: 400,
      error_code: 'invalid_credentials',
      msg: 'Invalid login credentials',
    });

    const versioned = await authFetch('/token?grant_type=password', {
      ...request,
      headers: { 'X-Supabase-Api-Version': '2024-01-01' },
    });
    expect(versioned.status).toBe(400);
    expect(versioned.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(await versioned.json()).toEqual({
      code: 'invalid_credentials',
      message: 'Invalid login credentials',
    });
  });

  it('refuses malformed and incomplete requests', async () => {
    const malformed = await authFetch('/token?grant_type=password', { method: 'POST', body: '{"email": ' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error_code: 'bad_json' });

    const noEmail = await authFetch('/token?grant_type=password', {
      method: 'POST',
      body: JSON.stringify({ password: 'x' }),
    });
    expect(noEmail.status).toBe(400);
    expect(await noEmail.json()).toEqual({
      code: 400,
      error_code: 'validation_failed',
      msg: 'missing email or phone',
    });

    const tooLarge = await authFetch('/token?grant_type=password', {
      method: 'POST',
      body: JSON.stringify({ email: seeded.email, password: 'x'.repeat(100_000) }),
    });
    expect(tooLarge.status).toBe(413);
  });
});

describe('refresh tokens', () => {
  it('rotates, returns the same child to a client that lost the answer, and detects reuse', async () => {
    const { email } = await createConfirmedUser('First-Password-1');
    const client = await signIn(email, 'First-Password-1');
    const first = (await client.auth.getSession()).data.session;
    const firstRefresh = first?.refresh_token ?? '';

    const { data: rotated, error } = await client.auth.refreshSession();
    expect(error).toBeNull();
    const child = rotated.session?.refresh_token ?? '';
    expect(child).toMatch(/^[a-z0-9]{12}$/);
    expect(child).not.toBe(firstRefresh);
    expect((await client.auth.getUser()).data.user?.email).toBe(email);
    expect(decodeJwt(rotated.session?.access_token ?? '').session_id).toBe(
      decodeJwt(first?.access_token ?? '').session_id,
    );
    // the refreshed session keeps how it was authenticated
    expect(decodeJwt(rotated.session?.access_token ?? '').amr).toEqual(
      decodeJwt(first?.access_token ?? '').amr,
    );

    // the parent of the active token is accepted once more and yields that same active token
    const again = await newClient().auth.refreshSession({ refresh_token: firstRefresh });
    expect(again.error).toBeNull();
    expect(again.data.session?.refresh_token).toBe(child);

    const { data: grandchild } = await newClient().auth.refreshSession({ refresh_token: child });
    expect(grandchild.session?.refresh_token).toMatch(/^[a-z0-9]{12}$/);

    // past the reuse interval, presenting the first token again is reuse: refused, family revoked
    await withDb((db) =>
      db.query(`update auth.refresh_tokens set updated_at = now() - interval '1 hour' where token = $1`, [
        firstRefresh,
      ]),
    );
    const reused = await newClient().auth.refreshSession({ refresh_token: firstRefresh });
    expect(reused.data.session).toBeNull();
    expect(reused.error?.status).toBe(400);
    expect(reused.error?.code).toBe('refresh_token_already_used');
    expect(reused.error?.message).toBe('Invalid Refresh Token: Already Used');
    const { rows } = await withDb((db) =>
      db.query<{ revoked: boolean }>('select revoked from auth.refresh_tokens where session_id = $1', [
        decodeJwt(first?.access_token ?? '').session_id,
      ]),
    );
    expect(rows.length).toBe(3);
    expect(rows.every((r) => r.revoked)).toBe(true);
  });

  it('refuses an unknown refresh token', async () => {
    const { data, error } = await newClient().auth.refreshSession({ refresh_token: 'unknowntoken' });
    expect(data.session).toBeNull();
    expect(error?.status).toBe(400);
    expect(error?.code).toBe('refresh_token_not_found');
    expect(error?.message).toBe('Invalid Refresh Token: Refresh Token Not Found');
  });
});

describe('the signed-in user', () => {
  it('changes their password: the old one stops working, the new one works', async () => {
    const { email } = await createConfirmedUser('Old-Password-1');
    const client = await signIn(email, 'Old-Password-1');

    // config.toml: minimum_password_length = 12, password_requirements = "lower_upper_letters_digits"
    const weak = await client.auth.updateUser({ password: '123456' });
    expect(weak.error?.status).toBe(422);
    expect(weak.error?.code).toBe('weak_password');
    expect(weak.error?.message).toBe(
      'Password should be at least 12 characters. Password should contain at least one character of each: ' +
        'abcdefghijklmnopqrstuvwxyz, ABCDEFGHIJKLMNOPQRSTUVWXYZ, 0123456789.',
    );
    expect(isAuthWeakPasswordError(weak.error) && weak.error.reasons).toEqual(['length', 'characters']);
    const noCapital = await client.auth.updateUser({ password: 'harbor-view-2026' });
    expect(isAuthWeakPasswordError(noCapital.error) && noCapital.error.reasons).toEqual(['characters']);
    const same = await client.auth.updateUser({ password: 'Old-Password-1' });
    expect(same.error?.code).toBe('same_password');

    const { data, error } = await client.auth.updateUser({
      password: 'New-Password-2',
      data: { locale: 'en-US' },
    });
    expect(error).toBeNull();
    expect(data.user?.user_metadata).toMatchObject({ locale: 'en-US' });

    const old = await newClient().auth.signInWithPassword({ email, password: 'Old-Password-1' });
    expect(old.error?.code).toBe('invalid_credentials');
    await signIn(email, 'New-Password-2');
    // the session that changed the password stays signed in
    expect((await client.auth.getUser()).error).toBeNull();
  });

  it('signs out: the access token is refused afterwards, and so is its refresh token', async () => {
    const { email } = await createConfirmedUser('Sign-Out-Password-1');
    const client = await signIn(email, 'Sign-Out-Password-1');
    const session = (await client.auth.getSession()).data.session;
    const accessToken = session?.access_token ?? '';

    expect((await client.auth.signOut()).error).toBeNull();

    const { data, error } = await newClient().auth.getUser(accessToken);
    expect(data.user).toBeNull();
    // supabase-js turns GoTrue's session_not_found into AuthSessionMissingError
    expect(error?.name).toBe('AuthSessionMissingError');
    const raw = await authFetch('/user', { headers: { authorization: `Bearer ${accessToken}` } });
    expect(raw.status).toBe(403);
    expect(await raw.json()).toMatchObject({
      error_code: 'session_not_found',
      msg: 'Session from session_id claim in JWT does not exist',
    });

    const refreshed = await newClient().auth.refreshSession({ refresh_token: session?.refresh_token ?? '' });
    expect(refreshed.error?.code).toBe('refresh_token_not_found');
  });

  it('refuses a forged or expired access token with bad_jwt', async () => {
    const response = await authFetch('/user', { headers: { authorization: 'Bearer not.a.jwt' } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error_code: 'bad_jwt' });
  });
});

describe('admin API', () => {
  it('is refused with the anon key and with a user’s token', async () => {
    const email = uniqueEmail('refused');
    const anon = await newClient().auth.admin.inviteUserByEmail(email);
    expect(anon.data.user).toBeNull();
    expect(anon.error?.status).toBe(403);
    expect(anon.error?.code).toBe('not_admin');
    expect(anon.error?.message).toBe('User not allowed');

    const client = await signIn(seeded.email, seeded.password);
    const token = (await client.auth.getSession()).data.session?.access_token ?? '';
    const asUser = await authFetch('/invite', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ email }),
    });
    expect(asUser.status).toBe(403);
    expect(await asUser.json()).toMatchObject({ error_code: 'not_admin' });
  });

  it('refuses banned users', async () => {
    const { id, email } = await createConfirmedUser('Banned-Password-1');
    const client = await signIn(email, 'Banned-Password-1');
    // banned as GoTrue's admin API would (this project has no ban endpoint of its own)
    await withDb((db) =>
      db.query(`update auth.users set banned_until = now() + interval '24 hours' where id = $1`, [id]),
    );

    const signInAttempt = await newClient().auth.signInWithPassword({ email, password: 'Banned-Password-1' });
    expect(signInAttempt.error?.code).toBe('user_banned');
    expect((await client.auth.getUser()).error?.code).toBe('user_banned');
    expect((await client.auth.refreshSession()).error?.code).toBe('user_banned');
  });
});

describe('invitations', () => {
  it('emails an invite whose link signs the new user in through the URL fragment, once', async () => {
    const email = uniqueEmail('invitee');
    const redirectTo = 'http://localhost:6173/accept-invite';
    const { data, error } = await serviceClient().auth.admin.inviteUserByEmail(email, {
      redirectTo,
      data: { full_name: 'Invited Clinician' },
    });
    expect(error).toBeNull();
    remember(data.user?.id);
    expect(data.user).toMatchObject({
      email,
      invited_at: expect.any(String),
      confirmation_sent_at: expect.any(String),
      user_metadata: { full_name: 'Invited Clinician' },
    });
    expect(data.user?.email_confirmed_at).toBeUndefined();

    const message = await inviteMessage(email);
    expect(message.subject).toBe('You have been invited to Client Referral Program');
    // an account link only: nothing from the invite's data in the email
    expect(`${message.text}${message.html}`).not.toContain('Invited Clinician');
    const link = /https?:\/\/\S+\/verify\?\S+/.exec(message.text)?.[0] ?? '';
    expect(link.startsWith(`${testEnv().apiUrl}/auth/v1/verify?`)).toBe(true);
    expect(new URL(link).searchParams.get('type')).toBe('invite');

    // the browser follows the link without an API key
    const followed = await fetch(link, { redirect: 'manual' });
    expect(followed.status).toBe(303);
    const location = followed.headers.get('location') ?? '';
    expect(location.split('#')[0]).toBe(redirectTo);
    const fragment = fragmentOf(location);
    expect(fragment.get('type')).toBe('invite');
    expect(fragment.get('token_type')).toBe('bearer');
    expect(Number(fragment.get('expires_in'))).toBeGreaterThan(0);
    expect(Number(fragment.get('expires_at'))).toBe(decodeJwt(fragment.get('access_token') ?? '').exp);
    expect(decodeJwt(fragment.get('access_token') ?? '').amr).toEqual([
      { method: 'otp', timestamp: expect.any(Number) },
    ]);

    // what detectSessionInUrl does with the fragment: the tokens make a working session
    const client = newClient();
    const { data: session, error: sessionError } = await client.auth.setSession({
      access_token: fragment.get('access_token') ?? '',
      refresh_token: fragment.get('refresh_token') ?? '',
    });
    expect(sessionError).toBeNull();
    expect(session.user?.email).toBe(email);
    expect(session.user?.email_confirmed_at).toEqual(expect.any(String));
    // the invited user now chooses a password and can sign in with it
    expect((await client.auth.updateUser({ password: 'Chosen-Password-1' })).error).toBeNull();
    await signIn(email, 'Chosen-Password-1');

    const second = await fetch(link, { redirect: 'manual' });
    expect(second.status).toBe(303);
    const failure = fragmentOf(second.headers.get('location') ?? '');
    expect(Object.fromEntries(failure)).toEqual({
      error: 'access_denied',
      error_code: 'otp_expired',
      error_description: 'Email link is invalid or has expired',
      sb: '',
    });

    const reinvite = await serviceClient().auth.admin.inviteUserByEmail(email);
    expect(reinvite.error?.status).toBe(422);
    expect(reinvite.error?.code).toBe('email_exists');
  });

  it('puts 256 random bits in the link and stores only their hash; a new invitation voids the old link', async () => {
    const email = uniqueEmail('token');
    const first = await serviceClient().auth.admin.inviteUserByEmail(email);
    expect(first.error).toBeNull();
    const id = first.data.user?.id ?? '';
    remember(id);
    const firstLink = /https?:\/\/\S+\/verify\?\S+/.exec((await inviteMessage(email)).text)?.[0] ?? '';
    const token = new URL(firstLink).searchParams.get('token') ?? '';
    // 64 hex digits from crypto.randomBytes(32), not a hash of the email and a 6-digit code
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const stored = await withDb(
      async (db) =>
        (
          await db.query<{ confirmation_token: string }>(
            'select confirmation_token from auth.users where id = $1',
            [id],
          )
        ).rows[0]?.confirmation_token,
    );
    expect(stored).toBe(createHash('sha256').update(token).digest('hex'));

    expect((await serviceClient().auth.admin.inviteUserByEmail(email)).error).toBeNull();
    const secondLink =
      /https?:\/\/\S+\/verify\?\S+/.exec((await inviteMessages(email, 2))[0]?.text ?? '')?.[0] ?? '';
    const secondToken = new URL(secondLink).searchParams.get('token') ?? '';
    expect(secondToken).toMatch(/^[0-9a-f]{64}$/);
    expect(secondToken).not.toBe(token);
    const stale = await fetch(firstLink, { redirect: 'manual' });
    expect(fragmentOf(stale.headers.get('location') ?? '').get('error_code')).toBe('otp_expired');
    const fresh = await fetch(secondLink, { redirect: 'manual' });
    expect(fragmentOf(fresh.headers.get('location') ?? '').get('access_token')).toBeTruthy();
  });

  it('expires the link after config.toml’s [auth.email] otp_expiry', async () => {
    const { emailLinkExpirySeconds } = loadAuthConfig(path.join(projectRoot, 'supabase', 'config.toml'));
    const email = uniqueEmail('expired');
    const { data, error } = await serviceClient().auth.admin.inviteUserByEmail(email);
    expect(error).toBeNull();
    remember(data.user?.id);
    const link = /https?:\/\/\S+\/verify\?\S+/.exec((await inviteMessage(email)).text)?.[0] ?? '';
    await withDb((db) =>
      db.query(
        `update auth.users set confirmation_sent_at = now() - make_interval(secs => $2) where id = $1`,
        [data.user?.id, emailLinkExpirySeconds + 60],
      ),
    );
    const followed = await fetch(link, { redirect: 'manual' });
    expect(Object.fromEntries(fragmentOf(followed.headers.get('location') ?? ''))).toMatchObject({
      error_code: 'otp_expired',
      error_description: 'Email link is invalid or has expired',
    });
  });

  it('never links to a foreign site: an unknown redirect_to falls back to the app', async () => {
    const email = uniqueEmail('redirect');
    const { data, error } = await serviceClient().auth.admin.inviteUserByEmail(email, {
      redirectTo: 'https://phish.example/steal',
    });
    expect(error).toBeNull();
    remember(data.user?.id);
    const link = /https?:\/\/\S+\/verify\?\S+/.exec((await inviteMessage(email)).text)?.[0] ?? '';
    const redirectTo = new URL(new URL(link).searchParams.get('redirect_to') ?? '');
    expect(redirectTo.hostname).toBe('localhost');
    const location = (await fetch(link, { redirect: 'manual' })).headers.get('location') ?? '';
    expect(new URL(location).hostname).toBe('localhost');
  });

  it('answers a link without a token in JSON, as GoTrue does', async () => {
    const response = await fetch(`${testEnv().apiUrl}/auth/v1/verify?type=invite`, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error_code: 'validation_failed' });
  });

  it('answers malformed links without a 5xx: NUL bytes, lone surrogates, unknown types, odd redirects', async () => {
    const queries = [
      'token=%00&type=invite',
      'token=abc&type=%00',
      'token=%ED%A0%80&type=invite',
      'token=abc&type=invite&redirect_to=%00',
      'token=abc&type=invite&redirect_to=javascript:alert(1)',
      `token=${'a'.repeat(5000)}&type=recovery`,
    ];
    for (const query of queries) {
      const response = await fetch(`${testEnv().apiUrl}/auth/v1/verify?${query}`, { redirect: 'manual' });
      expect(response.status, query).toBeLessThan(500);
    }
  });

  it('is refused with the anon key', async () => {
    const { error } = await newClient().auth.admin.inviteUserByEmail(uniqueEmail('not-invited'));
    expect(error?.code).toBe('not_admin');
  });
});

describe('service endpoints', () => {
  it('serves health and settings, and answers unknown routes and methods in JSON', async () => {
    expect((await (await authFetch('/health')).json()) as unknown).toMatchObject({ name: 'GoTrue' });
    expect((await (await authFetch('/settings')).json()) as unknown).toMatchObject({
      external: { email: true, phone: false },
      disable_signup: true,
    });

    const missing = await authFetch('/no-such-endpoint');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 404, error_code: 'not_found' });

    const wrongMethod = await authFetch('/token', { method: 'GET' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });
});
