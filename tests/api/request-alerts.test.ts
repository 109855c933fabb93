/**
 * Alert on arrival: a request staff can see (a payer's, or a client-portal request once its email
 * is verified) queues, in the same transaction, an email to the therapist it is for and to the
 * clinic's schedulers, or a line in their next digest, as each person chose. Assertions read the
 * outbox (the stack's sender drains it every second; sent rows stay).
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createListedTherapist, createStaff, createStaffAccount, insertPendingRequest } from './factories.ts';
import { personasForThisFile, serviceClient, withDb } from './personas.ts';

const personas = personasForThisFile();
const service = serviceClient();

interface OutboxRow {
  template: string;
  recipient: string;
  payload: Record<string, unknown>;
}

/** The alert emails (each request and digests) queued for `recipient`. */
async function alertsTo(recipient: string): Promise<OutboxRow[]> {
  const { data, error } = await service
    .from('notification_outbox')
    .select('template, recipient, payload')
    .eq('recipient', recipient)
    .in('template', ['request_arrived', 'request_digest'])
    .order('created_at');
  if (error) throw error;
  return data as OutboxRow[];
}

async function setPreference(staffId: string, mode: string, digestHours = 4) {
  await withDb((db) =>
    db.query(
      `insert into public.staff_alert_preferences (staff_id, org_id, mode, digest_hours)
       select id, org_id, $2, $3 from public.staff_members where id = $1
       on conflict (staff_id) do update set mode = excluded.mode, digest_hours = excluded.digest_hours`,
      [staffId, mode, digestHours],
    ),
  );
}

/** Moves a person's waiting digest items into the past, as if `hoursAgo` had passed. */
async function ageDigest(staffId: string, hoursAgo: number) {
  await withDb((db) =>
    db.query(
      `update private.alert_digest_items set arrived_at = arrived_at - make_interval(hours => $2) where staff_id = $1`,
      [staffId, hoursAgo],
    ),
  );
}

async function runDigests() {
  const { error } = await service.rpc('queue_alert_digests');
  if (error) throw error;
}

describe('an email for each request (the default)', () => {
  it('goes to the therapist it is for and to each scheduler, with no PHI and a link to the queue', async () => {
    const therapist = await createListedTherapist(personas);
    const secondScheduler = await createStaff({ org: personas.clinic.id, roles: ['scheduler'] });
    const request = await insertPendingRequest(personas, therapist.id, { daysAhead: 11 });

    for (const recipient of [therapist.email, personas.staff.scheduler.email, secondScheduler.email]) {
      const emails = (await alertsTo(recipient)).filter(
        (e) => e.payload.starts_at === request.slotStart.toISOString().replace('.000Z', '+00:00'),
      );
      expect(emails, recipient).toHaveLength(1);
      expect(emails[0]!.template).toBe('request_arrived');
      expect(emails[0]!.payload).toMatchObject({
        practice_name: personas.clinic.name,
        therapist_first_name: therapist.first_name,
        time_zone: 'America/New_York',
        path: '/schedule/unconfirmed-appointments',
      });
      const text = JSON.stringify(emails[0]!.payload);
      for (const phi of ['CANARY', 'Castillo', 'W2849301', '1991-04-12', request.email])
        expect(text).not.toContain(phi);
    }
  });

  it('reaches nobody else: not the org admin, other therapists, inactive schedulers or another clinic', async () => {
    const therapist = await createListedTherapist(personas);
    const inactiveScheduler = await createStaff({
      org: personas.clinic.id,
      roles: ['scheduler'],
      isActive: false,
    });
    const otherClinicScheduler = await createStaff({ org: personas.otherClinic.id, roles: ['scheduler'] });
    const before = {
      admin: (await alertsTo(personas.staff.orgAdmin.email)).length,
      priya: (await alertsTo(personas.staff.therapist.email)).length,
      jordan: (await alertsTo(personas.staff.otherTherapist.email)).length,
      otherAdmin: (await alertsTo(personas.staff.otherOrgAdmin.email)).length,
    };
    await insertPendingRequest(personas, therapist.id, { daysAhead: 12 });

    expect(await alertsTo(inactiveScheduler.email)).toHaveLength(0);
    expect(await alertsTo(otherClinicScheduler.email)).toHaveLength(0);
    expect((await alertsTo(personas.staff.orgAdmin.email)).length).toBe(before.admin);
    expect((await alertsTo(personas.staff.therapist.email)).length).toBe(before.priya);
    expect((await alertsTo(personas.staff.otherTherapist.email)).length).toBe(before.jordan);
    expect((await alertsTo(personas.staff.otherOrgAdmin.email)).length).toBe(before.otherAdmin);
  });

  it('a person who is both the therapist and a scheduler gets one email', async () => {
    const both = await createListedTherapist(personas);
    await withDb((db) =>
      db.query(`update public.staff_members set roles = '{therapist,scheduler}' where id = $1`, [both.id]),
    );
    await insertPendingRequest(personas, both.id, { daysAhead: 13 });
    expect(await alertsTo(both.email)).toHaveLength(1);
  });
});

