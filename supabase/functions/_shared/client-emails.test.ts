/**
 * Every email a client gets: a plain-text part beside the HTML part, the appointment's details
 * (therapist, when in the office's zone, where, the practice's phone), the calendar file where the
 * database asked for one (REQUEST with a confirmation, CANCEL with the same UID when a request
 * whose file was sent ends), links to the status page and the clinic's request page, and nothing
 * of what the payload may hold besides (reason, payer, diagnosis, specialty).
 */
import { deepStrictEqual, equal, ok, throws } from 'node:assert/strict';
import ICAL from 'ical.js';
import { renderEmail, TemplateError, type RenderedEmail } from './email-templates.ts';

const site = 'https://app.example.org';
const context = {
  recipient: 'sam.client@example.org',
  sender: 'Client Referral Program <no-reply@clientreferral.app>',
};
const requestId = '5b0f2c1e-3f5d-4a55-9a55-0b4f0b0e2a11';

const inPerson = {
  request_id: requestId,
  practice_name: 'Harborview Counseling Collective',
  starts_at: '2026-12-09T17:00:00Z',
  ends_at: '2026-12-09T17:50:00Z',
  time_zone: 'America/Denver',
  office_name: 'Denver Highlands Office',
  therapist_name: 'Priya Raman',
  session_format: 'in_person',
  office_address: '3300 W 32nd Avenue, Suite 200, Denver, CO 80211',
  practice_phone: '(617) 555-0142',
  request_page_path: '/request/harborview',
};
const telehealth = { ...inPerson, session_format: 'telehealth', office_address: null };
const request = (sequence: number) => ({
  calendar: { method: 'REQUEST', sequence, stamped_at: '2026-12-01T15:00:00Z' },
});
const cancel = (sequence: number) => ({
  calendar: { method: 'CANCEL', sequence, stamped_at: '2026-12-02T15:00:00Z' },
});

const clientPayloads: Record<string, Record<string, unknown>> = {
  request_verification: {
    ...inPerson,
    path: '/request/harborview/verify',
    token: 'A'.repeat(21) + '-_' + 'z9'.repeat(10),
    confirm_within_minutes: '30',
  },
  request_confirmed: { ...inPerson, ...request(0) },
  request_declined: inPerson,
  request_expired: { ...inPerson, expiry_cause: 'deadline', ...cancel(1) },
  request_withdrawn: { ...inPerson, ...cancel(1) },
};

const canaries = {
  diagnosis: 'CANARY-F41.1 generalized anxiety',
  reason: 'CANARY-panic attacks at work',
  payer: 'CANARY-Aetna Choice POS II',
  payer_name: 'CANARY-BlueCross',
  member_id: 'CANARY-W123456789',
  date_of_birth: '1987-03-14',
  specialty: 'CANARY-trauma and PTSD',
  specialties: ['CANARY-eating disorders'],
  note: 'CANARY-I was hospitalised last year',
  decline_reason: 'CANARY-not_a_clinical_fit',
};

const decode = (base64: string) =>
  new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));

function calendarOf(email: RenderedEmail) {
  equal(email.attachments?.length, 1, 'one calendar file');
  const [file] = email.attachments!;
  equal(file!.filename, 'appointment.ics');
  const text = decode(file!.content);
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return {
    text,
    contentType: file!.content_type,
    method: calendar.getFirstPropertyValue('method'),
    uid: String(vevent.getFirstPropertyValue('uid')),
    sequence: Number(vevent.getFirstPropertyValue('sequence')),
    tzid: vevent.getFirstProperty('dtstart')!.getParameter('tzid'),
    dtstart: String(vevent.getFirstPropertyValue('dtstart')),
    location: String(vevent.getFirstPropertyValue('location')),
    summary: String(vevent.getFirstPropertyValue('summary')),
  };
}

