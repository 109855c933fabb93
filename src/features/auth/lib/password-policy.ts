/**
 * The password rule of supabase/config.toml (`[auth] minimum_password_length = 12`,
 * `password_requirements = "lower_upper_letters_digits"`), which Supabase Auth enforces. The
 * set-password form checks it first, in the words used here; a server refusal is told in the same
 * words (auth-error-message.ts). password-policy.test.ts keeps this equal to config.toml.
 */
export const passwordPolicy = {
  minimumLength: 12,
  /** bcrypt reads at most 72 bytes; Supabase Auth refuses longer passwords. */
  maximumLength: 72,
  requirement: 'lower_upper_letters_digits',
} as const;

export const passwordRuleMessages = {
  length: `Use at least ${passwordPolicy.minimumLength} characters`,
  characters: 'Use at least one lowercase letter, one uppercase letter and one digit',
  tooLong: `Use at most ${passwordPolicy.maximumLength} characters`,
} as const;

export const passwordHint = `At least ${passwordPolicy.minimumLength} characters, with a lowercase letter, an uppercase letter and a digit.`;

/** Supabase Auth's character sets for `lower_upper_letters_digits`: one character of each. */
export const hasRequiredCharacters = (password: string) =>
  /[a-z]/.test(password) && /[A-Z]/.test(password) && /[0-9]/.test(password);
