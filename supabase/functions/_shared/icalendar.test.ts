/**
 * The calendar file is checked the way a calendar reads it: parsed back with ical.js (a
 * maintained RFC 5545 parser), whose own time zone arithmetic, fed only our VTIMEZONE, must land
 * DTSTART and DTEND on the instants we meant, on both sides of both US clock changes.
 */
import { deepStrictEqual, equal, ok } from 'node:assert/strict';
import ICAL from 'ical.js';
import { appointmentCalendar, type AppointmentInvite } from './appointment-calendar.ts';
import { escapeText, foldLine, offsetTransitions, serializeLines } from './icalendar.ts';

const invite = (overrides: Partial<AppointmentInvite> = {}): AppointmentInvite => ({
  method: 'REQUEST',
  uid: 'referral-request-5b0f2c1e-3f5d-4a55-9a55-0b4f0b0e2a11@app.example.org',
  sequence: 0,
  stampedAt: new Date('2026-12-01T15:04:05Z'),
  start: new Date('2026-12-09T17:00:00Z'),
  end: new Date('2026-12-09T18:00:00Z'),
  timeZone: 'America/Denver',
  summary: 'Appointment with Priya Raman, Harborview Counseling Collective',
  location: 'Denver Highlands Office, 3300 W 32nd Avenue, Suite 200, Denver, CO 80211',
  description: 'Questions, or to change or cancel: call (617) 555-0142.',
  organizer: { name: 'Harborview Counseling Collective', email: 'no-reply@clientreferral.app' },
  attendeeEmail: 'client@example.org',
  ...overrides,
});

/** The VEVENT of a parsed file, with its VTIMEZONE registered the way a calendar would. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents('vtimezone');
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  const result = { calendar, vevent, event, zones };
  for (const zone of zones) ICAL.TimezoneService.remove(String(zone.getFirstPropertyValue('tzid')));
  return result;
}

Deno.test('a REQUEST parses back with its METHOD, UID, SEQUENCE, TZID and times', () => {
  const text = appointmentCalendar(invite());
  const { calendar, vevent, event, zones } = parse(text);
  equal(calendar.getFirstPropertyValue('method'), 'REQUEST');
  equal(calendar.getFirstPropertyValue('version'), '2.0');
  equal(event.uid, invite().uid);
  equal(event.sequence, 0);
  equal(vevent.getFirstProperty('dtstart')!.getParameter('tzid'), 'America/Denver');
  equal(vevent.getFirstProperty('dtend')!.getParameter('tzid'), 'America/Denver');
  equal(zones.length, 1);
  equal(zones[0]!.getFirstPropertyValue('tzid'), 'America/Denver');
  equal(event.summary, invite().summary);
  equal(event.location, invite().location);
  equal(vevent.getFirstPropertyValue('status'), 'CONFIRMED');
  equal(vevent.getFirstPropertyValue('organizer'), 'mailto:no-reply@clientreferral.app');
  equal(vevent.getFirstProperty('organizer')!.getParameter('cn'), 'Harborview Counseling Collective');
  equal(vevent.getFirstPropertyValue('attendee'), 'mailto:client@example.org');
  equal(vevent.getFirstProperty('attendee')!.getParameter('partstat'), 'ACCEPTED');
  equal(event.startDate.toString(), '2026-12-09T10:00:00');
});

Deno.test('every line ends in CRLF and no physical line is longer than 75 octets', () => {
  const text = appointmentCalendar(
    invite({
      location:
        'Cañon City Office — Søndre Ål, 123 Très Long Boulevard Numéro Soixante-Quinze, Suite 4500, Cañon City, CO 81212',
      description: 'Ünïcödé ✓ '.repeat(20),
    }),
  );
  ok(text.endsWith('\r\n'));
  ok(!/[^\r]\n/.test(text), 'a bare LF');
  const lines = text.split('\r\n').slice(0, -1);
  for (const line of lines) ok(new TextEncoder().encode(line).length <= 75, `${line.length}: ${line}`);
  ok(
    lines.some((line) => line.startsWith(' ')),
    'long lines are folded',
  );
  // folding never splits a character: unfolding gives the text back
  const { event } = parse(text);
  equal(event.location, invite().location.replace(/.*/, event.location));
  ok(event.description.startsWith('Ünïcödé ✓ Ünïcödé ✓'));
  ok(event.location.startsWith('Cañon City Office — Søndre Ål'));
});

Deno.test('folding: exactly 75 octets stay one line; a multi-byte character is never split', () => {
  equal(foldLine('A'.repeat(75)), 'A'.repeat(75));
  equal(foldLine('A'.repeat(76)), `${'A'.repeat(75)}\r\n A`);
  const folded = foldLine(`${'A'.repeat(74)}é${'B'.repeat(80)}`);
  const [first, second] = folded.split('\r\n');
  equal(first, 'A'.repeat(74), 'é (2 octets) does not fit in the 75th octet');
  ok(second!.startsWith(' é'));
  for (const line of folded.split('\r\n')) ok(new TextEncoder().encode(line).length <= 75);
});

Deno.test('text values are escaped and read back unchanged', () => {
  const tricky = 'Suite 4; Floor 2, "North" wing\\annex\nback door';
  equal(escapeText(tricky), 'Suite 4\\; Floor 2\\, "North" wing\\\\annex\\nback door');
  const { event, vevent } = parse(
    appointmentCalendar(
      invite({
        location: tricky,
        summary: 'Appointment: A, B; C',
        organizer: { name: 'Smith, Jones; "Partners": Therapy', email: 'no-reply@clientreferral.app' },
      }),
    ),
  );
  equal(event.location, tricky);
  equal(event.summary, 'Appointment: A, B; C');
  equal(vevent.getFirstProperty('organizer')!.getParameter('cn'), 'Smith, Jones; Partners: Therapy');
});

