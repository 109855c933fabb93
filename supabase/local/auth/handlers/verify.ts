/**
 * GET /verify?token=&type=invite|signup|magiclink|recovery&redirect_to= — the link in auth emails.
 * Spends the token (single use; it expires after `[auth.email] otp_expiry`), confirms the email,
 * signs the user in and sends the browser (303) to
 * redirect_to with the session in the URL fragment, where supabase-js's implicit flow
 * (detectSessionInUrl) picks it up. Failures also redirect, with GoTrue's error fragment.
 */
import type { Handler, Reply } from '../context.ts';
import { inTransaction } from '../db.ts';
import { AuthHttpError, badRequest, forbidden } from '../errors.ts';
import { signIn } from '../grant.ts';
import { hashPassword, randomPassword } from '../passwords.ts';
import { limitAddress } from '../limits.ts';
import { allowedRedirect, encodeSorted, withFragment } from '../redirects.ts';
import { emailLinkTokenHash } from '../tokens.ts';
import { clearRecoveryToken, confirmEmail, findUserByEmailToken, isBanned, setPassword } from '../users.ts';

/** Which stored token each link type spends. */
const tokenColumns: Record<string, 'confirmation_token' | 'recovery_token'> = {
  invite: 'confirmation_token',
  signup: 'confirmation_token',
  magiclink: 'recovery_token',
  recovery: 'recovery_token',
};

/** GoTrue's oauthErrorMap: the `error` of the redirect fragment. */
const oauthErrors: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized_client',
  403: 'access_denied',
  500: 'server_error',
  503: 'temporarily_unavailable',
};

const linkExpired = () => forbidden('otp_expired', 'Email link is invalid or has expired');

export const verify: Handler = async (ctx, req) => {
  // counted before anything else, as GoTrue's limiter middleware does: every guess costs one
  limitAddress(ctx, req, ctx.limits.verificationsPerAddress);
  const token = req.query.get('token') ?? '';
  const type = req.query.get('type') ?? '';
  // request validation answers with JSON, as GoTrue does; everything after it redirects
  if (!token) throw badRequest('validation_failed', 'Verify requires a token or a token hash');
  if (!type) throw badRequest('validation_failed', 'Verify requires a verification type');
  const redirectTo = allowedRedirect(ctx.settings.siteUrl, req.query.get('redirect_to'));

  try {
    const session = await inTransaction(ctx.pool, async (tx) => {
      const column = tokenColumns[type];
      if (!column) throw badRequest('validation_failed', 'Unsupported verification type');
      const user = await findUserByEmailToken(tx, column, emailLinkTokenHash(token));
      if (!user) throw linkExpired();
      if (isBanned(user)) throw forbidden('user_banned', 'User is banned');
      const sentAt = column === 'confirmation_token' ? user.confirmation_sent_at : user.recovery_sent_at;
      if (!sentAt || Date.now() > sentAt.getTime() + ctx.settings.emailLinkExpirySeconds * 1000)
        throw linkExpired();
      if (column === 'confirmation_token') {
        // an invited user has no password yet: GoTrue gives an unusable one, the app asks for a real one
        if (!user.encrypted_password && user.invited_at)
          await setPassword(tx, user.id, await hashPassword(randomPassword()));
        await confirmEmail(tx, user.id);
      } else {
        await clearRecoveryToken(tx, user.id);
        if (!user.email_confirmed_at) await confirmEmail(tx, user.id);
      }
      return signIn(ctx.settings, tx, user, 'otp');
    });
    const fragment = encodeSorted({
      access_token: session.access_token,
      expires_at: String(session.expires_at),
      expires_in: String(session.expires_in),
      refresh_token: session.refresh_token,
      sb: '', // GoTrue marks its redirects so clients can tell them from other OAuth callbacks
      token_type: session.token_type,
      type,
    });
    return seeOther(withFragment(redirectTo, fragment));
  } catch (error) {
    if (!(error instanceof AuthHttpError)) throw error;
    const fragment = encodeSorted({
      ...(oauthErrors[error.status] ? { error: oauthErrors[error.status] as string } : {}),
      error_code: error.errorCode,
      error_description: error.message,
      sb: '',
    });
    return seeOther(withFragment(redirectTo, fragment));
  }
};

const seeOther = (location: string): Reply => ({ status: 303, headers: { Location: location } });
