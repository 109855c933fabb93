import { describe, expect, it } from 'vitest';
import { requestActions, timeLeft } from './time-left';

const now = new Date('2027-05-01T12:00:00Z');

describe('timeLeft', () => {
  it('counts hours and minutes, urgent under 12 hours', () => {
    expect(timeLeft('2027-05-03T10:30:00Z', now)).toEqual({
      label: '46 h 30 min left',
      urgent: false,
      expired: false,
    });
    expect(timeLeft('2027-05-01T23:59:00Z', now)).toEqual({
      label: '11 h 59 min left',
      urgent: true,
      expired: false,
    });
    expect(timeLeft('2027-05-01T12:00:30Z', now)).toEqual({
      label: '1 min left',
      urgent: true,
      expired: false,
    });
  });
  it('says expired once the time is over', () => {
    expect(timeLeft('2027-05-01T12:00:00Z', now).expired).toBe(true);
  });
});

describe('requestActions', () => {
  it('offers confirm and decline until the request expires', () => {
    expect(requestActions({ expires_at: '2027-05-02T00:00:00Z' }, now)).toEqual(['confirm', 'decline']);
    expect(requestActions({ expires_at: '2027-05-01T11:59:00Z' }, now)).toEqual([]);
  });
});
