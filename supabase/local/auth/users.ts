/** SQL on auth.users / auth.identities, and the user JSON GoTrue returns (models.User). */
import { randomUUID } from 'node:crypto';
import type { Queryable, Tx } from './db.ts';

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  invited_at: Date | null;
  confirmation_token: string | null;
  confirmation_sent_at: Date | null;
  recovery_token: string | null;
  recovery_sent_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date | null;
  updated_at: Date | null;
  phone: string | null;
  phone_confirmed_at: Date | null;
  banned_until: Date | null;
  deleted_at: Date | null;
  is_anonymous: boolean;
}

interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  last_sign_in_at: Date | null;
  created_at: Date | null;
  updated_at: Date | null;
  email: string | null;
}

/** Every account this service manages belongs to the one GoTrue instance and audience. */
const instanceId = '00000000-0000-0000-0000-000000000000';
export const audience = 'authenticated';

const userColumns = `id, aud, role, email, encrypted_password, email_confirmed_at, invited_at, confirmation_token,
  confirmation_sent_at, recovery_token, recovery_sent_at, last_sign_in_at, raw_app_meta_data, raw_user_meta_data,
  created_at, updated_at, phone, phone_confirmed_at, banned_until, deleted_at, is_anonymous`;

async function one(q: Queryable, sql: string, params: unknown[]): Promise<UserRow | null> {
  const { rows } = await q.query<UserRow>(sql, params);
  return rows[0] ?? null;
}

export const findUserByEmail = (q: Queryable, email: string) =>
  one(
    q,
    `select ${userColumns} from auth.users
     where lower(email) = lower($1) and aud = $2 and not is_sso_user and deleted_at is null`,
    [email, audience],
  );

export const findUserById = (q: Queryable, id: string, { forUpdate = false } = {}) =>
  one(q, `select ${userColumns} from auth.users where id = $1 ${forUpdate ? 'for update' : ''}`, [id]);

export const findUserByEmailToken = (
  tx: Tx,
  column: 'confirmation_token' | 'recovery_token',
  tokenHash: string,
) =>
  one(tx, `select ${userColumns} from auth.users where ${column} = $1 and deleted_at is null for update`, [
    tokenHash,
  ]);

export const isBanned = (user: UserRow) =>
  user.banned_until !== null && user.banned_until.getTime() > Date.now();

export interface NewUser {
  email: string;
  encryptedPassword: string;
  userMetadata: Record<string, unknown>;
  appMetadata: Record<string, unknown>;
  emailConfirmed: boolean;
}

/** A user with an `email` identity, as GoTrue's admin create and invite make them. */
export async function insertUser(tx: Tx, u: NewUser): Promise<UserRow> {
  const id = randomUUID();
  const appMetadata = { provider: 'email', ...u.appMetadata, providers: ['email'] };
  const userMetadata = u.emailConfirmed ? { ...u.userMetadata, email_verified: true } : u.userMetadata;
  const { rows } = await tx.query<UserRow>(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
       raw_app_meta_data, raw_user_meta_data, is_super_admin, created_at, updated_at, is_anonymous)
     values ($1, $2, $3, $3, $4, $5, case when $6 then now() end, $7, $8, false, now(), now(), false)
     returning ${userColumns}`,
    [instanceId, id, audience, u.email, u.encryptedPassword, u.emailConfirmed, appMetadata, userMetadata],
  );
  await tx.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
     values ($1, $2, $3, 'email', now(), now())`,
    [id, id, { sub: id, email: u.email, email_verified: u.emailConfirmed, phone_verified: false }],
  );
  return rows[0] as UserRow;
}

export async function listIdentities(q: Queryable, userId: string): Promise<IdentityRow[]> {
  const { rows } = await q.query<IdentityRow>(
    `select id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at, email
     from auth.identities where user_id = $1 order by created_at`,
    [userId],
  );
  return rows;
}

export async function setPassword(tx: Tx, userId: string, encryptedPassword: string): Promise<void> {
  await tx.query('update auth.users set encrypted_password = $2, updated_at = now() where id = $1', [
    userId,
    encryptedPassword,
  ]);
}

export async function setLastSignIn(tx: Tx, userId: string): Promise<void> {
  await tx.query('update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1', [userId]);
}