describe('a client-portal request', () => {
  it('alerts nobody while unverified, and alerts once its email is verified', async () => {
    const therapist = await createListedTherapist(personas);
    const start = new Date(Date.now() + 14 * 86_400_000);
    start.setUTCHours(14, 0, 0, 0);
    const id = await withDb(async (db) => {
      const { rows } = await db.query<{ id: string }>(
        `insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, first_name, last_name, email,
           phone, date_of_birth, status, expires_at, idempotency_key)
         values ($1, $2, $3, tstzrange($4::timestamptz, $4::timestamptz + interval '1 hour', '[)'), 'client_portal', 'Elena', 'Castillo',
           'elena.portal@example.org', '617-555-0188', '1991-04-12', 'unverified', now() + interval '30 minutes', $5)
         returning id`,
        [personas.clinic.id, therapist.id, personas.clinic.locationId, start, randomUUID()],
      );
      return rows[0]!.id;
    });
    expect(await alertsTo(therapist.email)).toHaveLength(0);

    await withDb((db) =>
      db.query(
        `update public.referral_requests set status = 'pending', verified_at = now(), expires_at = now() + interval '48 hours'
         where id = $1`,
        [id],
      ),
    );
    expect(await alertsTo(therapist.email)).toHaveLength(1);
    // a later update of the same request (expiry, a decision) alerts nobody again
    await withDb((db) =>
      db.query(`update public.referral_requests set status = 'expired', expires_at = now() where id = $1`, [
        id,
      ]),
    );
    expect(await alertsTo(therapist.email)).toHaveLength(1);
  });
});

describe('preferences', () => {
  it('off: no email and no digest', async () => {
    const therapist = await createListedTherapist(personas);
    await setPreference(therapist.id, 'off');
    await insertPendingRequest(personas, therapist.id, { daysAhead: 15 });
    await ageDigest(therapist.id, 48);
    await runDigests();
    expect(await alertsTo(therapist.email)).toHaveLength(0);
  });

  it('digest: one email per period for every request that arrived in it, never one per request', async () => {
    const therapist = await createListedTherapist(personas);
    await setPreference(therapist.id, 'digest', 3);
    for (const days of [16, 17, 18]) await insertPendingRequest(personas, therapist.id, { daysAhead: days });
    expect(await alertsTo(therapist.email)).toHaveLength(0);

    // not due before its period is over
    await ageDigest(therapist.id, 2);
    await runDigests();
    expect(await alertsTo(therapist.email)).toHaveLength(0);

    await ageDigest(therapist.id, 1);
    await Promise.all([runDigests(), runDigests()]);
    await runDigests();
    const digests = await alertsTo(therapist.email);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.template).toBe('request_digest');
    expect(digests[0]!.payload.request_count).toBe('3');
    expect(digests[0]!.payload.requests).toHaveLength(3);
    expect(JSON.stringify(digests[0]!.payload)).not.toContain('Castillo');

    // the next request starts the next period
    await insertPendingRequest(personas, therapist.id, { daysAhead: 19 });
    await runDigests();
    expect(await alertsTo(therapist.email)).toHaveLength(1);
    await ageDigest(therapist.id, 3);
    await runDigests();
    const after = await alertsTo(therapist.email);
    expect(after).toHaveLength(2);
    expect(after[1]!.payload.request_count).toBe('1');
  });

  it("a scheduler's digest does not change what the therapist gets", async () => {
    const therapist = await createListedTherapist(personas);
    const scheduler = await createStaff({ org: personas.clinic.id, roles: ['scheduler'] });
    await setPreference(scheduler.id, 'digest', 1);
    await insertPendingRequest(personas, therapist.id, { daysAhead: 20 });
    expect(await alertsTo(therapist.email)).toHaveLength(1);
    expect(await alertsTo(scheduler.email)).toHaveLength(0);
    await ageDigest(scheduler.id, 1);
    await runDigests();
    expect((await alertsTo(scheduler.email)).map((e) => e.template)).toEqual(['request_digest']);
  });
});

