/**
 * react-big-calendar's localizer on Intl: its own DateLocalizer with the app's formats, so the
 * calendar needs no date library. Date arithmetic stays react-big-calendar's (local days,
 * daylight-saving aware), the same the other localizers use, except for the comparisons the time
 * grid makes for every event on every day shown: those truncate to a day or a minute with one Date
 * construction, where the default sets each field in turn (each a time-zone conversion), and a
 * week of 500 events spent a fifth of its render there. The results are the same (see the tests),
 * except in the hour repeated when the clocks go back, where the default's are an hour early.
 */
import { DateLocalizer } from 'react-big-calendar';
import { calendarFormats, formatDate } from '../lib/calendar-formats';

type Unit = string | undefined;
type StartOf = (date: Date, unit?: Unit, firstOfWeek?: number) => Date;

const msPer: Partial<Record<string, number>> = { minutes: 60_000, seconds: 1000, milliseconds: 1 };

/** `startOf` for days and finer units; coarser ones (weeks, months, …) go to `fallback`. */
function quickStartOf(fallback: StartOf): StartOf {
  return (value, unit, firstOfWeek) => {
    const date = value instanceof Date ? value : new Date(value);
    if (unit === undefined) return new Date(date.getTime());
    if (unit === 'day') return new Date(date.getFullYear(), date.getMonth(), date.getDate());
    const step = msPer[unit];
    // every zone's offset is whole minutes, so a minute starts on a multiple of 60,000 ms
    if (step !== undefined) return new Date(Math.floor(date.getTime() / step) * step);
    return fallback(date, unit, firstOfWeek);
  };
}

export function intlLocalizer(locale = 'en-US', weekStartsOn = 0): DateLocalizer {
  const spec = {
    formats: calendarFormats(locale),
    firstOfWeek: () => weekStartsOn,
    // every range format is a function (see calendarFormats), so a named format always gets one date
    format: (value: unknown, format: string) => {
      if (typeof value === 'object' && !(value instanceof Date))
        throw new TypeError(`Format ${format} is for one date, not a range.`);
      return formatDate(value instanceof Date ? value : new Date(value as string | number), format, locale);
    },
  };
  const startOf = quickStartOf(new DateLocalizer(spec).startOf as StartOf);
  const compare = (test: (a: number, b: number) => boolean) => (a: Date, b: Date, unit?: Unit) =>
    test(startOf(a, unit).getTime(), startOf(b, unit).getTime());
  const eq = compare((a, b) => a === b);
  return new DateLocalizer({
    ...spec,
    startOf,
    eq,
    neq: compare((a, b) => a !== b),
    gt: compare((a, b) => a > b),
    gte: compare((a, b) => a >= b),
    lt: compare((a, b) => a < b),
    lte: compare((a, b) => a <= b),
    inRange: (day: Date, min: Date | null, max: Date | null, unit: Unit = 'day') => {
      const at = startOf(day, unit).getTime();
      return (!min || at >= startOf(min, unit).getTime()) && (!max || at <= startOf(max, unit).getTime());
    },
    isSameDate: (a: Date, b: Date) => eq(a, b, 'day'),
  } as ConstructorParameters<typeof DateLocalizer>[0]);
}
