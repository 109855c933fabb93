/**
 * A therapist who leaves (enrollment deactivated, staff member deactivated, or therapist role
 * removed) leaves at once: their pending requests are withdrawn in the same transaction (status,
 * reason, audit entry, an email to the client without PHI), the payer API reports `withdrawn`,
 * they leave the payer directory, the client portal and the slot lists, their external
 * availability closes, and a decision on a withdrawn request is refused with the reason.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createListedTherapist, insertPendingRequest, waitForEmail } from './factories.ts';
import { expectDocumented } from './openapi.ts';
import { serviceClient, signedInWith, testEnv, personasForThisFile, type Client } from './personas.ts';

const personas = personasForThisFile();
const service = serviceClient();
const withdrawnMessage = 'This request was withdrawn because the therapist no longer takes referrals.';
let admin: Client, scheduler: Client, aetnaKey: string;

async function get(path: string, key?: string) {
  const response = await fetch(`${testEnv().apiUrl}/functions/v1${path}`, {
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
  return { status: response.status, body: await response.json() };
}

/** Every therapist id a directory lists, page by page (bounded). */
async function listedIds(firstPath: string, key?: string): Promise<string[]> {
  const ids: string[] = [];
  let path: string | null = firstPath;
  for (let page = 0; path && page < 20; page++) {
    const res = await get(path, key);
    expect(res.status).toBe(200);
    ids.push(...res.body.data.map((t: { id: string }) => t.id));
    path = res.body.next_cursor ? `${firstPath}&cursor=${res.body.next_cursor}` : null;
  }
  return ids;
}
const inPayerDirectory = async (id: string) =>
  (await listedIds('/payer-api/therapists?limit=50', aetnaKey)).includes(id);
const onPortal = async (id: string) =>
  (await listedIds(`/client-portal/clinics/${personas.clinic.slug}?limit=50`)).includes(id);
const slotsRange = () =>
  `from=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 15 * 86_400_000).toISOString())}`;
const payerSlots = (id: string) => get(`/payer-api/therapists/${id}/slots?${slotsRange()}`, aetnaKey);
const portalSlots = (id: string) =>
  get(`/client-portal/clinics/${personas.clinic.slug}/therapists/${id}/slots?${slotsRange()}`);

/** A listed therapist with one pending payer request, checked to be visible everywhere first. */
async function listedWithRequest() {
  const therapist = await createListedTherapist(personas, personas.payers.aetna);
  const request = await insertPendingRequest(personas, therapist.id, {
    daysAhead: 20 + Math.floor(Math.random() * 20),
  });
  expect(await inPayerDirectory(therapist.id)).toBe(true);
  expect(await onPortal(therapist.id)).toBe(true);
  expect((await payerSlots(therapist.id)).body.data.length).toBeGreaterThan(0);
  return { therapist, request };
}

