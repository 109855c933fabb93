import { deepStrictEqual, equal, match } from 'node:assert/strict';
import { createSendEmailsHandler, type OutboxEmail, type SendEmailsDeps } from './handler.ts';

const token = (role: string) => `Bearer h.${btoa(JSON.stringify({ role })).replace(/=+$/, '')}.s`;
const email = (id: string, overrides: Partial<OutboxEmail> = {}): OutboxEmail => ({
  id,
  template: 'enrollment_invitation',
  recipient: `${id}@harborviewcounseling.com`,
  payload: { practice_name: 'Harborview Counseling Collective', first_name: 'Priya', path: '/staff/1/public-profile' },
  idempotency_key: `enrollment_invitation:${id}`,
  ...overrides,
});

function setup(queue: OutboxEmail[], respond: (init: RequestInit) => Response | Promise<Response>) {
  const finished: { id: string; delivered: boolean; error?: string }[] = [];
  const sent: RequestInit[] = [];
  const deps: SendEmailsDeps = {
    claim: (n) => Promise.resolve(queue.splice(0, n)),
    finish: (id, outcome) => {
      finished.push({ id, delivered: outcome.delivered, error: outcome.error });
      return Promise.resolve();
    },
    fetch: (_url, init) => {
      sent.push(init!);
      return Promise.resolve(respond(init!));
    },
    emailApiUrl: 'https://email.example.org/',
    emailApiKey: 'key',
    siteUrl: 'https://app.example.org',
    from: 'Client Referral Program <no-reply@clientreferral.app>',
  };
  return { handler: createSendEmailsHandler(deps), finished, sent };
}

const post = (role: string) => new Request('http://x/send-emails', { method: 'POST', headers: { authorization: token(role) } });

Deno.test('sends each claimed email once with its idempotency key and records the outcome', async () => {
  const { handler, finished, sent } = setup([email('a'), email('b')], () => Response.json({ id: 'msg' }));
  const response = await handler(post('service_role'));
  deepStrictEqual(await response.json(), { claimed: 2, sent: 2, failed: 0 });
  equal((sent[0]!.headers as Record<string, string>)['idempotency-key'], 'enrollment_invitation:a');
  deepStrictEqual(JSON.parse(sent[1]!.body as string).to, ['b@harborviewcounseling.com']);
  deepStrictEqual(finished.map((f) => [f.id, f.delivered]), [['a', true], ['b', true]]);
});

Deno.test('records a provider error for retry instead of throwing', async () => {
  const { handler, finished } = setup([email('a')], () => new Response('rate limited', { status: 429 }));
  deepStrictEqual(await (await handler(post('service_role'))).json(), { claimed: 1, sent: 0, failed: 1 });
  equal(finished[0]!.delivered, false);
  match(finished[0]!.error!, /429/);
});

Deno.test('records a broken payload as a failure and goes on with the batch', async () => {
  const { handler, finished } = setup([email('bad', { payload: {} }), email('good')], () => Response.json({ id: 'x' }));
  deepStrictEqual(await (await handler(post('service_role'))).json(), { claimed: 2, sent: 1, failed: 1 });
  match(finished[0]!.error!, /template/);
});

Deno.test('only the service role may drain the outbox', async () => {
  const { handler, sent } = setup([email('a')], () => Response.json({ id: 'x' }));
  equal((await handler(post('authenticated'))).status, 403);
  equal(sent.length, 0);
});
