import { describe, expect, it } from 'vitest';
import {
  EnrollmentNotFoundError,
  genericChangeError,
  mutationErrorMessage,
  notAllowedError,
} from './mutation-error-message';

const postgrest = (code: string, message: string) => ({ code, message, details: null, hint: null });

describe('mutationErrorMessage', () => {
  it('shows the sentences the database writes for people', () => {
    for (const [code, message] of [
      ['P0001', 'This therapist was deactivated; deactivation is permanent and cannot be undone.'],
      ['23514', 'Choose at least one payer.'],
      ['23505', 'Daniel Cho was already enrolled; a deactivated therapist can never be added again.'],
      ['22023', 'Each payer can be chosen once.'],
      ['PT404', 'That staff member does not exist or is not in your organization.'],
      ['P0002', 'This enrollment no longer exists or you cannot change it. The grid has been refreshed.'],
    ] as const) {
      expect(mutationErrorMessage(postgrest(code, message))).toBe(message);
    }
  });

  it('explains a refusal by permission without the raw message', () => {
    expect(mutationErrorMessage(postgrest('42501', 'permission denied for table program_enrollments'))).toBe(
      notAllowedError,
    );
  });

  it('falls back to a plain message for anything else', () => {
    expect(mutationErrorMessage(postgrest('57014', 'canceling statement due to statement timeout'))).toBe(
      genericChangeError,
    );
    expect(mutationErrorMessage(new TypeError('Failed to fetch'))).toBe(genericChangeError);
    expect(
      mutationErrorMessage(
        postgrest('23503', 'insert or update on table "enrollment_payers" violates foreign key constraint'),
      ),
    ).toBe(genericChangeError);
  });

  it('a change that matched no row says so', () => {
    expect(mutationErrorMessage(new EnrollmentNotFoundError())).toMatch(
      /no longer exists or you cannot change it/,
    );
  });
});
