/**
 * POST /invite?redirect_to= (service role only), what supabase-js's
 * `auth.admin.inviteUserByEmail(email, { data, redirectTo })` sends: creates the user (or re-invites
 * one who never accepted) and emails a link to GET /verify.
 */
import { z } from 'zod';
import { optionalObject, optionalString, parseBody, validateEmail } from '../body.ts';
import { json, type Handler } from '../context.ts';
import { inTransaction, isUniqueViolation } from '../db.ts';
import { inviteEmail } from '../emails.ts';
import { AuthHttpError, internalError, unprocessable } from '../errors.ts';
import { requireAdmin } from '../guards.ts';
import { allowedRedirect } from '../redirects.ts';
import { emailLinkTokenHash, newEmailLinkToken } from '../tokens.ts';
import { findUserByEmail, insertUser, loadUserJson, setEmailToken } from '../users.ts';

const emailExists = () =>
  unprocessable('email_exists', 'A user with this email address has already been registered');

const inviteBody = z.object({ email: optionalString, data: optionalObject });

export const invite: Handler = async (ctx, req) => {
  await requireAdmin(ctx, req);
  const body = parseBody(inviteBody, await req.json());
  const email = validateEmail(body.email);
  const redirectTo = allowedRedirect(ctx.settings.siteUrl, req.query.get('redirect_to'));
  try {
    // the email is sent inside the transaction: if it cannot be sent, no half-invited user remains
    const user = await inTransaction(ctx.pool, async (tx) => {
      const existing = await findUserByEmail(tx, email);
      if (existing?.email_confirmed_at) throw emailExists();
      const user =
        existing ??
        (await insertUser(tx, {
          email,
          encryptedPassword: '',
          userMetadata: body.data ?? {},
          appMetadata: {},
          emailConfirmed: false,
        }));
      // a new invitation replaces the previous link (and restarts its expiry)
      const token = newEmailLinkToken();
      await setEmailToken(tx, user.id, 'invite', emailLinkTokenHash(token));
      const link = `${ctx.settings.externalUrl}/verify?${new URLSearchParams({ token, type: 'invite', redirect_to: redirectTo })}`;
      try {
        await ctx.settings.sendEmail(inviteEmail(email, link));
      } catch (error) {
        ctx.settings.log(`sending the invite email failed: ${(error as Error).message}`);
        throw internalError('Error inviting user');
      }
      return loadUserJson(tx, user.id);
    });
    return json(user);
  } catch (error) {
    if (error instanceof AuthHttpError) throw error;
    throw isUniqueViolation(error) ? emailExists() : error;
  }
};
