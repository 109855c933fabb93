/** /admin/users (service role only): create, read, update and delete accounts. */
import { z } from 'zod';
import { optionalObject, optionalString, parseBody, validateEmail } from '../body.ts';
import { json, type AuthContext, type AuthRequest, type Handler } from '../context.ts';
import { inTransaction, isUniqueViolation } from '../db.ts';
import { AuthHttpError, badRequest, notFound, unprocessable } from '../errors.ts';
import { isUuid, requireAdmin } from '../guards.ts';
import { checkPasswordStrength } from '../password-policy.ts';
import { hashPassword, randomPassword } from '../passwords.ts';
import { logout } from '../sessions.ts';
import {
  confirmEmail,
  deleteUser as hardDeleteUser,
  findUserByEmail,
  findUserById,
  insertUser,
  loadUserJson,
  mergeMetadata,
  setBannedUntil,
  setPassword,
  softDeleteUser,
  type UserRow,
} from '../users.ts';

export const emailExists = () =>
  unprocessable('email_exists', 'A user with this email address has already been registered');

const createUserBody = z.object({
  email: optionalString,
  phone: optionalString,
  password: optionalString,
  email_confirm: z.boolean().nullish(),
  user_metadata: optionalObject,
  app_metadata: optionalObject,
  ban_duration: optionalString,
});

export const createUser: Handler = async (ctx, req) => {
  await requireAdmin(ctx, req);
  const body = parseBody(createUserBody, await req.json());
  if (!body.email) {
    if (body.phone)
      throw unprocessable(
        'phone_provider_disabled',
        'Phone users are not supported by the local auth service',
      );
    throw badRequest('validation_failed', 'Cannot create a user without either an email or phone');
  }
  const email = validateEmail(body.email);
  if (body.password) checkPasswordStrength(body.password, ctx.settings.passwordPolicy);
  const bannedUntil = body.ban_duration ? banEnd(body.ban_duration) : null;
  const encryptedPassword = await hashPassword(body.password || randomPassword());
  try {
    return json(
      await inTransaction(ctx.pool, async (tx) => {
        if (await findUserByEmail(tx, email)) throw emailExists();
        const user = await insertUser(tx, {
          email,
          encryptedPassword,
          userMetadata: body.user_metadata ?? {},
          appMetadata: body.app_metadata ?? {},
          emailConfirmed: body.email_confirm === true,
        });
        if (bannedUntil) await setBannedUntil(tx, user.id, bannedUntil);
        return loadUserJson(tx, user.id);
      }),
    );
  } catch (error) {
    throw isUniqueViolation(error) ? emailExists() : error;
  }
};

async function loadUser(ctx: AuthContext, req: AuthRequest): Promise<UserRow> {
  const id = req.params[0] ?? '';
  if (!isUuid(id)) throw notFound('validation_failed', 'user_id must be an UUID');
  const user = await findUserById(ctx.pool, id);
  if (!user) throw notFound('user_not_found', 'User not found');
  return user;
}

export const getUserById: Handler = async (ctx, req) => {
  await requireAdmin(ctx, req);
  const user = await loadUser(ctx, req);
  return json(await loadUserJson(ctx.pool, user.id));
};

const updateUserBody = z.object({
  email: optionalString,
  password: optionalString,
  email_confirm: z.boolean().nullish(),
  user_metadata: optionalObject,
  app_metadata: optionalObject,
  ban_duration: optionalString,
});

export const updateUserById: Handler = async (ctx, req) => {
  await requireAdmin(ctx, req);
  const user = await loadUser(ctx, req);
  const body = parseBody(updateUserBody, await req.json());
  if (body.email && body.email.toLowerCase() !== (user.email ?? '').toLowerCase()) {
    throw unprocessable(
      'validation_failed',
      'Changing the email address is not supported by the local auth service',
    );
  }
  if (body.password) checkPasswordStrength(body.password, ctx.settings.passwordPolicy);
  const newHash = body.password ? await hashPassword(body.password) : null;
  const ban = body.ban_duration
    ? { until: body.ban_duration === 'none' ? null : banEnd(body.ban_duration) }
    : null;
  return json(
    await inTransaction(ctx.pool, async (tx) => {
      if (newHash) {
        await setPassword(tx, user.id, newHash);
        await logout(tx, user.id, 'global', null);
      }
      if (body.email_confirm === true) await confirmEmail(tx, user.id);
      if (body.user_metadata) await mergeMetadata(tx, user.id, 'raw_user_meta_data', body.user_metadata);
      if (body.app_metadata) await mergeMetadata(tx, user.id, 'raw_app_meta_data', body.app_metadata);
      if (ban) await setBannedUntil(tx, user.id, ban.until);
      return loadUserJson(tx, user.id);
    }),
  );
};

const deleteUserBody = z.object({ should_soft_delete: z.boolean().nullish() }).nullish();

export const deleteUserById: Handler = async (ctx, req) => {
  await requireAdmin(ctx, req);
  const user = await loadUser(ctx, req);
  // supabase-js sends `{ should_soft_delete }`; a client sending no body gets the hard delete
  const raw = await req.json().catch((error: unknown) => {
    if (error instanceof AuthHttpError && error.errorCode === 'bad_json') return null;
    throw error;
  });
  const softDelete = parseBody(deleteUserBody, raw)?.should_soft_delete === true;
  await inTransaction(ctx.pool, (tx) =>
    softDelete ? softDeleteUser(tx, user.id) : hardDeleteUser(tx, user.id),
  );
  return json({});
};

const durationUnits: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** `ban_duration` is a Go duration ("24h", "1h30m", "876000h"). */
function banEnd(duration: string): Date {
  const parts = [...duration.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  const consumed = parts.map((p) => p[0]).join('');
  if (parts.length === 0 || consumed !== duration) {
    throw badRequest(
      'validation_failed',
      `invalid format for ban duration: time: invalid duration "${duration}"`,
    );
  }
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * (durationUnits[p[2] ?? 's'] ?? 0), 0);
  return new Date(Date.now() + ms);
}
