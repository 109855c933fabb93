/**
 * Every time and date this feature shows goes through here, so the clinic's clock (the office's
 * time zone, named, with the viewer's own time when it differs) replaces one function, not many
 * call sites.
 */
import { dateTimeFormat, formatDateTime } from '@/lib/datetime';

/** An instant (a slot, an arrival, a decision): date, time and zone. */
export function formatWhen(value: string | Date, _officeTimeZone?: string): string {
  return formatDateTime(value);
}

const dateOnly: Intl.DateTimeFormatOptions = {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
};

/**
 * A calendar date ('1985-03-14', e.g. a date of birth) in the viewer's locale ("Mar 14, 1985",
 * "14 Mar 1985"). Read as UTC midnight and shown in UTC, so no time zone moves it a day.
 */
export function formatCalendarDate(isoDate: string, locale?: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return dateTimeFormat(locale, dateOnly).format(date);
}