/**
 * GoTrue's UpdateUserMetaData / UpdateAppMetaData: keys in the patch are set, and a key given as
 * null is removed.
 */
export async function mergeMetadata(
  tx: Tx,
  userId: string,
  column: 'raw_user_meta_data' | 'raw_app_meta_data',
  patch: Record<string, unknown>,
): Promise<void> {
  await tx.query(
    `with removed as (
       select coalesce(array_agg(key), '{}') as keys from jsonb_each($2::jsonb) where jsonb_typeof(value) = 'null'
     )
     update auth.users
     set ${column} = (coalesce(${column}, '{}'::jsonb) - removed.keys) || ($2::jsonb - removed.keys), updated_at = now()
     from removed where id = $1`,
    [userId, patch],
  );
}

/** An invitation or recovery link was sent: store its token's hash (tokens.ts) for `GET /verify`. */
export async function setEmailToken(
  tx: Tx,
  userId: string,
  kind: 'invite' | 'recovery',
  tokenHash: string,
): Promise<void> {
  const sql =
    kind === 'invite'
      ? `update auth.users set confirmation_token = $2, confirmation_sent_at = now(), invited_at = coalesce(invited_at, now()),
           updated_at = now() where id = $1`
      : 'update auth.users set recovery_token = $2, recovery_sent_at = now(), updated_at = now() where id = $1';
  await tx.query(sql, [userId, tokenHash]);
}

/** GoTrue's user.Confirm: the email is verified, the pending confirmation token is spent. */
export async function confirmEmail(tx: Tx, userId: string): Promise<void> {
  await tx.query(
    `update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()), confirmation_token = '',
       raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || '{"email_verified": true}', updated_at = now()
     where id = $1`,
    [userId],
  );
  await tx.query(
    `update auth.identities set identity_data = identity_data || '{"email_verified": true}', updated_at = now()
     where user_id = $1 and provider = 'email'`,
    [userId],
  );
}

export async function clearRecoveryToken(tx: Tx, userId: string): Promise<void> {
  await tx.query(`update auth.users set recovery_token = '', updated_at = now() where id = $1`, [userId]);
}

const iso = (d: Date | null) => (d === null ? undefined : d.toISOString());

/** `least()` of the two confirmations, as GoTrue's generated `confirmed_at` column. */
function confirmedAt(u: UserRow): Date | null {
  const times = [u.email_confirmed_at, u.phone_confirmed_at].filter((d): d is Date => d !== null);
  return times.length === 0 ? null : new Date(Math.min(...times.map((d) => d.getTime())));
}

/** The user as GoTrue serialises models.User: same keys, same order, optional times left out when unset. */
export function userJson(u: UserRow, identities: IdentityRow[]): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify({
      id: u.id,
      aud: u.aud ?? '',
      role: u.role ?? '',
      email: u.email ?? '',
      email_confirmed_at: iso(u.email_confirmed_at),
      invited_at: iso(u.invited_at),
      phone: u.phone ?? '',
      phone_confirmed_at: iso(u.phone_confirmed_at),
      confirmation_sent_at: iso(u.confirmation_sent_at),
      confirmed_at: iso(confirmedAt(u)),
      recovery_sent_at: iso(u.recovery_sent_at),
      last_sign_in_at: iso(u.last_sign_in_at),
      app_metadata: u.raw_app_meta_data ?? {},
      user_metadata: u.raw_user_meta_data ?? {},
      identities: identities.map((i) => ({
        identity_id: i.id,
        id: i.provider_id,
        user_id: i.user_id,
        identity_data: i.identity_data,
        provider: i.provider,
        last_sign_in_at: iso(i.last_sign_in_at),
        created_at: iso(i.created_at),
        updated_at: iso(i.updated_at),
        email: i.email ?? undefined,
      })),
      created_at: iso(u.created_at),
      updated_at: iso(u.updated_at),
      banned_until: iso(u.banned_until),
      deleted_at: iso(u.deleted_at),
      is_anonymous: u.is_anonymous,
    }),
  ) as Record<string, unknown>;
}

/** The user and identities, reloaded: what every endpoint returning a user sends. */
export async function loadUserJson(q: Queryable, userId: string): Promise<Record<string, unknown>> {
  const user = await findUserById(q, userId);
  if (!user) throw new Error(`user ${userId} vanished`);
  return userJson(user, await listIdentities(q, userId));
}
