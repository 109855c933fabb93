/** Who is calling: GoTrue's requireAuthentication (a user's access token) and requireAdmin (the service role). */
import type { AuthContext, AuthRequest } from './context.ts';
import { badRequest, forbidden, unauthorized } from './errors.ts';
import { findSession, type SessionRow } from './sessions.ts';
import { verifyBearerToken, type VerifiedClaims } from './tokens.ts';
import { findUserById, isBanned, type UserRow } from './users.ts';

const bearerPattern = /^[Bb]earer (\S+)$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const nilUuid = '00000000-0000-0000-0000-000000000000';
/** The roles GoTrue's default GOTRUE_JWT_ADMIN_ROLES accepts on admin endpoints. */
const adminRoles = new Set(['service_role', 'supabase_admin']);

const isUuid = (value: string) => uuidPattern.test(value);

async function bearerClaims(ctx: AuthContext, req: AuthRequest): Promise<VerifiedClaims> {
  const header = req.header('authorization') ?? '';
  const match = bearerPattern.exec(header);
  if (!match?.[1]) throw unauthorized('no_authorization', 'This endpoint requires a valid Bearer token');
  return verifyBearerToken(match[1], ctx.settings.jwtSecret);
}

export interface Caller {
  claims: VerifiedClaims;
  user: UserRow;
  /** Null for tokens without a session_id claim (GoTrue accepts those). */
  session: SessionRow | null;
}

export async function requireUser(ctx: AuthContext, req: AuthRequest): Promise<Caller> {
  const claims = await bearerClaims(ctx, req);
  if (!claims.sub) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  if (!isUuid(claims.sub)) throw badRequest('bad_jwt', 'invalid claim: sub claim must be a UUID');
  const user = await findUserById(ctx.pool, claims.sub);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  let session: SessionRow | null = null;
  if (claims.session_id && claims.session_id !== nilUuid) {
    if (!isUuid(claims.session_id))
      throw forbidden('bad_jwt', 'invalid claim: session_id claim must be a UUID');
    session = await findSession(ctx.pool, claims.session_id);
    // signed out (or deleted) sessions: supabase-js turns this code into AuthSessionMissingError
    if (!session) throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
  }
  if (isBanned(user)) throw forbidden('user_banned', 'User is banned');
  return { claims, user, session };
}

export async function requireAdmin(ctx: AuthContext, req: AuthRequest): Promise<VerifiedClaims> {
  const claims = await bearerClaims(ctx, req);
  if (!claims.role || !adminRoles.has(claims.role)) throw forbidden('not_admin', 'User not allowed');
  return claims;
}
