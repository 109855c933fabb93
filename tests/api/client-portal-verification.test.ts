/**
 * The public request page's abuse limits against the real stack: a client-portal request waits
 * `unverified` for the client's email link (invisible to staff, holding its slot for 30 minutes
 * at most), becomes pending from the link (the clinic's 48 hours start then), and is removed
 * without an email when never verified; at most 2 open requests per person and a few unverified
 * ones per address at one clinic; payer requests are not affected.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertClinicWithTherapist, waitForEmail } from './factories.ts';
import { freshLoopbackAddress, requestFrom } from './from-address.ts';
import { serviceClient, testEnv, personasForThisFile, withDb, type Client } from './personas.ts';

const personas = personasForThisFile();
const service = serviceClient();
let scheduler: Client;
let priyaId: string;

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

const person = (overrides: Record<string, string> = {}) => ({
  first_name: 'Elena',
  last_name: 'Castillo',
  email: `elena.${randomUUID().slice(0, 8)}@example.org`,
  phone: '617-555-0188',
  date_of_birth: '1991-04-12',
  ...overrides,
});

async function requestTime(slug: string, therapistId: string, slotStart: string, who = person()) {
  const response = await portal(`clinics/${slug}/requests`, {
    method: 'POST',
    headers: { 'idempotency-key': randomUUID() },
    body: JSON.stringify({ therapist_id: therapistId, slot_start: slotStart, ...who }),
  });
  return { response, body: await response.json(), who };
}

/** The same, sent from `address` (the test stack exempts 127.0.0.1, which every other test uses, from per-address limits). */
async function requestTimeFrom(
  address: string,
  slug: string,
  therapistId: string,
  slotStart: string,
  who = person(),
) {
  const answer = await requestFrom(
    address,
    `${testEnv().apiUrl}/functions/v1/client-portal/clinics/${slug}/requests`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ therapist_id: therapistId, slot_start: slotStart, ...who }),
    },
  );
  return { status: answer.status, body: JSON.parse(answer.text), who };
}

const verify = async (slug: string, token: string) => {
  const response = await portal(`clinics/${slug}/requests/verify`, {
    method: 'POST',
    body: JSON.stringify({ token }),
  });
  return { status: response.status, body: await response.json() };
};

async function openSlots(slug: string, therapistId: string): Promise<string[]> {
  const from = new Date(Date.now() + 86_400_000).toISOString();
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const response = await portal(`clinics/${slug}/therapists/${therapistId}/slots?from=${from}&to=${to}`);
  expect(response.status).toBe(200);
  return ((await response.json()).data as { start: string }[]).map((s) => s.start);
}

/** The token from the verification email in the dev inbox. */
async function tokenFromEmail(email: string): Promise<{ token: string; subject: string; text: string }> {
  const message = await waitForEmail(email);
  const token = /#token=([A-Za-z0-9_-]{43})/.exec(message.text)?.[1];
  if (!token) throw new Error(`no verification link in: ${message.text}`);
  return { token, subject: message.subject, text: message.text };
}

let clinicCount = 0;
/** A clinic of its own with one listed therapist and two days of open hours, so limits cannot be disturbed. */
async function freshClinic() {
  clinicCount += 1;
  const slug = `intake-${clinicCount}-${Date.now()}`;
  return withDb(async (db) => {
    const { orgId, staffId, locationId } = await insertClinicWithTherapist(db, {
      slug,
      payer: personas.payers.aetna,
    });
    for (const day of [3, 4]) {
      await db.query(
        `insert into public.availability_blocks (org_id, staff_id, location_id, valid_from, valid_until, weekdays, start_time, end_time, accept_external)
         values ($1, $2, $3, current_date + $4::integer, current_date + $4::integer, null, '08:00', '18:00', true)`,
        [orgId, staffId, locationId, day],
      );
    }
    return { slug, orgId, therapistId: staffId, locationId };
  });
}

const row = async (id: string) =>
  (
    await service
      .from('referral_requests')
      .select('status, created_at, expires_at, verified_at, slot')
      .eq('id', id)
      .maybeSingle()
  ).data;

beforeAll(async () => {
  scheduler = await personas.signedInAs('scheduler');
  priyaId = personas.staff.therapist.id;
});

