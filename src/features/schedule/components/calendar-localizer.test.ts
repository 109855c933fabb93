import { DateLocalizer } from 'react-big-calendar';
import { afterAll, describe, expect, it } from 'vitest';
import { intlLocalizer } from './calendar-localizer';

// a zone with daylight saving, whatever the machine's: Node reads TZ again when it changes
const machineZone = process.env.TZ;
process.env.TZ = 'America/New_York';
afterAll(() => {
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
});

// react-big-calendar's own arithmetic, with which the quick comparisons must agree
const reference = new DateLocalizer({ formats: {}, format: () => '', firstOfWeek: () => 0 });
const quick = intlLocalizer();

// around midnight, noon and New York's daylight-saving changes (14 March, 7 November 2027), to the millisecond
const instants = [
  ...[
    [2027, 2, 14],
    [2027, 10, 7],
    [2027, 4, 30],
    [2027, 11, 31],
  ].flatMap(([y, m, d]) =>
    [0, 1, 2, 3, 12, 23].flatMap((h) => [
      new Date(y!, m!, d!, h, 0, 0),
      new Date(y!, m!, d!, h, 59, 59, 999),
    ]),
  ),
  new Date(Date.UTC(2027, 2, 14, 7, 0, 30)),
  new Date(Date.UTC(2027, 10, 7, 6, 30, 0, 1)),
];
const units = [undefined, 'day', 'minutes', 'seconds', 'milliseconds', 'hours', 'week', 'month'] as const;
const subDay = new Set<string | undefined>(['minutes', 'seconds', 'hours']);
/** 1:00–2:00 AM EST on 7 November 2027, the second time round. */
const inRepeatedHour = (date: Date) =>
  date.getTime() >= Date.UTC(2027, 10, 7, 6) && date.getTime() < Date.UTC(2027, 10, 7, 7);

describe('intlLocalizer', () => {
  it('runs in a zone with daylight saving', () => {
    expect(new Date(2027, 2, 14, 12).getTimezoneOffset()).not.toBe(
      new Date(2027, 2, 13, 12).getTimezoneOffset(),
    );
  });

  it('truncates as react-big-calendar does, in every unit', () => {
    for (const date of instants) {
      for (const unit of units) {
        if (inRepeatedHour(date) && subDay.has(unit)) continue;
        expect(quick.startOf(date, unit as never), `${date.toString()} ${unit}`).toEqual(
          reference.startOf(date, unit as never),
        );
      }
    }
  });

  it('truncates to the minute correctly in the hour that repeats when the clocks go back', () => {
    // react-big-calendar's own moves 1:30 AM EST back to 1:30 AM EDT, an hour earlier
    const secondHalfPast = new Date(Date.UTC(2027, 10, 7, 6, 30, 15, 500));
    expect(inRepeatedHour(secondHalfPast)).toBe(true);
    expect(quick.startOf(secondHalfPast, 'minutes' as never).toISOString()).toBe('2027-11-07T06:30:00.000Z');
    expect(quick.startOf(secondHalfPast, 'seconds' as never).toISOString()).toBe('2027-11-07T06:30:15.000Z');
    expect(quick.startOf(secondHalfPast, 'day' as never).toISOString()).toBe('2027-11-07T04:00:00.000Z');
  });

  it('compares and tests ranges as react-big-calendar does', () => {
    for (const a of instants) {
      for (const b of instants.slice(0, 12)) {
        for (const unit of units) {
          if ((inRepeatedHour(a) || inRepeatedHour(b)) && subDay.has(unit)) continue;
          for (const op of ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const) {
            expect(quick[op](a, b, unit as never), `${op} ${a.toString()} ${b.toString()} ${unit}`).toBe(
              reference[op](a, b, unit as never),
            );
          }
        }
        expect(quick.isSameDate(a, b)).toBe(reference.isSameDate(a, b));
        expect(quick.inRange(a, b, instants[20]!)).toBe(reference.inRange(a, b, instants[20]!));
      }
    }
  });
});