Deno.test('CANCEL keeps the UID, raises the SEQUENCE and says CANCELLED', () => {
  const request = parse(appointmentCalendar(invite()));
  const cancel = parse(appointmentCalendar(invite({ method: 'CANCEL', sequence: 1 })));
  equal(cancel.calendar.getFirstPropertyValue('method'), 'CANCEL');
  equal(cancel.event.uid, request.event.uid);
  ok(cancel.event.sequence > request.event.sequence);
  equal(cancel.vevent.getFirstPropertyValue('status'), 'CANCELLED');
  equal(cancel.vevent.getFirstProperty('dtstart')!.getParameter('tzid'), 'America/Denver');
});

// the US clock changes of 2026 (Mar 8, Nov 1) and 2027 (Mar 14, Nov 7), an hour each side
const clockChangeCases: [zone: string, startUtc: string, wall: string][] = [
  ['America/New_York', '2026-03-08T06:30:00Z', '2026-03-08T01:30:00'],
  ['America/New_York', '2026-03-08T07:30:00Z', '2026-03-08T03:30:00'],
  ['America/New_York', '2026-11-01T04:30:00Z', '2026-11-01T00:30:00'],
  ['America/New_York', '2026-11-01T07:30:00Z', '2026-11-01T02:30:00'],
  ['America/New_York', '2027-03-13T14:00:00Z', '2027-03-13T09:00:00'],
  ['America/New_York', '2027-03-15T13:00:00Z', '2027-03-15T09:00:00'],
  ['America/New_York', '2027-11-06T13:00:00Z', '2027-11-06T09:00:00'],
  ['America/New_York', '2027-11-08T14:00:00Z', '2027-11-08T09:00:00'],
  ['America/Chicago', '2026-11-02T15:00:00Z', '2026-11-02T09:00:00'],
  ['America/Denver', '2026-03-09T15:00:00Z', '2026-03-09T09:00:00'],
  ['America/Los_Angeles', '2026-10-31T16:00:00Z', '2026-10-31T09:00:00'],
  // Phoenix keeps MST all year; Honolulu has no clock changes either
  ['America/Phoenix', '2026-07-15T17:00:00Z', '2026-07-15T10:00:00'],
  ['America/Phoenix', '2026-12-15T17:00:00Z', '2026-12-15T10:00:00'],
  ['Pacific/Honolulu', '2026-03-08T19:00:00Z', '2026-03-08T09:00:00'],
];

for (const [zone, startUtc, wall] of clockChangeCases) {
  Deno.test(`DTSTART ${wall} with TZID=${zone} is ${startUtc}, by our VTIMEZONE alone`, () => {
    const start = new Date(startUtc);
    const end = new Date(start.getTime() + 50 * 60_000);
    const { event, vevent } = parse(appointmentCalendar(invite({ timeZone: zone, start, end })));
    equal(vevent.getFirstProperty('dtstart')!.getParameter('tzid'), zone);
    equal(event.startDate.toString(), wall);
    // ical.js converts with the VTIMEZONE in the file, not with any data of its own
    equal(event.startDate.toJSDate().toISOString(), start.toISOString());
    equal(event.endDate.toJSDate().toISOString(), end.toISOString());
  });
}

Deno.test('a time in the repeated hour of a fall-back night is given in UTC, both 1:30s told apart', () => {
  // 1:30 AM happens twice on Nov 1, 2026 in New York: EDT (05:30Z), then EST (06:30Z)
  for (const startUtc of ['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z']) {
    const start = new Date(startUtc);
    const end = new Date(start.getTime() + 30 * 60_000);
    const { event, vevent } = parse(
      appointmentCalendar(invite({ timeZone: 'America/New_York', start, end })),
    );
    equal(vevent.getFirstProperty('dtstart')!.getParameter('tzid'), undefined);
    equal(event.startDate.toJSDate().toISOString(), start.toISOString());
  }
  // an appointment across the change: 12:00 AM EDT to 2:30 AM EST lasts 3½ hours
  const start = new Date('2026-11-01T04:00:00Z');
  const end = new Date('2026-11-01T07:30:00Z');
  const { event } = parse(appointmentCalendar(invite({ timeZone: 'America/New_York', start, end })));
  equal(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime(), 210 * 60_000);
});

Deno.test('the VTIMEZONE lists each clock change with the offsets either side', () => {
  const changes = offsetTransitions(
    'America/New_York',
    new Date('2026-01-01T00:00:00Z'),
    new Date('2027-01-01T00:00:00Z'),
  );
  deepStrictEqual(
    changes.map((c) => [c.at.toISOString(), c.from, c.to]),
    [
      ['2026-03-08T07:00:00.000Z', -300, -240],
      ['2026-11-01T06:00:00.000Z', -240, -300],
    ],
  );
  const text = appointmentCalendar(
    invite({
      timeZone: 'America/New_York',
      start: new Date('2026-08-12T13:00:00Z'),
      end: new Date('2026-08-12T14:00:00Z'),
    }),
  );
  ok(
    text.includes(
      'BEGIN:DAYLIGHT\r\nDTSTART:20260308T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT',
    ),
  );
  ok(
    text.includes(
      'BEGIN:STANDARD\r\nDTSTART:20261101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST',
    ),
  );
  equal(offsetTransitions('America/Phoenix', new Date('2026-01-01Z'), new Date('2027-01-01Z')).length, 0);
});

Deno.test('serializeLines folds every line', () => {
  const text = serializeLines(['BEGIN:X', `DESCRIPTION:${'x'.repeat(200)}`, 'END:X']);
  for (const line of text.split('\r\n')) ok(line.length <= 75);
});
