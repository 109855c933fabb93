/**
 * No input makes a 5xx: each case here was answered 500 (or 502, or a reset connection) before,
 * and is now a 4xx whose message names the problem, with nothing written. Views and privileges
 * are in security/read-only-views.test.ts.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStaff, payerRequestBody } from './factories.ts';
import { expectDocumented } from './openapi.ts';
import { serviceClient, testAccountPassword, testEnv, personasForThisFile } from './personas.ts';

const personas = personasForThisFile();
const service = serviceClient();
let payerKey: string;
let priyaId: string;

beforeAll(async () => {
  payerKey = personas.payerKey;
  priyaId = personas.staff.therapist.id;
});

const payerApi = (path: string, init: RequestInit = {}) =>
  fetch(`${testEnv().apiUrl}/functions/v1/payer-api${path}`, {
    ...init,
    headers: { authorization: `Bearer ${payerKey}`, ...(init.headers as Record<string, string>) },
  });
const portal = (path: string, init: RequestInit = {}) =>
  fetch(`${testEnv().apiUrl}/functions/v1/client-portal/clinics/${personas.clinic.slug}${path}`, {
    ...init,
    headers: { apikey: testEnv().anonKey, ...(init.headers as Record<string, string>) },
  });

async function answer(response: Response) {
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const requestBody = () => ({ ...payerRequestBody(priyaId), note: 'Evenings suit me best.' });
const stringFields = Object.keys(requestBody()) as (keyof ReturnType<typeof requestBody>)[];

/** The body as JSON text with a lone high surrogate, written as the escape "\ud800", in `field`. */
const withLoneSurrogate = (body: object, field: string) =>
  JSON.stringify(body).replace(`"${field}":"`, `"${field}":"\\ud800`);

/** How many requests carry one of these idempotency keys. */
async function requestsWithKeys(keys: string[]) {
  const { count, error } = await service
    .from('referral_requests')
    .select('id', { count: 'exact', head: true })
    .in('idempotency_key', keys);
  if (error) throw error;
  return count;
}

describe('a lone UTF-16 surrogate', () => {
  it('in any body field of a payer request is a 400 naming the field, and nothing is written', async () => {
    const keys: string[] = [];
    for (const field of stringFields) {
      const key = randomUUID();
      keys.push(key);
      const res = await answer(
        await payerApi('/referral-requests', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body: withLoneSurrogate(requestBody(), field),
        }),
      );
      // therapist_id, slot_start, email, phone and date_of_birth have formats the text fails anyway
      expect(res.status, `${field}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
      expect([400, 422]).toContain(res.status);
      expect(res.body.error.field).toBe(field);
      expectDocumented('/referral-requests', 'post', res.status, res.body);
    }
    expect(await requestsWithKeys(keys)).toBe(0);
  });

  it('in a free-text field says it is malformed Unicode', async () => {
    for (const field of ['first_name', 'last_name', 'member_id', 'note']) {
      const res = await answer(
        await payerApi('/referral-requests', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: withLoneSurrogate(requestBody(), field),
        }),
      );
      expect(res).toEqual({
        status: 400,
        body: {
          error: {
            code: 'malformed_unicode',
            field,
            message: `${field} contains a lone UTF-16 surrogate (half of a character); send well-formed Unicode text.`,
          },
        },
      });
    }
  });

  it('in any body field of a client-portal request is a 4xx naming the field, and nothing is written', async () => {
    const keys: string[] = [];
    const portalBody: Partial<ReturnType<typeof requestBody>> = requestBody();
    delete portalBody.member_id;
    for (const field of Object.keys(portalBody)) {
      const key = `portal-${randomUUID()}`;
      keys.push(key);
      const res = await answer(
        await portal('/requests', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body: withLoneSurrogate(portalBody, field),
        }),
      );
      expect(res.status, `${field}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
      expect([400, 422]).toContain(res.status);
      expect(res.body.error.field).toBe(field);
    }
    expect(await requestsWithKeys(keys)).toBe(0);
  });

  it('in a directory cursor is a 400 naming the cursor, for payers and the portal', async () => {
    const cursor = Buffer.from(`["\\ud800","Priya","${priyaId}"]`).toString('base64url');
    const expected = {
      status: 400,
      body: {
        error: {
          code: 'invalid_query',
          field: 'cursor',
          message: 'Query parameter cursor is not a cursor this API gave out.',
        },
      },
    };
    const fromPayer = await answer(await payerApi(`/therapists?cursor=${cursor}`));
    expect(fromPayer).toEqual(expected);
    expectDocumented('/therapists', 'get', 400, fromPayer.body);
    expect(await answer(await portal(`?cursor=${cursor}`))).toEqual(expected);
  });
});

