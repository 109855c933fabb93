/**
 * The calendar's date and time formats, written with Intl (no date library): react-big-calendar
 * asks for a format by name and gets text in the viewer's locale and time zone.
 */
import type { Formats } from 'react-big-calendar';
import { dateTimeFormat } from '@/lib/datetime';

/** Named Intl formats; react-big-calendar's format names point at these. */
export const intlFormats = {
  dayOfMonth: { day: 'numeric' },
  weekday: { weekday: 'short' },
  time: { hour: 'numeric', minute: '2-digit' },
  monthAndYear: { month: 'long', year: 'numeric' },
  fullDate: { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' },
  shortDate: { weekday: 'short', month: 'short', day: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type IntlFormatName = keyof typeof intlFormats;

const isFormatName = (name: string): name is IntlFormatName => Object.hasOwn(intlFormats, name);

/** `value` in the named format: `formatDate(d, 'time')` → "9:00 AM". */
export function formatDate(value: Date, format: string, locale = 'en-US'): string {
  if (!isFormatName(format)) throw new RangeError(`Unknown calendar format: ${format}`);
  return dateTimeFormat(locale, intlFormats[format]).format(value);
}

const timesOfDay = new Map<string, string>();

/**
 * "9:00 AM": `formatDate(value, 'time')`, which depends on the hour and minute on the viewer's
 * clock only, so each is formatted once (a week of 500 events shows a few dozen times).
 */
export function formatTimeOfDay(value: Date, locale = 'en-US'): string {
  const key = `${locale}|${value.getHours()}:${value.getMinutes()}`;
  let text = timesOfDay.get(key);
  if (text === undefined) timesOfDay.set(key, (text = formatDate(value, 'time', locale)));
  return text;
}

/** "9:00 AM – 12:00 PM" */
export function formatTimeRange(start: Date, end: Date, locale = 'en-US'): string {
  return `${formatTimeOfDay(start, locale)} – ${formatTimeOfDay(end, locale)}`;
}

/** "May 2 – 8, 2027", "Apr 25 – Jun 5, 2027": Intl's own range format, sharing what both ends share. */
export function formatDateRange(start: Date, end: Date, locale = 'en-US'): string {
  return dateTimeFormat(locale, { month: 'short', day: 'numeric', year: 'numeric' }).formatRange(start, end);
}

/** react-big-calendar's formats: names of `intlFormats`, or functions for ranges and composites. */
export function calendarFormats(locale = 'en-US'): Formats {
  const timeRange = ({ start, end }: { start: Date; end: Date }) => formatTimeRange(start, end, locale);
  const dateRange = ({ start, end }: { start: Date; end: Date }) => formatDateRange(start, end, locale);
  return {
    dateFormat: 'dayOfMonth',
    // week and day column headings: "Wed 5/5"
    dayFormat: (date) => `${formatDate(date, 'weekday', locale)} ${date.getMonth() + 1}/${date.getDate()}`,
    weekdayFormat: 'weekday',
    timeGutterFormat: 'time',
    monthHeaderFormat: 'monthAndYear',
    dayHeaderFormat: 'fullDate',
    dayRangeHeaderFormat: dateRange,
    agendaHeaderFormat: dateRange,
    agendaDateFormat: 'shortDate',
    agendaTimeFormat: 'time',
    agendaTimeRangeFormat: timeRange,
    selectRangeFormat: timeRange,
    eventTimeRangeFormat: timeRange,
    eventTimeRangeStartFormat: ({ start }) => `${formatDate(start, 'time', locale)} –`,
    eventTimeRangeEndFormat: ({ end }) => `– ${formatDate(end, 'time', locale)}`,
  };
}

/**
 * "50 minutes", "3 hours", "1 hour 30 minutes": how long an event lasts, beside its time (which
 * src/lib/appointment-time.ts names, in the office's clock).
 */
export function formatLength(start: Date, end: Date): string {
  const minutes = Math.round((end.getTime() - start.getTime()) / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [hours ? unit(hours, 'hour') : '', rest || !hours ? unit(rest, 'minute') : '']
    .filter(Boolean)
    .join(' ');
}
