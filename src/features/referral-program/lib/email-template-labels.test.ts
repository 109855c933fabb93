import { describe, expect, it } from 'vitest';
import { emailTemplateLabel, shortError } from './email-template-labels';

describe('emailTemplateLabel', () => {
  it('names the email and who receives it', () => {
    expect(emailTemplateLabel('request_confirmed')).toBe('Appointment confirmed (to the client)');
    expect(emailTemplateLabel('enrollment_invitation')).toBe(
      'Invitation to complete the public profile (to the therapist)',
    );
  });
});

describe('shortError', () => {
  it('keeps one line and cuts long errors with an ellipsis', () => {
    expect(shortError('email API answered 503:\n  unavailable')).toBe('email API answered 503: unavailable');
    const long = shortError('x'.repeat(500), 50);
    expect(long).toHaveLength(50);
    expect(long.endsWith('…')).toBe(true);
  });
  it('says when no reason was recorded', () => {
    expect(shortError(null)).toBe('No reason was recorded.');
  });
});
