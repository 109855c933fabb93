/**
 * The session as the UI sees it, derived from supabase-js auth events (a pure reducer, unit-tested).
 */
import type { AuthChangeEvent, Session } from '@supabase/supabase-js';
import type { PasswordSetupReason } from './auth-redirect';

/** Why the person is signed out: they chose to, their session ended (refresh failed, signed out elsewhere), or they never signed in. */
export type SignedOutReason = 'signed-out' | 'session-ended' | null;

export type AuthState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason: SignedOutReason }
  | { status: 'signed-in'; session: Session; passwordSetup: PasswordSetupReason | null };

export interface AuthEventInput {
  event: AuthChangeEvent;
  session: Session | null;
  /** The password setup still pending in this tab (read from storage when the event arrives). */
  passwordSetup: PasswordSetupReason | null;
  /** True when this tab asked to sign out. */
  signOutRequested: boolean;
}

export const initialAuthState: AuthState = { status: 'loading' };

export function nextAuthState(
  previous: AuthState,
  { event, session, passwordSetup, signOutRequested }: AuthEventInput,
): AuthState {
  if (session === null) {
    if (event === 'SIGNED_OUT' && previous.status === 'signed-in') {
      return { status: 'signed-out', reason: signOutRequested ? 'signed-out' : 'session-ended' };
    }
    if (previous.status === 'signed-out') return previous;
    return { status: 'signed-out', reason: null };
  }
  // SIGNED_IN, INITIAL_SESSION, TOKEN_REFRESHED, USER_UPDATED, PASSWORD_RECOVERY: keep the newest session
  // (a refreshed access token, updated user metadata) so everything reading it re-renders.
  return {
    status: 'signed-in',
    session,
    passwordSetup: event === 'PASSWORD_RECOVERY' ? (passwordSetup ?? 'recovery') : passwordSetup,
  };
}

/** True when the event means a different person (or nobody) now uses the app, so cached data must go. */
export function isUserChange(previousUserId: string | null, session: Session | null): boolean {
  return (session?.user.id ?? null) !== previousUserId;
}
