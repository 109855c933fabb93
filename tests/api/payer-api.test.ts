/**
 * The payer API through the gateway and the edge runtime, against the real database: keys,
 * rate limits, the directory's visibility rules, slots, requests with idempotency, statuses.
 * Every response is checked against the OpenAPI document.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { completeProfile, createStaff, newPayerKey } from './factories.ts';
import { expectDocumented } from './openapi.ts';
import { serviceClient, testEnv, personasForThisFile } from './personas.ts';

const personas = personasForThisFile();
const service = serviceClient();
let aetnaKey: string, cignaKey: string, priyaId: string, cignaOnlyId: string;

async function call(key: string | null, path: string, init: RequestInit = {}) {
  const response = await fetch(`${testEnv().apiUrl}/functions/v1/payer-api${path}`, {
    ...init,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(init.headers as Record<string, string>),
    },
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const post = (key: string, body: unknown, idempotencyKey: string | null = randomUUID()) =>
  call(key, '/referral-requests', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const member = {
  first_name: 'Elena',
  last_name: 'Castillo',
  email: 'elena.castillo@example.org',
  phone: '(617) 555-0188',
  date_of_birth: '1991-04-12',
  member_id: 'W2849301',
};
const inTwoWeeks = () => ({
  from: new Date(Date.now() + 86_400_000).toISOString(),
  to: new Date(Date.now() + 15 * 86_400_000).toISOString(),
});

async function openSlots(key: string, therapist: string) {
  const { from, to } = inTwoWeeks();
  const res = await call(
    key,
    `/therapists/${therapist}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  );
  expect(res.status).toBe(200);
  expectDocumented('/therapists/{id}/slots', 'get', 200, res.body);
  return res.body.data as { start: string; end: string; time_zone: string; office_name: string }[];
}

beforeAll(async () => {
  [aetnaKey, cignaKey] = await Promise.all([
    newPayerKey(personas.payers.aetna),
    newPayerKey(personas.payers.cigna),
  ]);
  priyaId = personas.staff.therapist.id;
  // a Completed therapist who accepts Cigna only, with external time on weekdays
  const staff = await createStaff({ org: personas.clinic.id });
  cignaOnlyId = staff.id;
  const admin = await personas.signedInAs('orgAdmin');
  const { error } = await admin.rpc('enroll_staff', {
    staff_id: staff.id,
    payer_ids: [personas.payers.cigna],
  });
  if (error) throw error;
  await completeProfile(staff.id, personas.clinic.id);
  const { error: blockError } = await service.from('availability_blocks').insert({
    org_id: personas.clinic.id,
    staff_id: staff.id,
    location_id: personas.clinic.locationId,
    valid_from: new Date().toISOString().slice(0, 10),
    weekdays: [1, 2, 3, 4, 5],
    start_time: '08:00',
    end_time: '09:00',
    accept_external: true,
  });
  if (blockError) throw blockError;
});

describe('authentication', () => {
  it('refuses a missing, malformed, unknown or revoked key with 401 in the JSON error shape', async () => {
    for (const key of [null, 'not-a-key', `crp_${'0'.repeat(64)}`]) {
      const res = await call(key, '/therapists');
      expect(res.status).toBe(401);
      expectDocumented('/therapists', 'get', 401, res.body);
    }
    const key = await newPayerKey(personas.payers.aetna);
    const { data: keys } = await service
      .from('payer_api_keys')
      .select('id')
      .eq('key_prefix', key.slice(0, 12));
    await service.rpc('revoke_payer_api_key', { key_id: keys![0]!.id });
    const res = await call(key, '/therapists');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('This API key is not valid or was revoked.');
  });
  it('stores only a hash of the key', async () => {
    const key = await newPayerKey(personas.payers.aetna);
    const { data } = await service
      .from('payer_api_keys')
      .select('key_hash, key_prefix')
      .eq('key_prefix', key.slice(0, 12))
      .single();
    expect(data!.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(data)).not.toContain(key);
  });
  it('answers 429 with Retry-After past the key’s rate limit', async () => {
    const key = await newPayerKey(personas.payers.aetna, 3);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await call(key, '/therapists?limit=1');
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get('retry-after');
        expectDocumented('/therapists', 'get', 429, res.body);
      }
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe('GET /therapists', () => {
  it('lists only enrolled, active, Completed therapists who accept this payer, with public fields and next slots', async () => {
    // every page: the file's other tests list more therapists, whose names may sort before Priya's
    const listed: { id: string; next_slots: unknown[] }[] = [];
    let pages = 0;
    for (let path: string | null = '/therapists?limit=50'; path && pages < 50; pages++) {
      const res = await call(aetnaKey, path);
      expect(res.status).toBe(200);
      expectDocumented('/therapists', 'get', 200, res.body);
      listed.push(...res.body.data);
      path = res.body.next_cursor
        ? `/therapists?limit=50&cursor=${encodeURIComponent(res.body.next_cursor)}`
        : null;
    }
    const ids = listed.map((t) => t.id);
    expect(ids).toContain(priyaId);
    expect(ids).not.toContain(cignaOnlyId);
    const priya = listed.find((t) => t.id === priyaId);
    expect(priya).toMatchObject({
      first_name: personas.staff.therapist.firstName,
      last_name: personas.staff.therapist.lastName,
      professional_title: 'LMHC',
      location: { city: 'Boston', state: 'MA' },
    });
    expect(priya?.next_slots.length).toBeGreaterThan(0);
    // each slot says where its time is: the office's IANA zone and name
    expect(priya?.next_slots[0]).toMatchObject({ time_zone: 'America/New_York', office_name: 'Main Office' });
    // never internal fields: no email, NPI, phone, license number, payer lists
    const text = JSON.stringify(listed);
    for (const secret of [personas.staff.therapist.email, 'MH-20931', 'payer'])
      expect(text).not.toContain(secret);
  });
  it('payer B never sees payer A’s therapists', async () => {
    const res = await call(cignaKey, '/therapists?limit=50');
    const ids = res.body.data.map((t: { id: string }) => t.id);
    expect(ids).toContain(cignaOnlyId);
    expect(ids).not.toContain(priyaId);
  });
  it('filters by specialty, language, ages served, format and state; paginates with a cursor', async () => {
    const match = await call(
      aetnaKey,
      '/therapists?specialty=anxiety,ocd&language=en&age_group=adults&session_format=telehealth&state=MA',
    );
    expect(match.body.data.map((t: { id: string }) => t.id)).toEqual([priyaId]);
    for (const filter of ['specialty=ocd', 'age_group=children', 'session_format=in_person', 'state=CO'])
      expect((await call(aetnaKey, `/therapists?${filter}`)).body, filter).toEqual({
        data: [],
        next_cursor: null,
      });
    const none = await call(aetnaKey, '/therapists?language=ja');
    expect(none.body).toEqual({ data: [], next_cursor: null });
    const city = await call(aetnaKey, '/therapists?city=Denver');
    expect(city.body.data).toEqual([]);

    const first = await call(cignaKey, '/therapists?limit=1');
    expect(first.body.data).toHaveLength(1);
    const extra = await createStaff({ org: personas.clinic.id });
    const admin = await personas.signedInAs('orgAdmin');
    await admin.rpc('enroll_staff', { staff_id: extra.id, payer_ids: [personas.payers.cigna] });
    await completeProfile(extra.id, personas.clinic.id);
    const page1 = await call(cignaKey, '/therapists?limit=1');
    expect(page1.body.next_cursor).toEqual(expect.any(String));
    const page2 = await call(cignaKey, `/therapists?limit=1&cursor=${page1.body.next_cursor}`);
    expect(page2.status).toBe(200);
    expect(page2.body.data[0].id).not.toBe(page1.body.data[0].id);
  });
  it('refuses unknown or malformed parameters by name', async () => {
    for (const [query, field] of [
      ['?colour=blue', 'colour'],
      ['?limit=500', 'limit'],
      ['?state=Mass', 'state'],
      ['?cursor=garbage', 'cursor'],
      ['?specialty=Anxiety!', 'specialty'],
    ]) {
      const res = await call(aetnaKey, `/therapists${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.field).toBe(field);
      expectDocumented('/therapists', 'get', 400, res.body);
    }
  });
});

describe('GET /therapists/{id}/slots', () => {
  it('returns open slots of a listed therapist; 404 for one who does not accept this payer', async () => {
    const slots = await openSlots(aetnaKey, priyaId);
    expect(slots.length).toBeGreaterThan(0);
    // each slot carries its office's IANA zone, so the payer can show it in the office's time
    for (const slot of slots)
      expect(slot).toMatchObject({ time_zone: 'America/New_York', office_name: 'Main Office' });
    const { from, to } = inTwoWeeks();
    const res = await call(
      aetnaKey,
      `/therapists/${cignaOnlyId}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    );
    expect(res.status).toBe(404);
    expectDocumented('/therapists/{id}/slots', 'get', 404, res.body);
  });
  it('needs from and to, at most 62 days apart', async () => {
    expect((await call(aetnaKey, `/therapists/${priyaId}/slots`)).body.error).toMatchObject({
      field: 'from',
      message: 'Query parameter from is required.',
    });
    const far = await call(
      aetnaKey,
      `/therapists/${priyaId}/slots?from=2030-01-01T00:00:00Z&to=2030-06-01T00:00:00Z`,
    );
    expect(far.status).toBe(400);
    expectDocumented('/therapists/{id}/slots', 'get', 400, far.body);
  });
});

describe('POST /referral-requests', () => {
  it('creates a pending request that holds the slot, expiring within 48 hours or at the slot', async () => {
    const [slot] = await openSlots(aetnaKey, priyaId);
    const res = await post(aetnaKey, { therapist_id: priyaId, slot_start: slot!.start, ...member });
    expect(res.status).toBe(201);
    expectDocumented('/referral-requests', 'post', 201, res.body);
    expect(res.body.status).toBe('pending');
    const expected = Math.min(Date.parse(res.body.created_at) + 48 * 3_600_000, Date.parse(slot!.start));
    expect(Date.parse(res.body.expires_at)).toBe(expected);
    expect((await openSlots(aetnaKey, priyaId)).map((s) => s.start)).not.toContain(slot!.start);

    const taken = await post(aetnaKey, {
      therapist_id: priyaId,
      slot_start: slot!.start,
      ...member,
      email: 'someone.else@example.org',
    });
    expect(taken.status).toBe(409);
    expectDocumented('/referral-requests', 'post', 409, taken.body);
  });

  it('the same key and body returns the same response; a different body is refused; concurrent duplicates make one row', async () => {
    const slots = await openSlots(aetnaKey, priyaId);
    const key = randomUUID();
    const body = {
      therapist_id: priyaId,
      slot_start: slots[0]!.start,
      ...member,
      note: 'Evenings are hard for me.',
    };
    const results = await Promise.all(Array.from({ length: 8 }, () => post(aetnaKey, body, key)));
    expect(new Set(results.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(7);
    const { count } = await service
      .from('referral_requests')
      .select('id', { count: 'exact', head: true })
      .eq('idempotency_key', key);
    expect(count).toBe(1);

    const replay = await post(aetnaKey, body, key);
    expect(replay.body).toEqual(results[0]!.body);
    const changed = await post(aetnaKey, { ...body, slot_start: slots[1]!.start }, key);
    expect(changed.status).toBe(422);
    expect(changed.body.error.code).toBe('idempotency_key_reused');
    expectDocumented('/referral-requests', 'post', 422, changed.body);
  });

  it('refuses a member outside the therapist’s ages served with a 422 naming date_of_birth, writing nothing', async () => {
    const [slot] = await openSlots(aetnaKey, priyaId);
    const yearsAgo = (years: number) => {
      const d = new Date();
      d.setUTCFullYear(d.getUTCFullYear() - years, d.getUTCMonth(), d.getUTCDate() - 7);
      return d.toISOString().slice(0, 10);
    };
    // Priya sees adults (26–64) only: a 14-year-old and a 20-year-old are refused
    for (const age of [14, 20]) {
      const key = randomUUID();
      const res = await post(
        aetnaKey,
        { therapist_id: priyaId, slot_start: slot!.start, ...member, date_of_birth: yearsAgo(age) },
        key,
      );
      expect(res.status).toBe(422);
      expectDocumented('/referral-requests', 'post', 422, res.body);
      expect(res.body.error).toEqual({
        code: 'outside_ages_served',
        field: 'date_of_birth',
        message: `Priya Raman sees adults (26–64) only; this member is ${age} (from date_of_birth). Choose a therapist who sees clients of this age.`,
      });
      const { count } = await service
        .from('referral_requests')
        .select('id', { count: 'exact', head: true })
        .eq('idempotency_key', key);
      expect(count).toBe(0);
    }
    expect((await openSlots(aetnaKey, priyaId)).map((s) => s.start)).toContain(slot!.start);
  });

  it('refuses bad input with a clear 4xx naming the problem, writing nothing', async () => {
    const [slot] = await openSlots(aetnaKey, priyaId);
    const valid = { therapist_id: priyaId, slot_start: slot!.start, ...member };
    const { count: before } = await service
      .from('referral_requests')
      .select('id', { count: 'exact', head: true });
    const cases: [unknown, number, string | null][] = [
      ['{"therapist_id": ', 400, null],
      [{ ...valid, email: 'not-an-email' }, 422, 'email'],
      [{ ...valid, date_of_birth: '2999-01-01' }, 422, 'date_of_birth'],
      [{ ...valid, first_name: 42 }, 422, 'first_name'],
      [{ ...valid, member_id: undefined }, 422, 'member_id'],
      [{ ...valid, diagnosis: 'F41.1' }, 422, 'diagnosis'],
      [{ ...valid, note: 'x'.repeat(1001) }, 422, 'note'],
      [{ ...valid, therapist_id: randomUUID() }, 404, 'therapist_id'],
      [{ ...valid, therapist_id: cignaOnlyId }, 404, 'therapist_id'],
      [{ ...valid, slot_start: '2020-01-06T14:00:00Z' }, 422, 'slot_start'],
      [{ ...valid, slot_start: new Date(Date.parse(slot!.start) + 60_000).toISOString() }, 409, 'slot_start'],
      [{ ...valid, note: 'x'.repeat(20_000) }, 413, null],
    ];
    for (const [body, status, field] of cases) {
      const res = await post(aetnaKey, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      if (field) expect(res.body.error.field).toBe(field);
      expectDocumented('/referral-requests', 'post', status, res.body);
    }
    const noKey = await post(aetnaKey, valid, null);
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.code).toBe('idempotency_key_required');
    const { count: after } = await service
      .from('referral_requests')
      .select('id', { count: 'exact', head: true });
    expect(after).toBe(before);
  });
});

describe('GET /referral-requests/{id}', () => {
  it('shows a payer its own request, and nobody else’s', async () => {
    const [slot] = await openSlots(aetnaKey, priyaId);
    const created = await post(aetnaKey, { therapist_id: priyaId, slot_start: slot!.start, ...member });
    const own = await call(aetnaKey, `/referral-requests/${created.body.id}`);
    expect(own.status).toBe(200);
    expectDocumented('/referral-requests/{id}', 'get', 200, own.body);
    expect(own.body).toMatchObject({
      id: created.body.id,
      status: 'pending',
      therapist_id: priyaId,
      slot_start: slot!.start,
      decided_at: null,
    });
    const other = await call(cignaKey, `/referral-requests/${created.body.id}`);
    expect(other.status).toBe(404);
    expectDocumented('/referral-requests/{id}', 'get', 404, other.body);
  });
});
