import { describe, expect, it } from 'vitest';
import { setPasswordSchema, signInSchema } from './schemas';

/** Each field's first message, the one the form shows. */
const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) =>
  Object.fromEntries(
    (result.error?.issues ?? []).toReversed().map((issue) => [issue.path.join('.'), issue.message]),
  );

describe('signInSchema', () => {
  it('names each missing field', () => {
    expect(messages(signInSchema.safeParse({ email: '', password: '' }))).toEqual({
      email: 'Enter your email address',
      password: 'Enter your password',
    });
  });

  it('trims the email and checks its shape', () => {
    expect(signInSchema.parse({ email: '  maya@clinic.com ', password: 'x' }).email).toBe('maya@clinic.com');
    expect(messages(signInSchema.safeParse({ email: 'maya', password: 'x' })).email).toMatch(
      /valid email address/,
    );
  });
});

describe('setPasswordSchema', () => {
  const check = (password: string) =>
    messages(setPasswordSchema.safeParse({ password, confirmPassword: password })).password;

  it('wants config.toml’s rule: at least 12 characters with a lowercase letter, an uppercase letter and a digit', () => {
    expect(check('Abcdefgh123')).toBe('Use at least 12 characters');
    expect(check('123456')).toBe('Use at least 12 characters');
    expect(check('harbor-view-2026')).toBe(
      'Use at least one lowercase letter, one uppercase letter and one digit',
    );
    expect(check('HARBOR-VIEW-2026')).toBe(
      'Use at least one lowercase letter, one uppercase letter and one digit',
    );
    expect(check('Harbor-View-Road')).toBe(
      'Use at least one lowercase letter, one uppercase letter and one digit',
    );
    expect(check(`Aa1${'x'.repeat(70)}`)).toBe('Use at most 72 characters');
    expect(
      setPasswordSchema.safeParse({ password: 'Harbor-View-2026', confirmPassword: 'Harbor-View-2026' })
        .success,
    ).toBe(true);
  });

  it('wants the confirmation to match', () => {
    expect(
      messages(
        setPasswordSchema.safeParse({ password: 'Harbor-View-2026', confirmPassword: 'Harbor-View-2025' }),
      ),
    ).toEqual({
      confirmPassword: 'The passwords do not match',
    });
  });
});
