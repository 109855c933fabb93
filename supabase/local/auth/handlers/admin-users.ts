/** POST /admin/users (service role only): creates an account, as `auth.admin.createUser` does. */
import { z } from 'zod';
import { optionalObject, optionalString, parseBody, validateEmail } from '../body.ts';
import { json, type Handler } from '../context.ts';
import { inTransaction, isUniqueViolation } from '../db.ts';
import { badRequest, unprocessable } from '../errors.ts';
import { requireAdmin } from '../guards.ts';
import { checkPasswordStrength } from '../password-policy.ts';
import { hashPassword, randomPassword } from '../passwords.ts';
import { findUserByEmail, insertUser, loadUserJson, setBannedUntil } from '../users.ts';

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
