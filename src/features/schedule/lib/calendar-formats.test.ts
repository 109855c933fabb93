import { describe, expect, it } from 'vitest';
import {
  calendarFormats,
  formatDate,
  formatDateRange,
  formatLength,
  formatTimeOfDay,
  formatTimeRange,
} from './calendar-formats';

// local dates and times: the calendar formats in the viewer's zone, whatever zone the test runs in
const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

describe('calendar formats', () => {
  it('formats by name', () => {
    expect(formatDate(at(2027, 5, 5, 9), 'time')).toMatch(/^9:00\sAM$/);
    expect(formatDate(at(2027, 5, 5, 13, 30), 'time')).toMatch(/^1:30\sPM$/);
    expect(formatDate(at(2027, 5, 5), 'fullDate')).toBe('Wednesday, May 5, 2027');
    expect(formatDate(at(2027, 5, 5), 'monthAndYear')).toBe('May 2027');
    expect(() => formatDate(at(2027, 5, 5), 'dd')).toThrow(RangeError);
  });

  it('formats a time of day once per minute of the day, the same as the named format does', () => {
    for (const [d, h, min] of [
      [5, 9, 0],
      [6, 9, 0],
      [5, 0, 5],
      [5, 23, 59],
      [5, 12, 0],
    ] as const) {
      expect(formatTimeOfDay(at(2027, 5, d, h, min))).toBe(formatDate(at(2027, 5, d, h, min), 'time'));
    }
    expect(formatTimeOfDay(at(2027, 5, 5, 13, 30), 'de-DE')).toBe('13:30');
  });

  it('formats ranges', () => {
    expect(formatTimeRange(at(2027, 5, 5, 9), at(2027, 5, 5, 12))).toMatch(/^9:00\sAM – 12:00\sPM$/);
    expect(formatDateRange(at(2027, 5, 2), at(2027, 5, 8))).toMatch(/^May 2\s–\s8, 2027$/);
    expect(formatDateRange(at(2027, 4, 25), at(2027, 6, 5))).toMatch(/^Apr 25\s–\sJun 5, 2027$/);
  });

  it('gives react-big-calendar a format for every name it asks for', () => {
    const formats = calendarFormats();
    for (const name of [
      'dateFormat',
      'dayFormat',
      'weekdayFormat',
      'timeGutterFormat',
      'monthHeaderFormat',
      'dayHeaderFormat',
      'dayRangeHeaderFormat',
      'agendaHeaderFormat',
      'agendaDateFormat',
      'agendaTimeFormat',
      'agendaTimeRangeFormat',
      'selectRangeFormat',
      'eventTimeRangeFormat',
      'eventTimeRangeStartFormat',
      'eventTimeRangeEndFormat',
    ] as const) {
      expect(formats[name], name).toBeDefined();
    }
    const dayFormat = formats.dayFormat as (date: Date) => string;
    expect(dayFormat(at(2027, 5, 5))).toBe('Wed 5/5');
  });
});

describe('formatLength', () => {
  it('says how long in hours and minutes, in words', () => {
    const start = new Date('2027-05-07T13:00:00Z');
    const after = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
    expect(formatLength(start, after(50))).toBe('50 minutes');
    expect(formatLength(start, after(60))).toBe('1 hour');
    expect(formatLength(start, after(180))).toBe('3 hours');
    expect(formatLength(start, after(90))).toBe('1 hour 30 minutes');
    expect(formatLength(start, after(1))).toBe('1 minute');
  });
});
