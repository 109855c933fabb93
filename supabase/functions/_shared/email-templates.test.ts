import { deepStrictEqual, equal, match, ok, throws } from 'node:assert/strict';
import { renderEmail, TemplateError, templateNames } from './email-templates.ts';

// values that must never reach an email, whatever a payload carries
const canaries = {
  diagnosis: 'CANARY-F41.1 generalized anxiety',
  reason: 'CANARY-panic attacks at work',
  payer: 'CANARY-Aetna Choice POS II',
  payer_name: 'CANARY-BlueCross',
  member_id: 'CANARY-W123456789',
  date_of_birth: '1987-03-14',
  specialty: 'CANARY-trauma and PTSD',
  note: 'CANARY-I was hospitalised last year',
};
const slot = {
  practice_name: 'Harborview Counseling Collective',
  starts_at: '2027-05-04T13:00:00Z',
  time_zone: 'America/New_York',
  office_name: 'Harborview Office',
};
const validPayloads: Record<string, Record<string, unknown>> = {
  enrollment_invitation: {
    practice_name: 'Harborview Counseling Collective',
    first_name: 'Priya',
    path: '/staff/abc/public-profile',
  },
  request_confirmed: slot,
  request_declined: slot,
  request_expired: { ...slot, expiry_cause: 'deadline' },
  request_withdrawn: slot,
  request_reminder: {
    ...slot,
    first_name: 'Priya',
    expires_at: '2027-05-03T21:30:00Z',
    path: '/schedule/unconfirmed-appointments',
  },
  request_arrived: {
    ...slot,
    first_name: 'Luis',
    therapist_first_name: 'Priya',
    path: '/schedule/unconfirmed-appointments',
  },
  request_digest: {
    practice_name: slot.practice_name,
    first_name: 'Luis',
    request_count: '2',
    requests: [
      { therapist_first_name: 'Priya', starts_at: '2027-05-04T13:00:00Z', time_zone: 'America/New_York' },
      { therapist_first_name: 'Jordan', starts_at: '2027-05-05T16:00:00Z', time_zone: 'America/Denver' },
    ],
    path: '/schedule/unconfirmed-appointments',
  },
  request_verification: {
    ...slot,
    path: '/request/harborview/verify',
    token: 'A'.repeat(21) + '-_' + 'z9'.repeat(10),
    confirm_within_minutes: '30',
  },
  request_alternatives_offered: {
    ...slot,
    offer_expires_at: '2027-05-03T13:00:00Z',
    status_url: `/request/status/${'B'.repeat(41)}-_`,
  },
  request_offer_expired: { ...slot, status_url: `/request/status/${'C'.repeat(43)}` },
  webhook_endpoint_disabled: {
    endpoint_url: 'https://hooks.example.com/referrals',
    failing_since: '2027-05-01T10:00:00Z',
  },
};

Deno.test('every template has a canary payload in this test', () => {
  deepStrictEqual(Object.keys(validPayloads).sort(), [...templateNames].sort());
});

for (const name of templateNames) {
  Deno.test(`${name}: carries no PHI even when the payload holds some`, () => {
    const email = renderEmail(name, { ...validPayloads[name], ...canaries }, 'https://app.example.org');
    for (const part of [email.subject, email.html, email.text]) {
      for (const value of Object.values(canaries)) ok(!part.includes(value), `${name} leaked ${value}`);
      ok(!part.includes('CANARY'), `${name} leaked a canary`);
    }
  });
}

Deno.test('enrollment_invitation links into the app and names the practice', () => {
  const email = renderEmail(
    'enrollment_invitation',
    validPayloads.enrollment_invitation!,
    'https://app.example.org',
  );
  match(email.subject, /Harborview Counseling Collective/);
  ok(email.text.includes('https://app.example.org/staff/abc/public-profile'));
  ok(email.html.includes('href="https://app.example.org/staff/abc/public-profile"'));
});

