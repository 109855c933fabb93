import { describe, expect, it } from 'vitest';
import { AuthHttpError } from './errors.ts';
import { checkPasswordStrength } from './password-policy.ts';

const refusal = (password: string, policy: Parameters<typeof checkPasswordStrength>[1]) => {
  try {
    checkPasswordStrength(password, policy);
    return null;
  } catch (error) {
    const e = error as AuthHttpError;
    return { status: e.status, code: e.errorCode, message: e.message, reasons: e.extras.weakPasswordReasons };
  }
};

describe('checkPasswordStrength', () => {
  const policy = { minimumLength: 12, requirement: 'lower_upper_letters_digits' } as const;

  it('refuses a short password, naming the rule, as GoTrue does', () => {
    expect(refusal('Abcdef1', policy)).toEqual({
      status: 422,
      code: 'weak_password',
      message: 'Password should be at least 12 characters.',
      reasons: ['length'],
    });
  });

  it('refuses a password missing a required character class', () => {
    expect(refusal('123456', policy)).toEqual({
      status: 422,
      code: 'weak_password',
      message:
        'Password should be at least 12 characters. Password should contain at least one character of each: ' +
        'abcdefghijklmnopqrstuvwxyz, ABCDEFGHIJKLMNOPQRSTUVWXYZ, 0123456789.',
      reasons: ['length', 'characters'],
    });
    expect(refusal('harbor-view-2026', policy)?.reasons).toEqual(['characters']);
    expect(refusal('Harbor-View-2026', policy)).toBeNull();
  });

  it('knows the other named requirements', () => {
    expect(refusal('harborview2026', { minimumLength: 6, requirement: 'letters_digits' })).toBeNull();
    expect(refusal('harborview', { minimumLength: 6, requirement: 'letters_digits' })?.reasons).toEqual([
      'characters',
    ]);
    expect(
      refusal('Harbor-View-2026', { minimumLength: 6, requirement: 'lower_upper_letters_digits_symbols' }),
    ).toBeNull();
    expect(
      refusal('HarborView2026', { minimumLength: 6, requirement: 'lower_upper_letters_digits_symbols' })
        ?.reasons,
    ).toEqual(['characters']);
    expect(refusal('123456', { minimumLength: 6, requirement: '' })).toBeNull();
  });

  it('refuses more than bcrypt’s 72 bytes as a bad request', () => {
    expect(refusal(`Aa1${'x'.repeat(70)}`, policy)).toMatchObject({ status: 400, code: 'validation_failed' });
  });
});
