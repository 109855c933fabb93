import { describe, expect, it } from 'vitest';
import { PortalApiError } from './portal-api-error';
import { tokenFromLocation, verificationProblem } from './verification';

describe('tokenFromLocation', () => {
  it('reads the token from the fragment the email uses, or from the query', () => {
    expect(tokenFromLocation('#token=abc_-1', '')).toBe('abc_-1');
    expect(tokenFromLocation('', '?token=xyz')).toBe('xyz');
    expect(tokenFromLocation('#token=from-hash', '?token=from-query')).toBe('from-hash');
    expect(tokenFromLocation('', '')).toBeNull();
    expect(tokenFromLocation('#token=', '')).toBeNull();
  });
});

describe('verificationProblem', () => {
  it('says what happened to the link, with the server’s message', () => {
    const used = verificationProblem(
      new PortalApiError(409, 'verification_link_used', 'This link was already used.'),
    );
    expect(used).toEqual({
      kind: 'link',
      title: 'This request was already confirmed',
      message: 'This link was already used.',
      final: true,
    });
    expect(
      verificationProblem(new PortalApiError(410, 'verification_link_expired', 'Expired.')),
    ).toMatchObject({ title: 'This link has expired', final: false });
    expect(
      verificationProblem(new PortalApiError(422, 'validation_failed', 'token …', 'token')),
    ).toMatchObject({ kind: 'link', title: 'This link isn’t valid' });
  });

  it('offers a retry for anything else', () => {
    expect(verificationProblem(new PortalApiError(0, 'network_error', 'offline'))).toMatchObject({
      kind: 'retry',
    });
    expect(verificationProblem(new PortalApiError(429, 'rate_limited', 'slow down', null, 20))).toEqual({
      kind: 'retry',
      message: 'Too many attempts from your network. Wait 20 seconds, then try again.',
    });
  });
});
