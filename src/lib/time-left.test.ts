import { describe, expect, it } from 'vitest';
import { durationInWords, timeLeft } from './time-left';

const now = new Date('2027-05-01T12:00:00Z');

describe('timeLeft', () => {
  it('says the time left in words, with no urgency while 12 hours or more are left', () => {
    expect(timeLeft('2027-05-03T10:30:00Z', now)).toEqual({
      label: '1 day 22 hours left',
      urgency: 'normal',
      expired: false,
    });
    expect(timeLeft('2027-05-02T00:00:00Z', now).urgency).toBe('normal');
  });
  it('says "Soon" under 12 hours and "Urgent" under 2 hours, in words as well as colour', () => {
    expect(timeLeft('2027-05-01T23:59:00Z', now)).toEqual({
      label: 'Soon: 11 hours 59 minutes left',
      urgency: 'soon',
      expired: false,
    });
    expect(timeLeft('2027-05-01T14:00:00Z', now).urgency).toBe('soon');
    expect(timeLeft('2027-05-01T13:59:00Z', now)).toEqual({
      label: 'Urgent: 1 hour 59 minutes left',
      urgency: 'urgent',
      expired: false,
    });
    expect(timeLeft('2027-05-01T12:00:30Z', now).label).toBe('Urgent: 1 minute left');
  });
  it('says expired once the time is over', () => {
    expect(timeLeft('2027-05-01T12:00:00Z', now).expired).toBe(true);
  });
});

describe('durationInWords', () => {
  it('names the two largest units, singular or plural', () => {
    expect(durationInWords(26 * 3_600_000)).toBe('1 day 2 hours');
    expect(durationInWords(2 * 86_400_000)).toBe('2 days');
    expect(durationInWords(3_600_000 + 60_000)).toBe('1 hour 1 minute');
    expect(durationInWords(5_000)).toBe('1 minute');
  });
});