Deno.test('escapes HTML in payload values', () => {
  const email = renderEmail(
    'enrollment_invitation',
    { ...validPayloads.enrollment_invitation, practice_name: '<b>Evil</b>' },
    'https://x.org',
  );
  ok(!email.html.includes('<b>Evil</b>'));
  ok(email.html.includes('&lt;b&gt;Evil&lt;/b&gt;'));
});

Deno.test('refuses missing fields, unknown templates and off-site links', () => {
  throws(
    () => renderEmail('enrollment_invitation', { practice_name: 'A', path: '/x' }, 'https://x.org'),
    TemplateError,
  );
  throws(() => renderEmail('nope', {}, 'https://x.org'), TemplateError);
  throws(
    () =>
      renderEmail(
        'enrollment_invitation',
        { ...validPayloads.enrollment_invitation, path: '//evil.example/x' },
        'https://x.org',
      ),
    TemplateError,
  );
});

Deno.test('request emails give the date and time in the location’s zone, named', () => {
  const email = renderEmail('request_confirmed', validPayloads.request_confirmed!, 'https://app.example.org');
  ok(email.text.includes('Tue, May 4, 9:00 AM EDT, Harborview Office'), email.text);
  const winter = renderEmail(
    'request_declined',
    { ...validPayloads.request_declined, starts_at: '2027-11-09T14:00:00Z' },
    'https://x.org',
  );
  ok(winter.text.includes('Tue, Nov 9, 9:00 AM EST, Harborview Office'), winter.text);
});

Deno.test(
  'an email says the time the screens say: the office’s zone and name, as formatAppointmentTime gives it',
  () => {
    // the case from the field: a Denver office's slot, seen in New York as 12:00 PM EST
    const denver = {
      ...slot,
      starts_at: '2026-12-09T17:00:00Z',
      time_zone: 'America/Denver',
      office_name: 'Denver Highlands Office',
    };
    const email = renderEmail('request_confirmed', denver, 'https://x.org');
    ok(email.text.includes('confirmed for Wed, Dec 9, 10:00 AM MST, Denver Highlands Office.'), email.text);
    ok(email.html.includes('Wed, Dec 9, 10:00 AM MST, Denver Highlands Office'), email.html);
    // Phoenix keeps MST in summer, and the fall-back night's second 1:30 AM reads EST
    const phoenix = renderEmail(
      'request_declined',
      {
        ...denver,
        starts_at: '2026-07-15T17:00:00Z',
        time_zone: 'America/Phoenix',
        office_name: 'Phoenix Office',
      },
      'https://x.org',
    );
    ok(phoenix.text.includes('for Wed, Jul 15, 10:00 AM MST, Phoenix Office.'), phoenix.text);
    const fallBack = renderEmail(
      'request_withdrawn',
      { ...slot, starts_at: '2026-11-01T06:30:00Z' },
      'https://x.org',
    );
    ok(fallBack.text.includes('requested for Sun, Nov 1, 1:30 AM EST, Harborview Office,'), fallBack.text);
    // queued before payloads carried the office: the zone still says where the time is
    const { office_name: _unused, ...older } = slot;
    const old = renderEmail('request_confirmed', older, 'https://x.org');
    ok(old.text.includes('confirmed for Tue, May 4, 9:00 AM EDT.'), old.text);
  },
);

Deno.test('the reminder goes to the therapist with a link to the queue, without the client', () => {
  const email = renderEmail(
    'request_reminder',
    { ...validPayloads.request_reminder, first_name: 'Priya', client_name: 'CANARY-Elena' },
    'https://app.example.org',
  );
  ok(email.text.includes('https://app.example.org/schedule/unconfirmed-appointments'));
  ok(!email.text.includes('Elena'));
});

