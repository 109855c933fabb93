/**
 * The sign-in and set-password forms. Each schema is the one contract of its form and of the
 * supabase-js call it feeds (architecture §5.4).
 */
import { z } from 'zod';

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

/** Supabase Auth hashes with bcrypt, which reads at most 72 bytes; the app asks for at least 10 characters. */
export const passwordLength = { min: 10, max: 72 } as const;

export const setPasswordSchema = z
  .object({
    password: z
      .string()
      .min(1, 'Enter a password')
      .min(passwordLength.min, `Use at least ${passwordLength.min} characters`)
      .max(passwordLength.max, `Use at most ${passwordLength.max} characters`),
    confirmPassword: z.string().min(1, 'Enter the password again'),
  })
  .refine((values) => values.confirmPassword === '' || values.password === values.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The passwords do not match',
  });

export type SetPasswordValues = z.output<typeof setPasswordSchema>;
