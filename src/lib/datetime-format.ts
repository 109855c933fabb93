/**
 * The formatters every date and time on screen is made with, made once, and the viewer's zone.
 * (Apart from datetime.ts so the public request page's first view takes only what it uses;
 * import from datetime.ts.)
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
