/**
 * An expired request's email says what happened: the clinic's 48 hours ran out, or the requested
 * time began before anyone answered (a request for a slot sooner than 48 hours expires at the
 * slot's start). Time is moved in the database (created_at, slot, expires_at), not waited for.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { waitForEmail } from './factories.ts';
import { serviceClient, personasForThisFile, withDb } from './personas.ts';

const personas = personasForThisFile();
const service = serviceClient();
let priyaId: string;

beforeAll(() => {
  priyaId = personas.staff.therapist.id;
});

const hours = (n: number) => n * 3_600_000;

/** A pending payer request made `madeHoursAgo` ago for a one-hour slot starting at `slotStart`. */
async function overdueRequest(madeHoursAgo: number, slotStart: Date) {
  const email = `expiry.${randomUUID().slice(0, 8)}@example.org`;
  const createdAt = new Date(Date.now() - hours(madeHoursAgo));
  const expiresAt = new Date(Math.min(createdAt.getTime() + hours(48), slotStart.getTime()));
  const id = await withDb(async (db) => {
    const { rows } = await db.query(
      `insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name, last_name, email, phone,
         date_of_birth, member_id, note, created_at, expires_at, idempotency_key)
       values ($1, $2, $3, tstzrange($4, $5, '[)'), 'payer', $6, 'Elena', 'Castillo', $7, '617-555-0188',
         '1991-04-12', 'W2849301', 'CANARY-panic attacks', $8, $9, $10) returning id`,
      [
        personas.clinic.id,
        priyaId,
        personas.clinic.locationId,
        slotStart,
        new Date(slotStart.getTime() + hours(1)),
        personas.payers.aetna,
        email,
        createdAt,
        expiresAt,
        randomUUID(),
      ],
    );
    return rows[0].id as string;
  });
  return { id, email };
}

async function expiryPayload(id: string) {
  await service.rpc('expire_referral_requests', {});
  const { data } = await service
    .from('notification_outbox')
    .select('template, payload')
    .eq('idempotency_key', `request_expired:${id}`)
    .single();
  return data as { template: string; payload: Record<string, string> };
}

describe('the expiry email says why the request expired', () => {
  it('a request whose slot began before an answer: expiry_cause slot_started, and no word of 48 hours', async () => {
    const slotStart = new Date(Date.now() - 60_000);
    const request = await overdueRequest(10, slotStart);
    const { template, payload } = await expiryPayload(request.id);
    expect(template).toBe('request_expired');
    // status_url (the client's status link) is there until the email is sent
    expect(
      Object.keys(payload)
        .filter((key) => key !== 'status_url')
        .sort(),
    ).toEqual([
      'ends_at',
      'expiry_cause',
      'office_address',
      'office_name',
      'practice_name',
      'practice_phone',
      'request_id',
      'request_page_path',
      'session_format',
      'starts_at',
      'therapist_name',
      'time_zone',
    ]);
    expect(payload).toMatchObject({
      expiry_cause: 'slot_started',
      practice_name: personas.clinic.name,
      time_zone: 'America/New_York',
    });
    expect(new Date(payload.starts_at!).getTime()).toBe(slotStart.getTime());

    const email = await waitForEmail(request.email);
    expect(email.text).toContain('before that time began, so the request has expired.');
    expect(`${email.subject}${email.text}${email.html}`).not.toContain('48 hours');
    for (const phi of ['CANARY', 'Aetna', 'W2849301', '1991', 'Elena'])
      expect(`${email.subject}${email.text}${email.html}`).not.toContain(phi);
  });

  it('a request nobody answered in 48 hours: expiry_cause deadline, and the email says 48 hours', async () => {
    const slotStart = new Date(Date.now() + 5 * 86_400_000);
    const request = await overdueRequest(49, slotStart);
    const { payload } = await expiryPayload(request.id);
    expect(payload).toMatchObject({
      expiry_cause: 'deadline',
      practice_name: personas.clinic.name,
      time_zone: 'America/New_York',
    });

    const email = await waitForEmail(request.email);
    expect(email.text).toContain('within 48 hours, so the request has expired');
    expect(email.text).not.toContain('before that time began');
  });
});
