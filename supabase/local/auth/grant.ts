/** Turning a session into GoTrue's AccessTokenResponse (the body of /token and the hash of /verify). */
import type { AuthSettings } from './context.ts';
import type { Queryable, Tx } from './db.ts';
import { createSession, findSession, sessionAmr } from './sessions.ts';
import { signAccessToken } from './tokens.ts';
import { findUserById, listIdentities, setLastSignIn, userJson, type UserRow } from './users.ts';

export interface AccessTokenResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: Record<string, unknown>;
}

export async function accessTokenResponse(
  settings: AuthSettings,
  q: Queryable,
  userId: string,
  sessionId: string,
  refreshToken: string,
): Promise<AccessTokenResponse> {
  const user = await findUserById(q, userId);
  const session = await findSession(q, sessionId);
  if (!user || !session) throw new Error('the session or its user vanished while issuing a token');
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + settings.jwtExpirySeconds;
  const accessToken = await signAccessToken(
    {
      iss: settings.externalUrl,
      sub: user.id,
      aud: user.aud ?? 'authenticated',
      exp,
      iat,
      email: user.email ?? '',
      phone: user.phone ?? '',
      app_metadata: user.raw_app_meta_data ?? {},
      user_metadata: user.raw_user_meta_data ?? {},
      role: user.role ?? 'authenticated',
      aal: session.aal ?? 'aal1',
      amr: await sessionAmr(q, sessionId),
      session_id: sessionId,
      is_anonymous: user.is_anonymous,
    },
    settings.jwtSecret,
  );
  return {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: settings.jwtExpirySeconds,
    expires_at: exp,
    refresh_token: refreshToken,
    user: userJson(user, await listIdentities(q, userId)),
  };
}

/** Signs the user in: a new session (amr `method`), last_sign_in_at, and the token response. */
export async function signIn(
  settings: AuthSettings,
  tx: Tx,
  user: UserRow,
  method: string,
): Promise<AccessTokenResponse> {
  await setLastSignIn(tx, user.id);
  const { sessionId, refreshToken } = await createSession(tx, user.id, method);
  return accessTokenResponse(settings, tx, user.id, sessionId, refreshToken);
}
