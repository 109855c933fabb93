/**
 * What the public request page asks besides the time, against the real stack: the therapist's
 * ages served against the date of birth (refused in SQL and answered by the function, a minor
 * told to have a parent or guardian request), the format and the insurance a member ID belongs
 * to, a payer deep link's `source` and `booking-referral` stored on the request and shown where
 * the clinic sees the Source, the office and insurance filters, and an unknown clinic link.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { insertClinicWithTherapist, waitForEmail } from './factories.ts';
import { personasForThisFile, serviceClient, testEnv, withDb } from './personas.ts';

const personas = personasForThisFile();
const service = serviceClient();

const portal = (path: string, init: RequestInit = {}) =>
  fetch(`${testEnv().apiUrl}/functions/v1/client-portal/${path}`, {
    ...init,
    headers: {
      apikey: testEnv().anonKey,
      authorization: `Bearer ${testEnv().anonKey}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });

/** A date of birth `years` years ago (mid-January, so the age is the same all year but January). */
const bornYearsAgo = (years: number) => `${new Date().getUTCFullYear() - years}-01-01`;

let clinicCount = 0;
/**
 * A clinic of its own: one listed therapist (ages and formats as given) taking `payers.aetna`, open
 * two days ahead, and a second office where they also take external appointments.
 */
async function freshClinic({ ages = ['adults'], formats = ['telehealth'] } = {}) {
  clinicCount += 1;
  const slug = `choices-${clinicCount}-${Date.now()}`;
  return withDb(async (db) => {
    const { orgId, staffId, locationId } = await insertClinicWithTherapist(db, {
      slug,
      payer: personas.payers.aetna,
    });
    await db.query(
      `update public.public_profiles set ages_served = $2, session_formats = $3 where staff_id = $1`,
      [staffId, ages, formats],
    );
    const {
      rows: [second],
    } = await db.query(
      `insert into public.locations (org_id, name, address_line, city, state, postal_code, time_zone)
       values ($1, 'Denver Office', '2 Elm Street', 'Denver', 'CO', '80202', 'America/Denver') returning id`,
      [orgId],
    );
    for (const [day, location] of [
      [3, locationId],
      [4, second.id],
    ] as const) {
      await db.query(
        `insert into public.availability_blocks (org_id, staff_id, location_id, valid_from, valid_until, weekdays, start_time, end_time, accept_external)
         values ($1, $2, $3, current_date + $4::integer, current_date + $4::integer, null, '08:00', '18:00', true)`,
        [orgId, staffId, location, day],
      );
    }
    return {
      slug,
      orgId,
      therapistId: staffId as string,
      mainOffice: locationId,
      denverOffice: second.id as string,
    };
  });
}

async function firstOpenSlot(slug: string, therapistId: string): Promise<string> {
  const from = new Date(Date.now() + 86_400_000).toISOString();
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const response = await portal(`clinics/${slug}/therapists/${therapistId}/slots?from=${from}&to=${to}`);
  expect(response.status).toBe(200);
  return ((await response.json()).data as { start: string }[])[0]!.start;
}

async function requestTime(slug: string, therapistId: string, extra: Record<string, unknown> = {}) {
  const email = `client.${randomUUID().slice(0, 8)}@example.org`;
  const response = await portal(`clinics/${slug}/requests`, {
    method: 'POST',
    headers: { 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      therapist_id: therapistId,
      slot_start: await firstOpenSlot(slug, therapistId),
      first_name: 'Jamie',
      last_name: 'Rivera',
      email,
      phone: '617-555-0101',
      date_of_birth: '1988-05-20',
      ...extra,
    }),
  });
  return { status: response.status, body: await response.json(), email };
}

const requestsOf = async (orgId: string) =>
  (
    await service
      .from('referral_requests')
      .select(
        'id, status, date_of_birth, requested_by_guardian, session_format, insurance_payer_id, member_id, referral_source, booking_referral',
      )
      .eq('org_id', orgId)
  ).data ?? [];

