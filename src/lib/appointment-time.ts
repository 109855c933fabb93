/**
 * The one way the app names an appointment's time: in its office's time zone, with the office
 * named ("Wed, Dec 9, 10:00 AM MST, Denver Highlands Office"), and the viewer's own time in
 * brackets only when it reads differently ("(12:00 PM EST your time)").
 *
 * supabase/functions/_shared/appointment-time.ts is the same code for emails and the payer API;
 * both are tested against the same cases (appointment-time.cases.json there), so an email never
 * says another time than the screen. The text is put together from Intl's parts, not from its
 * patterns, because browsers and Deno ship ICU versions that join date and time differently.
 */

export interface AppointmentTimeOptions {
  /** IANA zone of the office the appointment is at, e.g. "America/Denver". */
  officeTimeZone: string;
  /** The office's name; left out of the text when unknown. */
  officeName?: string | null;
  /** The viewer's IANA zone: the browser's when left out; null gives the office's time alone. */
  viewerTimeZone?: string | null;
}

/** The browser's IANA zone, e.g. "America/New_York". */
const browserTimeZone = (): string => new Intl.DateTimeFormat().resolvedOptions().timeZone;

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hour12: true,
      timeZoneName: 'short',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

interface ZonedText {
  /** "Wed, Dec 9" */
  day: string;
  /** "10:00 AM MST" */
  time: string;
}

function zonedText(instant: Date, timeZone: string): ZonedText {
  const parts = partsFormat(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: `${part('weekday')}, ${part('month')} ${part('day')}`,
    time: `${part('hour')}:${part('minute')} ${part('dayPeriod').toUpperCase()} ${part('timeZoneName')}`,
  };
}

function toInstant(value: string | Date): Date {
  const instant = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a timestamp: ${String(value)}`);
  return instant;
}

/** "Wed, Dec 9, 10:00 AM MST, Denver Highlands Office (12:00 PM EST your time)". */
export function formatAppointmentTime(
  value: string | Date,
  { officeTimeZone, officeName, viewerTimeZone = browserTimeZone() }: AppointmentTimeOptions,
): string {
  const instant = toInstant(value);
  const office = zonedText(instant, officeTimeZone);
  const officeText = `${office.day}, ${office.time}${officeName ? `, ${officeName}` : ''}`;
  if (!viewerTimeZone) return officeText;
  const viewer = zonedText(instant, viewerTimeZone);
  if (viewer.day === office.day && viewer.time === office.time) return officeText;
  // the viewer's date only when it is another day than the office's
  const viewerText = viewer.day === office.day ? viewer.time : `${viewer.day}, ${viewer.time}`;
  return `${officeText} (${viewerText} your time)`;
}
