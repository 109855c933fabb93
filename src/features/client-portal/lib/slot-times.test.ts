import { describe, expect, it } from 'vitest';
import { formatSlotDay, formatSlotTime, groupSlotsByDay, slotMinutes } from './slot-times';

const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
const slot = (start: string, minutes = 60) => ({
  start,
  end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
  time_zone: 'America/New_York',
  office_name: 'Back Bay Office',
});

describe('slot times', () => {
  it('names the zone with every time', () => {
    expect(plain(formatSlotTime('2026-06-15T13:00:00Z', { timeZone: 'America/New_York' }))).toBe(
      '9:00 AM EDT',
    );
    expect(plain(formatSlotTime('2026-06-15T13:00:00Z', { timeZone: 'America/Los_Angeles' }))).toBe(
      '6:00 AM PDT',
    );
    expect(formatSlotDay('2026-06-15T13:00:00Z', { timeZone: 'America/New_York' })).toBe('Mon, Jun 15, 2026');
  });

  it('groups by the viewer’s local day, in order', () => {
    // 03:30 UTC on the 16th is still the 15th in Los Angeles
    const slots = [slot('2026-06-16T16:00:00Z'), slot('2026-06-16T03:30:00Z'), slot('2026-06-15T16:00:00Z')];
    const days = groupSlotsByDay(slots, { timeZone: 'America/Los_Angeles' });
    expect(days.map((d) => [d.day, d.slots.map((s) => s.start)])).toEqual([
      ['2026-06-15', ['2026-06-15T16:00:00Z', '2026-06-16T03:30:00Z']],
      ['2026-06-16', ['2026-06-16T16:00:00Z']],
    ]);
    expect(groupSlotsByDay(slots, { timeZone: 'UTC' }).map((d) => d.slots.length)).toEqual([1, 2]);
  });

  it('spring forward: the hour after 1 AM on 2026-03-08 in New York is 3 AM EDT, still the same day', () => {
    const days = groupSlotsByDay([slot('2026-03-08T06:00:00Z'), slot('2026-03-08T07:00:00Z')], {
      timeZone: 'America/New_York',
    });
    expect(days).toHaveLength(1);
    expect(
      days[0]!.slots.map((s) => plain(formatSlotTime(s.start, { timeZone: 'America/New_York' }))),
    ).toEqual(['1:00 AM EST', '3:00 AM EDT']);
  });

  it('fall back: the two 1:30 AMs of 2026-11-01 in New York are told apart by their zone', () => {
    const times = ['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z'].map((t) =>
      plain(formatSlotTime(t, { timeZone: 'America/New_York' })),
    );
    expect(times).toEqual(['1:30 AM EDT', '1:30 AM EST']);
  });

  it('measures a slot in minutes', () => {
    expect(slotMinutes(slot('2026-06-15T13:00:00Z', 50))).toBe(50);
  });
});
