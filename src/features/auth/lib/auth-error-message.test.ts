import { AuthApiError, AuthRetryableFetchError, AuthWeakPasswordError } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { setPasswordErrorMessage, signInErrorMessage } from './auth-error-message';

describe('signInErrorMessage', () => {
  it('keeps GoTrue’s words for wrong credentials', () => {
    expect(signInErrorMessage(new AuthApiError('Invalid login credentials', 400, 'invalid_credentials'))).toBe(
      'Invalid login credentials. Check your email address and password and try again.',
    );
  });

  it('explains rate limits and unreachable servers', () => {
    expect(signInErrorMessage(new AuthApiError('Request rate limit reached', 429, 'over_request_rate_limit'))).toMatch(
      /Too many sign-in attempts/,
    );
    expect(signInErrorMessage(new AuthRetryableFetchError('Failed to fetch', 0))).toMatch(/could not be reached/);
  });

  it('falls back to the server’s message', () => {
    expect(signInErrorMessage(new AuthApiError('Something odd', 400, 'unexpected_failure'))).toBe('Something odd');
  });
});

describe('setPasswordErrorMessage', () => {
  it('explains weak and unchanged passwords', () => {
    expect(setPasswordErrorMessage(new AuthWeakPasswordError('Password is known to be weak', 422, ['pwned']))).toBe(
      'This password is too weak: Password is known to be weak',
    );
    expect(setPasswordErrorMessage(new AuthApiError('New password should be different', 422, 'same_password'))).toBe(
      'Choose a password different from your current one.',
    );
  });
});