/** A new portal request for the personas' listed therapist, with the token from its email. */
async function unverifiedRequest() {
  const slotStart = (await openSlots(personas.clinic.slug, priyaId))[0]!;
  const { response, body, who } = await requestTime(personas.clinic.slug, priyaId, slotStart);
  expect(response.status).toBe(201);
  return { requestId: body.id as string, slotStart, token: (await tokenFromEmail(who.email)).token };
}

describe('a client-portal request waits for the client’s email', () => {
  it('is unverified, invisible to the clinic’s scheduler, holds its slot for 30 minutes, and emails a link without PHI', async () => {
    const slotStart = (await openSlots(personas.clinic.slug, priyaId))[0]!;
    const { response, body, who } = await requestTime(
      personas.clinic.slug,
      priyaId,
      slotStart,
      person({ first_name: 'CANARYfirst' }),
    );
    const email = who.email;
    expect(response.status).toBe(201);
    expect(body.status).toBe('unverified');
    const requestId = body.id;
    const holdMs = Math.min(30 * 60_000, Date.parse(slotStart) - Date.parse(body.created_at));
    expect(Date.parse(body.expires_at) - Date.parse(body.created_at)).toBe(holdMs);

    // not in the queue, nor in the table as staff
    expect((await scheduler.from('unconfirmed_requests').select('id').eq('id', requestId)).data).toEqual([]);
    expect((await scheduler.from('referral_requests').select('id').eq('id', requestId)).data).toEqual([]);
    // the slot is held meanwhile
    expect(await openSlots(personas.clinic.slug, priyaId)).not.toContain(slotStart);

    const mail = await tokenFromEmail(email);
    const token = mail.token;
    expect(mail.subject).toBe(`Confirm your appointment request with ${personas.clinic.name}`);
    // Priya sees clients by telehealth only: the office's zone is named, no office to go to
    expect(mail.text).toMatch(/for an appointment on \w{3}, \w{3} \d{1,2}, \d{1,2}:\d{2} [AP]M E[DS]T\./);
    expect(mail.text).toContain('Where: Telehealth');
    expect(mail.text).toContain(`/request/${personas.clinic.slug}/verify#token=`);
    for (const secret of ['CANARYfirst', 'Castillo', '1991', '617-555'])
      expect(mail.text).not.toContain(secret);

    // only the token's hash stays in the database: the outbox row loses it once the email is sent
    let outbox: { status: string; payload: unknown } | null = null;
    for (let i = 0; i < 40 && outbox?.status !== 'sent'; i++) {
      outbox = (
        await service
          .from('notification_outbox')
          .select('status, payload')
          .eq('idempotency_key', `request_verification:${requestId}`)
          .single()
      ).data;
      if (outbox?.status !== 'sent') await new Promise((r) => setTimeout(r, 250));
    }
    expect(outbox?.status).toBe('sent');
    expect(outbox?.payload).not.toHaveProperty('token');
    const stored = await withDb((db) =>
      db.query(`select token_hash from public.request_verifications where request_id = $1`, [requestId]),
    );
    expect(stored.rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored.rows)).not.toContain(token);
  });

  it('becomes pending from the link, with the clinic’s 48 hours counted from verification, and reaches the queue', async () => {
    const { requestId, slotStart, token } = await unverifiedRequest();
    const before = Date.now();
    const verified = await verify(personas.clinic.slug, token);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      id: requestId,
      status: 'pending',
      slot_start: slotStart,
      time_zone: 'America/New_York',
    });
    const state = (await row(requestId))!;
    expect(state.status).toBe('pending');
    const verifiedAt = Date.parse(state.verified_at!);
    expect(verifiedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(state.expires_at)).toBe(Math.min(verifiedAt + 48 * 3_600_000, Date.parse(slotStart)));
    expect(Date.parse(verified.body.expires_at)).toBe(Date.parse(state.expires_at));

    const queue = await scheduler.from('unconfirmed_requests').select('id, source_label').eq('id', requestId);
    expect(queue.data).toEqual([{ id: requestId, source_label: 'Client Portal' }]);
    expect(await openSlots(personas.clinic.slug, priyaId)).not.toContain(slotStart);
  });

  it('refuses a used, a wrong and a malformed token with a 4xx that says what happened', async () => {
    const { token } = await unverifiedRequest();
    expect((await verify(personas.clinic.slug, token)).status).toBe(200);
    const used = await verify(personas.clinic.slug, token);
    expect(used.status).toBe(409);
    expect(used.body.error.code).toBe('verification_link_used');
    const wrong = await verify(
      personas.clinic.slug,
      `${token.slice(0, 42)}${token.endsWith('A') ? 'B' : 'A'}`,
    );
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.message).toContain('This confirmation link is not valid.');
    // another clinic's page does not know this link
    expect((await verify(personas.otherClinic.slug, token)).status).toBe(404);
    const malformed = await verify(personas.clinic.slug, 'not-a-token');
    expect(malformed.status).toBe(422);
    expect(malformed.body.error.field).toBe('token');
  });
});

