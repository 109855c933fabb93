/**
 * Deciding referral requests against the real database: the state machine, confirm and decline
 * with their side effects, concurrency (one winner; never two overlapping appointments),
 * expiry with two workers, reminders, and who may decide.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { waitForEmail } from './factories.ts';
import { anonClient, serviceClient, testEnv, personasForThisFile, withDb, type Client } from './personas.ts';

const personas = personasForThisFile();
const service = serviceClient();
let scheduler: Client, admin: Client, priya: Client, jordan: Client, otherAdmin: Client;
let priyaId: string;

// each test books its own far-apart hour so appointments never collide across tests
let hourOffset = 0;
const nextSlot = () => {
  hourOffset += 3;
  const start = new Date(Date.UTC(2027, 6, 1, 13) + hourOffset * 3_600_000);
  return { start, end: new Date(start.getTime() + 3_600_000) };
};

/** A pending request inserted as the platform (the intake path is tested elsewhere). */
async function pendingRequest(
  options: {
    slot?: { start: Date; end: Date };
    expiresAt?: Date;
    email?: string;
    payer?: string | null;
  } = {},
) {
  const slot = options.slot ?? nextSlot();
  const email = options.email ?? `client.${randomUUID().slice(0, 8)}@example.org`;
  return withDb(async (db) => {
    const { rows } = await db.query(
      `insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name, last_name, email, phone,
         date_of_birth, member_id, note, expires_at, idempotency_key)
       values ($1, $2, $10, tstzrange($3, $4, '[)'), $5, $6, 'Elena', 'Castillo', $7, '617-555-0188',
         '1991-04-12', 'W2849301', 'CANARY-panic attacks', $8, $9) returning id`,
      [
        personas.clinic.id,
        priyaId,
        slot.start,
        slot.end,
        options.payer === null ? 'client_portal' : 'payer',
        options.payer === null ? null : (options.payer ?? personas.payers.aetna),
        email,
        options.expiresAt ?? new Date(Math.min(Date.now() + 48 * 3_600_000, slot.start.getTime())),
        randomUUID(),
        personas.clinic.locationId,
      ],
    );
    return { id: rows[0].id as string, email, slot };
  });
}

const statusOf = async (id: string) =>
  (
    await service
      .from('referral_requests')
      .select('status, decided_at, appointment_id, client_id')
      .eq('id', id)
      .single()
  ).data!;

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

describe('state machine', () => {
  it('nobody updates a request directly; terminal states are final even for the database owner', async () => {
    const r = await pendingRequest();
    expect(
      (await scheduler.from('referral_requests').update({ status: 'confirmed' }).eq('id', r.id)).error?.code,
    ).toBe('42501');
    await scheduler.rpc('decline_referral_request', { request_id: r.id, reason: 'no_availability' });
    const back = await withDb((db) =>
      db
        .query(`update public.referral_requests set status = 'pending', decided_at = null where id = $1`, [
          r.id,
        ])
        .catch((e: Error) => e),
    );
    expect(String(back)).toContain('This request was already declined and cannot change.');
    const confirm = await withDb((db) =>
      db
        .query(`update public.referral_requests set status = 'expired' where id = $1`, [r.id])
        .catch((e: Error) => e),
    );
    expect(String(confirm)).toContain('already declined');
  });
});