for (const [name, payload] of Object.entries(clientPayloads)) {
  Deno.test(`${name}: an HTML part and a plain-text part that say the same, and no PHI`, () => {
    const email = renderEmail(name, { ...payload, ...canaries }, site, context);
    ok(email.html.startsWith('<!doctype html>'));
    ok(email.text.trim().length > 80);
    ok(!/<[a-z]/i.test(email.text), 'the text part has no markup');
    // each sentence of the text is in the HTML too (escaped)
    for (const line of email.text.split('\n').filter((l) => l && !l.includes(':')))
      ok(email.html.includes(line.replace(/'/g, '&#39;')), `${name}: HTML lacks "${line}"`);
    const files = (email.attachments ?? []).map((a) => decode(a.content));
    for (const part of [email.subject, email.html, email.text, ...files]) {
      ok(!part.includes('CANARY'), `${name} leaked a canary`);
      ok(!part.includes('1987'), `${name} leaked the date of birth`);
    }
  });
}

Deno.test('the confirmation names the therapist, the office and its address, the phone and the time', () => {
  const email = renderEmail('request_confirmed', clientPayloads.request_confirmed!, site, context);
  ok(
    email.text.includes(
      'Your appointment request with Harborview Counseling Collective is confirmed for Wed, Dec 9, 10:00 AM MST, Denver Highlands Office.',
    ),
    email.text,
  );
  ok(email.text.includes('Therapist: Priya Raman'), email.text);
  ok(email.text.includes('When: Wed, Dec 9, 10:00 AM MST (50 minutes)'), email.text);
  ok(
    email.text.includes('Where: Denver Highlands Office, 3300 W 32nd Avenue, Suite 200, Denver, CO 80211'),
    email.text,
  );
  ok(email.text.includes('Phone: (617) 555-0142'), email.text);
  ok(email.text.includes('please call Harborview Counseling Collective at (617) 555-0142'), email.text);
  ok(email.text.includes('appointment.ics'), email.text);
  for (const value of ['Priya Raman', '3300 W 32nd Avenue', '(617) 555-0142', 'Wed, Dec 9, 10:00 AM MST'])
    ok(email.html.includes(value), `HTML lacks ${value}`);
});

Deno.test(
  'the confirmation carries a REQUEST calendar file in the office’s zone, UID from the request',
  () => {
    const email = renderEmail('request_confirmed', clientPayloads.request_confirmed!, site, context);
    const ics = calendarOf(email);
    equal(ics.method, 'REQUEST');
    equal(ics.contentType, 'text/calendar; charset=utf-8; method=REQUEST');
    equal(ics.uid, `referral-request-${requestId}@app.example.org`);
    equal(ics.sequence, 0);
    equal(ics.tzid, 'America/Denver');
    equal(ics.dtstart, '2026-12-09T10:00:00');
    equal(ics.location, 'Denver Highlands Office, 3300 W 32nd Avenue, Suite 200, Denver, CO 80211');
    equal(ics.summary, 'Appointment with Priya Raman (Harborview Counseling Collective)');
    ok(
      ics.text
        .replace(/\r\n /g, '')
        .includes('ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:sam.client@example.org'),
    );
  },
);

Deno.test('a telehealth confirmation says Telehealth, and names no office in the time', () => {
  const email = renderEmail('request_confirmed', { ...telehealth, ...request(0) }, site, context);
  ok(email.text.includes('is confirmed for Wed, Dec 9, 10:00 AM MST.'), email.text);
  ok(email.text.includes('Where: Telehealth'), email.text);
  ok(!email.text.includes('Denver Highlands Office'), email.text);
  const ics = calendarOf(email);
  equal(ics.location, 'Telehealth');
  equal(ics.summary, 'Telehealth appointment with Priya Raman (Harborview Counseling Collective)');
  equal(ics.tzid, 'America/Denver');
});

Deno.test(
  'a withdrawal or expiry after a calendar file was sent cancels the same UID with a higher SEQUENCE',
  () => {
    const confirmed = calendarOf(
      renderEmail('request_confirmed', clientPayloads.request_confirmed!, site, context),
    );
    for (const name of ['request_withdrawn', 'request_expired']) {
      const email = renderEmail(name, clientPayloads[name]!, site, context);
      const cancelled = calendarOf(email);
      equal(cancelled.method, 'CANCEL', name);
      equal(cancelled.contentType, 'text/calendar; charset=utf-8; method=CANCEL');
      equal(cancelled.uid, confirmed.uid, name);
      ok(cancelled.sequence > confirmed.sequence, name);
      equal(cancelled.tzid, 'America/Denver');
      ok(cancelled.text.includes('STATUS:CANCELLED'));
      ok(email.text.includes('takes this time out of your calendar'), email.text);
    }
  },
);

Deno.test(
  'without a calendar in the payload no file is attached: decline, and requests never sent one',
  () => {
    for (const name of ['request_declined', 'request_expired', 'request_withdrawn', 'request_verification']) {
      const { calendar: _none, ...payload } = clientPayloads[name]!;
      const email = renderEmail(name, payload, site, context);
      equal(email.attachments, undefined, name);
      ok(!email.text.includes('appointment.ics'), name);
    }
    // a confirmation queued before payloads carried one still renders, without a file
    const old = renderEmail(
      'request_confirmed',
      {
        practice_name: 'Harborview Counseling Collective',
        starts_at: '2026-12-09T17:00:00Z',
        time_zone: 'America/Denver',
        office_name: 'Denver Highlands Office',
      },
      site,
      context,
    );
    equal(old.attachments, undefined);
    ok(old.text.includes('please contact Harborview Counseling Collective directly'), old.text);
  },
);

Deno.test('decline and expiry emails link back to the clinic’s request page', () => {
  for (const name of ['request_declined', 'request_expired', 'request_withdrawn']) {
    const email = renderEmail(name, clientPayloads[name]!, site, context);
    ok(email.text.includes('Request another time: https://app.example.org/request/harborview'), email.text);
    ok(email.html.includes('href="https://app.example.org/request/harborview"'), name);
    // the therapist is not named once the request has ended
    ok(!`${email.subject}${email.text}${email.html}`.includes('Priya'), name);
  }
  throws(
    () =>
      renderEmail(
        'request_declined',
        { ...inPerson, request_page_path: 'https://evil.example/x' },
        site,
        context,
      ),
    TemplateError,
  );
});

Deno.test('the status link is in every client email that carries one, and only a link into the app', () => {
  for (const [name, payload] of Object.entries(clientPayloads)) {
    const plain = renderEmail(name, payload, site, context);
    ok(!plain.text.includes('/request/status/'), name);
    const withPath = renderEmail(
      name,
      { ...payload, status_url: '/request/status/abc_DEF-123' },
      site,
      context,
    );
    ok(
      withPath.text.includes('https://app.example.org/request/status/abc_DEF-123'),
      `${name}: ${withPath.text}`,
    );
    ok(withPath.html.includes('https://app.example.org/request/status/abc_DEF-123'), name);
    const absolute = renderEmail(
      name,
      { ...payload, status_url: 'https://app.example.org/request/status/xyz' },
      site,
      context,
    );
    ok(absolute.text.includes('https://app.example.org/request/status/xyz'), name);
    throws(
      () =>
        renderEmail(
          name,
          { ...payload, status_url: 'https://evil.example/request/status/xyz' },
          site,
          context,
        ),
      TemplateError,
      name,
    );
  }
  // the confirmation's calendar file links to the status page too
  const email = renderEmail(
    'request_confirmed',
    { ...clientPayloads.request_confirmed, status_url: '/request/status/abc' },
    site,
    context,
  );
  ok(calendarOf(email).text.includes('URL;VALUE=URI:https://app.example.org/request/status/abc'));
});

Deno.test(
  'a calendar the template cannot make is refused, so the email is dead-lettered, not sent half',
  () => {
    const bad = [
      { calendar: { method: 'PUBLISH', sequence: 0, stamped_at: '2026-12-01T15:00:00Z' } },
      { calendar: { method: 'REQUEST', sequence: -1, stamped_at: '2026-12-01T15:00:00Z' } },
      { calendar: { method: 'REQUEST', sequence: 0, stamped_at: 'yesterday' } },
      { request_id: 'not-an-id' },
      { ends_at: undefined },
      { session_format: 'carrier pigeon' },
    ];
    for (const change of bad)
      throws(
        () =>
          renderEmail('request_confirmed', { ...clientPayloads.request_confirmed, ...change }, site, context),
        TemplateError,
        JSON.stringify(change),
      );
  },
);

Deno.test('times in the email and the file agree on both sides of the US clock changes', () => {
  const cases: [startsAt: string, words: string, wall: string][] = [
    ['2026-03-07T14:00:00Z', 'Sat, Mar 7, 9:00 AM EST', '2026-03-07T09:00:00'],
    ['2026-03-09T13:00:00Z', 'Mon, Mar 9, 9:00 AM EDT', '2026-03-09T09:00:00'],
    ['2026-10-31T13:00:00Z', 'Sat, Oct 31, 9:00 AM EDT', '2026-10-31T09:00:00'],
    ['2026-11-02T14:00:00Z', 'Mon, Nov 2, 9:00 AM EST', '2026-11-02T09:00:00'],
  ];
  for (const [startsAt, words, wall] of cases) {
    const endsAt = new Date(new Date(startsAt).getTime() + 3_600_000).toISOString();
    const email = renderEmail(
      'request_confirmed',
      {
        ...clientPayloads.request_confirmed,
        starts_at: startsAt,
        ends_at: endsAt,
        time_zone: 'America/New_York',
        office_name: 'Back Bay Office',
      },
      site,
      context,
    );
    ok(email.text.includes(`confirmed for ${words}, Back Bay Office.`), email.text);
    const ics = calendarOf(email);
    deepStrictEqual([ics.tzid, ics.dtstart], ['America/New_York', wall]);
  }
});
