/**
 * Supabase Auth (GoTrue) at the network edge: the endpoints supabase-js calls, answering with the
 * shapes GoTrue returns (API version 2024-01-01 errors: `{ code, message }`).
 */
import { http, HttpResponse } from 'msw';
import { db, type AuthUser } from './data';
import { testSupabaseUrl } from './env';

const auth = `${testSupabaseUrl}/auth/v1`;
const apiVersionHeader = { 'X-Supabase-Api-Version': '2024-01-01' };

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** What the tests can inspect: every password change the backend accepted. */
export const authLog = { passwordUpdates: [] as { userId: string; password: string }[], signOuts: 0 };

export function resetAuthLog(): void {
  authLog.passwordUpdates = [];
  authLog.signOuts = 0;
}

/** An access token shaped like GoTrue's (the signature is not checked by supabase-js). */
export function accessTokenFor(user: AuthUser, expiresInSeconds = 3600): string {
  const now = Math.floor(Date.now() / 1000);
  return [
    base64url({ alg: 'HS256', typ: 'JWT' }),
    base64url({
      iss: `${auth}`,
      sub: user.id,
      aud: 'authenticated',
      exp: now + expiresInSeconds,
      iat: now,
      email: user.email,
      phone: '',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: {},
      role: 'authenticated',
      aal: 'aal1',
      amr: [{ method: 'password', timestamp: now }],
      session_id: crypto.randomUUID(),
      is_anonymous: false,
    }),
    'test-signature',
  ].join('.');
}

/** The user id in a bearer token, or null when there is none or it is not ours. */
export function userIdFromBearer(request: Request): string | null {
  const token = request.headers.get('Authorization')?.replace(/^Bearer /, '');
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
      sub?: string;
      role?: string;
    };
    return claims.role === 'authenticated' && typeof claims.sub === 'string' ? claims.sub : null;
  } catch {
    return null;
  }
}

export function gotrueUser(user: AuthUser) {
  return {
    id: user.id,
    aud: 'authenticated',
    role: 'authenticated',
    email: user.email,
    email_confirmed_at: '2026-01-05T15:00:00Z',
    phone: '',
    confirmed_at: '2026-01-05T15:00:00Z',
    last_sign_in_at: new Date().toISOString(),
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: {},
    identities: [],
    created_at: '2026-01-05T15:00:00Z',
    updated_at: new Date().toISOString(),
    is_anonymous: false,
  };
}

export function sessionFor(user: AuthUser) {
  const expiresIn = 3600;
  return {
    access_token: accessTokenFor(user, expiresIn),
    token_type: 'bearer',
    expires_in: expiresIn,
    expires_at: Math.floor(Date.now() / 1000) + expiresIn,
    refresh_token: `refresh-${user.id}-${crypto.randomUUID()}`,
    user: gotrueUser(user),
  };
}

const gotrueError = (status: number, code: string, message: string) =>
  HttpResponse.json({ code, message }, { status, headers: apiVersionHeader });

export const authHandlers = [
  http.post(`${auth}/token`, async ({ request }) => {
    const grantType = new URL(request.url).searchParams.get('grant_type');
    const body = (await request.json()) as Record<string, unknown>;
    if (grantType === 'password') {
      const user = db.users.find((u) => u.email === String(body.email ?? '').toLowerCase());
      if (!user || user.password !== body.password) {
        return gotrueError(400, 'invalid_credentials', 'Invalid login credentials');
      }
      return HttpResponse.json(sessionFor(user), { headers: apiVersionHeader });
    }
    if (grantType === 'refresh_token') {
      const token = String(body.refresh_token ?? '');
      const user = db.users.find((u) => token.startsWith(`refresh-${u.id}-`));
      if (!user)
        return gotrueError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
      return HttpResponse.json(sessionFor(user), { headers: apiVersionHeader });
    }
    return gotrueError(400, 'validation_failed', `unsupported_grant_type`);
  }),

  http.post(`${auth}/logout`, () => {
    authLog.signOuts += 1;
    return new HttpResponse(null, { status: 204, headers: apiVersionHeader });
  }),

  http.get(`${auth}/user`, ({ request }) => {
    const user = db.users.find((u) => u.id === userIdFromBearer(request));
    if (!user) return gotrueError(403, 'bad_jwt', 'invalid JWT: unable to parse or verify signature');
    return HttpResponse.json(gotrueUser(user), { headers: apiVersionHeader });
  }),

  http.put(`${auth}/user`, async ({ request }) => {
    const user = db.users.find((u) => u.id === userIdFromBearer(request));
    if (!user) return gotrueError(403, 'bad_jwt', 'invalid JWT: unable to parse or verify signature');
    const body = (await request.json()) as { password?: unknown };
    if (typeof body.password === 'string') {
      // config.toml's policy, refused as GoTrue refuses it
      if (body.password.length < 12) {
        return HttpResponse.json(
          {
            code: 'weak_password',
            message: 'Password should be at least 12 characters.',
            weak_password: { reasons: ['length'] },
          },
          { status: 422, headers: apiVersionHeader },
        );
      }
      if (body.password === user.password) {
        return gotrueError(422, 'same_password', 'New password should be different from the old password.');
      }
      user.password = body.password;
      authLog.passwordUpdates.push({ userId: user.id, password: body.password });
    }
    return HttpResponse.json(gotrueUser(user), { headers: apiVersionHeader });
  }),
];
