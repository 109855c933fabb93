import { describe, expect, it } from 'vitest';
import { dateIn } from './clinic-date';
import { slotTimeText } from './slot-time';

describe('slotTimeText', () => {
  it('names the office zone alone when the viewer is in it', () => {
    expect(slotTimeText('2027-05-04T13:00:00Z', 'America/New_York', 'America/New_York')).toBe(
      'Tue, May 4, 2027, 9:00 AM EDT',
    );
  });

  it('adds the viewer’s own time when it differs', () => {
    expect(slotTimeText('2027-05-04T13:00:00Z', 'America/Denver', 'America/New_York')).toBe(
      'Tue, May 4, 2027, 7:00 AM MDT (your time: Tue, May 4, 2027, 9:00 AM EDT)',
    );
  });
});

describe('dateIn', () => {
  it('is the calendar date at the clinic, not in UTC', () => {
    expect(dateIn('America/Chicago', new Date('2026-12-08T03:00:00Z'))).toBe('2026-12-07');
    expect(dateIn('America/Chicago', new Date('2026-12-08T07:00:00Z'))).toBe('2026-12-08');
  });
});