describe('confirm', () => {
  it('schedules the appointment, makes the client active, emails them without PHI, and the payer sees confirmed', async () => {
    const { data: key } = await service.rpc('create_payer_api_key', {
      payer: personas.payers.aetna,
      label: 'decisions test',
    });
    const r = await pendingRequest();
    const { data: appointmentId, error } = await scheduler.rpc('confirm_referral_request', {
      request_id: r.id,
    });
    expect(error).toBeNull();
    const state = await statusOf(r.id);
    expect(state).toMatchObject({ status: 'confirmed', appointment_id: appointmentId });
    const { data: client } = await service
      .from('clients')
      .select('status, email')
      .eq('id', state.client_id!)
      .single();
    expect(client).toEqual({ status: 'active', email: r.email });
    const { data: appointment } = await service
      .from('appointments')
      .select('status, staff_id')
      .eq('id', appointmentId!)
      .single();
    expect(appointment).toEqual({ status: 'scheduled', staff_id: priyaId });

    const email = await waitForEmail(r.email);
    expect(email.subject).toBe(`Your appointment with ${personas.clinic.name} is confirmed`);
    // the therapist is named (tests/api/client-emails.test.ts); the client's own details are not
    expect(email.text).toContain('Therapist: Priya Raman');
    for (const phi of ['CANARY', 'Aetna', 'W2849301', '1991', 'Elena'])
      expect(`${email.subject}${email.text}${email.html}`).not.toContain(phi);

    const status = await fetch(`${testEnv().apiUrl}/functions/v1/payer-api/referral-requests/${r.id}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect((await status.json()).status).toBe('confirmed');
  });

  it('matches an existing client of the clinic by email and date of birth', async () => {
    const email = `returning.${randomUUID().slice(0, 8)}@example.org`;
    const first = await pendingRequest({ email });
    const second = await pendingRequest({ email });
    await scheduler.rpc('confirm_referral_request', { request_id: first.id });
    await scheduler.rpc('confirm_referral_request', { request_id: second.id });
    expect((await statusOf(first.id)).client_id).toBe((await statusOf(second.id)).client_id);
  });

  it('two staff at once: one confirms, the others are told who decided and when, in the clinic’s time', async () => {
    const r = await pendingRequest();
    const callers = [
      ['scheduler', scheduler],
      ['orgAdmin', admin],
      ['scheduler', scheduler],
      ['orgAdmin', admin],
      ['therapist', priya],
    ] as const;
    const results = await Promise.all(
      callers.map(([, c]) => c.rpc('confirm_referral_request', { request_id: r.id })),
    );
    // the winner's own second call is a success too (a double click), with the same appointment
    const winners = results.flatMap((x, i) => (x.error ? [] : [{ who: callers[i]![0], id: x.data }]));
    expect(new Set(winners.map((w) => w.who)).size).toBe(1);
    expect(new Set(winners.map((w) => w.id)).size).toBe(1);
    const winner = personas.staff[winners[0]!.who];
    for (const loser of results.filter((x) => x.error)) {
      // the clinic is in America/New_York: its own clock, named, in words
      expect(loser.error!.message).toMatch(
        new RegExp(
          `^This request was already confirmed by ${winner.firstName} ${winner.lastName} on [A-Z][a-z]+day, [A-Z][a-z]+ \\d{1,2}, \\d{4} at \\d{1,2}:\\d{2} [AP]M E[SD]T\\.$`,
        ),
      );
    }
    const { count } = await service
      .from('appointments')
      .select('id', { count: 'exact', head: true })
      .eq('id', winners[0]!.id!);
    expect(count).toBe(1);
  });

  it('a second click of the same decision by the same person is a success that changes nothing', async () => {
    const confirmed = await pendingRequest();
    const first = await scheduler.rpc('confirm_referral_request', { request_id: confirmed.id });
    const again = await scheduler.rpc('confirm_referral_request', { request_id: confirmed.id });
    expect(first.error).toBeNull();
    expect(again).toMatchObject({ error: null, data: first.data });

    const declined = await pendingRequest();
    const decline = { request_id: declined.id, reason: 'no_availability' };
    expect((await scheduler.rpc('decline_referral_request', decline)).error).toBeNull();
    expect(
      (await scheduler.rpc('decline_referral_request', { ...decline, reason: 'other', note: 'x' })).error,
    ).toBeNull();
    // the first reason stands; one email and one audit entry per request
    const { data: row } = await service
      .from('referral_requests')
      .select('decline_reason')
      .eq('id', declined.id)
      .single();
    expect(row!.decline_reason).toBe('no_availability');
    const counts = await withDb(async (db) => {
      const { rows } = await db.query(
        `select (select count(*)::int from public.notification_outbox where idempotency_key in ($1, $2)) as emails,
                (select count(*)::int from public.audit_log where entity_id in ($3, $4) and action in ('referral.confirmed', 'referral.declined')) as audits`,
        [`request_confirmed:${confirmed.id}`, `request_declined:${declined.id}`, confirmed.id, declined.id],
      );
      return rows[0];
    });
    expect(counts).toEqual({ emails: 2, audits: 2 });

    // a different decision is still refused, and says it was the caller's own
    const { error } = await scheduler.rpc('confirm_referral_request', { request_id: declined.id });
    expect(error?.message).toMatch(/^This request was already declined by you on /);
    // someone else repeating it is refused with the name
    const other = await admin.rpc('confirm_referral_request', { request_id: confirmed.id });
    expect(other.error?.message).toContain(
      `already confirmed by ${personas.staff.scheduler.firstName} ${personas.staff.scheduler.lastName} on `,
    );
  });

  it('confirms of overlapping requests never make overlapping appointments; the loser stays pending with the reason', async () => {
    const base = nextSlot();
    const overlapping = [0, 15, 30, 45].map((minutes) => ({
      start: new Date(base.start.getTime() + minutes * 60_000),
      end: new Date(base.end.getTime() + minutes * 60_000),
    }));
    const requests = await Promise.all(overlapping.map((slot) => pendingRequest({ slot })));
    const results = await Promise.all(
      requests.map((r, i) =>
        [scheduler, admin][i % 2]!.rpc('confirm_referral_request', { request_id: r.id }),
      ),
    );
    expect(results.filter((x) => !x.error)).toHaveLength(1);
    for (const loser of results.filter((x) => x.error)) {
      expect(loser.error!.message).toContain(
        'The therapist already has an appointment that overlaps this time',
      );
    }
    const statuses = await Promise.all(requests.map((r) => statusOf(r.id)));
    expect(statuses.filter((s) => s.status === 'pending')).toHaveLength(3);
    const overlaps = await withDb((db) =>
      db.query(`select count(*)::int as n from public.appointments a join public.appointments b
                on a.staff_id = b.staff_id and a.id < b.id and a.during && b.during
                where a.status = 'scheduled' and b.status = 'scheduled'`),
    );
    expect(overlaps.rows[0].n).toBe(0);
  });
});

describe('decline', () => {
  it('needs a coded reason (and a note for Other), tells the client without the reason, and reopens the slot', async () => {
    const r = await pendingRequest();
    expect(
      (await scheduler.rpc('decline_referral_request', { request_id: r.id, reason: 'because' })).error
        ?.message,
    ).toBe('Choose a reason for declining from the list.');
    expect(
      (await scheduler.rpc('decline_referral_request', { request_id: r.id, reason: 'other' })).error?.message,
    ).toBe('Describe the reason when you choose Other.');
    expect(
      (
        await scheduler.rpc('decline_referral_request', {
          request_id: r.id,
          reason: 'not_a_clinical_fit',
          note: 'Needs an eating-disorder specialist',
        })
      ).error,
    ).toBeNull();
    const { data } = await service
      .from('referral_requests')
      .select('status, decline_reason, decline_note')
      .eq('id', r.id)
      .single();
    expect(data).toEqual({
      status: 'declined',
      decline_reason: 'not_a_clinical_fit',
      decline_note: 'Needs an eating-disorder specialist',
    });
    const email = await waitForEmail(r.email);
    expect(email.subject).toBe(`${personas.clinic.name} could not accept your appointment request`);
    for (const secret of ['clinical', 'eating', 'CANARY', 'Aetna'])
      expect(`${email.text}${email.html}`).not.toContain(secret);
    // no appointment holds the time, and the request no longer does
    const { data: pending } = await service.from('unconfirmed_requests').select('id').eq('id', r.id);
    expect(pending).toEqual([]);
  });
});

describe('who decides', () => {
  it('the therapist decides their own requests only; another clinic and anon cannot', async () => {
    const own = await pendingRequest();
    expect((await jordan.rpc('confirm_referral_request', { request_id: own.id })).error?.code).toBe('42501');
    expect(
      (await otherAdmin.rpc('decline_referral_request', { request_id: own.id, reason: 'no_availability' }))
        .error?.code,
    ).toBe('42501');
    expect((await anonClient().rpc('confirm_referral_request', { request_id: own.id })).error?.code).toBe(
      '42501',
    );
    expect(
      (await priya.rpc('decline_referral_request', { request_id: own.id, reason: 'no_availability' })).error,
    ).toBeNull();
  });
  it('the queue shows a viewer only what they may decide', async () => {
    const r = await pendingRequest({ payer: null });
    const row = await scheduler
      .from('unconfirmed_requests')
      .select('source_label, therapist_last_name, time_zone')
      .eq('id', r.id)
      .single();
    expect(row.data).toEqual({
      source_label: 'Client Portal',
      therapist_last_name: personas.staff.therapist.lastName,
      time_zone: 'America/New_York',
    });
    expect((await jordan.from('unconfirmed_requests').select('id').eq('id', r.id)).data).toEqual([]);
    expect((await otherAdmin.from('unconfirmed_requests').select('id').eq('id', r.id)).data).toEqual([]);
  });
});

describe('expiry and reminders', () => {
  it('two workers expire each overdue request exactly once, with one email each', async () => {
    const overdue = await Promise.all(
      Array.from({ length: 40 }, () => pendingRequest({ expiresAt: new Date(Date.now() - 60_000) })),
    );
    const [a, b] = await Promise.all([
      service.rpc('expire_referral_requests', { batch_size: 25 }),
      service.rpc('expire_referral_requests', { batch_size: 25 }),
    ]);
    const third = await service.rpc('expire_referral_requests', {});
    // the stack's own expiry job may take some of them meanwhile; between them none is counted twice
    expect(a.error ?? b.error ?? third.error).toBeNull();
    expect((a.data as number) + (b.data as number) + (third.data as number)).toBeLessThanOrEqual(40);
    const ids = overdue.map((r) => r.id);
    const { data: rows } = await service.from('referral_requests').select('status').in('id', ids);
    expect(new Set(rows!.map((r) => r.status))).toEqual(new Set(['expired']));
    const { count } = await service
      .from('notification_outbox')
      .select('id', { count: 'exact', head: true })
      .in(
        'idempotency_key',
        ids.map((id) => `request_expired:${id}`),
      );
    expect(count).toBe(40);
    // deciding an expired request is refused
    expect((await scheduler.rpc('confirm_referral_request', { request_id: ids[0]! })).error?.message).toMatch(
      /^This request was already expired/,
    );
  });

  it('reminds the therapist once when 12 hours are left', async () => {
    const soon = await pendingRequest({ expiresAt: new Date(Date.now() + 6 * 3_600_000) });
    const later = await pendingRequest({ expiresAt: new Date(Date.now() + 30 * 3_600_000) });
    await service.rpc('queue_referral_reminders');
    await service.rpc('queue_referral_reminders');
    const { data } = await service
      .from('notification_outbox')
      .select('recipient, template')
      .in('idempotency_key', [`request_reminder:${soon.id}`, `request_reminder:${later.id}`]);
    expect(data).toEqual([{ recipient: personas.staff.therapist.email, template: 'request_reminder' }]);
    expect((await scheduler.rpc('queue_referral_reminders')).error?.code).toBe('42501');
  });

  it('the scheduled function expires requests through the local scheduler', async () => {
    const r = await pendingRequest({ expiresAt: new Date(Date.now() - 1000) });
    const deadline = Date.now() + 10_000;
    while ((await statusOf(r.id)).status === 'pending' && Date.now() < deadline)
      await new Promise((res) => setTimeout(res, 250));
    expect((await statusOf(r.id)).status).toBe('expired');
    const email = await waitForEmail(r.email);
    expect(email.subject).toBe(
      `Your appointment request with ${personas.clinic.name} was not answered in time`,
    );
  });
});
