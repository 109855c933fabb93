/**
 * The client's status link on the real stack: every client email carries one; a link shows its
 * own request and nothing else (a property test over tampered, made-up, expired and other
 * requests' tokens); withdrawing from it frees the slot, leaves the queue for the Handled
 * history, is reported to the payer and queues its webhook, and a second withdraw is harmless.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { waitForEmail } from './factories.ts';
import { personasForThisFile, serviceClient, testEnv, withDb, type Client } from './personas.ts';
import {
  openSlotsOn,
  pendingRequestOnOpenSlot,
  requestRow,
  statusCall,
  statusTokenFor,
} from './support/status-links.ts';

const personas = personasForThisFile();
let scheduler: Client;
let priyaId: string;
let day = 40;
const nextDay = () => (day += 1);

beforeAll(async () => {
  scheduler = await personas.signedInAs('scheduler');
  priyaId = personas.staff.therapist.id;
});

const base64url = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('the status link in client emails', () => {
  it('a decision email carries a link that opens the request’s status, without PHI', async () => {
    const r = await pendingRequestOnOpenSlot(personas, priyaId, nextDay());
    expect(
      (await scheduler.rpc('decline_referral_request', { request_id: r.id, reason: 'no_availability' }))
        .error,
    ).toBeNull();
    const email = await waitForEmail(r.email);
    const link = /\/request\/status\/([A-Za-z0-9_-]{43})/.exec(email.text);
    expect(link).not.toBeNull();
    const status = await statusCall('status', { token: link![1] });
    expect(status.status).toBe(200);
    expect(status.body.request).toMatchObject({
      state: 'declined',
      therapist_name: 'Priya Raman',
      office_name: 'Main Office',
      // Priya sees clients by telehealth only: the slot's office does not make it in person
      format: 'telehealth',
      office_address: null,
      time_zone: 'America/New_York',
    });
    expect(status.body.clinic).toEqual({ name: personas.clinic.name, slug: personas.clinic.slug });
    // the request's health data and the payer are not the page's to show
    for (const phi of ['CANARY', 'W2849301', '1991-04-12', 'Aetna', 'Elena'])
      expect(JSON.stringify(status.body)).not.toContain(phi);
    // once sent, the raw token is no longer kept in the outbox
    const kept = await withDb(async (db) => {
      const { rows } = await db.query(
        `select payload ? 'status_url' as kept from public.notification_outbox where idempotency_key = $1`,
        [`request_declined:${r.id}`],
      );
      return rows[0].kept as boolean;
    });
    expect(kept).toBe(false);
  });

  it('only the token’s hash is stored', async () => {
    const r = await pendingRequestOnOpenSlot(personas, priyaId, nextDay());
    const token = await statusTokenFor(r.id);
    const stored = await withDb(async (db) => {
      const { rows } = await db.query(
        `select token_hash from public.request_status_links where request_id = $1`,
        [r.id],
      );
      return rows.map((row) => row.token_hash as string);
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain(token);
    expect(stored[0]).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('a status link shows its own request and nothing else', () => {
  it('tampered, made-up and other requests’ tokens (property)', async () => {
    const mine = await pendingRequestOnOpenSlot(personas, priyaId, nextDay());
    const theirs = await pendingRequestOnOpenSlot(personas, priyaId, nextDay());
    const myToken = await statusTokenFor(mine.id);
    const theirToken = await statusTokenFor(theirs.id);
    const lookup = async (token: string) =>
      (await serviceClient().rpc('request_status_by_token', { token })).data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const mineShown = await lookup(myToken);
    const theirsShown = await lookup(theirToken);
    expect(mineShown.outcome).toBe('ok');
    expect(mineShown.request.starts_at).not.toBe(theirsShown.request.starts_at);

    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 42 }),
        fc.constantFrom(...base64url),
        async (position, replacement) => {
          fc.pre(myToken[position] !== replacement);
          const tampered = myToken.slice(0, position) + replacement + myToken.slice(position + 1);
          expect(await lookup(tampered)).toEqual({ outcome: 'unknown' });
        },
      ),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 0, maxLength: 60 }), async (token) => {
        fc.pre(token !== myToken && token !== theirToken);
        expect(await lookup(token)).toEqual({ outcome: 'unknown' });
      }),
      { numRuns: 40 },
    );
    // and through the function: nothing but a 404
    const answer = await statusCall('status', {
      token: myToken.slice(0, 42) + (myToken[42] === 'A' ? 'B' : 'A'),
    });
    expect(answer).toEqual({
      status: 404,
      body: { error: { code: 'status_link_unknown', message: expect.any(String) } },
    });
  });

  it('an expired link says so with the clinic’s request page only, and can no longer withdraw', async () => {
    const r = await pendingRequestOnOpenSlot(personas, priyaId, nextDay());
    const token = await statusTokenFor(r.id);
    await withDb((db) =>
      db.query(
        `update public.request_status_links set created_at = now() - interval '60 days', expires_at = now() - interval '1 minute' where request_id = $1`,
        [r.id],
      ),
    );
    const answer = await statusCall('status', { token });
    expect(answer.status).toBe(410);
    expect(answer.body.clinic).toEqual({ name: personas.clinic.name, slug: personas.clinic.slug });
    expect(answer.body.request).toBeUndefined();
    expect((await statusCall('status/withdraw', { token })).status).toBe(410);
    expect((await requestRow(r.id)).status).toBe('pending');
  });
});

describe('withdrawing', () => {
  it('frees the slot, leaves the queue for the Handled history, is reported to the payer with its webhook; twice is harmless', async () => {
    const { data: endpoint } = await serviceClient()
      .rpc('create_webhook_endpoint', {
        payer: personas.payers.aetna,
        url: 'https://hooks.example.com/withdrawn',
        event_types: ['request.withdrawn'] as never,
      })
      .single();
    const d = nextDay();
    const r = await pendingRequestOnOpenSlot(personas, priyaId, d);
    expect((await openSlotsOn(priyaId, d)).map((s) => s.start)).not.toContain(r.slot.start);
    const token = await statusCall('status', { token: await statusTokenFor(r.id) });
    expect(token.body.request.state).toBe('pending');
    const link = await statusTokenFor(r.id);
    const [first, second] = await Promise.all([
      statusCall('status/withdraw', { token: link }),
      statusCall('status/withdraw', { token: link }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await requestRow(r.id)).toMatchObject({
      status: 'withdrawn',
      withdrawn_reason: 'client_withdrew',
    });
    expect((await openSlotsOn(priyaId, d)).map((s) => s.start)).toContain(r.slot.start);

    const { data: queue } = await scheduler.from('unconfirmed_requests').select('id').eq('id', r.id);
    expect(queue).toEqual([]);
    const { data: handled, error } = await scheduler.rpc('handled_requests', {
      org_id: personas.clinic.id,
      outcome: 'withdrawn',
    });
    expect(error).toBeNull();
    expect(handled!.find((h) => h.id === r.id)).toMatchObject({
      status: 'withdrawn',
      withdrawn_reason: 'client_withdrew',
    });

    const payerView = await fetch(`${testEnv().apiUrl}/functions/v1/payer-api/referral-requests/${r.id}`, {
      headers: { authorization: `Bearer ${personas.payerKey}` },
    });
    expect((await payerView.json()).status).toBe('withdrawn');
    const events = await withDb(async (db) => {
      const { rows } = await db.query(
        `select event_type::text from public.webhook_deliveries where request_id = $1 and endpoint_id = $2`,
        [r.id, (endpoint as { id: string }).id],
      );
      return rows.map((row) => row.event_type as string);
    });
    expect(events).toEqual(['request.withdrawn']);
    const audit = await withDb(async (db) => {
      const { rows } = await db.query(
        `select count(*)::int as n from public.audit_log where entity_id = $1 and action = 'referral.withdrawn'`,
        [r.id],
      );
      return rows[0].n as number;
    });
    expect(audit).toBe(1);
    // staff can no longer decide it, and are told why
    const late = await scheduler.rpc('confirm_referral_request', { request_id: r.id });
    expect(late.error?.message).toBe('The client withdrew this request.');
  });

  it('an offer is withdrawn with its held times released; a decided request cannot be withdrawn', async () => {
    const d = nextDay();
    const r = await pendingRequestOnOpenSlot(personas, priyaId, d);
    const [a] = r.otherSlots;
    await scheduler.rpc('offer_alternative_times', {
      request_id: r.id,
      times: [{ therapist_id: priyaId, starts_at: a!.start }],
    });
    expect((await openSlotsOn(priyaId, d)).map((s) => s.start)).not.toContain(a!.start);
    const token = await statusTokenFor(r.id);
    expect((await statusCall('status/withdraw', { token })).status).toBe(200);
    expect((await openSlotsOn(priyaId, d)).map((s) => s.start)).toContain(a!.start);

    const decided = await pendingRequestOnOpenSlot(personas, priyaId, nextDay());
    await scheduler.rpc('confirm_referral_request', { request_id: decided.id });
    const refused = await statusCall('status/withdraw', { token: await statusTokenFor(decided.id) });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('This request was confirmed, so it can no longer be withdrawn.');
    expect((await requestRow(decided.id)).status).toBe('confirmed');
  });
});
