/**
 * The Handled history (public.handled_requests) against the real database: who sees what (RLS,
 * per persona), the filters, and keyset paging that neither skips nor repeats a row.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, personasForThisFile, withDb, type Client } from './personas.ts';

const personas = personasForThisFile();
let scheduler: Client, admin: Client, priya: Client, jordan: Client, otherAdmin: Client;

type Outcome = 'declined' | 'expired' | 'withdrawn' | 'pending' | 'unverified';
const base = Date.UTC(2026, 9, 1, 12);
const hour = 3_600_000;
let made = 0;

/**
 * A request in `status` for `therapist`, written as the platform; handled `handledHoursAgo`
 * before `base` (its decision, withdrawal or expiry).
 */
async function request(
  therapist: string,
  status: Outcome,
  options: { handledAt?: Date; payer?: string | null; decidedBy?: string } = {},
) {
  made += 1;
  const handledAt = options.handledAt ?? new Date(base - made * hour);
  const slotStart = new Date(handledAt.getTime() + 2 * 86_400_000);
  const payer = options.payer === undefined ? personas.payers.aetna : options.payer;
  return withDb(async (db) => {
    const { rows } = await db.query(
      `insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name, last_name,
         email, phone, date_of_birth, status, created_at, expires_at, decided_by, decided_at, decline_reason, decline_note,
         withdrawn_at, withdrawn_reason, verified_at, idempotency_key)
       values ($1, $2, $3, tstzrange($4::timestamptz, $4::timestamptz + interval '1 hour'), $5::public.referral_source, $6, 'Client', $7, $8, '617-555-0188', '1990-01-01', $9::public.referral_status,
         $10::timestamptz - interval '5 hours', case when $9::text = 'expired' then $10::timestamptz else $4::timestamptz end,
         case when $9::text = 'declined' then $11::uuid end, case when $9::text = 'declined' then $10 end,
         case when $9::text = 'declined' then 'other' end, case when $9::text = 'declined' then 'CANARY internal note' end,
         case when $9::text = 'withdrawn' then $10 end, case when $9::text = 'withdrawn' then 'therapist_unavailable' end,
         case when $9::text <> 'unverified' and $5::text = 'client_portal' then $10::timestamptz - interval '5 hours' end, $12)
       returning id`,
      [
        personas.clinic.id,
        therapist,
        personas.clinic.locationId,
        slotStart,
        payer === null ? 'client_portal' : 'payer',
        payer,
        `Number${made}`,
        `handled.${randomUUID().slice(0, 8)}@example.org`,
        status,
        handledAt,
        options.decidedBy ?? personas.staff.scheduler.userId,
        randomUUID(),
      ],
    );
    return rows[0].id as string;
  });
}

const page = (c: Client, args: Record<string, unknown> = {}) =>
  c.rpc('handled_requests', { org_id: personas.clinic.id, ...args } as never) as unknown as Promise<{
    data:
      { id: string; status: string; therapist_id: string; handled_at: string; [k: string]: unknown }[] | null;
    error: { code: string; message: string } | null;
  }>;

let priyaRequests: string[];
let jordanRequests: string[];

beforeAll(async () => {
  [scheduler, admin, priya, jordan, otherAdmin] = await Promise.all([
    personas.signedInAs('scheduler'),
    personas.signedInAs('orgAdmin'),
    personas.signedInAs('therapist'),
    personas.signedInAs('otherTherapist'),
    personas.signedInAs('otherOrgAdmin'),
  ]);
  const priyaId = personas.staff.therapist.id;
  const jordanId = personas.staff.otherTherapist.id;
  priyaRequests = [
    await request(priyaId, 'declined'),
    await request(priyaId, 'expired', { payer: null }),
    await request(priyaId, 'withdrawn'),
  ];
  jordanRequests = [await request(jordanId, 'declined', { payer: personas.payers.cigna })];
  // never in the history: still waiting, or never confirmed by email. Their slots are ahead, so
  // the stack's expiry job cannot turn them into handled (expired) requests mid-file.
  const ahead = new Date(Date.now() + 86_400_000);
  await request(priyaId, 'pending', { handledAt: ahead });
  await request(priyaId, 'unverified', { payer: null, handledAt: ahead });
});

const ids = (rows: { id: string }[] | null) => new Set((rows ?? []).map((r) => r.id));