describe('a request never verified', () => {
  it('stops holding its slot after its window, is refused as expired, and the expiry job removes it without an email', async () => {
    const clinic = await freshClinic();
    const [first, second] = await openSlots(clinic.slug, clinic.therapistId);
    const late = await requestTime(clinic.slug, clinic.therapistId, first!);
    const lapsed = await requestTime(clinic.slug, clinic.therapistId, second!);
    expect([late.response.status, lapsed.response.status]).toEqual([201, 201]);
    const { token } = await tokenFromEmail(late.who.email);
    await tokenFromEmail(lapsed.who.email);
    expect(await openSlots(clinic.slug, clinic.therapistId)).not.toContain(second);

    // 31 minutes later, as far as these two requests are concerned
    await withDb((db) =>
      db.query(
        `update public.referral_requests set expires_at = now() - interval '1 minute' where id = any($1::uuid[])`,
        [[late.body.id, lapsed.body.id]],
      ),
    );
    const slotsNow = await openSlots(clinic.slug, clinic.therapistId);
    expect(slotsNow).toContain(first);
    expect(slotsNow).toContain(second);

    const expired = await verify(clinic.slug, token);
    expect(expired.status).toBe(410);
    expect(expired.body.error.message).toContain('This link has expired');
    expect(await row(late.body.id)).toBeNull();
    // clicking again still says why
    expect((await verify(clinic.slug, token)).status).toBe(410);

    const job = await fetch(`${testEnv().apiUrl}/functions/v1/expire-requests`, {
      method: 'POST',
      headers: { apikey: testEnv().serviceRoleKey, authorization: `Bearer ${testEnv().serviceRoleKey}` },
    });
    expect(job.status).toBe(200);
    expect(await row(lapsed.body.id)).toBeNull();
    const emails = await service
      .from('notification_outbox')
      .select('template')
      .eq('recipient', lapsed.who.email);
    expect(emails.data).toEqual([{ template: 'request_verification' }]);
  });

  it('is refused at verification when the therapist left the directory or the slot is no longer theirs', async () => {
    const clinic = await freshClinic();
    const [first, second] = await openSlots(clinic.slug, clinic.therapistId);
    const a = await requestTime(clinic.slug, clinic.therapistId, first!);
    const b = await requestTime(clinic.slug, clinic.therapistId, second!);
    const tokenA = (await tokenFromEmail(a.who.email)).token;
    const tokenB = (await tokenFromEmail(b.who.email)).token;

    // the hours of the first day are taken off the external calendar
    await withDb((db) =>
      db.query(
        `update public.availability_blocks set accept_external = false where staff_id = $1 and valid_from = current_date + 3`,
        [clinic.therapistId],
      ),
    );
    const gone = await verify(clinic.slug, tokenA);
    expect(gone.status).toBe(409);
    expect(gone.body.error.code).toBe('slot_not_open');
    expect(await row(a.body.id)).toBeNull();

    await withDb((db) =>
      db.query(`update public.staff_members set is_active = false where id = $1`, [clinic.therapistId]),
    );
    const left = await verify(clinic.slug, tokenB);
    expect(left.status).toBe(409);
    expect(left.body.error.code).toBe('therapist_unavailable');
    expect(await row(b.body.id)).toBeNull();
  });
});

