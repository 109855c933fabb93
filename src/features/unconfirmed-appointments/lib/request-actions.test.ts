import { describe, expect, it } from 'vitest';
import { requestActions } from './request-actions';

const now = new Date('2027-05-01T12:00:00Z');

describe('requestActions', () => {
  it('offers confirm and decline until the request expires', () => {
    expect(requestActions({ expires_at: '2027-05-02T00:00:00Z' }, now)).toEqual([
      'confirm',
      'offer',
      'decline',
    ]);
    expect(requestActions({ expires_at: '2027-05-01T11:59:00Z' }, now)).toEqual([]);
  });
});
