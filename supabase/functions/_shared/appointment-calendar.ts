/**
 * The calendar file a client gets with an appointment (RFC 5545, sent as iTIP over email per
 * RFC 5546): METHOD:REQUEST puts it in their calendar; METHOD:CANCEL with the same UID and a
 * higher SEQUENCE takes it out again. Times are in the office's zone (TZID plus its VTIMEZONE),
 * as every email and screen gives them. It says no more than the email beside it: no reason,
 * payer, diagnosis or specialty.
 */
import {
  contentLine,
  escapeText,
  eventDateTime,
  serializeLines,
  utcDateTime,
  vtimezoneLines,
} from './icalendar.ts';

export type CalendarMethod = 'REQUEST' | 'CANCEL';

export interface AppointmentInvite {
  method: CalendarMethod;
  /** the same for every file about one appointment request */
  uid: string;
  /** 0 for the first file; each later one about the same UID is higher */
  sequence: number;
  /** when this version was made (DTSTAMP) */
  stampedAt: Date;
  start: Date;
  end: Date;
  /** IANA zone of the office */
  timeZone: string;
  summary: string;
  location: string;
  description: string;
  organizer: { name: string; email: string };
  /** the client's address; left out when unknown */
  attendeeEmail?: string;
  /** a page about the appointment (the client's status page), when there is one */
  url?: string;
}

const dayMs = 86_400_000;

/** The .ics text: one VCALENDAR with the office's VTIMEZONE and one VEVENT. */
export function appointmentCalendar(invite: AppointmentInvite): string {
  const { timeZone } = invite;
  // the zone's offsets from half a year before to half a year after: covers the event either side
  // of a clock change, and a client's calendar that expands it for display
  const from = new Date(Math.floor((invite.start.getTime() - 183 * dayMs) / dayMs) * dayMs);
  const to = new Date(Math.ceil((invite.end.getTime() + 183 * dayMs) / dayMs) * dayMs);
  const cancelled = invite.method === 'CANCEL';
  return serializeLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Client Referral Program//Appointments//EN',
    'CALSCALE:GREGORIAN',
    contentLine('METHOD', invite.method),
    ...vtimezoneLines(timeZone, from, to),
    'BEGIN:VEVENT',
    contentLine('UID', escapeText(invite.uid)),
    contentLine('SEQUENCE', String(invite.sequence)),
    contentLine('DTSTAMP', utcDateTime(invite.stampedAt)),
    eventDateTime('DTSTART', invite.start, timeZone),
    eventDateTime('DTEND', invite.end, timeZone),
    contentLine('SUMMARY', escapeText(invite.summary)),
    contentLine('LOCATION', escapeText(invite.location)),
    contentLine('DESCRIPTION', escapeText(invite.description)),
    ...(invite.url ? [contentLine('URL', invite.url, { VALUE: 'URI' })] : []),
    contentLine('STATUS', cancelled ? 'CANCELLED' : 'CONFIRMED'),
    'TRANSP:OPAQUE',
    contentLine('ORGANIZER', `mailto:${invite.organizer.email}`, { CN: invite.organizer.name }),
    // the client asked for this time: they are already in, and no reply is expected
    ...(invite.attendeeEmail
      ? [
          contentLine('ATTENDEE', `mailto:${invite.attendeeEmail}`, {
            ROLE: 'REQ-PARTICIPANT',
            ...(cancelled ? {} : { PARTSTAT: 'ACCEPTED' }),
            RSVP: 'FALSE',
          }),
        ]
      : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ]);
}
