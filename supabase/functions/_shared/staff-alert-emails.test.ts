import { match, ok, throws } from 'node:assert/strict';
import { renderEmail, TemplateError } from './email-templates.ts';

const queuePath = '/schedule/unconfirmed-appointments';
const arrived = {
  practice_name: 'Harborview Counseling Collective',
  first_name: 'Luis',
  therapist_first_name: 'Priya',
  starts_at: '2027-05-04T13:00:00Z',
  time_zone: 'America/New_York',
  path: queuePath,
};

Deno.test('request_arrived: practice, therapist, slot time in its zone and a link to the queue', () => {
  const email = renderEmail('request_arrived', arrived, 'https://app.example.org');
  match(email.subject, /^Harborview Counseling Collective: new referral request for Priya$/);
  ok(email.text.startsWith('Hi Luis,'), email.text);
  match(email.text, /Tue, May 4, 9:00\sAM EDT/);
  ok(email.text.includes(`https://app.example.org${queuePath}`), email.text);
  ok(email.html.includes(`href="https://app.example.org${queuePath}"`), email.html);
});

Deno.test('request_arrived: refuses a payload without the therapist or with a link off the app', () => {
  throws(
    () => renderEmail('request_arrived', { ...arrived, therapist_first_name: '' }, 'https://x.org'),
    TemplateError,
  );
  throws(
    () => renderEmail('request_arrived', { ...arrived, path: 'https://evil.example' }, 'https://x.org'),
    TemplateError,
  );
});

const digest = {
  practice_name: 'Harborview Counseling Collective',
  first_name: 'Luis',
  request_count: '3',
  requests: [
    { therapist_first_name: 'Priya', starts_at: '2027-05-04T13:00:00Z', time_zone: 'America/New_York' },
    { therapist_first_name: 'Jordan', starts_at: '2027-05-05T16:00:00Z', time_zone: 'America/Denver' },
  ],
  path: queuePath,
};

Deno.test('request_digest: one email listing each request with its own zone, and how many more', () => {
  const email = renderEmail('request_digest', digest, 'https://app.example.org');
  match(email.subject, /^Harborview Counseling Collective: 3 new referral requests$/);
  match(email.text, /Priya: Tue, May 4, 9:00\sAM EDT/);
  match(email.text, /Jordan: Wed, May 5, 10:00\sAM MDT/);
  ok(email.text.includes('and 1 more.'), email.text);
  ok(email.text.includes(`https://app.example.org${queuePath}`), email.text);
});

Deno.test('request_digest: a single request reads in the singular', () => {
  const email = renderEmail(
    'request_digest',
    { ...digest, request_count: '1', requests: digest.requests.slice(0, 1) },
    'https://x.org',
  );
  match(email.subject, /: 1 new referral request$/);
  ok(email.text.includes('One new referral appointment request arrived'), email.text);
});

Deno.test('request_digest: a listed request carries no PHI even when its payload holds some', () => {
  const email = renderEmail(
    'request_digest',
    {
      ...digest,
      requests: [
        {
          ...digest.requests[0],
          note: 'CANARY-panic attacks',
          payer_name: 'CANARY-Aetna',
          last_name: 'CANARY-Castillo',
        },
      ],
    },
    'https://x.org',
  );
  for (const part of [email.subject, email.html, email.text]) ok(!part.includes('CANARY'), part);
});

Deno.test('request_digest: refuses an empty list or a count that is not one', () => {
  throws(() => renderEmail('request_digest', { ...digest, requests: [] }, 'https://x.org'), TemplateError);
  throws(
    () => renderEmail('request_digest', { ...digest, request_count: '0' }, 'https://x.org'),
    TemplateError,
  );
  throws(() => renderEmail('request_digest', { ...digest, requests: ['x'] }, 'https://x.org'), TemplateError);
});
