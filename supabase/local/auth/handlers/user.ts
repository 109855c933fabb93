/** GET /user and PUT /user: the signed-in user reads and updates their own account. */
import { z } from 'zod';
import { optionalObject, optionalString, parseBody } from '../body.ts';
import { json, type Handler } from '../context.ts';
import { inTransaction } from '../db.ts';
import { forbidden, unprocessable } from '../errors.ts';
import { requireUser } from '../guards.ts';
import { checkPasswordStrength } from '../password-policy.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { logout } from '../sessions.ts';
import { listIdentities, loadUserJson, mergeMetadata, setPassword, userJson } from '../users.ts';

export const getUser: Handler = async (ctx, req) => {
  const { user } = await requireUser(ctx, req);
  return json(userJson(user, await listIdentities(ctx.pool, user.id)));
};

// supabase-js also sends code_challenge(_method) and nonce; like GoTrue, keys not used are ignored
const updateUserBody = z.object({
  email: optionalString,
  phone: optionalString,
  password: optionalString,
  data: optionalObject,
  app_metadata: optionalObject,
});

export const updateUser: Handler = async (ctx, req) => {
  const { user, session } = await requireUser(ctx, req);
  const body = parseBody(updateUserBody, await req.json());
  if (body.app_metadata) throw forbidden('not_admin', 'Updating app_metadata requires admin privileges');
  if (body.email && body.email.toLowerCase() !== (user.email ?? '').toLowerCase()) {
    throw unprocessable(
      'validation_failed',
      'Changing the email address is not supported by the local auth service',
    );
  }
  if (body.phone) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');

  let newHash: string | null = null;
  if (typeof body.password === 'string') {
    checkPasswordStrength(body.password, ctx.settings.passwordPolicy);
    if (await verifyPassword(body.password, user.encrypted_password)) {
      throw unprocessable('same_password', 'New password should be different from the old password.');
    }
    newHash = await hashPassword(body.password);
  }

  const updated = await inTransaction(ctx.pool, async (tx) => {
    if (newHash !== null) {
      await setPassword(tx, user.id, newHash);
      // GoTrue's UpdatePassword signs the user out everywhere else
      await logout(tx, user.id, session ? 'others' : 'global', session?.id ?? null);
    }
    if (body.data) await mergeMetadata(tx, user.id, 'raw_user_meta_data', body.data);
    return loadUserJson(tx, user.id);
  });
  return json(updated);
};
