import { deepStrictEqual, equal, match } from 'node:assert/strict';
import {
  createSendEmailsApp,
  type FinishedStatus,
  type OutboxEmail,
  type SendEmailsDeps,
} from './handler.ts';

const token = (role: string) => `Bearer h.${btoa(JSON.stringify({ role })).replace(/=+$/, '')}.s`;
const email = (id: string, overrides: Partial<OutboxEmail> = {}): OutboxEmail => ({
  id,
  template: 'enrollment_invitation',
  recipient: `${id}@harborviewcounseling.com`,
  payload: {
    practice_name: 'Harborview Counseling Collective',
    first_name: 'Priya',
    path: '/staff/1/public-profile',
  },
  idempotency_key: `enrollment_invitation:${id}`,
  org_id: '0a9e0000-0000-4000-8000-000000000001',
  attempts: 1,
  ...overrides,
});

/**
 * `status` plays the database's decision for each recorded outcome (the retry window itself is
 * the database's, tested in tests/api/email-dead-letters.test.ts).
 */
function setup(
  queue: OutboxEmail[],
  respond: (init: RequestInit) => Response | Promise<Response>,
  status: (id: string, delivered: boolean) => FinishedStatus = (_id, delivered) =>
    delivered ? 'sent' : 'pending',
) {
  const finished: { id: string; delivered: boolean; error?: string; permanent?: boolean }[] = [];
  const sent: RequestInit[] = [];
  const logged: string[] = [];
  const deps: SendEmailsDeps = {
    claim: (n) => Promise.resolve(queue.splice(0, n)),
    finish: (id, outcome) => {
      finished.push({ id, delivered: outcome.delivered, error: outcome.error, permanent: outcome.permanent });
      return Promise.resolve(status(id, outcome.delivered));
    },
    fetch: (_url, init) => {
      sent.push(init!);
      return Promise.resolve(respond(init!));
    },
    emailApiUrl: 'https://email.example.org/',
    emailApiKey: 'key',
    siteUrl: 'https://app.example.org',
    from: 'Client Referral Program <no-reply@clientreferral.app>',
    logError: (line) => logged.push(line),
  };
  return { handler: createSendEmailsApp(deps).fetch, finished, sent, logged };
}

const post = (role: string) =>
  new Request('http://x/send-emails', { method: 'POST', headers: { authorization: token(role) } });

Deno.test('sends each claimed email once with its idempotency key and records the outcome', async () => {
  const { handler, finished, sent } = setup([email('a'), email('b')], () => Response.json({ id: 'msg' }));
  const response = await handler(post('service_role'));
  deepStrictEqual(await response.json(), { claimed: 2, sent: 2, failed: 0, dead_lettered: 0 });
  equal((sent[0]!.headers as Record<string, string>)['idempotency-key'], 'enrollment_invitation:a');
  deepStrictEqual(JSON.parse(sent[1]!.body as string).to, ['b@harborviewcounseling.com']);
  deepStrictEqual(
    finished.map((f) => [f.id, f.delivered]),
    [
      ['a', true],
      ['b', true],
    ],
  );
});

Deno.test('records a provider error for retry instead of throwing', async () => {
  const { handler, finished } = setup([email('a')], () => new Response('rate limited', { status: 429 }));
  deepStrictEqual(await (await handler(post('service_role'))).json(), {
    claimed: 1,
    sent: 0,
    failed: 1,
    dead_lettered: 0,
  });
  equal(finished[0]!.delivered, false);
  match(finished[0]!.error!, /429/);
  equal(finished[0]!.permanent, false);
});

Deno.test('records a broken payload as a failure and goes on with the batch', async () => {
  const { handler, finished } = setup([email('bad', { payload: {} }), email('good')], () =>
    Response.json({ id: 'x' }),
  );
  deepStrictEqual(await (await handler(post('service_role'))).json(), {
    claimed: 2,
    sent: 1,
    failed: 1,
    dead_lettered: 0,
  });
  match(finished[0]!.error!, /template/);
  equal(finished[0]!.permanent, true);
});

Deno.test('only the service role may drain the outbox', async () => {
  const { handler, sent } = setup([email('a')], () => Response.json({ id: 'x' }));
  equal((await handler(post('authenticated'))).status, 403);
  equal(sent.length, 0);
});

Deno.test(
  'a provider that is down, slow, rate limiting or refusing our key is retried, not dead-lettered at once',
  async () => {
    const answers: (() => Response | Promise<Response>)[] = [
      () => new Response('bad gateway', { status: 502 }),
      () => new Response('unavailable', { status: 503 }),
      () => new Response('rate limited', { status: 429 }),
      () => new Response('timeout', { status: 408 }),
      () => new Response('bad key', { status: 401 }),
      () => Promise.reject(new TypeError('error sending request: Connection refused')),
    ];
    const { handler, finished } = setup(
      answers.map((_, i) => email(`t${i}`)),
      () => answers[finished.length]!(),
    );
    deepStrictEqual(await (await handler(post('service_role'))).json(), {
      claimed: 6,
      sent: 0,
      failed: 6,
      dead_lettered: 0,
    });
    deepStrictEqual(
      finished.map((f) => f.permanent ?? false),
      [false, false, false, false, false, false],
    );
    match(finished[5]!.error!, /unreachable: .*Connection refused/);
  },
);

