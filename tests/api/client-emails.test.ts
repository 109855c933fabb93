/**
 * Client emails through the real stack: the payloads the database queues carry what the email
 * needs (therapist, office address or telehealth, the practice's phone, the office's zone, the
 * request page, and the calendar file's method and sequence), nothing of the reason, payer or
 * date of birth; and the confirmation arrives in the dev inbox with an .ics that a calendar
 * library reads back as a REQUEST at the office's wall-clock time.
 */
import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createListedTherapist, waitForEmail } from './factories.ts';
import { serviceClient, testEnv, personasForThisFile, withDb, type Client } from './personas.ts';
import { statusCall, statusTokenFor } from './support/status-links.ts';

const personas = personasForThisFile();
const service = serviceClient();
let scheduler: Client;
let priyaId: string;

beforeAll(async () => {
  scheduler = await personas.signedInAs('scheduler');
  priyaId = personas.staff.therapist.id;
  // Priya sees clients in person too, and has an office phone on her staff record
  await withDb(async (db) => {
    await db.query(
      `update public.public_profiles set session_formats = '{in_person,telehealth}' where staff_id = $1`,
      [priyaId],
    );
    await db.query(`update public.staff_members set office_phone = '(617) 555-0142' where id = $1`, [
      priyaId,
    ]);
  });
});

let hourOffset = 0;
/** A pending payer request for `therapist` at a far-apart hour (winter, or `start`), inserted as the platform. */
async function pendingRequest(therapist: string, start?: Date) {
  hourOffset += 3;
  const slotStart = start ?? new Date(Date.UTC(2027, 0, 12, 14) + hourOffset * 3_600_000);
  const email = `client.${randomUUID().slice(0, 8)}@example.org`;
  const id = await withDb(async (db) => {
    const { rows } = await db.query(
      `insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name, last_name, email, phone,
         date_of_birth, member_id, note, expires_at, idempotency_key)
       values ($1, $2, $3, tstzrange($4, $5, '[)'), 'payer', $6, 'Elena', 'Castillo', $7, '617-555-0188',
         '1991-04-12', 'W2849301', 'CANARY-panic attacks', $8, $9) returning id`,
      [
        personas.clinic.id,
        therapist,
        personas.clinic.locationId,
        slotStart,
        new Date(slotStart.getTime() + 50 * 60_000),
        personas.payers.aetna,
        email,
        new Date(Math.min(Date.now() + 48 * 3_600_000, slotStart.getTime())),
        randomUUID(),
      ],
    );
    return rows[0].id as string;
  });
  return { id, email, slotStart };
}

async function queued(idempotencyKey: string) {
  const { data, error } = await service
    .from('notification_outbox')
    .select('template, recipient, payload')
    .eq('idempotency_key', idempotencyKey)
    .single();
  if (error) throw error;
  return data as { template: string; recipient: string; payload: Record<string, unknown> };
}

async function confirm(id: string) {
  const { error } = await scheduler.rpc('confirm_referral_request', { request_id: id });
  expect(error).toBeNull();
  return queued(`request_confirmed:${id}`);
}

const phiValues = ['CANARY', 'Aetna', 'W2849301', '1991-04-12', 'Elena', 'Castillo', '617-555-0188'];

