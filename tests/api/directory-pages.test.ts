/**
 * A payer's directory with more therapists than its largest page: a full page of 50 says where the
 * next one begins, and following the cursors lists every therapist exactly once.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { completeProfileFields, newPayerKey } from './factories.ts';
import { expectDocumented } from './openapi.ts';
import { personasForThisFile, serviceClient, testEnv } from './personas.ts';

const personas = personasForThisFile();
const largestPage = 50;
let key: string;
let listedHere: string[];

async function directoryPage(path: string) {
  const response = await fetch(`${testEnv().apiUrl}/functions/v1/payer-api${path}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  const body = await response.json();
  expect(response.status).toBe(200);
  expectDocumented('/therapists', 'get', 200, body);
  return body as { data: { id: string }[]; next_cursor: string | null };
}

beforeAll(async () => {
  key = await newPayerKey(personas.payers.cigna);
  const service = serviceClient();
  const run = randomUUID().slice(0, 8);
  // one more therapist than the largest page, listed for this payer in this file's clinic
  const { data: staff, error } = await service
    .from('staff_members')
    .insert(
      Array.from({ length: largestPage + 1 }, (_, i) => ({
        org_id: personas.clinic.id,
        first_name: 'Page',
        last_name: `Reader ${String(i).padStart(2, '0')}`,
        email: `page.reader.${i}.${run}@example.org`,
        roles: ['therapist' as const],
      })),
    )
    .select('id');
  if (error) throw error;
  const admin = await personas.signedInAs('orgAdmin');
  for (const { id } of staff) {
    const { error: enrolError } = await admin.rpc('enroll_staff', {
      staff_id: id,
      payer_ids: [personas.payers.cigna],
    });
    if (enrolError) throw enrolError;
  }
  const submittedAt = new Date().toISOString();
  const { error: profileError } = await service.from('public_profiles').upsert(
    staff.map(({ id }) => ({
      staff_id: id,
      org_id: personas.clinic.id,
      ...completeProfileFields,
      submitted_at: submittedAt,
    })),
  );
  if (profileError) throw profileError;
  listedHere = staff.map(({ id }) => id);
}, 120_000);

describe('GET /therapists, page by page', () => {
  it('a full page of 50 has a next_cursor, and the cursors reach every therapist exactly once', async () => {
    const first = await directoryPage(`/therapists?limit=${largestPage}`);
    expect(first.data).toHaveLength(largestPage);
    expect(first.next_cursor).toEqual(expect.any(String));

    const seen = first.data.map((t) => t.id);
    let cursor = first.next_cursor;
    for (let pages = 1; cursor && pages < 100; pages++) {
      const page = await directoryPage(
        `/therapists?limit=${largestPage}&cursor=${encodeURIComponent(cursor)}`,
      );
      seen.push(...page.data.map((t) => t.id));
      cursor = page.next_cursor;
    }
    expect(cursor).toBeNull();
    // this file's payer sees exactly this file's listed therapists
    expect(seen.toSorted()).toEqual(listedHere.toSorted());
  });
});
