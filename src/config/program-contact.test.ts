import { describe, expect, it } from 'vitest';
import { programContactEmail, programRequestMailto } from './program-contact';

describe('programContactEmail', () => {
  it('is the configured address, trimmed', () => {
    expect(programContactEmail({ VITE_PROGRAM_CONTACT_EMAIL: ' programs@example.org ' })).toBe(
      'programs@example.org',
    );
  });

  it('is null when unset, empty or not an address', () => {
    expect(programContactEmail({})).toBeNull();
    expect(programContactEmail({ VITE_PROGRAM_CONTACT_EMAIL: '  ' })).toBeNull();
    expect(programContactEmail({ VITE_PROGRAM_CONTACT_EMAIL: 'call us' })).toBeNull();
  });
});

describe('programRequestMailto', () => {
  it('names the clinic in the subject and the body, encoded', () => {
    const link = new URL(programRequestMailto('programs@example.org', 'Cedar Ridge & Co'));
    expect(link.protocol).toBe('mailto:');
    expect(link.pathname).toBe('programs@example.org');
    expect(link.searchParams.get('subject')).toBe('Turn on the Client Referral Program for Cedar Ridge & Co');
    expect(link.searchParams.get('body')).toContain(
      'Please turn on the Client Referral Program for Cedar Ridge & Co.',
    );
  });
});
