/**
 * Showing `timestamptz` values: always in the viewer's time zone (unless told otherwise), always
 * with the zone named, so "1:30 AM" on the night the clocks go back is never ambiguous.
 */
import { dateTimeFormat, type DateTimeFormatOptions } from './datetime-format';

export * from './datetime-format';

/** Parses a timestamptz as PostgREST returns it (ISO 8601 with offset, up to microseconds). */
export function parseTimestamp(value: string | Date): Date {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a timestamp: ${String(value)}`);
  return date;
}

/** "Sun, Mar 8, 2026, 3:00 AM EDT": date, time and zone in the viewer's (or the given) time zone. */
export function formatDateTime(
  value: string | Date,
  { timeZone, locale = 'en-US' }: DateTimeFormatOptions = {},
): string {
  return dateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(parseTimestamp(value));
}

/** The machine-readable value for a `<time dateTime>` attribute. */
export function isoTimestamp(value: string | Date): string {
  return parseTimestamp(value).toISOString();
}
