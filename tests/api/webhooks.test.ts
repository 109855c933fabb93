/**
 * Payers' webhooks against the real stack: a change of a payer's request is queued with the
 * change, delivered by the stack's scheduler through the deliver-webhooks function to a receiver
 * in this test, signed per Standard Webhooks (checked with the `standardwebhooks` verifier), once
 * after a 2xx; retried with backoff after 500s; an endpoint answering 410 is disabled at once; one
 * failing for 72 hours (time moved in the database) is disabled and its payer's contact emailed;
 * private and link-local targets are refused. The log and replay go through the payer API, for
 * the endpoint's payer only.
 */
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookEventSchema } from '../../supabase/functions/_shared/contract/webhook-events.ts';
import { createListedTherapist, newPayerKey, waitForEmail } from './factories.ts';
import { personasForThisFile, serviceClient, testEnv, withDb, type Client } from './personas.ts';
import { expectDocumented } from './openapi.ts';
import { eventually, startReceiver } from './support/webhook-receiver.ts';

const personas = personasForThisFile();
const service = serviceClient();
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let scheduler: Client;
const failUntil = new Map<string, { status: number; times: number }>();

beforeAll(async () => {
  receiver = await startReceiver((path, nth) => {
    const rule = failUntil.get(path);
    return rule && nth <= rule.times ? rule.status : 200;
  });
  scheduler = await personas.signedInAs('scheduler');
});
afterAll(() => receiver.close());

async function addEndpoint(payer: string, url: string, eventTypes?: string[]) {
  const { data, error } = await service
    .rpc('create_webhook_endpoint', {
      payer,
      url,
      event_types: (eventTypes ?? [
        'request.created',
        'request.confirmed',
        'request.declined',
        'request.expired',
        'request.withdrawn',
      ]) as never,
    })
    .single();
  if (error) throw error;
  return data as { id: string; secret: string };
}

let day = 10;
/** A pending request of `payer` for `therapist`, its own day; `expiresAt` in the past makes it overdue. */
async function payerRequest(payer: string, therapist = personas.staff.therapist.id, expiresAt?: Date) {
  day += 1;
  const start = new Date(Date.UTC(2027, 2, 1, 14) + day * 86_400_000);
  const reference = `ref-${randomUUID()}`;
  const id = await withDb(async (db) => {
    const { rows } = await db.query(
      `insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name, last_name,
         email, phone, date_of_birth, member_id, note, expires_at, idempotency_key)
       values ($1, $2, $3, tstzrange($4, $5, '[)'), 'payer', $6, 'Elena', 'Castillo', 'elena.castillo@example.org',
         '617-555-0188', '1991-04-12', 'W2849301', 'CANARY-panic attacks', $7, $8) returning id`,
      [
        personas.clinic.id,
        therapist,
        personas.clinic.locationId,
        start,
        new Date(start.getTime() + 3_600_000),
        payer,
        expiresAt ?? new Date(Date.now() + 48 * 3_600_000),
        reference,
      ],
    );
    return rows[0].id as string;
  });
  return { id, reference, start };
}

const deliveriesOf = async (endpoint: string) =>
  withDb(
    async (db) =>
      (
        await db.query(
          `select d.id, d.status, d.attempts, d.next_attempt_at, d.event_type,
             (select max(a.attempted_at) from public.webhook_delivery_attempts a where a.delivery_id = d.id) as last_attempt
           from public.webhook_deliveries d where d.endpoint_id = $1 order by d.created_at`,
          [endpoint],
        )
      ).rows,
  );
const endpointRow = async (endpoint: string) =>
  withDb(
    async (db) =>
      (await db.query(`select * from public.webhook_endpoints where id = $1`, [endpoint])).rows[0],
  );
/** Makes every waiting delivery of the endpoint due now (moves its backoff, not the clock). */
const makeDue = (endpoint: string) =>
  withDb((db) =>
    db.query(
      `update public.webhook_deliveries set next_attempt_at = now() where endpoint_id = $1 and status = 'pending'`,
      [endpoint],
    ),
  );