describe('other query parameters', () => {
  it('a NUL in a filter, or a huge limit, is a 400 naming the parameter', async () => {
    expect(await answer(await payerApi('/therapists?city=Bos%00ton'))).toEqual({
      status: 400,
      body: {
        error: {
          code: 'invalid_query',
          field: 'city',
          message: 'Query parameter city contains characters that are not allowed.',
        },
      },
    });
    for (const limit of ['1e400', '99999999999999999999', '-1']) {
      expect(await answer(await portal(`?limit=${limit}`))).toEqual({
        status: 400,
        body: {
          error: {
            code: 'invalid_query',
            field: 'limit',
            message: 'Query parameter limit must be a whole number from 1 to 50.',
          },
        },
      });
    }
  });
});

describe('instants Postgres cannot store as given', () => {
  it('year 0000 or a +23:59 offset is a 400/422 naming the parameter or field, not a nameless 422', async () => {
    const slots = await answer(
      await payerApi(`/therapists/${priyaId}/slots?from=0000-01-01T00:00:00Z&to=0000-01-02T00:00:00Z`),
    );
    expect(slots).toMatchObject({ status: 400, body: { error: { code: 'invalid_query', field: 'from' } } });
    expectDocumented('/therapists/{id}/slots', 'get', 400, slots.body);
    const key = randomUUID();
    const created = await answer(
      await payerApi('/referral-requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ ...requestBody(), slot_start: '2027-05-04T13:00:00+23:59' }),
      }),
    );
    expect(created).toMatchObject({
      status: 422,
      body: { error: { code: 'validation_failed', field: 'slot_start' } },
    });
    expect(await requestsWithKeys([key])).toBe(0);
  });
});

describe('a URL or header that is not UTF-8 text', () => {
  /** A GET to the data API with raw header values (one byte per character). */
  function get(path: string, headers: Record<string, string> = {}) {
    const url = new URL(`${testEnv().apiUrl}${path}`);
    return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      http
        .get(
          {
            host: url.hostname,
            port: url.port,
            path: `${url.pathname}${url.search}`,
            headers: { apikey: testEnv().anonKey, ...headers },
          },
          (res) => {
            let text = '';
            res
              .on('data', (chunk) => (text += chunk))
              .on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
          },
        )
        .on('error', reject);
    });
  }

  it('is a 400 from the gateway naming the part (PostgREST answered 500, or dropped the connection)', async () => {
    for (const query of ['id=eq.%FF', 'id=eq.%ED%A0%80', '%FF=eq.1']) {
      expect(await get(`/rest/v1/payers?${query}`), query).toEqual({
        status: 400,
        body: { message: 'The request URL has percent-escapes that are not UTF-8 text.' },
      });
    }
    for (const header of ['prefer', 'range', 'accept', 'accept-profile', 'x-client-info']) {
      expect(await get('/rest/v1/payers', { [header]: '\xed\xa0\x80' }), header).toEqual({
        status: 400,
        body: { message: `The ${header} header is not UTF-8 text.` },
      });
    }
  });
});

describe('a form or CSV body that is not UTF-8 text', () => {
  it('is a 400 from the gateway (PostgREST answered 500), for anonymous callers too', async () => {
    const post = (table: string, contentType: string, bytes: Uint8Array<ArrayBuffer>) =>
      fetch(`${testEnv().apiUrl}/rest/v1/${table}`, {
        method: 'POST',
        headers: { apikey: testEnv().anonKey, 'content-type': contentType },
        body: new Blob([bytes]),
      });
    expect(
      await answer(
        await post('payers', 'application/x-www-form-urlencoded', new TextEncoder().encode('name=%FF')),
      ),
    ).toEqual({
      status: 400,
      body: { message: 'The request body has percent-escapes that are not UTF-8 text.' },
    });
    expect(
      await answer(
        await post('locations', 'text/csv', Uint8Array.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xff])),
      ),
    ).toEqual({
      status: 400,
      body: { message: 'The request body is not UTF-8 text.' },
    });
  });
});

describe('bodies the functions cannot read', () => {
  it('malformed JSON is a 400 and another content type a 415', async () => {
    const post = (body: string, contentType: string) =>
      payerApi('/referral-requests', {
        method: 'POST',
        headers: { 'content-type': contentType, 'idempotency-key': randomUUID() },
        body,
      });
    expect(await answer(await post('{"first_name": "Elena",', 'application/json'))).toMatchObject({
      status: 400,
      body: { error: { code: 'malformed_json' } },
    });
    expect(await answer(await post('first_name=Elena', 'application/x-www-form-urlencoded'))).toMatchObject({
      status: 415,
      body: { error: { code: 'unsupported_media_type' } },
    });
  });
});