describe('who sees the history', () => {
  it('admins and schedulers see the clinic’s handled requests, never pending or unverified ones', async () => {
    for (const c of [scheduler, admin]) {
      const { data, error } = await page(c);
      expect(error).toBeNull();
      expect(ids(data)).toEqual(new Set([...priyaRequests, ...jordanRequests]));
    }
  });

  it('a therapist sees their own only', async () => {
    expect(ids((await page(priya)).data)).toEqual(new Set(priyaRequests));
    expect(ids((await page(jordan)).data)).toEqual(new Set(jordanRequests));
  });

  it('another clinic’s admin and anon see nothing', async () => {
    const other = await page(otherAdmin);
    expect(other.error).toBeNull();
    expect(other.data).toEqual([]);
    const anon = await page(anonClient());
    expect(anon.data ?? []).toEqual([]);
    expect(anon.error).not.toBeNull();
  });

  it('shows outcome, who decided, source and the internal decline reason to staff', async () => {
    const { data } = await page(scheduler, { outcome: 'declined', therapist: personas.staff.therapist.id });
    expect(data).toHaveLength(1);
    expect(data![0]).toMatchObject({
      id: priyaRequests[0],
      status: 'declined',
      decided_by_name: `${personas.staff.scheduler.firstName} ${personas.staff.scheduler.lastName}`,
      source_label: personas.payerNames.aetna,
      decline_reason: 'other',
      decline_note: 'CANARY internal note',
      time_zone: 'America/New_York',
    });
  });
});

describe('filters', () => {
  it('by outcome, therapist, source and date range', async () => {
    expect(ids((await page(scheduler, { outcome: 'expired' })).data)).toEqual(new Set([priyaRequests[1]]));
    expect(ids((await page(scheduler, { outcome: 'withdrawn' })).data)).toEqual(new Set([priyaRequests[2]]));
    expect(ids((await page(scheduler, { therapist: personas.staff.otherTherapist.id })).data)).toEqual(
      new Set(jordanRequests),
    );
    expect(ids((await page(scheduler, { source_kind: 'client_portal' })).data)).toEqual(
      new Set([priyaRequests[1]]),
    );
    expect(ids((await page(scheduler, { source_kind: 'payer', payer: personas.payers.cigna })).data)).toEqual(
      new Set(jordanRequests),
    );
    // the first two made: handled 1 and 2 hours before base
    const { data } = await page(scheduler, {
      handled_from: new Date(base - 2.5 * hour).toISOString(),
      handled_before: new Date(base - 0.5 * hour).toISOString(),
    });
    expect(ids(data)).toEqual(new Set(priyaRequests.slice(0, 2)));
  });

  it('refuses a page size outside 1–101 and half a cursor, naming them', async () => {
    expect((await page(scheduler, { page_size: 0 })).error?.message).toContain('page_size');
    expect((await page(scheduler, { page_size: 102 })).error?.message).toContain('page_size');
    expect((await page(scheduler, { after_id: randomUUID() })).error?.message).toContain('after_handled_at');
    expect((await page(scheduler, { outcome: 'pending' })).error?.message).toContain('outcome');
  });
});

describe('keyset paging', () => {
  it('walks every row once, newest first, ties broken by id', async () => {
    const therapist = personas.staff.otherTherapist.id;
    const tie = new Date(base - 900 * hour);
    const made = [
      ...(await Promise.all(
        Array.from({ length: 4 }, () => request(therapist, 'expired', { handledAt: tie })),
      )),
    ];
    for (let i = 0; i < 19; i++)
      made.push(await request(therapist, 'declined', { handledAt: new Date(base - (901 + i) * hour) }));
    const seen: { id: string; handled_at: string }[] = [];
    let cursor: { after_handled_at: string; after_id: string } | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const { data, error } = await page(jordan, {
        page_size: 5,
        handled_before: new Date(base - 899 * hour).toISOString(),
        ...cursor,
      });
      expect(error).toBeNull();
      seen.push(...data!);
      if (data!.length < 5) break;
      const last = data!.at(-1)!;
      cursor = { after_handled_at: last.handled_at, after_id: last.id };
    }
    expect(seen.map((r) => r.id).sort()).toEqual([...made].sort());
    const keys = seen.map((r) => `${new Date(r.handled_at).getTime().toString().padStart(15, '0')} ${r.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
  });
});
