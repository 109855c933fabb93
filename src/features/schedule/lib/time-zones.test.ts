import { describe, expect, it } from 'vitest';
import { describeTimeZone, timeZoneName, todayIn, wallClockIn } from './time-zones';

describe('timeZoneName / describeTimeZone', () => {
  it('names the zone generically, whatever the season', () => {
    expect(timeZoneName('America/New_York', { at: new Date('2027-01-15T12:00:00Z') })).toBe('Eastern Time');
    expect(timeZoneName('America/New_York', { at: new Date('2027-07-15T12:00:00Z') })).toBe('Eastern Time');
    expect(describeTimeZone('America/Denver')).toBe('Mountain Time (America/Denver)');
  });

  it('falls back to the IANA name alone when there is no generic name', () => {
    expect(describeTimeZone('UTC')).toMatch(/UTC|Coordinated Universal Time/);
  });
});

describe('wallClockIn', () => {
  it('shows the same instant on different walls', () => {
    const instant = new Date('2027-05-07T13:00:00Z');
    expect(wallClockIn(instant, 'America/New_York')).toEqual({
      date: '2027-05-07',
      time: '09:00',
      isoWeekday: 5,
    });
    expect(wallClockIn(instant, 'America/Denver')).toEqual({
      date: '2027-05-07',
      time: '07:00',
      isoWeekday: 5,
    });
    expect(wallClockIn(instant, 'Australia/Sydney')).toEqual({
      date: '2027-05-07',
      time: '23:00',
      isoWeekday: 5,
    });
    expect(wallClockIn(new Date('2027-05-07T15:00:00Z'), 'Australia/Sydney')).toEqual({
      date: '2027-05-08',
      time: '01:00',
      isoWeekday: 6,
    });
  });

  it('follows both daylight-saving changes', () => {
    // New York springs forward on 14 March 2027 and falls back on 7 November 2027
    expect(wallClockIn(new Date('2027-03-14T06:59:00Z'), 'America/New_York').time).toBe('01:59');
    expect(wallClockIn(new Date('2027-03-14T07:00:00Z'), 'America/New_York').time).toBe('03:00');
    expect(wallClockIn(new Date('2027-11-07T05:30:00Z'), 'America/New_York').time).toBe('01:30');
    expect(wallClockIn(new Date('2027-11-07T06:30:00Z'), 'America/New_York').time).toBe('01:30');
  });

  it('uses 00 for midnight, never 24', () => {
    expect(wallClockIn(new Date('2027-05-07T04:00:00Z'), 'America/New_York')).toMatchObject({
      date: '2027-05-07',
      time: '00:00',
    });
  });
});

describe('todayIn', () => {
  it('is the date on the wall of the zone', () => {
    const now = new Date('2027-05-08T02:00:00Z');
    expect(todayIn('America/Denver', now)).toBe('2027-05-07');
    expect(todayIn('Europe/London', now)).toBe('2027-05-08');
  });
});
