/** POST /logout?scope=global|local|others: ends sessions (and with them their refresh tokens). */
import type { Handler } from '../context.ts';
import { inTransaction } from '../db.ts';
import { badRequest } from '../errors.ts';
import { requireUser } from '../guards.ts';
import { logout as endSessions, type LogoutScope } from '../sessions.ts';

const scopes = new Set<string>(['global', 'local', 'others']);

export const logout: Handler = async (ctx, req) => {
  const { user, session } = await requireUser(ctx, req);
  const scope = req.query.get('scope') || 'global';
  if (!scopes.has(scope)) throw badRequest('validation_failed', `Unsupported logout scope "${scope}"`);
  // a token without a session_id can only be signed out everywhere (as GoTrue does)
  await inTransaction(ctx.pool, (tx) => endSessions(tx, user.id, scope as LogoutScope, session?.id ?? null));
  return { status: 204 };
};
