/**
 * Offers waiting for the client, on the real stack: a request whose client was offered other times
 * is in the clinic's `offered_requests` (the Unconfirmed tab's section "Times offered — waiting for
 * the client") with its times, who offered them and until when the client can pick; row-level
 * security decides who sees it (schedulers and admins the clinic's, a therapist their own, nobody
 * of another clinic, never anonymous), for the offered times too; the pending count (the badge)
 * stays what waits for staff.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, personasForThisFile, type Client } from './personas.ts';
import { pendingRequestOnOpenSlot } from './support/status-links.ts';

const personas = personasForThisFile();
let scheduler: Client, admin: Client, priya: Client, jordan: Client, otherAdmin: Client;
let requestId: string;
let offeredStarts: string[];

beforeAll(async () => {
  [scheduler, admin, priya, jordan, otherAdmin] = await Promise.all([
    personas.signedInAs('scheduler'),
    personas.signedInAs('orgAdmin'),
    personas.signedInAs('therapist'),
    personas.signedInAs('otherTherapist'),
    personas.signedInAs('otherOrgAdmin'),
  ]);
  const priyaId = personas.staff.therapist.id;
  const r = await pendingRequestOnOpenSlot(personas, priyaId, 3);
  const [a, b] = r.otherSlots;
  const { error } = await scheduler.rpc('offer_alternative_times', {
    request_id: r.id,
    times: [a!, b!].map((s) => ({ therapist_id: priyaId, starts_at: s.start })),
    message: 'Two other times.',
  });
  if (error) throw error;
  requestId = r.id;
  offeredStarts = [a!.start, b!.start];
});

const offeredRows = (client: Client) =>
  client
    .from('offered_requests')
    .select('id, first_name, offered_at, offered_by_name, offer_message, expires_at, offered_times')
    .eq('org_id', personas.clinic.id);

describe('offers waiting for the client', () => {
  it('the scheduler sees the offer: its times, who offered them and when, and until when the client can pick', async () => {
    const { data, error } = await offeredRows(scheduler);
    expect(error).toBeNull();
    const row = data!.find((r) => r.id === requestId);
    expect(row).toMatchObject({
      first_name: 'Elena',
      offered_by_name: 'Luca Romero',
      offer_message: 'Two other times.',
    });
    expect(row!.offered_at).not.toBeNull();
    expect(new Date(row!.expires_at!).getTime()).toBeGreaterThan(Date.now());
    const times = row!.offered_times as { starts_at: string; therapist_name: string; released_as: null }[];
    expect(times.map((t) => new Date(t.starts_at).toISOString())).toEqual(
      offeredStarts.map((s) => new Date(s).toISOString()),
    );
    expect(times.every((t) => t.therapist_name === 'Priya Raman' && t.released_as === null)).toBe(true);
  });

  it('the clinic’s admin and the request’s therapist see it too', async () => {
    for (const client of [admin, priya]) {
      const { data, error } = await offeredRows(client);
      expect(error).toBeNull();
      expect(data!.map((r) => r.id)).toContain(requestId);
      const { data: held } = await client
        .from('request_offered_times')
        .select('id')
        .eq('request_id', requestId);
      expect(held).toHaveLength(2);
    }
  });

  it('another therapist of the clinic, another clinic’s admin and anonymous callers see nothing of it', async () => {
    for (const client of [jordan, otherAdmin]) {
      const { data, error } = await client.from('offered_requests').select('id').eq('id', requestId);
      expect(error).toBeNull();
      expect(data).toEqual([]);
      const { data: held } = await client
        .from('request_offered_times')
        .select('id')
        .eq('request_id', requestId);
      expect(held).toEqual([]);
    }
    expect((await anonClient().from('offered_requests').select('id')).error?.code).toBe('42501');
    expect((await anonClient().from('request_offered_times').select('id')).error?.code).toBe('42501');
  });

  it('nobody can write offered times or the view directly', async () => {
    const update = await scheduler
      .from('request_offered_times')
      .update({ held_until: new Date(Date.now() + 1e9).toISOString() })
      .eq('request_id', requestId)
      .select('id');
    expect(update.error?.code).toBe('42501');
  });

  it('the queue and the badge count what waits for staff: the offer is in neither', async () => {
    const { data: queue } = await scheduler.from('unconfirmed_requests').select('id').eq('id', requestId);
    expect(queue).toEqual([]);
    const before = await scheduler.rpc('pending_request_count', { org: personas.clinic.id });
    const { count } = await scheduler
      .from('unconfirmed_requests')
      .select('id', { count: 'exact', head: true })
      .eq('org_id', personas.clinic.id);
    expect(before.data).toBe(count);
  });
});