async function payerApi(method: 'GET' | 'POST', path: string, key: string) {
  const response = await fetch(`${testEnv().apiUrl}/functions/v1/payer-api${path}`, {
    method,
    headers: { authorization: `Bearer ${key}` },
  });
  return { status: response.status, body: await response.json() };
}

describe('every event type', () => {
  it('is delivered once, signed, thin: created, confirmed, declined, expired, withdrawn', async () => {
    const path = `/all/${randomUUID()}`;
    const endpoint = await addEndpoint(personas.payers.aetna, receiver.url(path));
    const leaving = await createListedTherapist(personas, personas.payers.aetna);

    const confirmed = await payerRequest(personas.payers.aetna);
    const declined = await payerRequest(personas.payers.aetna);
    const expired = await payerRequest(personas.payers.aetna, undefined, new Date(Date.now() + 2_000));
    const withdrawn = await payerRequest(personas.payers.aetna, leaving.id);
    expect((await scheduler.rpc('confirm_referral_request', { request_id: confirmed.id })).error).toBeNull();
    expect(
      (
        await scheduler.rpc('decline_referral_request', {
          request_id: declined.id,
          reason: 'no_availability',
        })
      ).error,
    ).toBeNull();
    const admin = await personas.signedInAs('orgAdmin');
    const deactivation = await admin
      .from('program_enrollments')
      .update({ status: 'deactivated' })
      .eq('staff_id', leaving.id);
    expect(deactivation.error).toBeNull();
    // the expiry job (every second) expires the overdue one

    const expected = [
      [confirmed, 'request.created'],
      [confirmed, 'request.confirmed'],
      [declined, 'request.created'],
      [declined, 'request.declined'],
      [expired, 'request.created'],
      [expired, 'request.expired'],
      [withdrawn, 'request.created'],
      [withdrawn, 'request.withdrawn'],
    ] as const;
    await eventually(() => receiver.at(path).length >= expected.length, 30_000);
    // a few more scheduler rounds: nothing delivered comes again
    await new Promise((r) => setTimeout(r, 3_000));
    const got = receiver.at(path);
    expect(got).toHaveLength(expected.length);
    expect(new Set(got.map((g) => g.headers['webhook-id'])).size).toBe(expected.length);

    const verifier = new Webhook(endpoint.secret);
    const events = got.map((g) => {
      const verified = verifier.verify(g.body, {
        'webhook-id': String(g.headers['webhook-id']),
        'webhook-timestamp': String(g.headers['webhook-timestamp']),
        'webhook-signature': String(g.headers['webhook-signature']),
      });
      return webhookEventSchema.parse(verified);
    });
    for (const [request, type] of expected) {
      const event = events.find((e) => e.data.request_id === request.id && e.type === type);
      expect(event, `${type} of ${request.id}`).toBeDefined();
      expect(event!.data).toMatchObject({
        reference: request.reference,
        slot_start: request.start.toISOString().replace('.000', ''),
        time_zone: 'America/New_York',
        state: type === 'request.created' ? 'pending' : type.slice('request.'.length),
      });
      expect(event!.data.decided_at === null).toBe(!['request.confirmed', 'request.declined'].includes(type));
    }
    expect(events.find((e) => e.data.request_id === withdrawn.id)!.data.therapist_id).toBe(leaving.id);
    // nothing about the person in any body
    for (const g of got) expect(g.body).not.toMatch(/Elena|Castillo|CANARY|W2849301|1991-04-12|617-555/);
    expect(new Set((await deliveriesOf(endpoint.id)).map((d) => d.status))).toEqual(new Set(['delivered']));
  });

  it('only the event types an endpoint asked for, and only its own payer requests', async () => {
    const path = `/some/${randomUUID()}`;
    await addEndpoint(personas.payers.aetna, receiver.url(path), ['request.declined']);
    const mine = await payerRequest(personas.payers.aetna);
    await payerRequest(personas.payers.cigna);
    await scheduler.rpc('decline_referral_request', { request_id: mine.id, reason: 'no_availability' });
    await eventually(() => receiver.at(path).length >= 1);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(receiver.at(path).map((g) => JSON.parse(g.body).type)).toEqual(['request.declined']);
  });
});