Deno.test(
  'a message the provider refuses (400, 422) is a permanent failure: no retry can fix it',
  async () => {
    const { handler, finished } = setup([email('a'), email('b')], () =>
      finished.length === 0
        ? new Response('{"message":"Invalid `to` field"}', { status: 422 })
        : new Response('bad', { status: 400 }),
    );
    await handler(post('service_role'));
    deepStrictEqual(
      finished.map((f) => f.permanent),
      [true, true],
    );
  },
);

Deno.test('an email the database dead-letters is logged once, with no recipient or payload', async () => {
  const dead = email('dead', {
    template: 'request_confirmed',
    attempts: 71,
    payload: { practice_name: 'Harborview' },
  });
  const { handler, logged } = setup(
    [email('ok'), dead],
    (init) =>
      JSON.parse(init.body as string).to[0] === 'ok@harborviewcounseling.com'
        ? Response.json({ id: 'm' })
        : new Response('down', { status: 503 }),
    (id, delivered) => (delivered ? 'sent' : id === 'dead' ? 'dead_letter' : 'pending'),
  );
  // the payload above lacks starts_at: a template error, so it never reaches the provider
  deepStrictEqual(await (await handler(post('service_role'))).json(), {
    claimed: 2,
    sent: 1,
    failed: 1,
    dead_lettered: 1,
  });
  equal(logged.length, 1);
  match(
    logged[0]!,
    /^send-emails: dead letter: email dead \(request_confirmed\) of organization 0a9e0000-0000-4000-8000-000000000001 was not delivered after 71 attempt\(s\)/,
  );
  match(logged[0]!, /last error: template: payload\.starts_at is missing/);
  equal(logged[0]!.includes('@'), false);
  equal(logged[0]!.includes('Harborview'), false);
});

Deno.test('a failure the database will retry is not logged as a dead letter', async () => {
  const { handler, logged } = setup([email('a')], () => new Response('down', { status: 503 }));
  deepStrictEqual(await (await handler(post('service_role'))).json(), {
    claimed: 1,
    sent: 0,
    failed: 1,
    dead_lettered: 0,
  });
  deepStrictEqual(logged, []);
});

Deno.test(
  'a confirmation goes with its calendar file as the provider takes attachments, the client as attendee',
  async () => {
    const confirmation = email('c', {
      template: 'request_confirmed',
      recipient: 'client@example.org',
      payload: {
        request_id: '5b0f2c1e-3f5d-4a55-9a55-0b4f0b0e2a11',
        practice_name: 'Harborview Counseling Collective',
        starts_at: '2026-12-09T17:00:00Z',
        ends_at: '2026-12-09T18:00:00Z',
        time_zone: 'America/Denver',
        office_name: 'Denver Highlands Office',
        therapist_name: 'Priya Raman',
        session_format: 'in_person',
        office_address: '3300 W 32nd Avenue, Suite 200, Denver, CO 80211',
        practice_phone: '(617) 555-0142',
        request_page_path: '/request/harborview',
        calendar: { method: 'REQUEST', sequence: 0, stamped_at: '2026-12-01T15:00:00Z' },
      },
    });
    const { handler, sent } = setup([confirmation], () => Response.json({ id: 'msg' }));
    await handler(post('service_role'));
    const body = JSON.parse(sent[0]!.body as string);
    equal(body.attachments.length, 1);
    const [file] = body.attachments;
    equal(file.filename, 'appointment.ics');
    equal(file.content_type, 'text/calendar; charset=utf-8; method=REQUEST');
    const folded = new TextDecoder().decode(Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)));
    const ics = folded.replace(/\r\n /g, '');
    match(ics, /\r\nMETHOD:REQUEST\r\n/);
    match(ics, /\r\nATTENDEE;[^\r]*:mailto:client@example\.org\r\n/);
    match(ics, /\r\nORGANIZER;CN=Harborview Counseling Collective:mailto:no-reply@clientreferral\.app\r\n/);
    equal(typeof body.text, 'string');
    equal(typeof body.html, 'string');
  },
);

Deno.test('an email without a calendar file sends no attachments field', async () => {
  const { handler, sent } = setup([email('a')], () => Response.json({ id: 'msg' }));
  await handler(post('service_role'));
  equal('attachments' in JSON.parse(sent[0]!.body as string), false);
});
