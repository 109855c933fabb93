/**
 * Offering other times, on the real stack: the state machine around `alternatives_offered` (every
 * transition allowed and refused, as each persona), holds (offered slots leave the open-slot
 * lists and come back on expiry or withdrawal), the client's pick through the status page's API
 * (books once, a lost time is said so), expiry with one email, the payers' view and webhooks,
 * and a client and a payer going for the same time at once.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { payerRequestBody } from './factories.ts';
import { anonClient, personasForThisFile, serviceClient, testEnv, withDb, type Client } from './personas.ts';
import {
  emailsTo,
  openSlotsOn,
  pendingRequestOnOpenSlot,
  requestRow,
  statusCall,
  statusTokenFor,
} from './support/status-links.ts';

const personas = personasForThisFile();
const service = serviceClient();
let scheduler: Client, admin: Client, priya: Client, jordan: Client, otherAdmin: Client;
let priyaId: string;
// each test works on a day of its own, so no test's holds or bookings touch another's
let day = 2;
const nextDay = () => (day += 1);

beforeAll(async () => {
  [scheduler, admin, priya, jordan, otherAdmin] = await Promise.all([
    personas.signedInAs('scheduler'),
    personas.signedInAs('orgAdmin'),
    personas.signedInAs('therapist'),
    personas.signedInAs('otherTherapist'),
    personas.signedInAs('otherOrgAdmin'),
  ]);
  priyaId = personas.staff.therapist.id;
});

const times = (...slots: { start: string }[]) =>
  slots.map((s) => ({ therapist_id: priyaId, starts_at: s.start }));

async function offer(client: Client, requestId: string, slots: { start: string }[], message?: string) {
  return client.rpc('offer_alternative_times', { request_id: requestId, times: times(...slots), message });
}

async function offeredTimeIds(requestId: string) {
  return withDb(async (db) => {
    const { rows } = await db.query<{ id: string; start: Date }>(
      'select id, lower(slot) as start from public.request_offered_times where request_id = $1 order by lower(slot)',
      [requestId],
    );
    return rows.map((r) => r.id);
  });
}

async function payerPost(body: unknown) {
  const response = await fetch(`${testEnv().apiUrl}/functions/v1/payer-api/referral-requests`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${personas.payerKey}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe('offering other times', () => {
  it('a scheduler offers two open times: the request leaves the queue, the times are held, the client is emailed with a status link', async () => {
    const d = nextDay();
    const r = await pendingRequestOnOpenSlot(personas, priyaId, d);
    const [a, b, c] = r.otherSlots;
    const { data: offerEnd, error } = await offer(scheduler, r.id, [a!, b!], 'We have two earlier times.');
    expect(error).toBeNull();
    const row = await requestRow(r.id);
    expect(row.status).toBe('alternatives_offered');
    // least(now + 48 h, earliest offered start)
    expect(new Date(offerEnd!).getTime()).toBe(row.expires_at.getTime());
    expect(row.expires_at.getTime()).toBeLessThanOrEqual(Date.now() + 48 * 3_600_000 + 5_000);

    const open = (await openSlotsOn(priyaId, d)).map((s) => s.start);
    expect(open).not.toContain(a!.start);
    expect(open).not.toContain(b!.start);
    expect(open).toContain(c!.start);
    // the requested time itself is free again: an offer answers it
    expect(open).toContain(r.slot.start);

    const { data: queue } = await scheduler.from('unconfirmed_requests').select('id').eq('id', r.id);
    expect(queue).toEqual([]);
    const outbox = await withDb(async (db) => {
      const { rows } = await db.query(
        `select payload from public.notification_outbox where idempotency_key = $1`,
        [`request_alternatives_offered:${r.id}`],
      );
      return rows;
    });
    expect(outbox).toHaveLength(1);
  });

  it('refuses what is not allowed, as each persona, and changes nothing', async () => {
    const r = await pendingRequestOnOpenSlot(personas, priyaId, nextDay());
    const [a, b, c] = r.otherSlots;
    const [d] = await openSlotsOn(priyaId, day + 1);
    expect((await offer(otherAdmin, r.id, [a!])).error?.hint).toBe('not_allowed');
    expect((await offer(jordan, r.id, [a!])).error?.hint).toBe('not_allowed');
    expect(
      (await anonClient().rpc('offer_alternative_times', { request_id: r.id, times: times(a!) })).error?.code,
    ).toBe('42501');
    expect((await offer(scheduler, r.id, [])).error?.hint).toBe('times');
    expect((await offer(scheduler, r.id, [a!, b!, c!, d!])).error?.hint).toBe('times');
    expect((await offer(scheduler, r.id, [a!, a!])).error?.hint).toBe('times');
    expect((await offer(scheduler, r.id, [a!], 'x'.repeat(501))).error?.hint).toBe('message');
    // the requested slot is held by this very request: not an open time
    const own = await offer(scheduler, r.id, [r.slot]);
    expect(own.error?.hint).toBe('slot_not_open');
    expect(own.error?.message).toMatch(/is no longer an open time of Priya Raman/);
    // a therapist of the clinic who is not in the program
    const notListed = await scheduler.rpc('offer_alternative_times', {
      request_id: r.id,
      times: [{ therapist_id: personas.staff.otherTherapist.id, starts_at: a!.start }],
    });
    expect(notListed.error?.hint).toBe('therapist_not_listed');
    expect((await requestRow(r.id)).status).toBe('pending');
    expect(await offeredTimeIds(r.id)).toEqual([]);
  });

  it('the therapist may offer their own times; a second submit by the same person is a success, by another a refusal', async () => {
    const r = await pendingRequestOnOpenSlot(personas, priyaId, nextDay());
    const [a, b] = r.otherSlots;
    const first = await offer(priya, r.id, [a!]);
    expect(first.error).toBeNull();
    const again = await offer(priya, r.id, [a!]);
    expect(again.error).toBeNull();
    expect(again.data).toBe(first.data);
    expect(await offeredTimeIds(r.id)).toHaveLength(1);
    const other = await offer(scheduler, r.id, [b!]);
    expect(other.error?.hint).toBe('already_offered');
    expect(other.error?.message).toMatch(
      /^Other times were already offered to the client by Priya Raman on /,
    );
    // nor can the request be confirmed or declined while the client chooses
    expect((await scheduler.rpc('confirm_referral_request', { request_id: r.id })).error?.hint).toBe(
      'already_offered',
    );
    expect(
      (await admin.rpc('decline_referral_request', { request_id: r.id, reason: 'no_availability' })).error
        ?.hint,
    ).toBe('already_offered');
  });

  it('an offer with one time no longer open is refused with the reason, and holds none of the others', async () => {
    const d = nextDay();
    const r = await pendingRequestOnOpenSlot(personas, priyaId, d);
    // another client takes the first of the times about to be offered
    const taken = await pendingRequestOnOpenSlot(personas, priyaId, d);
    const [a, b, c] = r.otherSlots;
    expect(taken.slot.start).toBe(a!.start);
    const refused = await offer(scheduler, r.id, [b!, a!, c!]);
    expect(refused.error?.hint).toBe('slot_not_open');
    expect(refused.error?.message).toMatch(/is no longer an open time of Priya Raman/);
    expect((await requestRow(r.id)).status).toBe('pending');
    expect(await offeredTimeIds(r.id)).toEqual([]);
    const open = (await openSlotsOn(priyaId, d)).map((s) => s.start);
    expect(open).toEqual(expect.arrayContaining([b!.start, c!.start]));
    // the open ones alone can be offered
    expect((await offer(scheduler, r.id, [b!, c!])).error).toBeNull();
    expect(await offeredTimeIds(r.id)).toHaveLength(2);
  });

  it('the database refuses illegal transitions out of alternatives_offered, even for its owner', async () => {
    const r = await pendingRequestOnOpenSlot(personas, priyaId, nextDay());
    await offer(scheduler, r.id, [r.otherSlots[0]!]);
    const attempt = (sql: string) =>
      withDb((db) =>
        db
          .query(sql, [r.id])
          .then(() => null)
          .catch((e: Error) => e.message),
      );
    expect(await attempt(`update public.referral_requests set status = 'pending' where id = $1`)).toMatch(
      /only the client's pick, a withdrawal or the offer's end/,
    );
    expect(
      await attempt(
        `update public.referral_requests set status = 'declined', decided_at = now(), decline_reason = 'other' where id = $1`,
      ),
    ).toMatch(/only the client's pick/);
    // moving the request to a time that was not offered
    expect(
      await attempt(
        `update public.referral_requests set slot = tstzrange(lower(slot) + interval '7 days', upper(slot) + interval '7 days') where id = $1`,
      ),
    ).toMatch(/What was requested cannot change/);
    expect(
      await attempt(
        `update public.referral_requests set offered_at = now() - interval '1 hour' where id = $1`,
      ),
    ).toMatch(/Times can be offered once/);
  });

  it('times of another listed therapist of the clinic who takes the same payer can be offered', async () => {
    const { createListedTherapist } = await import('./factories.ts');
    const other = await createListedTherapist(personas);
    const d = nextDay();
    const r = await pendingRequestOnOpenSlot(personas, priyaId, d);
    const [theirs] = await openSlotsOn(other.id, d);
    const { error } = await scheduler.rpc('offer_alternative_times', {
      request_id: r.id,
      times: [{ therapist_id: other.id, starts_at: theirs!.start }],
    });
    expect(error).toBeNull();
    expect((await openSlotsOn(other.id, d)).map((s) => s.start)).not.toContain(theirs!.start);
    // picking it moves the request to that therapist
    const token = await statusTokenFor(r.id);
    const [offered] = await offeredTimeIds(r.id);
    expect((await statusCall('status/pick', { token, offered_time_id: offered })).status).toBe(200);
    expect((await requestRow(r.id)).therapist_id).toBe(other.id);
  });
});

describe('the client picks a time', () => {
  it('confirms it as a confirm does, exactly once however often it is clicked', async () => {
    const d = nextDay();
    const r = await pendingRequestOnOpenSlot(personas, priyaId, d);
    const [a, b] = r.otherSlots;
    await offer(scheduler, r.id, [a!, b!]);
    const token = await statusTokenFor(r.id);
    const [first, second] = await offeredTimeIds(r.id);
    // a double click and a second tab, all at once
    const answers = await Promise.all(
      [1, 2, 3].map(() => statusCall('status/pick', { token, offered_time_id: second })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const row = await requestRow(r.id);
    expect(row).toMatchObject({ status: 'confirmed', therapist_id: priyaId });
    expect(row.slot_start.toISOString()).toBe(b!.start);
    const appointments = await withDb(async (db) => {
      const { rows } = await db.query(
        `select a.status, c.status as client_status from public.appointments a join public.clients c on c.id = a.client_id
         where a.id = $1`,
        [row.appointment_id],
      );
      return rows;
    });
    expect(appointments).toEqual([{ status: 'scheduled', client_status: 'active' }]);
    const audit = await withDb(async (db) => {
      const { rows } = await db.query(
        `select action, after ->> 'by' as by from public.audit_log where entity_id = $1 order by created_at`,
        [r.id],
      );
      return rows;
    });
    expect(audit).toEqual([
      { action: 'referral.alternatives_offered', by: null },
      { action: 'referral.confirmed', by: 'client' },
    ]);
    const { data: handled } = await scheduler.rpc('handled_requests', {
      org_id: personas.clinic.id,
      outcome: 'confirmed',
    });
    expect(handled!.find((h) => h.id === r.id)?.decided_by_name).toBe('the client');
    expect((await emailsTo(r.email)).map((e) => e.template)).toEqual([
      'request_alternatives_offered',
      'request_confirmed',
    ]);
    // the other offered time is free again; the picked one is booked
    const open = (await openSlotsOn(priyaId, d)).map((s) => s.start);
    expect(open).toContain(a!.start);
    expect(open).not.toContain(b!.start);
    // the other time cannot be picked now
    const late = await statusCall('status/pick', { token, offered_time_id: first });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('offer_over');
    // the status page shows it confirmed at the picked time
    const status = await statusCall('status', { token });
    expect(status.body.request).toMatchObject({ state: 'confirmed', starts_at: expect.any(String) });
    expect(new Date(status.body.request.starts_at).toISOString()).toBe(b!.start);
  });

  it('a time lost meanwhile is said so; the other offered times stay held and can be picked', async () => {
    const d = nextDay();
    const r = await pendingRequestOnOpenSlot(personas, priyaId, d);
    const [a, b] = r.otherSlots;
    await offer(scheduler, r.id, [a!, b!]);
    const [first, second] = await offeredTimeIds(r.id);
    // staff book something else over the first offered time
    await withDb(async (db) => {
      const { rows } = await db.query(
        `insert into public.clients (org_id, first_name, last_name, email, date_of_birth) values ($1, 'Walk', 'In', $2, '1980-01-01') returning id`,
        [personas.clinic.id, `walk.in.${randomUUID().slice(0, 8)}@example.org`],
      );
      await db.query(
        `insert into public.appointments (org_id, staff_id, client_id, location_id, during) values ($1, $2, $3, $4, tstzrange($5, $6, '[)'))`,
        [personas.clinic.id, priyaId, rows[0].id, personas.clinic.locationId, a!.start, a!.end],
      );
    });
    const token = await statusTokenFor(r.id);
    const lost = await statusCall('status/pick', { token, offered_time_id: first });
    expect(lost.status).toBe(409);
    expect(lost.body.error.code).toBe('slot_lost');
    expect((await requestRow(r.id)).status).toBe('alternatives_offered');
    expect((await openSlotsOn(priyaId, d)).map((s) => s.start)).not.toContain(b!.start);
    const status = await statusCall('status', { token });
    expect(status.body.request.offer.times.map((t: { state: string }) => t.state)).toEqual(['lost', 'open']);
    expect((await statusCall('status/pick', { token, offered_time_id: second })).status).toBe(200);
  });

  it('a time of another request cannot be picked with this link', async () => {
    const d = nextDay();
    const mine = await pendingRequestOnOpenSlot(personas, priyaId, d);
    const theirs = await pendingRequestOnOpenSlot(personas, priyaId, nextDay());
    await offer(scheduler, mine.id, [mine.otherSlots[0]!]);
    await offer(scheduler, theirs.id, [theirs.otherSlots[0]!]);
    const [theirTime] = await offeredTimeIds(theirs.id);
    const token = await statusTokenFor(mine.id);
    const answer = await statusCall('status/pick', { token, offered_time_id: theirTime });
    expect(answer.status).toBe(404);
    expect((await requestRow(theirs.id)).status).toBe('alternatives_offered');
  });
});

describe('an offer that runs out', () => {
  it('frees its times at its end, and the expiry job expires it and emails the client once', async () => {
    const d = nextDay();
    const r = await pendingRequestOnOpenSlot(personas, priyaId, d);
    const [a] = r.otherSlots;
    await offer(scheduler, r.id, [a!]);
    expect((await openSlotsOn(priyaId, d)).map((s) => s.start)).not.toContain(a!.start);
    await withDb(async (db) => {
      await db.query(
        `update public.referral_requests set expires_at = now() - interval '1 second' where id = $1`,
        [r.id],
      );
      await db.query(
        `update public.request_offered_times set held_until = now() - interval '1 second' where request_id = $1`,
        [r.id],
      );
    });
    // free at once, before the job runs
    expect((await openSlotsOn(priyaId, d)).map((s) => s.start)).toContain(a!.start);
    const token = await statusTokenFor(r.id);
    const [offered] = await offeredTimeIds(r.id);
    const tooLate = await statusCall('status/pick', { token, offered_time_id: offered });
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.error.code).toBe('offer_over');

    await Promise.all([service.rpc('expire_referral_requests'), service.rpc('expire_referral_requests')]);
    await service.rpc('expire_referral_requests');
    expect((await requestRow(r.id)).status).toBe('expired');
    const offerExpiredEmails = (await emailsTo(r.email)).filter(
      (e) => e.template === 'request_offer_expired',
    );
    expect(offerExpiredEmails).toHaveLength(1);
    const status = await statusCall('status', { token });
    expect(status.body.request).toMatchObject({ state: 'expired', expiry_cause: 'offer_expired' });
  });
});

describe('payers', () => {
  it('the payer API reports alternatives_offered then the outcome, and the webhooks are queued', async () => {
    const { data: endpoint, error } = await service
      .rpc('create_webhook_endpoint', {
        payer: personas.payers.aetna,
        url: 'https://hooks.example.com/offers',
        event_types: ['request.alternatives_offered', 'request.confirmed'] as never,
      })
      .single();
    expect(error).toBeNull();
    const r = await pendingRequestOnOpenSlot(personas, priyaId, nextDay());
    await offer(scheduler, r.id, [r.otherSlots[0]!]);
    const read = async () =>
      (
        await fetch(`${testEnv().apiUrl}/functions/v1/payer-api/referral-requests/${r.id}`, {
          headers: { authorization: `Bearer ${personas.payerKey}` },
        })
      ).json();
    expect((await read()).status).toBe('alternatives_offered');
    const token = await statusTokenFor(r.id);
    const [offered] = await offeredTimeIds(r.id);
    await statusCall('status/pick', { token, offered_time_id: offered });
    const detail = await read();
    expect(detail.status).toBe('confirmed');
    expect(new Date(detail.slot_start).toISOString()).toBe(r.otherSlots[0]!.start);
    const events = await withDb(async (db) => {
      const { rows } = await db.query(
        `select event_type::text, payload -> 'data' ->> 'state' as state from public.webhook_deliveries
         where request_id = $1 and endpoint_id = $2 order by created_at`,
        [r.id, (endpoint as { id: string }).id],
      );
      return rows;
    });
    expect(events).toEqual([
      { event_type: 'request.alternatives_offered', state: 'alternatives_offered' },
      { event_type: 'request.confirmed', state: 'confirmed' },
    ]);
  });

  it("an offered time is busy in the payer's FHIR slot feed while it is held", async () => {
    const d = nextDay();
    const r = await pendingRequestOnOpenSlot(personas, priyaId, d);
    const [a] = r.otherSlots;
    const slotStatus = async () => {
      const response = await fetch(`${testEnv().apiUrl}/functions/v1/payer-api/fhir/Slot.ndjson`, {
        headers: { authorization: `Bearer ${personas.payerKey}` },
      });
      expect(response.status).toBe(200);
      const slots = (await response.text())
        .split('\n')
        .filter(Boolean)
        .map(
          (line) => JSON.parse(line) as { start: string; status: string; schedule: { reference: string } },
        );
      const held = slots.find(
        (s) =>
          s.schedule.reference === `Schedule/${priyaId}` &&
          new Date(s.start).getTime() === new Date(a!.start).getTime(),
      );
      return held?.status;
    };
    expect(await slotStatus()).toBe('free');
    expect((await offer(scheduler, r.id, [a!])).error).toBeNull();
    expect(await slotStatus()).toBe('busy');
  });

  it('an offered time is not open to payers; a client picking it while a payer requests it books it once', async () => {
    const d = nextDay();
    const r = await pendingRequestOnOpenSlot(personas, priyaId, d);
    const [a] = r.otherSlots;
    await offer(scheduler, r.id, [a!]);
    const token = await statusTokenFor(r.id);
    const [offered] = await offeredTimeIds(r.id);
    const body = {
      ...payerRequestBody(priyaId),
      slot_start: a!.start,
      email: `payer.${randomUUID().slice(0, 6)}@example.org`,
    };
    const answers = await Promise.all([
      payerPost(body),
      statusCall('status/pick', { token, offered_time_id: offered }),
      payerPost({ ...body, email: `payer2.${randomUUID().slice(0, 6)}@example.org` }),
      statusCall('status/pick', { token, offered_time_id: offered }),
    ]);
    const [payerA, pickA, payerB, pickB] = answers;
    expect([pickA!.status, pickB!.status]).toEqual([200, 200]);
    for (const payer of [payerA!, payerB!]) {
      expect(payer.status).toBe(409);
      expect(payer.body.error.code).toBe('slot_not_open');
    }
    const booked = await withDb(async (db) => {
      const { rows } = await db.query(
        `select count(*)::int as n from public.appointments where staff_id = $1 and status = 'scheduled' and during && tstzrange($2, $3)`,
        [priyaId, a!.start, a!.end],
      );
      return rows[0].n as number;
    });
    expect(booked).toBe(1);
  });

  it('when the hold has ended, the payer and a late pick race for the time: one booking, the other told', async () => {
    const d = nextDay();
    const r = await pendingRequestOnOpenSlot(personas, priyaId, d);
    const [a] = r.otherSlots;
    await offer(scheduler, r.id, [a!]);
    const token = await statusTokenFor(r.id);
    const [offered] = await offeredTimeIds(r.id);
    // the hold ends (the offer's end passed); the pick is refused as over, the payer gets the time
    await withDb((db) =>
      db.query(
        `update public.request_offered_times set held_until = now() where request_id = $1;
         update public.referral_requests set expires_at = now() where id = $1`.replaceAll('$1', `'${r.id}'`),
      ),
    );
    const body = { ...payerRequestBody(priyaId), slot_start: a!.start };
    const [payer, pick] = await Promise.all([
      payerPost(body),
      statusCall('status/pick', { token, offered_time_id: offered }),
    ]);
    expect(payer.status).toBe(201);
    expect(pick.status).toBe(409);
  });
});