describe('ages served against the date of birth', () => {
  it('refuses a 14-year-old for an adults-only therapist, telling them a parent or guardian requests, and writes nothing', async () => {
    const clinic = await freshClinic({ ages: ['adults'] });
    const { status, body } = await requestTime(clinic.slug, clinic.therapistId, {
      date_of_birth: bornYearsAgo(14),
    });
    expect(status).toBe(422);
    expect(body.error).toEqual({
      code: 'outside_ages_served',
      field: 'date_of_birth',
      message:
        'Avery Lindgren sees adults (26–64) only. Choose a therapist who sees clients of this age; for anyone under 18, a parent or guardian makes the request.',
    });
    expect(await requestsOf(clinic.orgId)).toEqual([]);
  });

  it('refuses a minor the therapist sees until a parent or guardian requests; then stores who requested', async () => {
    const clinic = await freshClinic({ ages: ['adolescents', 'adults'] });
    const alone = await requestTime(clinic.slug, clinic.therapistId, { date_of_birth: bornYearsAgo(15) });
    expect(alone.status).toBe(422);
    expect(alone.body.error.code).toBe('guardian_required');
    expect(alone.body.error.field).toBe('requested_by_guardian');
    expect(alone.body.error.message).toMatch(
      /^A parent or guardian must make the request for anyone under 18\./,
    );

    const byGuardian = await requestTime(clinic.slug, clinic.therapistId, {
      date_of_birth: bornYearsAgo(15),
      requested_by_guardian: true,
    });
    expect(byGuardian.status).toBe(201);
    expect(await requestsOf(clinic.orgId)).toEqual([
      expect.objectContaining({ id: byGuardian.body.id, requested_by_guardian: true }),
    ]);
  });

  it('is enforced in SQL, whoever calls create_portal_request', async () => {
    const clinic = await freshClinic({ ages: ['adults'] });
    const slotStart = await firstOpenSlot(clinic.slug, clinic.therapistId);
    const refusal = await withDb((db) =>
      db
        .query(
          `select * from public.create_portal_request(clinic => $1, therapist => $2, slot_start => $3, first_name => 'A',
             last_name => 'B', email => 'a.b@example.org', phone => '617-555-0101', date_of_birth => $4::date,
             member_id => null, note => null, idempotency_key => $5, request_hash => null, client_address => null)`,
          [clinic.orgId, clinic.therapistId, slotStart, bornYearsAgo(70), randomUUID()],
        )
        .then(
          () => null,
          (error: { hint?: string; message: string }) => error,
        ),
    );
    expect(refusal?.hint).toBe('outside_ages_served');
    expect(refusal?.message).toBe(
      'Avery Lindgren sees adults (26–64) only. Choose a therapist who sees clients of this age.',
    );
  });
});

describe('format and insurance', () => {
  it('asks in person or telehealth where both are offered, and stores the choice', async () => {
    const clinic = await freshClinic({ formats: ['in_person', 'telehealth'] });
    const none = await requestTime(clinic.slug, clinic.therapistId);
    expect(none.status).toBe(422);
    expect(none.body.error).toMatchObject({ code: 'session_format_not_offered', field: 'session_format' });
    const chosen = await requestTime(clinic.slug, clinic.therapistId, { session_format: 'in_person' });
    expect(chosen.status).toBe(201);
    expect((await requestsOf(clinic.orgId))[0]).toMatchObject({ session_format: 'in_person' });
  });

  it('a member ID comes with a payer the therapist takes', async () => {
    const clinic = await freshClinic();
    const withoutInsurance = await requestTime(clinic.slug, clinic.therapistId, { member_id: 'W1' });
    expect(withoutInsurance.status).toBe(422);
    expect(withoutInsurance.body.error.field).toBe('insurance_payer_id');
    const notTaken = await requestTime(clinic.slug, clinic.therapistId, {
      insurance_payer_id: personas.payers.cigna,
      member_id: 'W1',
    });
    expect(notTaken.status).toBe(422);
    expect(notTaken.body.error).toMatchObject({ code: 'insurance_not_taken', field: 'insurance_payer_id' });
    const taken = await requestTime(clinic.slug, clinic.therapistId, {
      insurance_payer_id: personas.payers.aetna,
      member_id: 'W1',
    });
    expect(taken.status).toBe(201);
    // the telehealth-only therapist's format is filled in
    expect(await requestsOf(clinic.orgId)).toEqual([
      expect.objectContaining({
        insurance_payer_id: personas.payers.aetna,
        member_id: 'W1',
        session_format: 'telehealth',
      }),
    ]);
  });
});

