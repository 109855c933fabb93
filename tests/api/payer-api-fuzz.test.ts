/**
 * Properties: whatever body a payer sends to POST /referral-requests, the API answers with a 4xx
 * or a 201, never a 5xx, and a row exists exactly for the 201s; whatever query string (cursor
 * included) it sends to GET /therapists, the answer is a 200 or a 400 naming the parameter (or,
 * for escapes that are not UTF-8, the gateway's 400).
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { payerRequestBody } from './factories.ts';
import { serviceClient, testEnv, personasForThisFile } from './personas.ts';

const personas = personasForThisFile();
const service = serviceClient();
let key: string;
let priyaId: string;

beforeAll(async () => {
  key = personas.payerKey;
  priyaId = personas.staff.therapist.id;
});

const validBody = () => payerRequestBody(priyaId);

/** Text with half of a UTF-16 character in it (JSON.stringify writes it as an escape like "\ud800"). */
const withLoneSurrogate = fc
  .tuple(fc.string({ maxLength: 20 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 20 }))
  .map(([before, half, after]) => `${before}${String.fromCharCode(half)}${after}`);

const fieldNames = [
  'therapist_id',
  'slot_start',
  'first_name',
  'last_name',
  'email',
  'phone',
  'date_of_birth',
  'member_id',
  'note',
];
const oddValue = fc.oneof(
  fc.jsonValue(),
  fc.string({ maxLength: 300 }),
  fc.string({ minLength: 1000, maxLength: 3000 }),
  fc.uuid(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(
    '',
    ' ',
    'null',
    '0',
    '1900-01-01',
    '2999-12-31',
    "'; drop table referral_requests; --",
    '\u0000',
    '😀'.repeat(50),
  ),
  withLoneSurrogate,
  // the wrong JSON types where text is expected, and numbers at the edges of what JSON can write
  fc.constantFrom(null, true, 0, -1, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, [], {}, ['Elena'], {
    first: 'Elena',
  }),
);

const bodies = fc.oneof(
  // anything at all
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 500 }),
  // the right shape with one or more fields replaced or removed, plus stray fields
  fc
    .record({
      replace: fc.dictionary(fc.constantFrom(...fieldNames), oddValue, { maxKeys: 4 }),
      remove: fc.subarray(fieldNames, { maxLength: 3 }),
      extra: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), oddValue, { maxKeys: 2 }),
    })
    .map(({ replace, remove, extra }) => {
      const body = Object.fromEntries(
        Object.entries({ ...validBody(), ...replace, ...extra }).filter(([field]) => !remove.includes(field)),
      );
      return JSON.stringify(body);
    }),
  // a stray key that is itself not well-formed text
  withLoneSurrogate.map((key) => JSON.stringify({ ...validBody(), [key]: 'x' })),
);

describe('POST /referral-requests with generated bodies', () => {
  it('never answers 5xx and writes a row only for a 201', async () => {
    const run = `fuzz-${randomUUID()}`;
    let created = 0;
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const idempotencyKey = `${run}-${randomUUID()}`;
        const response = await fetch(`${testEnv().apiUrl}/functions/v1/payer-api/referral-requests`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${key}`,
            'content-type': 'application/json',
            'idempotency-key': idempotencyKey,
          },
          body,
        });
        const payload = await response.json();
        expect(
          response.status,
          `${response.status} for ${body.slice(0, 200)}: ${JSON.stringify(payload)}`,
        ).toBeLessThan(500);
        if (response.status === 201) created++;
        else expect(payload.error.message).toEqual(expect.any(String));
      }),
      { numRuns: 2000 },
    );
    const { count } = await service
      .from('referral_requests')
      .select('id', { count: 'exact', head: true })
      .like('idempotency_key', `${run}-%`);
    expect(count).toBe(created);
  }, 600_000);
});

const queryKeys = [
  'specialty',
  'language',
  'age_group',
  'session_format',
  'state',
  'city',
  'cursor',
  'limit',
];
const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const queryValue = fc.oneof(
  fc.string({ maxLength: 60 }),
  withLoneSurrogate,
  fc.constantFrom(
    '',
    '0',
    '-1',
    '51',
    '1e400',
    '99999999999999999999',
    'NaN',
    'anxiety,ocd',
    'MA',
    'Boston',
    '%00',
    '\u0000',
  ),
  // cursors: arbitrary JSON, near-valid shapes with odd names (lone surrogates written as escapes), and plain garbage
  fc.jsonValue().map((v) => base64url(JSON.stringify(v))),
  fc
    .tuple(fc.oneof(fc.string(), withLoneSurrogate, fc.constant('\u0000')), fc.string(), fc.uuid())
    .map((t) => base64url(JSON.stringify(t))),
  fc.string({ maxLength: 40 }).map(base64url),
);
const queries = fc
  .dictionary(
    fc.oneof(fc.constantFrom(...queryKeys), fc.string({ minLength: 1, maxLength: 8 })),
    queryValue,
    { maxKeys: 4 },
  )
  // URLSearchParams would write a lone surrogate as U+FFFD; percent-encode by hand to send its bytes
  .map((params) =>
    Object.entries(params)
      .map(([k, v]) => `${encodeURIComponent(k.replace(/[\ud800-\udfff]/g, ''))}=${rawPercentEncode(v)}`)
      .join('&'),
  );

/** Percent-encodes every UTF-16 code unit as UTF-8-like bytes, lone surrogates included (as CESU bytes). */
function rawPercentEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const bytes =
      unit < 0x80
        ? [unit]
        : unit < 0x800
          ? [0xc0 | (unit >> 6), 0x80 | (unit & 63)]
          : [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 63), 0x80 | (unit & 63)];
    out += bytes.map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
  return out;
}

describe('GET /therapists with generated query strings', () => {
  it('answers 200 or a 400 naming the parameter, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(queries, async (query) => {
        const response = await fetch(`${testEnv().apiUrl}/functions/v1/payer-api/therapists?${query}`, {
          headers: { authorization: `Bearer ${key}` },
        });
        const payload = await response.json();
        expect(
          [200, 400],
          `${response.status} for ?${query.slice(0, 200)}: ${JSON.stringify(payload)}`,
        ).toContain(response.status);
        if (response.status !== 400) return;
        // escapes that are not UTF-8 are refused by the gateway (Kong's shape), the rest by the function
        if ('message' in payload)
          expect(payload).toEqual({
            message: 'The request URL has percent-escapes that are not UTF-8 text.',
          });
        else
          expect(payload.error).toEqual({
            code: 'invalid_query',
            message: expect.any(String),
            field: expect.any(String),
          });
      }),
      { numRuns: 300 },
    );
  }, 300_000);
});
