/** POST /token: the password grant (sign in) and the refresh-token grant (rotation). */
import { z } from 'zod';
import { optionalString, parseBody } from '../body.ts';
import { json, type AuthContext, type AuthRequest, type Handler, type Reply } from '../context.ts';
import { inTransaction } from '../db.ts';
import { AuthHttpError, badRequest, invalidCredentials, unprocessable } from '../errors.ts';
import { accessTokenResponse, signIn, type AccessTokenResponse } from '../grant.ts';
import { beginPasswordAttempt, limitAddress } from '../limits.ts';
import { verifyPassword } from '../passwords.ts';
import {
  activeRefreshToken,
  deleteRefreshToken,
  findRefreshToken,
  findSession,
  revokeTokenFamily,
  swapRefreshToken,
} from '../sessions.ts';
import { findUserByEmail, findUserById, isBanned } from '../users.ts';

const passwordGrantBody = z.object({
  email: optionalString,
  phone: optionalString,
  password: optionalString,
});
const refreshGrantBody = z.object({ refresh_token: optionalString });

export const token: Handler = async (ctx, req) => {
  const grantType = req.query.get('grant_type');
  if (grantType === 'password') return passwordGrant(ctx, req);
  if (grantType === 'refresh_token') return refreshGrant(ctx, req);
  throw badRequest('validation_failed', 'unsupported_grant_type');
};

async function passwordGrant(ctx: AuthContext, req: AuthRequest): Promise<Reply> {
  limitAddress(ctx, req, ctx.limits.signInsPerAddress);
  const body = parseBody(passwordGrantBody, await req.json());
  const email = body.email ?? '';
  if (email && body.phone) {
    throw unprocessable(
      'validation_failed',
      'Only an email address or phone number should be provided on login.',
    );
  }
  if (!email) {
    if (body.phone) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
    throw badRequest('validation_failed', 'missing email or phone');
  }
  const attempt = beginPasswordAttempt(ctx, email);
  const user = await findUserByEmail(ctx.pool, email);
  // always compare (against a decoy when the email is unknown): same answer, same timing
  const passwordMatches = await verifyPassword(body.password ?? '', user?.encrypted_password ?? null);
  if (!user || !passwordMatches) throw invalidCredentials();
  attempt.succeeded();
  // GoTrue checks the ban before the password; checking after it keeps ban status from strangers
  if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
  if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed');
  return json(await inTransaction(ctx.pool, (tx) => signIn(ctx.settings, tx, user, 'password')));
}

/**
 * GoTrue's refresh with rotation: the presented token is revoked and replaced by a child. A revoked
 * token is accepted again only as the parent of the session's active token (the client lost the
 * previous answer: it gets the same child back) or within the reuse interval; otherwise it is
 * reuse, and the whole session's token family is revoked — that revocation is committed, then the
 * error is returned.
 */
async function refreshGrant(ctx: AuthContext, req: AuthRequest): Promise<Reply> {
  limitAddress(ctx, req, ctx.limits.refreshesPerAddress);
  const { refresh_token: presented } = parseBody(refreshGrantBody, await req.json());
  if (!presented) throw badRequest('validation_failed', 'refresh_token required');
  const reuseIntervalMs = ctx.settings.refreshTokenReuseIntervalSeconds * 1000;

  const outcome = await inTransaction<AccessTokenResponse | AuthHttpError>(ctx.pool, async (tx) => {
    const token = await findRefreshToken(tx, presented);
    const user = token ? await findUserById(tx, token.user_id) : null;
    if (!token || !user)
      return badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    if (isBanned(user)) return badRequest('user_banned', 'Invalid Refresh Token: User Banned');
    const session = token.session_id ? await findSession(tx, token.session_id, { forUpdate: true }) : null;
    if (!session) {
      await deleteRefreshToken(tx, token.id);
      return badRequest('session_not_found', 'Invalid Refresh Token: No Valid Session Found');
    }
    if (session.not_after && session.not_after.getTime() < Date.now()) {
      return badRequest('session_expired', 'Invalid Refresh Token: Session Expired');
    }
    let issued: string | null = null;
    if (token.revoked) {
      const active = await activeRefreshToken(tx, session.id);
      if (active && active.parent === token.token) {
        issued = active.token;
      } else if (Date.now() > token.updated_at.getTime() + reuseIntervalMs) {
        await revokeTokenFamily(tx, session.id);
        return badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used');
      }
    }
    issued ??= await swapRefreshToken(tx, token, session.id);
    return accessTokenResponse(ctx.settings, tx, user.id, session.id, issued);
  });
  if (outcome instanceof AuthHttpError) throw outcome;
  return json(outcome);
}