describe('failures', () => {
  it('500s are retried with growing backoff, then the same event is delivered once', async () => {
    const path = `/flaky/${randomUUID()}`;
    failUntil.set(path, { status: 500, times: 2 });
    const endpoint = await addEndpoint(personas.payers.cigna, receiver.url(path), ['request.created']);
    await payerRequest(personas.payers.cigna);

    const first = await eventually(async () => {
      const [d] = await deliveriesOf(endpoint.id);
      return d?.status === 'pending' && d.attempts === 1 ? d : undefined;
    });
    const firstWait = (first.next_attempt_at.getTime() - first.last_attempt.getTime()) / 1000;
    expect(firstWait).toBeGreaterThanOrEqual(29);
    expect(firstWait).toBeLessThanOrEqual(31);
    expect((await endpointRow(endpoint.id)).failing_since).not.toBeNull();
    await new Promise((r) => setTimeout(r, 2_000));
    expect(receiver.at(path)).toHaveLength(1); // not before its time

    await makeDue(endpoint.id);
    const second = await eventually(async () => {
      const [d] = await deliveriesOf(endpoint.id);
      return d?.status === 'pending' && d.attempts === 2 ? d : undefined;
    });
    const secondWait = (second.next_attempt_at.getTime() - second.last_attempt.getTime()) / 1000;
    expect(secondWait).toBeGreaterThanOrEqual(59);
    expect(secondWait).toBeLessThanOrEqual(61);

    await makeDue(endpoint.id);
    await eventually(async () => (await deliveriesOf(endpoint.id))[0]?.status === 'delivered');
    const got = receiver.at(path);
    expect(got.map((g) => g.headers['webhook-id'])).toEqual(Array(3).fill(got[0]!.headers['webhook-id']));
    expect((await endpointRow(endpoint.id)).failing_since).toBeNull();

    // the log, for this payer only
    const cignaKey = await newPayerKey(personas.payers.cigna);
    const log = await payerApi('GET', `/webhook-endpoints/${endpoint.id}/deliveries`, cignaKey);
    expect(log.status).toBe(200);
    expectDocumented('/webhook-endpoints/{id}/deliveries', 'get', 200, log.body);
    expect(log.body.data[0].attempts.map((a: { response_status: number }) => a.response_status)).toEqual([
      500, 500, 200,
    ]);
    expect(log.body.data[0].attempts.every((a: { latency_ms: number }) => a.latency_ms >= 0)).toBe(true);
    const othersLog = await payerApi(
      'GET',
      `/webhook-endpoints/${endpoint.id}/deliveries`,
      personas.payerKey,
    );
    expect(othersLog.status).toBe(404);
    expectDocumented('/webhook-endpoints/{id}/deliveries', 'get', 404, othersLog.body);
    const badLimit = await payerApi('GET', `/webhook-endpoints/${endpoint.id}/deliveries?limit=0`, cignaKey);
    expect(badLimit.status).toBe(400);
    expectDocumented('/webhook-endpoints/{id}/deliveries', 'get', 400, badLimit.body);
    const listed = await payerApi('GET', '/webhook-endpoints', cignaKey);
    expectDocumented('/webhook-endpoints', 'get', 200, listed.body);
    expect(listed.body.data.map((e: { id: string }) => e.id)).toContain(endpoint.id);
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
    expect((await payerApi('GET', '/webhook-endpoints', personas.payerKey)).body.data).not.toContainEqual(
      expect.objectContaining({ id: endpoint.id }),
    );

    // replay: another payer cannot; the endpoint's payer gets the same event again
    const deliveryId = log.body.data[0].id as string;
    const othersReplay = await payerApi(
      'POST',
      `/webhook-deliveries/${deliveryId}/replay`,
      personas.payerKey,
    );
    expect(othersReplay.status).toBe(404);
    expectDocumented('/webhook-deliveries/{id}/replay', 'post', 404, othersReplay.body);
    const replay = await payerApi('POST', `/webhook-deliveries/${deliveryId}/replay`, cignaKey);
    expect(replay.status).toBe(202);
    expectDocumented('/webhook-deliveries/{id}/replay', 'post', 202, replay.body);
    await eventually(() => receiver.at(path).length === 4);
    expect(receiver.at(path)[3]!.headers['webhook-id']).toBe(got[0]!.headers['webhook-id']);
  });

  it('an endpoint failing for 72 hours is disabled and its payer contact emailed', async () => {
    const path = `/down/${randomUUID()}`;
    failUntil.set(path, { status: 503, times: Infinity });
    const contact = `webhooks.${randomUUID().slice(0, 8)}@payer.example.org`;
    await withDb((db) =>
      db.query('update public.payers set contact_email = $1 where id = $2', [
        contact,
        personas.payers.united,
      ]),
    );
    const endpoint = await addEndpoint(personas.payers.united, receiver.url(path), ['request.created']);
    await payerRequest(personas.payers.united);
    await eventually(async () => (await deliveriesOf(endpoint.id))[0]?.attempts === 1);
    expect((await endpointRow(endpoint.id)).enabled).toBe(true);

    // 73 hours pass (in the database)
    await withDb((db) =>
      db.query(
        `update public.webhook_endpoints set failing_since = now() - interval '73 hours' where id = $1`,
        [endpoint.id],
      ),
    );
    await makeDue(endpoint.id);
    const disabled = await eventually(async () => {
      const row = await endpointRow(endpoint.id);
      return row.enabled ? undefined : row;
    });
    expect(disabled.disabled_reason).toBe('failing');
    const unitedKey = await newPayerKey(personas.payers.united);
    const listed = await payerApi('GET', '/webhook-endpoints', unitedKey);
    expectDocumented('/webhook-endpoints', 'get', 200, listed.body);
    expect(listed.body.data).toContainEqual(
      expect.objectContaining({ id: endpoint.id, enabled: false, disabled_reason: 'failing' }),
    );
    const replayDisabled = await payerApi(
      'POST',
      `/webhook-deliveries/${(await deliveriesOf(endpoint.id))[0]!.id}/replay`,
      unitedKey,
    );
    expect(replayDisabled.status).toBe(409);
    expectDocumented('/webhook-deliveries/{id}/replay', 'post', 409, replayDisabled.body);
    expect((await deliveriesOf(endpoint.id))[0]!.status).toBe('failed');
    const email = await waitForEmail(contact);
    expect(email.subject).toBe('A webhook endpoint of yours was disabled');
    expect(email.text).toContain(receiver.url(path));
    // nothing more is sent or queued for it
    const attempts = receiver.at(path).length;
    await payerRequest(personas.payers.united);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(receiver.at(path)).toHaveLength(attempts);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
  });

  it('410 disables the endpoint at once', async () => {
    const path = `/gone/${randomUUID()}`;
    failUntil.set(path, { status: 410, times: Infinity });
    const endpoint = await addEndpoint(personas.payers.bcbsma, receiver.url(path), ['request.created']);
    await payerRequest(personas.payers.bcbsma);
    const row = await eventually(async () => {
      const r = await endpointRow(endpoint.id);
      return r.enabled ? undefined : r;
    });
    expect(row.disabled_reason).toBe('gone');
    expect(receiver.at(path)).toHaveLength(1);
    expect((await deliveriesOf(endpoint.id))[0]!.status).toBe('failed');
  });

  it('private and link-local targets are refused and never called', async () => {
    const targets = [
      'https://10.0.0.1/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[fd00::1]/hook',
    ];
    const endpoints = await Promise.all(
      targets.map((url) => addEndpoint(personas.payers.harvardPilgrim, url, ['request.created'])),
    );
    await payerRequest(personas.payers.harvardPilgrim);
    const key = await newPayerKey(personas.payers.harvardPilgrim);
    for (const [i, endpoint] of endpoints.entries()) {
      const log = await eventually(async () => {
        const answer = await payerApi('GET', `/webhook-endpoints/${endpoint.id}/deliveries`, key);
        return answer.body.data[0]?.attempts.length ? answer.body.data[0] : undefined;
      });
      expect(log.attempts[0]).toMatchObject({
        response_status: null,
        error: `refused: the host is a ${i === 1 ? 'link-local' : 'private'} address`,
      });
      expect(log.status).toBe('pending');
    }
  });
});