describe('the queued payloads carry what a client email needs, and nothing more', () => {
  it('a confirmation in person: therapist, office and address, phone, zone, times, request page, REQUEST', async () => {
    const r = await pendingRequest(priyaId);
    const { payload } = await confirm(r.id);
    expect(payload).toEqual({
      request_id: r.id,
      practice_name: personas.clinic.name,
      starts_at: expect.any(String),
      ends_at: expect.any(String),
      time_zone: 'America/New_York',
      office_name: 'Main Office',
      therapist_name: 'Priya Raman',
      session_format: 'in_person',
      office_address: '1 Main Street, Boston, MA 02116',
      practice_phone: '(617) 555-0142',
      request_page_path: `/request/${personas.clinic.slug}`,
      // the client's status link, until the email is sent
      status_url: expect.stringMatching(/^\/request\/status\/[A-Za-z0-9_-]{43}$/),
      calendar: { method: 'REQUEST', sequence: 0, stamped_at: expect.any(String) },
    });
    expect(new Date(payload.starts_at as string).getTime()).toBe(r.slotStart.getTime());
    expect(new Date(payload.ends_at as string).getTime() - r.slotStart.getTime()).toBe(50 * 60_000);
    for (const value of phiValues) expect(JSON.stringify(payload)).not.toContain(value);
  });

  it('a telehealth-only therapist: telehealth, no address; an admin’s phone when the therapist has none', async () => {
    const therapist = await createListedTherapist(personas);
    await withDb((db) =>
      db.query(`update public.staff_members set office_phone = '(617) 555-0100' where id = $1`, [
        personas.staff.orgAdmin.id,
      ]),
    );
    const r = await pendingRequest(therapist.id);
    const { payload } = await confirm(r.id);
    expect(payload).toMatchObject({
      session_format: 'telehealth',
      office_address: null,
      practice_phone: '(617) 555-0100',
      therapist_name: `${therapist.first_name} ${therapist.last_name}`,
      time_zone: 'America/New_York',
    });
  });

  it('a decline and an expiry of a request never sent a calendar file carry no calendar, and the request page', async () => {
    const declined = await pendingRequest(priyaId);
    await scheduler.rpc('decline_referral_request', {
      request_id: declined.id,
      reason: 'not_a_clinical_fit',
    });
    const decline = await queued(`request_declined:${declined.id}`);
    expect(decline.payload.calendar).toBeUndefined();
    expect(decline.payload.request_page_path).toBe(`/request/${personas.clinic.slug}`);
    expect(JSON.stringify(decline.payload)).not.toContain('clinical');

    const overdue = await pendingRequest(priyaId, new Date(Date.now() + 86_400_000));
    await withDb((db) =>
      db.query(`update public.referral_requests set expires_at = now() - interval '1 second' where id = $1`, [
        overdue.id,
      ]),
    );
    await service.rpc('expire_referral_requests', {});
    const expiry = await queued(`request_expired:${overdue.id}`);
    expect(expiry.payload.calendar).toBeUndefined();
    expect(expiry.payload.request_page_path).toBe(`/request/${personas.clinic.slug}`);
  });

  it('an email that ends a request whose calendar file was sent cancels it once, same request, next sequence', async () => {
    // no path ends a confirmed request today; the rule is the outbox's, for whichever path does:
    // an ending email queued for a request with a REQUEST sent gets a CANCEL, a second one nothing
    const r = await pendingRequest(priyaId);
    await confirm(r.id);
    const endingEmail = (key: string) =>
      withDb(async (db) => {
        const { rows } = await db.query(
          `insert into public.notification_outbox (org_id, template, recipient, payload, idempotency_key)
           select q.org_id, 'request_withdrawn', q.email, private.request_email_payload(q), $2
           from public.referral_requests q where q.id = $1
           returning payload`,
          [r.id, key],
        );
        return rows[0].payload as Record<string, unknown>;
      });
    const first = await endingEmail(`test-ending:${r.id}`);
    expect(first.request_id).toBe(r.id);
    expect(first.calendar).toEqual({ method: 'CANCEL', sequence: 1, stamped_at: expect.any(String) });
    const second = await endingEmail(`test-ending-again:${r.id}`);
    expect(second.calendar).toBeUndefined();
  });
});

