/**
 * Supabase Auth (GoTrue) at the network edge: the endpoints supabase-js calls, answering with the
 * shapes GoTrue returns (API version 2024-01-01 errors: `{ code, message }`). Every account of
 * people.ts signs in with the demo password; a test that needs another answer serves it with `server.use`.
 */
import { http, HttpResponse } from 'msw';
import { testSupabaseUrl } from './env';
import { accounts, demoPassword } from './people';

export const authUrl = (path: string) => `${testSupabaseUrl}/auth/v1/${path}`;
const apiVersionHeader = { 'X-Supabase-Api-Version': '2024-01-01' };

type Account = (typeof accounts)[number];

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An access token shaped like GoTrue's (supabase-js does not check the signature). */
function accessTokenFor(account: Account, expiresInSeconds: number): string {
  const now = Math.floor(Date.now() / 1000);
  return [
    base64url({ alg: 'HS256', typ: 'JWT' }),
    base64url({
      iss: authUrl(''),
      sub: account.userId,
      aud: 'authenticated',
      exp: now + expiresInSeconds,
      iat: now,
      email: account.email,
      role: 'authenticated',
      session_id: crypto.randomUUID(),
    }),
    'test-signature',
  ].join('.');
}

function accountOfBearer(request: Request): Account | undefined {
  const payload = request.headers.get('Authorization')?.split('.')[1];
  if (!payload) return undefined;
  const { sub } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub?: string };
  return accounts.find((a) => a.userId === sub);
}

function gotrueUser(account: Account) {
  return {
    id: account.userId,
    aud: 'authenticated',
    role: 'authenticated',
    email: account.email,
    email_confirmed_at: '2026-01-05T15:00:00Z',
    phone: '',
    confirmed_at: '2026-01-05T15:00:00Z',
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: {},
    identities: [],
    created_at: '2026-01-05T15:00:00Z',
    updated_at: '2026-01-05T15:00:00Z',
    is_anonymous: false,
  };
}

function session(account: Account) {
  const expiresIn = 3600;
  return HttpResponse.json(
    {
      access_token: accessTokenFor(account, expiresIn),
      token_type: 'bearer',
      expires_in: expiresIn,
      expires_at: Math.floor(Date.now() / 1000) + expiresIn,
      refresh_token: `refresh-${account.userId}-${crypto.randomUUID()}`,
      user: gotrueUser(account),
    },
    { headers: apiVersionHeader },
  );
}

/** GoTrue's error body. */
export const gotrueError = (status: number, code: string, message: string) =>
  HttpResponse.json({ code, message }, { status, headers: apiVersionHeader });

const badJwt = () => gotrueError(403, 'bad_jwt', 'invalid JWT: unable to parse or verify signature');

export const authHandlers = [
  http.post(authUrl('token'), async ({ request }) => {
    const grantType = new URL(request.url).searchParams.get('grant_type');
    const body = (await request.json()) as { email?: string; password?: string; refresh_token?: string };
    if (grantType === 'password') {
      const account = accounts.find((a) => a.email === body.email?.toLowerCase());
      if (!account || body.password !== demoPassword)
        return gotrueError(400, 'invalid_credentials', 'Invalid login credentials');
      return session(account);
    }
    const account = accounts.find((a) => body.refresh_token?.startsWith(`refresh-${a.userId}-`));
    if (!account)
      return gotrueError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    return session(account);
  }),

  http.post(authUrl('logout'), () => new HttpResponse(null, { status: 204, headers: apiVersionHeader })),

  http.get(authUrl('user'), ({ request }) => {
    const account = accountOfBearer(request);
    return account ? HttpResponse.json(gotrueUser(account), { headers: apiVersionHeader }) : badJwt();
  }),

  http.put(authUrl('user'), ({ request }) => {
    const account = accountOfBearer(request);
    return account ? HttpResponse.json(gotrueUser(account), { headers: apiVersionHeader }) : badJwt();
  }),
];
