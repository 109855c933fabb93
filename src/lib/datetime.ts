/**
 * Showing `timestamptz` values: always in the viewer's time zone (unless told otherwise), always
 * with the zone named, so "1:30 AM" on the night the clocks go back is never ambiguous.
 */

export interface DateTimeFormatOptions {
  /** IANA zone to show the time in; the viewer's by default. */
  timeZone?: string;
  /** BCP 47 locale; the app's language by default. */
  locale?: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** The same, by the options object itself: named formats are constants, and a lookup by identity skips writing the key. */
const formattersByOptions = new WeakMap<
  Intl.DateTimeFormatOptions,
  Map<string | undefined, Intl.DateTimeFormat>
>();

/**
 * An Intl.DateTimeFormat for these options, made once: building one costs far more than using it,
 * and a calendar week formats thousands of times per render.
 */
export function dateTimeFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let byLocale = formattersByOptions.get(options);
  const known = byLocale?.get(locale);
  if (known) return known;
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  if (!byLocale) formattersByOptions.set(options, (byLocale = new Map()));
  byLocale.set(locale, formatter);
  return formatter;
}

const defaultOptions: Intl.DateTimeFormatOptions = {};

/** The viewer's IANA time zone (the browser's), e.g. "America/Los_Angeles". */
export const viewerTimeZone = (): string =>
  dateTimeFormat(undefined, defaultOptions).resolvedOptions().timeZone;

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
