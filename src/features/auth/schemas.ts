/**
 * The sign-in and set-password forms. Each schema is the one contract of its form and of the
 * supabase-js call it feeds (architecture §5.4).
 */
import { z } from 'zod';
import { hasRequiredCharacters, passwordPolicy, passwordRuleMessages } from './lib/password-policy';

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address')
    .pipe(z.email('Enter a valid email address, like name@yourclinic.com')),
  password: z.string().min(1, 'Enter your password'),
});

export type SignInInput = z.input<typeof signInSchema>;
export type SignInValues = z.output<typeof signInSchema>;

/** The rule Supabase Auth enforces (config.toml), in the form's words. */
export const setPasswordSchema = z
  .object({
    password: z
      .string()
      .min(1, 'Enter a password')
      .min(passwordPolicy.minimumLength, passwordRuleMessages.length)
      .max(passwordPolicy.maximumLength, passwordRuleMessages.tooLong)
      .refine(hasRequiredCharacters, passwordRuleMessages.characters),
    confirmPassword: z.string().min(1, 'Enter the password again'),
  })
  .refine((values) => values.confirmPassword === '' || values.password === values.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The passwords do not match',
  });

export type SetPasswordValues = z.output<typeof setPasswordSchema>;