describe('staff_alert_preferences: RLS and checks', () => {
  let own: Awaited<ReturnType<typeof createStaffAccount>>;
  beforeAll(async () => {
    own = await createStaffAccount({ org: personas.clinic.id, roles: ['scheduler'] });
  });

  it('a person writes and reads their own row, and no one else’s', async () => {
    const me = await personas.signedInAs('scheduler');
    const mine = await me
      .from('staff_alert_preferences')
      .upsert({
        staff_id: personas.staff.scheduler.id,
        org_id: personas.clinic.id,
        mode: 'digest',
        digest_hours: 6,
      })
      .select()
      .single();
    expect(mine.error).toBeNull();
    expect(mine.data).toMatchObject({ mode: 'digest', digest_hours: 6 });

    await setPreference(own.id, 'off');
    const read = await me.from('staff_alert_preferences').select('staff_id');
    expect(read.data).toEqual([{ staff_id: personas.staff.scheduler.id }]);

    const theirs = await me
      .from('staff_alert_preferences')
      .upsert({ staff_id: own.id, org_id: personas.clinic.id, mode: 'each_request' });
    expect(theirs.error?.code).toBe('42501');
    const admin = await personas.signedInAs('orgAdmin');
    const changed = await admin
      .from('staff_alert_preferences')
      .update({ mode: 'each_request' })
      .eq('staff_id', own.id)
      .select();
    expect(changed.data).toEqual([]);
    const otherClinic = await personas.signedInAs('otherOrgAdmin');
    expect(
      (await otherClinic.from('staff_alert_preferences').select('staff_id').eq('staff_id', own.id)).data,
    ).toEqual([]);
    await withDb(async (db) => {
      const { rows } = await db.query(`select mode from public.staff_alert_preferences where staff_id = $1`, [
        own.id,
      ]);
      expect(rows[0].mode).toBe('off');
    });
  });

  it('refuses a mode not listed and a digest period outside 1–24 hours, naming the constraint', async () => {
    const me = await personas.signedInAs('scheduler');
    const row = { staff_id: personas.staff.scheduler.id, org_id: personas.clinic.id };
    for (const [change, constraint] of [
      [{ mode: 'weekly' }, 'staff_alert_preferences_mode_known'],
      [{ mode: 'digest', digest_hours: 0 }, 'staff_alert_preferences_digest_hours_in_range'],
      [{ mode: 'digest', digest_hours: 25 }, 'staff_alert_preferences_digest_hours_in_range'],
    ] as const) {
      const { error } = await me.from('staff_alert_preferences').upsert({ ...row, ...change });
      expect(error?.code, JSON.stringify(change)).toBe('23514');
      expect(error?.message).toContain(constraint);
    }
  });

  it('anonymous callers read nothing and write nothing', async () => {
    const { anonClient } = await import('./personas.ts');
    const anon = anonClient();
    const read = await anon.from('staff_alert_preferences').select('staff_id');
    expect(read.data ?? []).toEqual([]);
    const write = await anon
      .from('staff_alert_preferences')
      .insert({ staff_id: own.id, org_id: personas.clinic.id, mode: 'off' });
    expect(write.error).not.toBeNull();
  });
});
