/**
 * The `[auth]` settings of supabase/config.toml that the local auth service honours, read with a
 * real TOML parser. The same file configures hosted Supabase (`supabase config push`), so the
 * keys, their meaning and the defaults for absent keys are those of the Supabase CLI.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { z } from 'zod';
import { passwordRequirementNames, type PasswordRequirement } from './password-policy.ts';

export interface AuthFileSettings {
  jwtExpirySeconds: number;
  refreshTokenReuseIntervalSeconds: number;
  minimumPasswordLength: number;
  passwordRequirements: PasswordRequirement;
  /** `[auth.email] otp_expiry`: how long an invitation or recovery link stays valid. */
  emailLinkExpirySeconds: number;
  rateLimits: AuthRateLimits;
}

/** `[auth.rate_limit]`: requests per client address in GoTrue's 5-minute window. */
export interface AuthRateLimits {
  /** Password sign-ins (and sign-ups, which this project does not offer). */
  signInSignUps: number;
  /** `GET /verify`: the links in invitation and recovery emails. */
  tokenVerifications: number;
  /** Refresh-token grants. */
  tokenRefresh: number;
}

const count = z.number().int().min(1);

// unknown keys are allowed (the file carries many settings for hosted Supabase); wrong types are not
const authSection = z.object({
  jwt_expiry: count.default(3600),
  refresh_token_reuse_interval: z.number().int().min(0).default(10),
  // the Supabase CLI refuses less than 6
  minimum_password_length: z.number().int().min(6).max(72).default(6),
  password_requirements: z.enum(passwordRequirementNames).default(''),
  rate_limit: z
    .object({
      sign_in_sign_ups: count.default(30),
      token_verifications: count.default(30),
      token_refresh: count.default(150),
    })
    .prefault({}),
  email: z.object({ otp_expiry: count.max(86_400).default(3600) }).prefault({}),
});

const configFile = z.object({ auth: authSection.prefault({}) });

/** Parses config.toml's text; a wrong value names its key. */
export function parseAuthConfig(tomlText: string): AuthFileSettings {
  const result = configFile.safeParse(parse(tomlText));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(
      `supabase/config.toml: ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid value'}`,
    );
  }
  const { auth } = result.data;
  return {
    jwtExpirySeconds: auth.jwt_expiry,
    refreshTokenReuseIntervalSeconds: auth.refresh_token_reuse_interval,
    minimumPasswordLength: auth.minimum_password_length,
    passwordRequirements: auth.password_requirements,
    emailLinkExpirySeconds: auth.email.otp_expiry,
    rateLimits: {
      signInSignUps: auth.rate_limit.sign_in_sign_ups,
      tokenVerifications: auth.rate_limit.token_verifications,
      tokenRefresh: auth.rate_limit.token_refresh,
    },
  };
}

export const loadAuthConfig = (file: string): AuthFileSettings => parseAuthConfig(readFileSync(file, 'utf8'));