/** A verified client-portal request for Priya (in person and telehealth) at her office, in the format the client chose. */
async function portalRequestIn(sessionFormat: 'in_person' | 'telehealth', start: Date) {
  const email = `client.${randomUUID().slice(0, 8)}@example.org`;
  const id = await withDb(async (db) => {
    const { rows } = await db.query(
      `insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, first_name, last_name, email, phone,
         date_of_birth, expires_at, verified_at, idempotency_key, session_format)
       values ($1, $2, $3, tstzrange($4, $5, '[)'), 'client_portal', 'Elena', 'Castillo', $6, '617-555-0188',
         '1991-04-12', $7, now(), $8, $9) returning id`,
      [
        personas.clinic.id,
        priyaId,
        personas.clinic.locationId,
        start,
        new Date(start.getTime() + 50 * 60_000),
        email,
        new Date(Math.min(Date.now() + 48 * 3_600_000, start.getTime())),
        randomUUID(),
        sessionFormat,
      ],
    );
    return rows[0].id as string;
  });
  return { id, email };
}

describe('the format the client chose, wherever the request is described', () => {
  it('video chosen with a therapist offering both, at a slot of an office with an address: telehealth in the payload, the email, its .ics and the status page', async () => {
    const r = await portalRequestIn('telehealth', new Date('2027-03-17T14:00:00Z'));
    const { payload } = await confirm(r.id);
    expect(payload).toMatchObject({ session_format: 'telehealth', office_address: null });

    const email = await waitForEmail(r.email);
    expect(email.text).toContain('Where: Telehealth');
    expect(`${email.text}${email.html}`).not.toContain('1 Main Street');
    const text = Buffer.from(email.attachments![0]!.content, 'base64').toString('utf8');
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('location')).toBe('Telehealth');

    const status = await statusCall('status', { token: await statusTokenFor(r.id) });
    expect(status.body.request).toMatchObject({ format: 'telehealth', office_address: null });
  });

  it('in person chosen: the office and its address', async () => {
    const r = await portalRequestIn('in_person', new Date('2027-03-17T17:00:00Z'));
    const { payload } = await confirm(r.id);
    expect(payload).toMatchObject({
      session_format: 'in_person',
      office_address: '1 Main Street, Boston, MA 02116',
    });
    const status = await statusCall('status', { token: await statusTokenFor(r.id) });
    expect(status.body.request).toMatchObject({
      format: 'in_person',
      office_address: '1 Main Street, Boston, MA 02116',
    });
  });
});

describe('the confirmation in the dev inbox, with its calendar file', () => {
  it('arrives with text and HTML parts and an .ics that parses back as a REQUEST in the office’s zone', async () => {
    // a Tuesday in March after the clock change: 10:00 AM EDT
    const r = await pendingRequest(priyaId, new Date('2027-03-16T14:00:00Z'));
    await confirm(r.id);
    const email = await waitForEmail(r.email);
    expect(email.subject).toBe(`Your appointment with ${personas.clinic.name} is confirmed`);
    expect(email.text).toContain('confirmed for Tue, Mar 16, 10:00 AM EDT, Main Office.');
    expect(email.text).toContain('Therapist: Priya Raman');
    expect(email.text).toContain('Where: Main Office, 1 Main Street, Boston, MA 02116');
    expect(email.text).toContain('Phone: (617) 555-0142');
    expect(email.html).toContain('1 Main Street, Boston, MA 02116');
    for (const value of phiValues) expect(`${email.subject}${email.text}${email.html}`).not.toContain(value);

    expect(email.attachments).toHaveLength(1);
    const [file] = email.attachments!;
    expect(file!.filename).toBe('appointment.ics');
    // a person downloads it from the inbox as the file that was sent
    const download = await fetch(`${testEnv().inboxUrl}/messages/${email.id}/attachments/0`);
    expect(download.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=REQUEST');
    const text = await download.text();
    expect(text).toBe(Buffer.from(file!.content, 'base64').toString('utf8'));
    for (const value of phiValues) expect(text).not.toContain(value);

    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    expect(String(vevent.getFirstPropertyValue('uid'))).toMatch(new RegExp(`^referral-request-${r.id}@`));
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('America/New_York');
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(start.toString()).toBe('2027-03-16T10:00:00');
    start.zone = zone;
    expect(start.toJSDate().toISOString()).toBe('2027-03-16T14:00:00.000Z');
    expect(String(vevent.getFirstPropertyValue('attendee'))).toBe(`mailto:${r.email}`);
  });
});
