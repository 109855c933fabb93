/**
 * Security matrix for the status links and offered times: request_status_links is read and
 * written by no browser role, request_offered_times is written by none (only the security-definer
 * functions and the client-portal function, as the service role) and read by the staff who may
 * see its request (the Unconfirmed tab's offers waiting for the client); the status page's functions
 * are the service role's alone; offering times and listing offerable times are for staff who may
 * decide the request (the clinic's admins and schedulers, the request's therapist), never for
 * another clinic, a therapist of another's request, or anyone signed out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, personasForThisFile, serviceClient, withDb, type Client } from '../personas.ts';
import { pendingRequestOnOpenSlot, statusTokenFor } from '../support/status-links.ts';

const personas = personasForThisFile();
let admin: Client, scheduler: Client, therapist: Client, otherTherapist: Client, otherAdmin: Client;
let day = 2;

beforeAll(async () => {
  [admin, scheduler, therapist, otherTherapist, otherAdmin] = await Promise.all([
    personas.signedInAs('orgAdmin'),
    personas.signedInAs('scheduler'),
    personas.signedInAs('therapist'),
    personas.signedInAs('otherTherapist'),
    personas.signedInAs('otherOrgAdmin'),
  ]);
});

const everyone = () => ({ anon: anonClient(), admin, scheduler, therapist, otherTherapist, otherAdmin });

describe('the tables', () => {
  it('no persona reads status links; no persona inserts, updates or deletes status links or offered times', async () => {
    const r = await pendingRequestOnOpenSlot(personas, personas.staff.therapist.id, (day += 1));
    await statusTokenFor(r.id);
    await scheduler.rpc('offer_alternative_times', {
      request_id: r.id,
      times: [{ therapist_id: personas.staff.therapist.id, starts_at: r.otherSlots[0]!.start }],
    });
    for (const [who, client] of Object.entries(everyone())) {
      const links = await client.from('request_status_links').select('*');
      expect(links.error?.code, `${who} reads request_status_links`).toBe('42501');
      for (const table of ['request_status_links', 'request_offered_times'] as const) {
        const write = await client
          .from(table)
          .update({ created_at: new Date().toISOString() })
          .eq('request_id', r.id);
        expect(write.error?.code, `${who} updates ${table}`).toBe('42501');
        const remove = await client.from(table).delete().eq('request_id', r.id);
        expect(remove.error?.code, `${who} deletes ${table}`).toBe('42501');
      }
      const insert = await client.from('request_status_links').insert({
        token_hash: 'a'.repeat(64),
        request_id: r.id,
        expires_at: new Date(Date.now() + 86_400_000).toISOString(),
      });
      expect(insert.error?.code, `${who} inserts a link`).toBe('42501');
    }
    const kept = await withDb(async (db) => {
      const { rows } = await db.query(
        `select (select count(*) from public.request_status_links where request_id = $1)::int as links,
                (select count(*) from public.request_offered_times where request_id = $1)::int as times`,
        [r.id],
      );
      return rows[0];
    });
    // one made here, one by the offer’s email
    expect(kept).toEqual({ links: 2, times: 1 });
  });

  it('offered times are read by the staff who see their request, by no one else', async () => {
    const r = await pendingRequestOnOpenSlot(personas, personas.staff.therapist.id, (day += 1));
    const offered = await scheduler.rpc('offer_alternative_times', {
      request_id: r.id,
      times: [{ therapist_id: personas.staff.therapist.id, starts_at: r.otherSlots[0]!.start }],
    });
    expect(offered.error).toBeNull();
    const seen = { admin: 1, scheduler: 1, therapist: 1, otherTherapist: 0, otherAdmin: 0 };
    for (const [who, count] of Object.entries(seen)) {
      const client = everyone()[who as keyof typeof seen];
      const { data, error } = await client.from('request_offered_times').select('id').eq('request_id', r.id);
      expect(error, who).toBeNull();
      expect(data, who).toHaveLength(count);
    }
    const anon = await anonClient().from('request_offered_times').select('id');
    expect(anon.error?.code).toBe('42501');
  });
});

describe('the status page’s functions', () => {
  it('are the service role’s alone: every signed-in or signed-out persona is refused', async () => {
    const r = await pendingRequestOnOpenSlot(personas, personas.staff.therapist.id, (day += 1));
    const token = await statusTokenFor(r.id);
    for (const [who, client] of Object.entries(everyone())) {
      expect((await client.rpc('request_status_by_token', { token })).error?.code, who).toBe('42501');
      expect((await client.rpc('withdraw_request_by_token', { token })).error?.code, who).toBe('42501');
      expect(
        (await client.rpc('pick_offered_time_by_token', { token, offered_time_id: r.id })).error?.code,
        who,
      ).toBe('42501');
    }
    expect(
      ((await serviceClient().rpc('request_status_by_token', { token })).data as { outcome: string }).outcome,
    ).toBe('ok');
    const state = await withDb(
      async (db) =>
        (await db.query('select status from public.referral_requests where id = $1', [r.id])).rows[0].status,
    );
    expect(state).toBe('pending');
  });
});

describe('offering times', () => {
  it('the clinic’s admin, scheduler and the request’s therapist may list offerable times; others may not', async () => {
    const r = await pendingRequestOnOpenSlot(personas, personas.staff.therapist.id, (day += 1));
    for (const client of [admin, scheduler, therapist]) {
      const { data, error } = await client.rpc('offerable_times', { request_id: r.id });
      expect(error).toBeNull();
      expect(data!.length).toBeGreaterThan(0);
      expect(data!.every((t) => t.therapist_id === personas.staff.therapist.id)).toBe(true);
    }
    for (const [who, client] of Object.entries({ anon: anonClient(), otherTherapist, otherAdmin })) {
      const { error } = await client.rpc('offerable_times', { request_id: r.id });
      expect(error?.code, who).toBe('42501');
    }
  });

  it('the admin may offer; another clinic’s admin, another therapist and anyone signed out may not', async () => {
    const r = await pendingRequestOnOpenSlot(personas, personas.staff.therapist.id, (day += 1));
    const times = [{ therapist_id: personas.staff.therapist.id, starts_at: r.otherSlots[0]!.start }];
    for (const [who, client] of Object.entries({ anon: anonClient(), otherTherapist, otherAdmin })) {
      const { error } = await client.rpc('offer_alternative_times', { request_id: r.id, times });
      expect(error?.code, who).toBe('42501');
    }
    expect((await admin.rpc('offer_alternative_times', { request_id: r.id, times })).error).toBeNull();
  });
});
