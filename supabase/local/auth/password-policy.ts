/**
 * GoTrue's password policy (internal/api/password.go, checkPasswordStrength) with the settings of
 * config.toml: `minimum_password_length` and `password_requirements`, whose named values the
 * Supabase CLI turns into GoTrue's required character sets.
 */
import { AuthHttpError, badRequest } from './errors.ts';

export const passwordRequirementNames = [
  '',
  'letters_digits',
  'lower_upper_letters_digits',
  'lower_upper_letters_digits_symbols',
] as const;
export type PasswordRequirement = (typeof passwordRequirementNames)[number];

const lower = 'abcdefghijklmnopqrstuvwxyz';
const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const digits = '0123456789';
const symbols = '!@#$%^&*()_+-=[]{};\'\\:"|<>?,./`~';

/** Each set must contribute at least one character (GoTrue's GOTRUE_PASSWORD_REQUIRED_CHARACTERS). */
export const requiredCharacterSets: Record<PasswordRequirement, string[]> = {
  '': [],
  letters_digits: [lower + upper, digits],
  lower_upper_letters_digits: [lower, upper, digits],
  lower_upper_letters_digits_symbols: [lower, upper, digits, symbols],
};

export interface PasswordPolicy {
  minimumLength: number;
  requirement: PasswordRequirement;
}

/** bcrypt ignores bytes after the 72nd; GoTrue refuses longer passwords rather than truncating. */
export const maxPasswordLength = 72;

/**
 * Refuses a password the policy does not allow: 422 `weak_password` with GoTrue's messages and
 * `weak_password.reasons` (`length`, `characters`), so supabase-js raises AuthWeakPasswordError.
 */
export function checkPasswordStrength(password: string, policy: PasswordPolicy): void {
  if (password.length > maxPasswordLength) {
    throw badRequest('validation_failed', `Password cannot be longer than ${maxPasswordLength} characters`);
  }
  const reasons: string[] = [];
  const messages: string[] = [];
  if (password.length < policy.minimumLength) {
    reasons.push('length');
    messages.push(`Password should be at least ${policy.minimumLength} characters.`);
  }
  const sets = requiredCharacterSets[policy.requirement];
  if (sets.some((set) => ![...password].some((character) => set.includes(character)))) {
    reasons.push('characters');
    messages.push(`Password should contain at least one character of each: ${sets.join(', ')}.`);
  }
  if (reasons.length > 0) {
    throw new AuthHttpError(422, 'weak_password', messages.join(' '), { weakPasswordReasons: reasons });
  }
}