Deno.test(
  'the withdrawal tells the client the practice, the time and its zone, and nothing of the therapist',
  () => {
    const email = renderEmail(
      'request_withdrawn',
      { ...validPayloads.request_withdrawn, therapist_name: 'CANARY-Priya Raman' },
      'https://app.example.org',
    );
    match(email.subject, /^Your appointment request with Harborview Counseling Collective was withdrawn$/);
    ok(email.text.includes('Tue, May 4, 9:00 AM EDT, Harborview Office'), email.text);
    ok(!`${email.subject}${email.text}${email.html}`.includes('Priya'));
  },
);

Deno.test(
  'the verification email links to the app with the token in the fragment, and gives the time in the office’s zone',
  () => {
    const payload = validPayloads.request_verification!;
    const email = renderEmail('request_verification', payload, 'https://app.example.org');
    const href = `https://app.example.org/request/harborview/verify#token=${String(payload.token)}`;
    match(email.subject, /^Confirm your appointment request with Harborview Counseling Collective$/);
    ok(
      email.text.includes(
        'You asked Harborview Counseling Collective for an appointment on Tue, May 4, 9:00 AM EDT, Harborview Office.',
      ),
      email.text,
    );
    ok(email.text.includes('within 30 minutes'));
    ok(email.text.includes(href));
    ok(email.html.includes(`href="${href}"`));
    const winter = renderEmail(
      'request_verification',
      { ...payload, starts_at: '2027-11-09T14:00:00Z' },
      'https://x.org',
    );
    ok(winter.text.includes('Tue, Nov 9, 9:00 AM EST, Harborview Office'), winter.text);
  },
);

Deno.test('the verification email refuses a token or a window that is not what the database makes', () => {
  const payload = validPayloads.request_verification!;
  throws(
    () => renderEmail('request_verification', { ...payload, token: 'short' }, 'https://x.org'),
    TemplateError,
  );
  throws(
    () =>
      renderEmail('request_verification', { ...payload, token: `${'a'.repeat(40)}"><x` }, 'https://x.org'),
    TemplateError,
  );
  throws(
    () =>
      renderEmail('request_verification', { ...payload, confirm_within_minutes: 'soon' }, 'https://x.org'),
    TemplateError,
  );
});

Deno.test('the expiry email says the 48 hours ran out only when they did, in summer and winter time', () => {
  const summer = renderEmail('request_expired', { ...slot, expiry_cause: 'deadline' }, 'https://x.org');
  ok(
    summer.text.includes(
      'Harborview Counseling Collective did not answer your appointment request for Tue, May 4, 9:00 AM EDT, Harborview Office within 48 hours, so the request has expired',
    ),
    summer.text,
  );
  ok(!summer.text.includes('before that time began'), summer.text);
  const winter = renderEmail(
    'request_expired',
    { ...slot, starts_at: '2027-11-09T14:00:00Z', expiry_cause: 'deadline' },
    'https://x.org',
  );
  ok(winter.text.includes('for Tue, Nov 9, 9:00 AM EST, Harborview Office within 48 hours'), winter.text);
});

Deno.test(
  'the expiry email of a request whose slot began before an answer does not speak of 48 hours',
  () => {
    for (const [startsAt, local] of [
      ['2027-05-04T13:00:00Z', 'Tue, May 4, 9:00 AM EDT, Harborview Office'],
      ['2027-11-09T14:00:00Z', 'Tue, Nov 9, 9:00 AM EST, Harborview Office'],
    ] as const) {
      const email = renderEmail(
        'request_expired',
        { ...slot, starts_at: startsAt, expiry_cause: 'slot_started' },
        'https://x.org',
      );
      ok(
        email.text.includes(
          `did not answer your appointment request for ${local} before that time began, so the request has expired.`,
        ),
        email.text,
      );
      ok(!email.text.includes('48 hours') && !email.html.includes('48 hours'), email.text);
    }
  },
);

