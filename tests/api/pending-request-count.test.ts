/**
 * The navigation badge's count (`public.pending_request_count`), on the real stack: it reads a
 * tally kept by a statement trigger, so after every kind of write (one request, a decision, a
 * batch changing many requests, a delete) it must equal what the queue shows each persona, and a
 * request whose 48 hours ended stops counting before the expiry job changes its status.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, personasForThisFile, withDb, type Client } from './personas.ts';
import { pendingRequestOnOpenSlot } from './support/status-links.ts';

const personas = personasForThisFile();
let scheduler: Client, admin: Client, priya: Client, otherAdmin: Client;

beforeAll(async () => {
  [scheduler, admin, priya, otherAdmin] = await Promise.all([
    personas.signedInAs('scheduler'),
    personas.signedInAs('orgAdmin'),
    personas.signedInAs('therapist'),
    personas.signedInAs('otherOrgAdmin'),
  ]);
});

const badge = async (client: Client) => {
  const { data, error } = await client.rpc('pending_request_count', { org: personas.clinic.id });
  if (error) throw error;
  return data;
};

/** What the queue shows the same caller: the ground truth the tally must match. */
const queueCount = async (client: Client) => {
  const { count, error } = await client
    .from('unconfirmed_requests')
    .select('id', { count: 'exact', head: true })
    .eq('org_id', personas.clinic.id);
  if (error) throw error;
  return count;
};

const expectBadgeMatchesQueue = async () => {
  for (const client of [scheduler, admin, priya]) expect(await badge(client)).toBe(await queueCount(client));
};

describe('the badge’s pending count', () => {
  it('follows arrivals, a decision, a batch and a delete, for every persona', async () => {
    const priyaId = personas.staff.therapist.id;
    const before = await badge(scheduler);
    const a = await pendingRequestOnOpenSlot(personas, priyaId, 3);
    const b = await pendingRequestOnOpenSlot(personas, priyaId, 4);
    const c = await pendingRequestOnOpenSlot(personas, priyaId, 5);
    expect(await badge(scheduler)).toBe(before + 3);
    await expectBadgeMatchesQueue();

    const { error } = await scheduler.rpc('decline_referral_request', {
      request_id: a.id,
      reason: 'no_availability',
    });
    expect(error).toBeNull();
    expect(await badge(scheduler)).toBe(before + 2);

    // one statement changing several requests (as the expiry job does), then a delete
    await withDb((db) =>
      db.query(`update public.referral_requests set status = 'expired' where id = any ($1)`, [[b.id]]),
    );
    await withDb((db) => db.query(`delete from public.referral_requests where id = $1`, [c.id]));
    expect(await badge(scheduler)).toBe(before);
    await expectBadgeMatchesQueue();
  });

  it('stops counting a request whose 48 hours ended, before the expiry job runs', async () => {
    const before = await badge(scheduler);
    const r = await pendingRequestOnOpenSlot(personas, personas.staff.therapist.id, 6);
    expect(await badge(scheduler)).toBe(before + 1);
    await withDb((db) =>
      db.query(`update public.referral_requests set expires_at = now() - interval '1 minute' where id = $1`, [
        r.id,
      ]),
    );
    expect(await badge(scheduler)).toBe(before);
    expect(await badge(priya)).toBe(await queueCount(priya));
  });

  it('counts nothing of the clinic for another clinic’s admin, and refuses the signed-out', async () => {
    await pendingRequestOnOpenSlot(personas, personas.staff.therapist.id, 7);
    expect(await badge(scheduler)).toBeGreaterThan(0);
    expect(await badge(otherAdmin)).toBe(0);
    const { error } = await anonClient().rpc('pending_request_count', { org: personas.clinic.id });
    expect(error).not.toBeNull();
  });
});
