import { AuthApiError, AuthRetryableFetchError, AuthWeakPasswordError } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { setPasswordErrorMessage, signInErrorMessage } from './auth-error-message';

describe('signInErrorMessage', () => {
  it('keeps GoTrue’s words for wrong credentials', () => {
    expect(
      signInErrorMessage(new AuthApiError('Invalid login credentials', 400, 'invalid_credentials')),
    ).toBe('Invalid login credentials. Check your email address and password and try again.');
  });

  it('explains rate limits and unreachable servers', () => {
    expect(
      signInErrorMessage(new AuthApiError('Request rate limit reached', 429, 'over_request_rate_limit')),
    ).toBe('Too many sign-in attempts. Wait a few minutes and try again.');
    // the local service says when (hosted Supabase Auth does not)
    const locked = 'Too many failed sign-in attempts for this account. Try again in 5 minutes.';
    expect(signInErrorMessage(new AuthApiError(locked, 429, 'over_request_rate_limit'))).toBe(
      'Too many sign-in attempts. Try again in 5 minutes.',
    );
    expect(signInErrorMessage(new AuthRetryableFetchError('Failed to fetch', 0))).toMatch(
      /could not be reached/,
    );
  });

  it('falls back to the server’s message', () => {
    expect(signInErrorMessage(new AuthApiError('Something odd', 400, 'unexpected_failure'))).toBe(
      'Something odd',
    );
  });
});

describe('setPasswordErrorMessage', () => {
  it('tells a refusal of the rule in the form’s own words', () => {
    const message =
      'Password should be at least 12 characters. Password should contain at least one character of each: ' +
      'abcdefghijklmnopqrstuvwxyz, ABCDEFGHIJKLMNOPQRSTUVWXYZ, 0123456789.';
    expect(setPasswordErrorMessage(new AuthWeakPasswordError(message, 422, ['length', 'characters']))).toBe(
      'This password is too weak. Use at least 12 characters. Use at least one lowercase letter, one uppercase letter and one digit.',
    );
  });

  it('explains weak and unchanged passwords', () => {
    expect(
      setPasswordErrorMessage(new AuthWeakPasswordError('Password is known to be weak', 422, ['pwned'])),
    ).toBe('This password is too weak: Password is known to be weak');
    expect(
      setPasswordErrorMessage(new AuthApiError('New password should be different', 422, 'same_password')),
    ).toBe('Choose a password different from your current one.');
  });
});
