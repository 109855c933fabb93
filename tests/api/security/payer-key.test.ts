/**
 * The payer persona of the security matrix: a payer's API key opens the payer API and nothing
 * else. Sent to the data API in place of a user's token it is no JWT, so every table and view
 * answers 401 to every operation and no row changes.
 */
import { describe, expect, it } from 'vitest';
import { serviceClient, testEnv, personasForThisFile, withDb } from '../personas.ts';

const personas = personasForThisFile();

/** Every table and view the data API serves. */
const relations = () =>
  withDb(async (db) =>
    (
      await db.query<{ name: string }>(
        `select relname as name from pg_class
         where relnamespace = 'public'::regnamespace and relkind in ('r', 'p', 'v') order by 1`,
      )
    ).rows.map((r) => r.name),
  );

const asPayer = (relation: string, method: string) =>
  fetch(`${testEnv().apiUrl}/rest/v1/${relation}${method === 'POST' ? '' : '?id=not.is.null'}`, {
    method,
    headers: {
      apikey: testEnv().anonKey,
      authorization: `Bearer ${personas.payerKey}`,
      'content-type': 'application/json',
    },
    body: method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify({ id: null }),
  });

describe('a payer key', () => {
  it('opens the payer API: its own payer’s directory lists the personas’ therapist', async () => {
    const response = await fetch(`${testEnv().apiUrl}/functions/v1/payer-api/therapists`, {
      headers: { authorization: `Bearer ${personas.payerKey}` },
    });
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: { id: string }[] };
    expect(data.map((t) => t.id)).toEqual([personas.staff.therapist.id]);
  });

  it('reads, inserts, updates and deletes nothing through the data API: 401 on every table and view', async () => {
    const names = await relations();
    expect(names).toEqual(expect.arrayContaining(['referral_requests', 'payers', 'payer_api_keys']));
    const before = (
      await serviceClient().from('referral_requests').select('id', { count: 'exact', head: true })
    ).count;
    for (const name of names)
      for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
        const response = await asPayer(name, method);
        expect(response.status, `${method} ${name}`).toBe(401);
      }
    expect(
      (await serviceClient().from('referral_requests').select('id', { count: 'exact', head: true })).count,
    ).toBe(before);
  });
});
