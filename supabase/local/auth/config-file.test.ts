import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../config.ts';
import { loadAuthConfig, parseAuthConfig } from './config-file.ts';

describe('the [auth] settings of config.toml', () => {
  it('reads the project’s file: password policy, link expiry and rate limits', () => {
    expect(loadAuthConfig(path.join(projectRoot, 'supabase', 'config.toml'))).toEqual({
      jwtExpirySeconds: 3600,
      refreshTokenReuseIntervalSeconds: 10,
      minimumPasswordLength: 12,
      passwordRequirements: 'lower_upper_letters_digits',
      emailLinkExpirySeconds: 3600,
      rateLimits: { signInSignUps: 30, tokenVerifications: 30, tokenRefresh: 150 },
    });
  });

  it('applies the Supabase CLI’s defaults to absent keys', () => {
    expect(parseAuthConfig('project_id = "x"\n')).toEqual({
      jwtExpirySeconds: 3600,
      refreshTokenReuseIntervalSeconds: 10,
      minimumPasswordLength: 6,
      passwordRequirements: '',
      emailLinkExpirySeconds: 3600,
      rateLimits: { signInSignUps: 30, tokenVerifications: 30, tokenRefresh: 150 },
    });
    expect(
      parseAuthConfig('[auth.rate_limit]\ntoken_verifications = 5\n').rateLimits.tokenVerifications,
    ).toBe(5);
  });

  it('names a wrong value', () => {
    expect(() => parseAuthConfig('[auth]\npassword_requirements = "digits"\n')).toThrow(
      /auth\.password_requirements/,
    );
    expect(() => parseAuthConfig('[auth.rate_limit]\nsign_in_sign_ups = 0\n')).toThrow(
      /auth\.rate_limit\.sign_in_sign_ups/,
    );
  });
});
