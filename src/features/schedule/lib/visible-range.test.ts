import { describe, expect, it } from 'vitest';
import { adjacentDates, isCalendarView, visibleRange } from './visible-range';

// local dates: the calendar works in the viewer's days, whatever zone the test runs in
const local = (y: number, m: number, d: number) => new Date(y, m - 1, d);
const wednesday = new Date(2027, 4, 5, 15, 30); // Wed 5 May 2027, 3:30 PM

describe('visibleRange', () => {
  it('day: that day', () => {
    expect(visibleRange('day', wednesday)).toEqual({ start: local(2027, 5, 5), end: local(2027, 5, 6) });
  });

  it('week: Sunday to Sunday, or from another first day', () => {
    expect(visibleRange('week', wednesday)).toEqual({ start: local(2027, 5, 2), end: local(2027, 5, 9) });
    expect(visibleRange('week', wednesday, { weekStartsOn: 1 })).toEqual({
      start: local(2027, 5, 3),
      end: local(2027, 5, 10),
    });
    expect(visibleRange('week', local(2027, 5, 2))).toEqual({
      start: local(2027, 5, 2),
      end: local(2027, 5, 9),
    });
  });

  it('month: the whole weeks the month touches', () => {
    // May 2027: Saturday the 1st … Monday the 31st
    expect(visibleRange('month', wednesday)).toEqual({ start: local(2027, 4, 25), end: local(2027, 6, 6) });
    // February 2026 starts on a Sunday and ends on a Saturday: exactly four weeks
    expect(visibleRange('month', local(2026, 2, 14))).toEqual({
      start: local(2026, 2, 1),
      end: local(2026, 3, 1),
    });
  });

  it('agenda: the day and the 30 after it', () => {
    expect(visibleRange('agenda', wednesday)).toEqual({ start: local(2027, 5, 5), end: local(2027, 6, 5) });
  });

  it('a week across a daylight-saving change is still seven calendar days', () => {
    const { start, end } = visibleRange('week', local(2027, 3, 17));
    expect([start.getDate(), end.getDate()]).toEqual([14, 21]);
    expect([start.getHours(), end.getHours()]).toEqual([0, 0]);
  });
});

describe('isCalendarView', () => {
  it('knows the four views', () => {
    expect(['day', 'week', 'month', 'agenda'].every(isCalendarView)).toBe(true);
    expect(isCalendarView('work_week')).toBe(false);
    expect(isCalendarView(undefined)).toBe(false);
  });
});

describe('adjacentDates', () => {
  it('steps as the calendar’s Previous and Next do', () => {
    expect(adjacentDates('day', wednesday)).toEqual([local(2027, 5, 4), local(2027, 5, 6)]);
    expect(adjacentDates('week', wednesday)).toEqual([local(2027, 4, 28), local(2027, 5, 12)]);
    expect(adjacentDates('agenda', wednesday)).toEqual([local(2027, 4, 5), local(2027, 6, 4)]);
  });

  it('month: the months either side, whatever the day', () => {
    const [previous, next] = adjacentDates('month', local(2027, 1, 31));
    expect([previous, next]).toEqual([local(2026, 12, 1), local(2027, 2, 1)]);
    // their ranges are the whole weeks of December and February
    expect(visibleRange('month', next)).toEqual({ start: local(2027, 1, 31), end: local(2027, 3, 7) });
  });
});