describe('the link at the same moment', () => {
  it('two clicks at once: one confirms, the other is told the link was used', async () => {
    const clinic = await freshClinic();
    const [first] = await openSlots(clinic.slug, clinic.therapistId);
    const { who } = await requestTime(clinic.slug, clinic.therapistId, first!);
    const { token } = await tokenFromEmail(who.email);
    const answers = await Promise.all([verify(clinic.slug, token), verify(clinic.slug, token)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });
});

describe('the state machine', () => {
  it('an unverified request only becomes pending through its link; no decision reaches it and pending never goes back', async () => {
    const clinic = await freshClinic();
    const [first] = await openSlots(clinic.slug, clinic.therapistId);
    const { body } = await requestTime(clinic.slug, clinic.therapistId, first!);
    const tryUpdate = (sql: string) => withDb((db) => db.query(sql, [body.id]).catch((e: Error) => e));
    expect(
      String(await tryUpdate(`update public.referral_requests set status = 'expired' where id = $1`)),
    ).toContain('can only be confirmed through its email link');
    expect(
      String(await tryUpdate(`update public.referral_requests set status = 'pending' where id = $1`)),
    ).toContain('only once its email is verified');
    expect((await scheduler.rpc('confirm_referral_request', { request_id: body.id })).error).not.toBeNull();
    expect((await row(body.id))!.status).toBe('unverified');

    await withDb((db) =>
      db.query(`update public.referral_requests set status = 'pending', verified_at = now() where id = $1`, [
        body.id,
      ]),
    );
    expect(
      String(
        await tryUpdate(
          `update public.referral_requests set status = 'unverified', verified_at = null where id = $1`,
        ),
      ),
    ).toContain('A request cannot go back to unverified.');
  });
});

describe('limits per person and per address', () => {
  it('allows 2 open requests per email at a clinic; a 3rd by the same email, or the same email in another case with the same birth date, is a 409 that says what to do', async () => {
    const clinic = await freshClinic();
    const slots = await openSlots(clinic.slug, clinic.therapistId);
    const who = person({ email: `Jamie.${randomUUID().slice(0, 8)}@Example.org` });
    const first = await requestTime(clinic.slug, clinic.therapistId, slots[0]!, who);
    const second = await requestTime(clinic.slug, clinic.therapistId, slots[1]!, who);
    expect([first.response.status, second.response.status]).toEqual([201, 201]);
    // verifying one does not free a place: pending counts too
    expect((await verify(clinic.slug, (await tokenFromEmail(who.email)).token)).status).toBe(200);

    const third = await requestTime(clinic.slug, clinic.therapistId, slots[2]!, who);
    expect(third.response.status).toBe(409);
    expect(third.body.error).toEqual({
      code: 'person_request_limit',
      field: 'email',
      message:
        "You already have 2 requests waiting at this practice. Confirm them from the email we sent, or wait for the practice's answer, before requesting another time.",
    });
    const otherCase = await requestTime(clinic.slug, clinic.therapistId, slots[2]!, {
      ...who,
      email: who.email.toUpperCase(),
    });
    expect(otherCase.response.status).toBe(409);
    expect(otherCase.body.error.code).toBe('person_request_limit');
    // nothing was written, and the slot is still open
    const { count } = await service
      .from('referral_requests')
      .select('id', { count: 'exact', head: true })
      .eq('org_id', clinic.orgId);
    expect(count).toBe(2);
    expect(await openSlots(clinic.slug, clinic.therapistId)).toContain(slots[2]);
    // another clinic is another count
    const elsewhere = await requestTime(
      personas.clinic.slug,
      priyaId,
      (await openSlots(personas.clinic.slug, priyaId))[0]!,
      who,
    );
    expect(elsewhere.response.status).toBe(201);
  });

  it('counts requests sent at the same moment: of 4 at once by one email, exactly 2 are accepted', async () => {
    const clinic = await freshClinic();
    const slots = await openSlots(clinic.slug, clinic.therapistId);
    const who = person();
    const answers = await Promise.all(
      slots.slice(0, 4).map((slot) => requestTime(clinic.slug, clinic.therapistId, slot, who)),
    );
    expect(answers.map((a) => a.response.status).sort()).toEqual([201, 201, 409, 409]);
  });

  it('allows 5 waiting requests from one address at a clinic; the 6th is a 429 until one is answered, confirming by email frees none', async () => {
    const clinic = await freshClinic();
    const slots = await openSlots(clinic.slug, clinic.therapistId);
    const address = freshLoopbackAddress();
    const accepted = [];
    for (const slot of slots.slice(0, 5))
      accepted.push(await requestTimeFrom(address, clinic.slug, clinic.therapistId, slot));
    expect(accepted.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    const sixth = await requestTimeFrom(address, clinic.slug, clinic.therapistId, slots[5]!);
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('address_request_limit');
    expect(sixth.body.error.message).toContain(
      'Too many requests from your network are already waiting at this practice.',
    );

    // a confirmed request still holds its slot for the clinic's 48 hours, so it still counts
    const first = accepted[0]!;
    expect((await verify(clinic.slug, (await tokenFromEmail(first.who.email)).token)).status).toBe(200);
    expect((await requestTimeFrom(address, clinic.slug, clinic.therapistId, slots[5]!)).status).toBe(429);
    // another address is not held up
    expect(
      (await requestTimeFrom(freshLoopbackAddress(), clinic.slug, clinic.therapistId, slots[6]!)).status,
    ).toBe(201);

    // once the clinic's time is over (or it answers), the address stops counting and is forgotten
    expect(
      (await service.from('referral_requests').update({ status: 'expired' }).eq('id', first.body.id)).error,
    ).toBeNull();
    const { data: link } = await service
      .from('request_verifications')
      .select('client_address_hash')
      .eq('request_id', first.body.id)
      .single();
    expect(link).toEqual({ client_address_hash: null });
    expect((await requestTimeFrom(address, clinic.slug, clinic.therapistId, slots[5]!)).status).toBe(201);
  });
});

describe('the limits’ settings', () => {
  it('cannot be removed (the limits would stop applying); they are changed by update', async () => {
    const { error } = await service.from('client_portal_settings').delete().eq('id', true);
    expect(error?.message).toBe("The client portal's settings row cannot be removed; update it instead.");
    const { data } = await service
      .from('client_portal_settings')
      .select('max_open_requests_per_person, max_open_requests_per_address, verification_window_minutes');
    expect(data).toEqual([
      { max_open_requests_per_person: 2, max_open_requests_per_address: 5, verification_window_minutes: 30 },
    ]);
  });
});

describe('the payer API', () => {
  it('is not affected: a payer’s request is pending at once with 48 hours from arrival, and counts for nobody’s portal limit', async () => {
    const { data: key, error } = await service.rpc('create_payer_api_key', {
      payer: personas.payers.aetna,
      label: 'intake test',
    });
    expect(error).toBeNull();
    const slots = await openSlots(personas.clinic.slug, priyaId);
    const who = person();
    const before = Date.now();
    for (const slot of slots.slice(0, 3)) {
      const response = await fetch(`${testEnv().apiUrl}/functions/v1/payer-api/referral-requests`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${key as string}`,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify({ therapist_id: priyaId, slot_start: slot, ...who, member_id: 'W1234567' }),
      });
      expect(response.status).toBe(201);
      const body = await response.json();
      expect(body.status).toBe('pending');
      expect(Date.parse(body.expires_at)).toBeGreaterThanOrEqual(
        Math.min(before + 48 * 3_600_000 - 1000, Date.parse(slot)),
      );
    }
    const queue = await scheduler.from('unconfirmed_requests').select('id').eq('email', who.email);
    expect(queue.data).toHaveLength(3);
    expect((await requestTime(personas.clinic.slug, priyaId, slots[3]!, who)).response.status).toBe(201);
    // the database refuses a portal request made the payer way
    const direct = await service.rpc('create_referral_request', {
      payer: null,
      clinic: personas.clinic.id,
      therapist: priyaId,
      slot_start: slots[4]!,
      first_name: 'A',
      last_name: 'B',
      email: 'a@example.org',
      phone: '617-555-0100',
      date_of_birth: '1990-01-01',
      member_id: null,
      note: null,
      idempotency_key: randomUUID(),
      request_hash: null,
    } as never);
    expect(direct.error?.message).toContain('client-portal requests wait for the client');
  });
});
