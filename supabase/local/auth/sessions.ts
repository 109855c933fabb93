/** SQL on auth.sessions, auth.refresh_tokens and auth.mfa_amr_claims. */
import { randomUUID } from 'node:crypto';
import type { Queryable, Tx } from './db.ts';
import { newRefreshToken, type AmrEntry } from './tokens.ts';

export interface SessionRow {
  id: string;
  user_id: string;
  not_after: Date | null;
  aal: string | null;
}

export interface RefreshTokenRow {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  updated_at: Date;
  parent: string | null;
  session_id: string | null;
}

/** A new session for the user, how they authenticated, and its first refresh token. */
export async function createSession(
  tx: Tx,
  userId: string,
  method: string,
): Promise<{ sessionId: string; refreshToken: string }> {
  const sessionId = randomUUID();
  await tx.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal) values ($1, $2, now(), now(), 'aal1')`,
    [sessionId, userId],
  );
  await tx.query(
    `insert into auth.mfa_amr_claims (id, session_id, created_at, updated_at, authentication_method)
     values ($1, $2, now(), now(), $3)`,
    [randomUUID(), sessionId, method],
  );
  const refreshToken = await insertRefreshToken(tx, userId, sessionId, null);
  return { sessionId, refreshToken };
}

async function insertRefreshToken(
  tx: Tx,
  userId: string,
  sessionId: string,
  parent: string | null,
): Promise<string> {
  const token = newRefreshToken();
  await tx.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
    [token, userId, parent, sessionId],
  );
  return token;
}

export async function findSession(
  q: Queryable,
  sessionId: string,
  { forUpdate = false } = {},
): Promise<SessionRow | null> {
  const { rows } = await q.query<SessionRow>(
    `select id, user_id, not_after, aal from auth.sessions where id = $1 ${forUpdate ? 'for update' : ''}`,
    [sessionId],
  );
  return rows[0] ?? null;
}

export async function findRefreshToken(tx: Tx, token: string): Promise<RefreshTokenRow | null> {
  const { rows } = await tx.query<RefreshTokenRow>(
    `select id::text, token, user_id, revoked, updated_at, parent, session_id
     from auth.refresh_tokens where token = $1 for update`,
    [token],
  );
  return rows[0] ?? null;
}

/** The session's newest unrevoked refresh token (GoTrue's FindCurrentlyActiveRefreshToken). */
export async function activeRefreshToken(tx: Tx, sessionId: string): Promise<RefreshTokenRow | null> {
  const { rows } = await tx.query<RefreshTokenRow>(
    `select id::text, token, user_id, revoked, updated_at, parent, session_id
     from auth.refresh_tokens where session_id = $1 and not revoked order by id desc limit 1`,
    [sessionId],
  );
  return rows[0] ?? null;
}

/** Rotation: the presented token is revoked and a child (`parent` = it) replaces it. */
export async function swapRefreshToken(tx: Tx, old: RefreshTokenRow, sessionId: string): Promise<string> {
  await tx.query(
    'update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1 and not revoked',
    [old.id],
  );
  await tx.query('update auth.sessions set updated_at = now() where id = $1', [sessionId]);
  return insertRefreshToken(tx, old.user_id, sessionId, old.token);
}

/** Reuse of an old token looks like theft: every token of the session is revoked (GoTrue's RevokeTokenFamily). */
export async function revokeTokenFamily(tx: Tx, sessionId: string): Promise<void> {
  await tx.query(
    'update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1 and not revoked',
    [sessionId],
  );
}

export async function deleteRefreshToken(tx: Tx, id: string): Promise<void> {
  await tx.query('delete from auth.refresh_tokens where id = $1', [id]);
}

/** The `amr` claim: how the session was authenticated, newest first. */
export async function sessionAmr(q: Queryable, sessionId: string): Promise<AmrEntry[]> {
  const { rows } = await q.query<{ method: string; timestamp: string }>(
    `select authentication_method as method, floor(extract(epoch from updated_at))::bigint::text as timestamp
     from auth.mfa_amr_claims where session_id = $1 order by updated_at desc`,
    [sessionId],
  );
  return rows.map((r) => ({ method: r.method, timestamp: Number(r.timestamp) }));
}

export type LogoutScope = 'global' | 'local' | 'others';

/** Deleting a session deletes its refresh tokens and amr claims (foreign keys cascade). */
export async function logout(
  tx: Tx,
  userId: string,
  scope: LogoutScope,
  sessionId: string | null,
): Promise<void> {
  if (scope === 'local' && sessionId) {
    await tx.query('delete from auth.sessions where id = $1', [sessionId]);
  } else if (scope === 'others' && sessionId) {
    await tx.query('delete from auth.sessions where user_id = $1 and id <> $2', [userId, sessionId]);
  } else {
    await tx.query('delete from auth.sessions where user_id = $1', [userId]);
    // tokens from before sessions existed carry no session_id; GoTrue removes those too
    await tx.query('delete from auth.refresh_tokens where user_id = $1', [userId]);
  }
}
