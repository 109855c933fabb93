/**
 * Property: whatever body a payer sends to POST /referral-requests, the API answers with a 4xx
 * or a 201, never a 5xx, and a row exists exactly for the 201s.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { payers } from './factories.ts';
import { serviceClient, staffIdOf, testEnv } from './personas.ts';

const service = serviceClient();
let key: string;
let priyaId: string;

beforeAll(async () => {
  const { data, error } = await service.rpc('create_payer_api_key', { payer: payers.aetna, label: 'property test', rate_limit_per_minute: 100_000 });
  if (error) throw error;
  key = data as string;
  priyaId = await staffIdOf('therapist');
});

const validBody = () => ({
  therapist_id: priyaId,
  slot_start: new Date(Date.now() + 3 * 86_400_000).toISOString(),
  first_name: 'Elena',
  last_name: 'Castillo',
  email: 'elena.castillo@example.org',
  phone: '(617) 555-0188',
  date_of_birth: '1991-04-12',
  member_id: 'W2849301',
});

const fieldNames = ['therapist_id', 'slot_start', 'first_name', 'last_name', 'email', 'phone', 'date_of_birth', 'member_id', 'note'];
const oddValue = fc.oneof(
  fc.jsonValue(),
  fc.string({ maxLength: 300 }),
  fc.string({ minLength: 1000, maxLength: 3000 }),
  fc.uuid(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('', ' ', 'null', '0', '1900-01-01', '2999-12-31', "'; drop table referral_requests; --", '\u0000', '😀'.repeat(50)),
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
      const body = Object.fromEntries(Object.entries({ ...validBody(), ...replace, ...extra }).filter(([field]) => !remove.includes(field)));
      return JSON.stringify(body);
    }),
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
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
          body,
        });
        const payload = await response.json();
        expect(response.status, `${response.status} for ${body.slice(0, 200)}: ${JSON.stringify(payload)}`).toBeLessThan(500);
        if (response.status === 201) created++;
        else expect(payload.error.message).toEqual(expect.any(String));
      }),
      { numRuns: 2000 },
    );
    const { count } = await service.from('referral_requests').select('id', { count: 'exact', head: true }).like('idempotency_key', `${run}-%`);
    expect(count).toBe(created);
  }, 600_000);
});
