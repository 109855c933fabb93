/**
 * Every time and date this feature shows goes through here: instants on the clinic's clock (the
 * office's time zone, with the viewer's own time when it differs), calendar dates in the locale.
 */
import { formatAppointmentTime } from '@/lib/appointment-time';
import { dateTimeFormat } from '@/lib/datetime';

/** An instant (a slot, an arrival, a decision) in the office's zone, and the viewer's when it differs. */
export function formatWhen(value: string | Date, officeTimeZone: string, officeName?: string | null): string {
  return formatAppointmentTime(value, { officeTimeZone, officeName });
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