describe('rpc/enroll_staff with a staff id of another clinic', () => {
  it('is a 404 naming the rule (PostgREST answered P0002 with 500), and enrols no one', async () => {
    const admin = await personas.signedInAs('orgAdmin');
    const otherClinicsStaff = personas.staff.otherOrgAdmin.id;
    for (const staffId of [otherClinicsStaff, randomUUID()]) {
      const { error, status } = await admin.rpc('enroll_staff', {
        staff_id: staffId,
        payer_ids: [personas.payers.aetna],
      });
      expect(status).toBe(404);
      expect(error).toMatchObject({
        code: 'PT404',
        hint: 'unknown_staff',
        message: 'That staff member does not exist or is not in your organization.',
      });
    }
    const { count } = await service
      .from('program_enrollments')
      .select('id', { count: 'exact', head: true })
      .eq('staff_id', otherClinicsStaff);
    expect(count).toBe(0);
  });
});

describe('rpc/submit_public_profile before the profile was ever saved', () => {
  it('is a 409 that says to save it first (was P0002, a 500)', async () => {
    const admin = await personas.signedInAs('orgAdmin');
    const { id: staffId } = await createStaff({ org: personas.clinic.id });
    const enrolled = await admin.rpc('enroll_staff', {
      staff_id: staffId,
      payer_ids: [personas.payers.aetna],
    });
    expect(enrolled.error).toBeNull();
    const { error, status } = await admin.rpc('submit_public_profile', { staff_id: staffId });
    expect(status).toBe(409);
    expect(error).toMatchObject({
      code: 'PT409',
      hint: 'no_profile',
      message: 'Save the profile before submitting it.',
    });
    const { count } = await service
      .from('public_profiles')
      .select('staff_id', { count: 'exact', head: true })
      .eq('staff_id', staffId);
    expect(count).toBe(0);
  });
});

describe('an availability block starting at -infinity', () => {
  it('is refused at once with a 400 naming the constraint (it ran into the statement timeout, a 500)', async () => {
    const therapist = await personas.signedInAs('therapist');
    for (const valid_from of ['-infinity', 'infinity', '1999-12-31']) {
      const { error, status } = await therapist.from('availability_blocks').insert({
        org_id: personas.clinic.id,
        staff_id: priyaId,
        location_id: personas.clinic.locationId,
        valid_from,
        weekdays: [7],
        start_time: '03:00',
        end_time: '03:30',
      });
      expect(status, valid_from).toBe(400);
      expect(error?.message).toContain('availability_blocks_valid_from_in_range');
    }
    const { count } = await service
      .from('availability_blocks')
      .select('id', { count: 'exact', head: true })
      .eq('staff_id', priyaId)
      .lt('valid_from', '2000-01-01');
    expect(count).toBe(0);
  });
});

describe('an oversized body at the gateway', () => {
  /** One POST through `agent`, answered with its status and JSON body. */
  function post(agent: http.Agent, path: string, body: string) {
    const url = new URL(`${testEnv().apiUrl}${path}`);
    return new Promise<{ status: number; body: Record<string, unknown>; reusedSocket: boolean }>(
      (resolve, reject) => {
        const req = http.request(
          {
            host: url.hostname,
            port: url.port,
            path: `${url.pathname}${url.search}`,
            method: 'POST',
            agent,
            headers: {
              apikey: testEnv().anonKey,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            let text = '';
            res
              .on('data', (chunk) => (text += chunk))
              .on('end', () =>
                resolve({
                  status: res.statusCode ?? 0,
                  body: JSON.parse(text),
                  reusedSocket: req.reusedSocket,
                }),
              );
          },
        );
        req.on('error', reject);
        req.end(body);
      },
    );
  }

  it('2 MB to /auth/v1/token is a 413 naming the limit, and the same keep-alive connection then signs in', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const huge = JSON.stringify({
        email: personas.staff.orgAdmin.email,
        password: 'x'.repeat(2 * 1024 * 1024),
      });
      const tooLarge = await post(agent, '/auth/v1/token?grant_type=password', huge);
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body.message).toBe(
        'Request size limit exceeded: /auth/v1 accepts a body of at most 64 KB (65536 bytes).',
      );
      const next = await post(
        agent,
        '/auth/v1/token?grant_type=password',
        JSON.stringify({ email: personas.staff.orgAdmin.email, password: testAccountPassword }),
      );
      expect(next.reusedSocket).toBe(true);
      expect(next.status).toBe(200);
      expect(next.body).toHaveProperty('access_token');
    } finally {
      agent.destroy();
    }
  });

  it('2 MB to the data API and to a function is a 413 too', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const huge = JSON.stringify({ note: 'x'.repeat(2 * 1024 * 1024) });
      expect((await post(agent, '/rest/v1/rpc/my_memberships', huge)).status).toBe(413);
      expect((await post(agent, '/functions/v1/payer-api/referral-requests', huge)).status).toBe(413);
    } finally {
      agent.destroy();
    }
  });
});