Deno.test(
  'an expiry email queued before the payload said why makes no claim about 48 hours; an unknown cause is refused',
  () => {
    const email = renderEmail('request_expired', slot, 'https://x.org');
    ok(
      email.text.includes(
        'for Tue, May 4, 9:00 AM EDT, Harborview Office in time, so the request has expired.',
      ),
      email.text,
    );
    ok(!email.text.includes('48 hours'), email.text);
    throws(
      () => renderEmail('request_expired', { ...slot, expiry_cause: 'tuesday' }, 'https://x.org'),
      TemplateError,
    );
  },
);

Deno.test(
  'the reminder names the deadline that applies: the slot’s start, or the end of the 48 hours',
  () => {
    const atSlot = renderEmail(
      'request_reminder',
      { ...validPayloads.request_reminder, expires_at: slot.starts_at },
      'https://x.org',
    );
    match(atSlot.subject, /^A referral request is waiting for your answer$/);
    ok(atSlot.text.includes('It expires when the appointment time begins'), atSlot.text);
    ok(!atSlot.text.includes('48 hours') && !atSlot.subject.includes('12 hours'), atSlot.text);
    const afterDeadline = renderEmail('request_reminder', validPayloads.request_reminder!, 'https://x.org');
    ok(
      afterDeadline.text.includes('It expires Mon, May 3, 5:30 PM EDT, when the 48 hours to answer are over'),
      afterDeadline.text,
    );
    const winter = renderEmail(
      'request_reminder',
      {
        ...validPayloads.request_reminder,
        starts_at: '2027-11-09T14:00:00Z',
        expires_at: '2027-11-08T22:30:00Z',
      },
      'https://x.org',
    );
    ok(winter.text.includes('It expires Mon, Nov 8, 5:30 PM EST'), winter.text);
  },
);

Deno.test('webhook_endpoint_disabled names the endpoint and when it started failing', () => {
  const email = renderEmail(
    'webhook_endpoint_disabled',
    validPayloads.webhook_endpoint_disabled!,
    'https://app.example.org',
  );
  ok(email.text.includes('https://hooks.example.com/referrals'));
  ok(email.text.includes('Sat, 01 May 2027 10:00:00 GMT'));
  equal(email.subject, 'A webhook endpoint of yours was disabled');
});

Deno.test('client emails about a request link to its status page when the payload has the link', () => {
  const statusUrl = `/request/status/${'D'.repeat(42)}_`;
  for (const name of ['request_confirmed', 'request_declined', 'request_expired', 'request_withdrawn']) {
    const email = renderEmail(
      name,
      { ...validPayloads[name], status_url: statusUrl },
      'https://app.example.org',
    );
    ok(email.text.includes(`https://app.example.org${statusUrl}`), `${name} text has no status link`);
    ok(email.html.includes(`href="https://app.example.org${statusUrl}"`), `${name} html has no status link`);
    // rows queued before the link existed still render, without it
    ok(!renderEmail(name, validPayloads[name]!, 'https://x.org').text.includes('/request/status/'));
  }
  throws(
    () =>
      renderEmail(
        'request_confirmed',
        { ...slot, status_url: '//evil.example/request/status/x' },
        'https://x.org',
      ),
    TemplateError,
  );
});

Deno.test('the offer email links to the status page to pick a time, and names no offered time', () => {
  const email = renderEmail(
    'request_alternatives_offered',
    validPayloads.request_alternatives_offered!,
    'https://x.org',
  );
  match(email.subject, /offered you other appointment times/);
  ok(email.text.includes(`Pick a time: https://x.org/request/status/`));
  throws(() => renderEmail('request_alternatives_offered', slot, 'https://x.org'), TemplateError);
});

Deno.test(
  'the email-address confirmation also carries the status link, to follow or withdraw the request',
  () => {
    const statusUrl = `/request/status/${'E'.repeat(43)}`;
    const email = renderEmail(
      'request_verification',
      { ...validPayloads.request_verification, status_url: statusUrl },
      'https://x.org',
    );
    ok(email.text.includes(`View your request: https://x.org${statusUrl}`), email.text);
    ok(email.text.includes('Confirm my request: https://x.org/request/harborview/verify#token='));
  },
);
