import { describe, expect, it } from 'vitest';
import { closeToExpiry, timeLeft } from './time-left';

const now = new Date('2026-12-07T12:00:00Z');
const inHours = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();

describe('timeLeft', () => {
  it('counts hours and minutes, urgent under 12 hours', () => {
    expect(timeLeft(inHours(30.5), now)).toEqual({
      label: '30 h 30 min left',
      urgent: false,
      expired: false,
    });
    expect(timeLeft(inHours(11.75), now)).toEqual({
      label: '11 h 45 min left',
      urgent: true,
      expired: false,
    });
    expect(timeLeft(inHours(12), now).urgent).toBe(false);
  });

  it('says at least a minute, and Expired once the time is up', () => {
    expect(timeLeft(inHours(10 / 3_600), now).label).toBe('1 min left');
    expect(timeLeft(inHours(0), now)).toEqual({ label: 'Expired', urgent: true, expired: true });
  });
});

describe('closeToExpiry', () => {
  it('keeps the requests expiring within 12 hours, soonest first, and drops expired ones', () => {
    const requests = [
      { id: 'later', expires_at: inHours(20) },
      { id: 'soon', expires_at: inHours(6) },
      { id: 'expired', expires_at: inHours(-1) },
      { id: 'sooner', expires_at: inHours(1) },
    ];
    expect(closeToExpiry(requests, now).map((r) => r.id)).toEqual(['sooner', 'soon']);
  });
});