describe('a payer deep link’s source and booking-referral', () => {
  it('are stored on the request and shown with the Source once the client confirms', async () => {
    const clinic = await freshClinic();
    const sent = await requestTime(clinic.slug, clinic.therapistId, {
      referral_source: 'aetna-finder',
      booking_referral: 'ref:2027-42',
    });
    expect(sent.status).toBe(201);
    const message = await waitForEmail(sent.email);
    const token = /#token=([A-Za-z0-9_-]{43})/.exec(message.text)![1]!;
    const verified = await portal(`clinics/${clinic.slug}/requests/verify`, {
      method: 'POST',
      body: JSON.stringify({ token }),
    });
    expect(verified.status).toBe(200);
    const queued = await service
      .from('unconfirmed_requests')
      .select('source, source_label, referral_source, booking_referral, payer_id')
      .eq('id', sent.body.id)
      .single();
    // shown only: the request stays the client portal's, with no payer behind it
    expect(queued.data).toEqual({
      source: 'client_portal',
      source_label: 'Client Portal',
      referral_source: 'aetna-finder',
      booking_referral: 'ref:2027-42',
      payer_id: null,
    });
  });

  it('are refused when long or not plain, by the function and by the database', async () => {
    const clinic = await freshClinic();
    const long = await requestTime(clinic.slug, clinic.therapistId, { referral_source: 'a'.repeat(65) });
    expect(long.status).toBe(422);
    expect(long.body.error.field).toBe('referral_source');
    const markup = await requestTime(clinic.slug, clinic.therapistId, { booking_referral: '"><img src=x>' });
    expect(markup.status).toBe(422);
    expect(markup.body.error.field).toBe('booking_referral');
    expect(await requestsOf(clinic.orgId)).toEqual([]);
    // the database's own check, for any other writer
    const ok = await requestTime(clinic.slug, clinic.therapistId);
    expect(ok.status).toBe(201);
    const refused = await withDb((db) =>
      db
        .query(`update public.referral_requests set referral_source = '<b>' where id = $1`, [ok.body.id])
        .then(
          () => 'updated',
          (error: { constraint?: string }) => error.constraint,
        ),
    );
    expect(refused).toBe('referral_requests_referral_source_plain');
  });
});

describe('the clinic’s page: offices, insurance, minimum notice, one therapist, an unknown link', () => {
  it('describes the clinic and filters by office and insurance', async () => {
    const clinic = await freshClinic();
    const page = await (await portal(`clinics/${clinic.slug}`)).json();
    expect(page.clinic).toMatchObject({
      min_notice_hours: 24,
      locations: [
        { id: clinic.denverOffice, name: 'Denver Office', city: 'Denver', state: 'CO' },
        { id: clinic.mainOffice, name: 'Main Office', city: 'Springfield', state: 'MA' },
      ],
      payers: [{ id: personas.payers.aetna, name: personas.payerNames.aetna }],
    });
    expect(page.data[0].accepted_payers).toEqual([
      { id: personas.payers.aetna, name: personas.payerNames.aetna },
    ]);
    const count = async (query: string) =>
      ((await (await portal(`clinics/${clinic.slug}?${query}`)).json()).data as unknown[]).length;
    expect(await count(`location=${clinic.denverOffice}`)).toBe(1);
    expect(await count(`insurance=${personas.payers.aetna}`)).toBe(1);
    expect(await count(`insurance=${personas.payers.cigna}`)).toBe(0);
    expect((await portal(`clinics/${clinic.slug}?location=denver`)).status).toBe(400);

    const one = await portal(`clinics/${clinic.slug}/therapists/${clinic.therapistId}`);
    expect(one.status).toBe(200);
    expect((await one.json()).therapist).toMatchObject({ id: clinic.therapistId, last_name: 'Lindgren' });
    const unknownTherapist = await portal(`clinics/${clinic.slug}/therapists/${randomUUID()}`);
    expect(unknownTherapist.status).toBe(404);
  });

  it('an unknown clinic link is “not found”, a clinic without the program “not taking requests”', async () => {
    const unknown = await portal(`clinics/no-clinic-${Date.now()}`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('clinic_not_found');
    const withoutProgram = await portal(`clinics/${personas.otherClinic.slug}`);
    expect(withoutProgram.status).toBe(404);
    expect((await withoutProgram.json()).error.code).toBe('unknown_clinic');
  });
});
