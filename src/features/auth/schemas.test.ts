import { describe, expect, it } from 'vitest';
import { setPasswordSchema, signInSchema } from './schemas';

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('signInSchema', () => {
  it('names each missing field', () => {
    expect(messages(signInSchema.safeParse({ email: '', password: '' }))).toEqual({
      email: 'Enter your email address',
      password: 'Enter your password',
    });
  });

  it('trims the email and checks its shape', () => {
    expect(signInSchema.parse({ email: '  maya@clinic.com ', password: 'x' }).email).toBe('maya@clinic.com');
    expect(messages(signInSchema.safeParse({ email: 'maya', password: 'x' })).email).toMatch(/valid email address/);
  });
});

describe('setPasswordSchema', () => {
  it('wants at least 10 and at most 72 characters', () => {
    expect(messages(setPasswordSchema.safeParse({ password: '123456789', confirmPassword: '123456789' })).password).toBe(
      'Use at least 10 characters',
    );
    const long = 'x'.repeat(73);
    expect(messages(setPasswordSchema.safeParse({ password: long, confirmPassword: long })).password).toBe(
      'Use at most 72 characters',
    );
    expect(setPasswordSchema.safeParse({ password: '1234567890', confirmPassword: '1234567890' }).success).toBe(true);
  });

  it('wants the confirmation to match', () => {
    expect(messages(setPasswordSchema.safeParse({ password: '1234567890', confirmPassword: '1234567899' }))).toEqual({
      confirmPassword: 'The passwords do not match',
    });
  });
});
