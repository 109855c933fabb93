import { describe, expect, it } from 'vitest';
import { closeToExpiry } from './time-left';

const now = new Date('2026-12-07T12:00:00Z');
const inHours = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();

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
