import type { AuthChangeEvent, Session } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { initialAuthState, isUserChange, nextAuthState, type AuthState } from './auth-state';

const session = (userId: string, accessToken = 'token-1') =>
  ({ access_token: accessToken, user: { id: userId } }) as unknown as Session;

const step = (
  state: AuthState,
  event: AuthChangeEvent,
  s: Session | null,
  extra: { passwordSetup?: 'invite' | 'recovery' | null; signOutRequested?: boolean } = {},
) =>
  nextAuthState(state, {
    event,
    session: s,
    passwordSetup: extra.passwordSetup ?? null,
    signOutRequested: extra.signOutRequested ?? false,
  });

describe('nextAuthState', () => {
  it('leaves loading with the initial session, or without one', () => {
    expect(step(initialAuthState, 'INITIAL_SESSION', null)).toEqual({ status: 'signed-out', reason: null });
    expect(step(initialAuthState, 'INITIAL_SESSION', session('u1'))).toMatchObject({
      status: 'signed-in',
      passwordSetup: null,
    });
  });

  it('takes the new session on TOKEN_REFRESHED, so the UI uses the fresh token', () => {
    const signedIn = step(initialAuthState, 'SIGNED_IN', session('u1', 'old'));
    const refreshed = step(signedIn, 'TOKEN_REFRESHED', session('u1', 'new'));
    expect(refreshed).toMatchObject({ status: 'signed-in', session: { access_token: 'new' } });
  });

  it('tells a chosen sign-out from a session that ended by itself', () => {
    const signedIn = step(initialAuthState, 'SIGNED_IN', session('u1'));
    expect(step(signedIn, 'SIGNED_OUT', null, { signOutRequested: true })).toEqual({
      status: 'signed-out',
      reason: 'signed-out',
    });
    expect(step(signedIn, 'SIGNED_OUT', null)).toEqual({ status: 'signed-out', reason: 'session-ended' });
  });

  it('keeps a signed-out state as it is', () => {
    const ended: AuthState = { status: 'signed-out', reason: 'session-ended' };
    expect(step(ended, 'SIGNED_OUT', null)).toBe(ended);
  });

  it('carries a pending password setup, and treats PASSWORD_RECOVERY as one', () => {
    expect(step(initialAuthState, 'SIGNED_IN', session('u1'), { passwordSetup: 'invite' })).toMatchObject({
      passwordSetup: 'invite',
    });
    expect(step(initialAuthState, 'PASSWORD_RECOVERY', session('u1'))).toMatchObject({
      passwordSetup: 'recovery',
    });
  });
});

describe('isUserChange', () => {
  it('is true when a different person, or nobody, is now signed in', () => {
    expect(isUserChange(null, session('u1'))).toBe(true);
    expect(isUserChange('u1', session('u1'))).toBe(false);
    expect(isUserChange('u1', session('u2'))).toBe(true);
    expect(isUserChange('u1', null)).toBe(true);
    expect(isUserChange(null, null)).toBe(false);
  });
});