/** Everything a withdrawal must have done to `request`, and everything it must refuse after. */
async function expectWithdrawn(
  therapistId: string,
  request: { id: string; email: string },
  actorUserId: string,
) {
  const { data: row } = await service
    .from('referral_requests')
    .select('status, withdrawn_reason, withdrawn_at, decided_at')
    .eq('id', request.id)
    .single();
  expect(row).toMatchObject({
    status: 'withdrawn',
    withdrawn_reason: 'therapist_unavailable',
    decided_at: null,
  });
  expect(row!.withdrawn_at).toEqual(expect.any(String));

  const { data: emails } = await service
    .from('notification_outbox')
    .select('template, recipient, payload')
    .eq('idempotency_key', `request_withdrawn:${request.id}`);
  expect(emails).toHaveLength(1);
  expect(emails![0]).toMatchObject({ template: 'request_withdrawn', recipient: request.email });
  // status_url (the client's status link) is there until the email is sent
  expect(
    Object.keys(emails![0]!.payload as object)
      .filter((key) => key !== 'status_url')
      .sort(),
  ).toEqual([
    'ends_at',
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

  const { data: audit } = await service
    .from('audit_log')
    .select('actor_user_id, before, after')
    .eq('entity_id', request.id)
    .eq('action', 'referral.withdrawn');
  expect(audit).toEqual([
    {
      actor_user_id: actorUserId,
      before: { status: 'pending' },
      after: { status: 'withdrawn', reason: 'therapist_unavailable' },
    },
  ]);

  expect((await scheduler.from('unconfirmed_requests').select('id').eq('id', request.id)).data).toEqual([]);
  const confirm = await scheduler.rpc('confirm_referral_request', { request_id: request.id });
  expect(confirm.error).toMatchObject({ message: withdrawnMessage, hint: 'request_withdrawn' });
  const decline = await scheduler.rpc('decline_referral_request', {
    request_id: request.id,
    reason: 'no_availability',
  });
  expect(decline.error?.message).toBe(withdrawnMessage);
  const { count } = await service
    .from('appointments')
    .select('id', { count: 'exact', head: true })
    .eq('staff_id', therapistId);
  expect(count).toBe(0);

  const status = await get(`/payer-api/referral-requests/${request.id}`, aetnaKey);
  expect(status.status).toBe(200);
  expect(status.body.status).toBe('withdrawn');
  expectDocumented('/referral-requests/{id}', 'get', 200, status.body);
}

/** The therapist is gone from every list a client or payer sees, and their external time is closed. */
async function expectUnlisted(therapistId: string) {
  expect(await inPayerDirectory(therapistId)).toBe(false);
  expect(await onPortal(therapistId)).toBe(false);
  expect((await payerSlots(therapistId)).status).toBe(404);
  expect((await portalSlots(therapistId)).status).toBe(404);
  const { data: blocks } = await service
    .from('availability_blocks')
    .select('accept_external')
    .eq('staff_id', therapistId);
  expect(blocks!.length).toBeGreaterThan(0);
  expect(blocks!.every((b) => !b.accept_external)).toBe(true);
}

beforeAll(async () => {
  [admin, scheduler] = await Promise.all([personas.signedInAs('orgAdmin'), personas.signedInAs('scheduler')]);
  aetnaKey = personas.payerKey;
});

const adminUserId = async () => (await admin.auth.getUser()).data.user!.id;

describe('removing a therapist withdraws their pending requests and unlists them', () => {
  it('deactivating the enrollment', async () => {
    const { therapist, request } = await listedWithRequest();
    const { error } = await admin
      .from('program_enrollments')
      .update({ status: 'deactivated' })
      .eq('staff_id', therapist.id);
    expect(error).toBeNull();
    await expectWithdrawn(therapist.id, request, await adminUserId());
    await expectUnlisted(therapist.id);

    const email = await waitForEmail(request.email);
    expect(email.subject).toBe(`Your appointment request with ${personas.clinic.name} was withdrawn`);
    // a telehealth therapist's time names the office's zone, and no office the client would go to
    expect(email.text).toMatch(/\w{3}, \w{3} \d{1,2}, \d{1,2}:\d{2} (AM|PM) E[SD]T, so your request/);
    for (const phi of [
      'CANARY',
      'Aetna',
      'W2849301',
      '1991',
      'Elena',
      therapist.first_name,
      therapist.last_name,
    ]) {
      expect(`${email.subject}${email.text}${email.html}`).not.toContain(phi);
    }
  });

  it('deactivating the staff member', async () => {
    const { therapist, request } = await listedWithRequest();
    const { error } = await admin.from('staff_members').update({ is_active: false }).eq('id', therapist.id);
    expect(error).toBeNull();
    await expectWithdrawn(therapist.id, request, await adminUserId());
    await expectUnlisted(therapist.id);
  });

  it('removing the therapist role: withdrawn, unlisted, and their own therapist rights end at once', async () => {
    const { therapist, request } = await listedWithRequest();
    const own = await signedInWith(therapist.email);
    const block = (start: string) => ({
      org_id: personas.clinic.id,
      staff_id: therapist.id,
      location_id: personas.clinic.locationId,
      valid_from: '2027-09-01',
      valid_until: '2027-09-01',
      start_time: start,
      end_time: `${Number(start.slice(0, 2)) + 1}:00`,
    });
    expect((await own.from('referral_requests').select('id').eq('id', request.id)).data).toHaveLength(1);
    expect((await own.from('availability_blocks').insert(block('14:00'))).error).toBeNull();

    const { error } = await admin
      .from('staff_members')
      .update({ roles: ['scheduler'] })
      .eq('id', therapist.id);
    expect(error).toBeNull();
    await expectWithdrawn(therapist.id, request, await adminUserId());
    await expectUnlisted(therapist.id);

    // as a scheduler now: no availability or public profile of their own to manage
    expect((await own.from('availability_blocks').insert(block('16:00'))).error?.code).toBe('42501');
    const profile = await own
      .from('public_profiles')
      .update({ about_me: 'x'.repeat(160) })
      .eq('staff_id', therapist.id)
      .select('staff_id');
    expect(profile).toMatchObject({ error: null, data: [] });
  });

  it('a confirm racing the deactivation: either the appointment stands or the request is withdrawn, never both', async () => {
    const { therapist, request } = await listedWithRequest();
    const [confirm] = await Promise.all([
      scheduler.rpc('confirm_referral_request', { request_id: request.id }),
      admin.from('program_enrollments').update({ status: 'deactivated' }).eq('staff_id', therapist.id),
    ]);
    const { data } = await service
      .from('referral_requests')
      .select('status, appointment_id')
      .eq('id', request.id)
      .single();
    if (data!.status === 'confirmed') {
      expect(confirm.error).toBeNull();
      expect(data!.appointment_id).toBe(confirm.data);
    } else {
      expect(data).toEqual({ status: 'withdrawn', appointment_id: null });
      expect(confirm.error?.message).toBe(withdrawnMessage);
      const { count } = await service
        .from('appointments')
        .select('id', { count: 'exact', head: true })
        .eq('staff_id', therapist.id);
      expect(count).toBe(0);
    }
  });

  it('a request arriving while the therapist is removed is refused or withdrawn, never left pending', async () => {
    const therapist = await createListedTherapist(personas, personas.payers.aetna);
    const [slot] = (await payerSlots(therapist.id)).body.data as { start: string }[];
    const [created] = await Promise.all([
      fetch(`${testEnv().apiUrl}/functions/v1/payer-api/referral-requests`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${aetnaKey}`,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify({
          therapist_id: therapist.id,
          slot_start: slot!.start,
          first_name: 'Elena',
          last_name: 'Castillo',
          email: `race.${randomUUID().slice(0, 8)}@example.org`,
          phone: '(617) 555-0188',
          date_of_birth: '1991-04-12',
          member_id: 'W2849301',
        }),
      }),
      admin.from('staff_members').update({ is_active: false }).eq('id', therapist.id),
    ]);
    const { data: requests } = await service
      .from('referral_requests')
      .select('status')
      .eq('therapist_id', therapist.id);
    if (created.status === 201) expect(requests).toEqual([{ status: 'withdrawn' }]);
    else {
      expect([404, 409]).toContain(created.status);
      expect(requests).toEqual([]);
    }
  });

  it('other therapists’ requests and listings are untouched', async () => {
    const stays = await listedWithRequest();
    const leaves = await listedWithRequest();
    await admin.from('staff_members').update({ is_active: false }).eq('id', leaves.therapist.id);
    const { data } = await service
      .from('referral_requests')
      .select('status')
      .eq('id', stays.request.id)
      .single();
    expect(data?.status).toBe('pending');
    expect(await inPayerDirectory(stays.therapist.id)).toBe(true);
  });
});
