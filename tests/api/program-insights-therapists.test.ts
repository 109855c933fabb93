/**
 * The per-therapist table of Program insights (public.program_insights_therapists) against the
 * real database: five therapists whose figures were worked out by hand, sorted by each column in
 * both directions, cut into pages with the total count, with or without weekly counts; then who
 * sees which rows (the same rules as program_insights), a denied case for each persona, and the
 * arguments it refuses.
 *
 * The clinic is in America/New_York; the period is the two weeks of Monday 2026-06-01 and 06-08;
 * every request arrives at 14:00 UTC (10:00 EDT) and is decided a whole number of hours later.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, personasForThisFile, withDb, type Client } from './personas.ts';

const personas = personasForThisFile();
let scheduler: Client, admin: Client, priya: Client, jordan: Client, otherAdmin: Client;

const period = { period_from: '2026-06-01', period_to: '2026-06-14' };
const hour = 3_600_000;

type Status = 'confirmed' | 'declined' | 'expired' | 'pending';
/** [day of June, status, hours to the decision] */
type Made = [number, Status, number?];

/**
 * By hand (volume; confirm rate; expiry rate; median of the decisions; weekly):
 * Adams 1; 1; 0; 1 h; [1, 0]. Baker 2; 0; 1; none; [1, 1]. Chen 3; 0; 0; median of 3 and 5 = 4 h;
 * [1, 2]. Raman (Priya) 4; 0.5; 0.25; median of 2, 10, 20 = 10 h; [2, 2]. Ellis (Jordan) 5; 0.2; 0;
 * median of 30 and 44 = 37 h; [2, 3].
 */
const extraTherapists = { adams: ['Zoe', 'Adams'], baker: ['Yuri', 'Baker'], chen: ['Xia', 'Chen'] } as const;
const histories: Record<'adams' | 'baker' | 'chen' | 'priya' | 'jordan', Made[]> = {
  adams: [[2, 'confirmed', 1]],
  baker: [
    [3, 'expired'],
    [9, 'expired'],
  ],
  chen: [
    [2, 'declined', 5],
    [10, 'declined', 3],
    [11, 'pending'],
  ],
  priya: [
    [2, 'confirmed', 2],
    [3, 'confirmed', 10],
    [8, 'expired'],
    [9, 'declined', 20],
  ],
  jordan: [
    [1, 'confirmed', 30],
    [2, 'declined', 44],
    [8, 'pending'],
    [9, 'pending'],
    [10, 'pending'],
  ],
};
const ids: Record<keyof typeof histories, string> = { adams: '', baker: '', chen: '', priya: '', jordan: '' };

interface Page {
  total: number;
  rows: {
    id: string;
    name: string;
    volume: number;
    confirm_rate: number;
    expiry_rate: number;
    median_hours: number | null;
    weekly?: number[];
  }[];
}

const therapists = async (c: Client, args: Record<string, unknown> = {}, org = personas.clinic.id) => {
  const { data, error } = await c.rpc('program_insights_therapists', {
    org_id: org,
    ...period,
    ...args,
  } as never);
  return { page: data as unknown as Page | null, error };
};

const names = (page: Page | null) => page!.rows.map((r) => r.name);

async function insertRequest(
  org: string,
  location: string,
  therapist: string,
  [day, status, after]: Made,
  n: number,
) {
  const arrived = new Date(Date.UTC(2026, 5, day, 14));
  const pending = status === 'pending';
  // a pending request's time to answer lies ahead (or the stack's expiry job would expire it)
  const slotStart = new Date(pending ? Date.now() + (30 * 24 + n) * hour : arrived.getTime() + 72 * hour);
  const expiresAt = pending ? new Date(Date.now() + 24 * hour) : new Date(arrived.getTime() + 48 * hour);
  const decidedAt = after === undefined ? null : new Date(arrived.getTime() + after * hour);
  await withDb(async (db) => {
    let appointment: string | null = null;
    if (status === 'confirmed') {
      const {
        rows: [client],
      } = await db.query(
        `insert into public.clients (org_id, first_name, last_name, email, date_of_birth)
         values ($1, 'Client', 'Paging', $2, '1990-01-01') returning id`,
        [org, `paging.${randomUUID().slice(0, 8)}@example.org`],
      );
      const {
        rows: [row],
      } = await db.query(
        `insert into public.appointments (org_id, staff_id, client_id, location_id, during)
         values ($1, $2, $3, $4, tstzrange($5::timestamptz, $5::timestamptz + interval '1 hour')) returning id`,
        [org, therapist, client.id, location, slotStart],
      );
      appointment = row.id;
    }
    await db.query(
      `insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name, last_name,
         email, phone, date_of_birth, status, created_at, expires_at, decided_by, decided_at, decline_reason,
         appointment_id, idempotency_key)
       values ($1, $2, $3, tstzrange($4::timestamptz, $4::timestamptz + interval '1 hour'), 'payer', $5,
         'Client', 'Paging', $6, '617-555-0188', '1990-01-01', $7::public.referral_status, $8::timestamptz,
         $9::timestamptz, case when $10::timestamptz is not null then $11::uuid end, $10::timestamptz,
         case when $7::text = 'declined' then 'other' end, $12, $13)`,
      [
        org,
        therapist,
        location,
        slotStart,
        personas.payers.aetna,
        `paging.${randomUUID().slice(0, 8)}@example.org`,
        status,
        arrived,
        expiresAt,
        decidedAt,
        personas.staff.scheduler.userId,
        appointment,
        randomUUID(),
      ],
    );
  });
}

beforeAll(async () => {
  [scheduler, admin, priya, jordan, otherAdmin] = await Promise.all([
    personas.signedInAs('scheduler'),
    personas.signedInAs('orgAdmin'),
    personas.signedInAs('therapist'),
    personas.signedInAs('otherTherapist'),
    personas.signedInAs('otherOrgAdmin'),
  ]);
  ids.priya = personas.staff.therapist.id;
  ids.jordan = personas.staff.otherTherapist.id;
  await withDb(async (db) => {
    for (const [key, [first, last]] of Object.entries(extraTherapists)) {
      const {
        rows: [row],
      } = await db.query(
        `insert into public.staff_members (org_id, first_name, last_name, email, roles, default_location_id)
         values ($1, $2, $3, $4, '{therapist}', $5) returning id`,
        [
          personas.clinic.id,
          first,
          last,
          `${key}.${randomUUID().slice(0, 8)}@example.org`,
          personas.clinic.locationId,
        ],
      );
      ids[key as keyof typeof extraTherapists] = row.id;
    }
  });
  let n = 0;
  for (const [key, made] of Object.entries(histories))
    for (const m of made)
      await insertRequest(
        personas.clinic.id,
        personas.clinic.locationId,
        ids[key as keyof typeof ids],
        m,
        n++,
      );
  // another clinic's request in the same period: its admin's, never this clinic's
  await insertRequest(
    personas.otherClinic.id,
    personas.otherClinic.locationId,
    personas.staff.otherOrgAdmin.id,
    [4, 'expired'],
    n++,
  );
});

describe('a page of the per-therapist table, computed by hand', () => {
  it('opens on the most requests first, each row with its figures and weekly counts', async () => {
    const { page, error } = await therapists(admin);
    expect(error).toBeNull();
    expect(page!.total).toBe(5);
    expect(page!.rows).toEqual([
      {
        id: ids.jordan,
        name: 'Ellis, Jordan',
        volume: 5,
        confirm_rate: 0.2,
        expiry_rate: 0,
        median_hours: 37,
        weekly: [2, 3],
      },
      {
        id: ids.priya,
        name: 'Raman, Priya',
        volume: 4,
        confirm_rate: 0.5,
        expiry_rate: 0.25,
        median_hours: 10,
        weekly: [2, 2],
      },
      {
        id: ids.chen,
        name: 'Chen, Xia',
        volume: 3,
        confirm_rate: 0,
        expiry_rate: 0,
        median_hours: 4,
        weekly: [1, 2],
      },
      {
        id: ids.baker,
        name: 'Baker, Yuri',
        volume: 2,
        confirm_rate: 0,
        expiry_rate: 1,
        median_hours: null,
        weekly: [1, 1],
      },
      {
        id: ids.adams,
        name: 'Adams, Zoe',
        volume: 1,
        confirm_rate: 1,
        expiry_rate: 0,
        median_hours: 1,
        weekly: [1, 0],
      },
    ]);
  });

  it('sorts by each column, either way, ties by name', async () => {
    const sorted = async (sort_by: string, descending: boolean) =>
      names((await therapists(scheduler, { sort_by, descending, with_weekly: false })).page);
    expect(await sorted('name', false)).toEqual([
      'Adams, Zoe',
      'Baker, Yuri',
      'Chen, Xia',
      'Ellis, Jordan',
      'Raman, Priya',
    ]);
    expect(await sorted('name', true)).toEqual([
      'Raman, Priya',
      'Ellis, Jordan',
      'Chen, Xia',
      'Baker, Yuri',
      'Adams, Zoe',
    ]);
    expect(await sorted('volume', false)).toEqual([
      'Adams, Zoe',
      'Baker, Yuri',
      'Chen, Xia',
      'Raman, Priya',
      'Ellis, Jordan',
    ]);
    expect(await sorted('confirm', true)).toEqual([
      'Adams, Zoe',
      'Raman, Priya',
      'Ellis, Jordan',
      'Baker, Yuri',
      'Chen, Xia',
    ]);
    expect(await sorted('expiry', true)).toEqual([
      'Baker, Yuri',
      'Raman, Priya',
      'Adams, Zoe',
      'Chen, Xia',
      'Ellis, Jordan',
    ]);
    // no decision yet sorts last either way
    expect(await sorted('median', false)).toEqual([
      'Adams, Zoe',
      'Chen, Xia',
      'Raman, Priya',
      'Ellis, Jordan',
      'Baker, Yuri',
    ]);
    expect(await sorted('median', true)).toEqual([
      'Ellis, Jordan',
      'Raman, Priya',
      'Chen, Xia',
      'Adams, Zoe',
      'Baker, Yuri',
    ]);
  });

  it('cuts the sorted rows into pages, the total on each', async () => {
    const at = async (page_offset: number) =>
      (await therapists(admin, { page_offset, page_size: 2, with_weekly: false })).page!;
    const [first, second, last, past] = await Promise.all([at(0), at(2), at(4), at(10)]);
    expect(names(first)).toEqual(['Ellis, Jordan', 'Raman, Priya']);
    expect(names(second)).toEqual(['Chen, Xia', 'Baker, Yuri']);
    expect(names(last)).toEqual(['Adams, Zoe']);
    expect(past.rows).toEqual([]);
    expect([first, second, last, past].map((p) => p.total)).toEqual([5, 5, 5, 5]);
    // a page chosen by median reads each row's median the same as the whole table does
    const byMedian = (await therapists(admin, { sort_by: 'median', page_offset: 1, page_size: 1 })).page!;
    expect(byMedian.rows).toEqual([
      expect.objectContaining({ name: 'Raman, Priya', median_hours: 10, weekly: [2, 2] }),
    ]);
  });

  it('leaves out the weekly counts when not asked for (the CSV)', async () => {
    const { page } = await therapists(admin, { with_weekly: false, page_size: 10_000 });
    expect(page!.rows).toHaveLength(5);
    for (const row of page!.rows) expect(row).not.toHaveProperty('weekly');
    expect(page!.rows[0]).toMatchObject({ name: 'Ellis, Jordan', median_hours: 37 });
  });

  it('applies the filters as program_insights does', async () => {
    const cigna = (await therapists(admin, { payer: personas.payers.cigna })).page!;
    expect(cigna).toEqual({ total: 0, rows: [] });
    const chen = (await therapists(admin, { therapist: ids.chen })).page!;
    expect(chen.total).toBe(1);
    expect(chen.rows[0]).toMatchObject({ name: 'Chen, Xia', volume: 3, median_hours: 4 });
    const week2 = (await therapists(admin, { period_from: '2026-06-08', sort_by: 'name', descending: false }))
      .page!;
    expect(week2.rows.map((r) => [r.name, r.volume, r.weekly])).toEqual([
      ['Baker, Yuri', 1, [1]],
      ['Chen, Xia', 2, [2]],
      ['Ellis, Jordan', 3, [3]],
      ['Raman, Priya', 2, [2]],
    ]);
  });
});

describe('who sees which rows', () => {
  it('a scheduler and an admin see the clinic, never another clinic', async () => {
    expect((await therapists(scheduler)).page!.total).toBe(5);
    expect((await therapists(admin)).page!.total).toBe(5);
    // denied: the other clinic's rows (its own admin sees them)
    expect((await therapists(otherAdmin, {}, personas.otherClinic.id)).page!.total).toBe(1);
    expect((await therapists(scheduler, {}, personas.otherClinic.id)).page).toEqual({ total: 0, rows: [] });
    expect((await therapists(admin, {}, personas.otherClinic.id)).page).toEqual({ total: 0, rows: [] });
  });

  it('a therapist sees their own row only, and no other therapist’s when asking for it', async () => {
    const own = (await therapists(priya)).page!;
    expect(own.total).toBe(1);
    expect(own.rows).toEqual([expect.objectContaining({ id: ids.priya, volume: 4, median_hours: 10 })]);
    expect((await therapists(jordan)).page!.rows.map((r) => r.id)).toEqual([ids.jordan]);
    // denied: another therapist's row, asked for by name
    expect((await therapists(priya, { therapist: ids.jordan })).page).toEqual({ total: 0, rows: [] });
    expect((await therapists(jordan, { therapist: ids.chen })).page).toEqual({ total: 0, rows: [] });
  });

  it('another clinic’s admin sees nothing of this clinic', async () => {
    const { page, error } = await therapists(otherAdmin);
    expect(error).toBeNull();
    expect(page).toEqual({ total: 0, rows: [] });
  });

  it('anon may not call it', async () => {
    const { page, error } = await therapists(anonClient());
    expect(error).not.toBeNull();
    expect(page).toBeNull();
  });
});

describe('the arguments', () => {
  it('refuses an unknown sort, naming it (never put into the statement)', async () => {
    for (const sort_by of ['weekly', 'volume desc; select 1', '']) {
      const { error } = await therapists(admin, { sort_by });
      expect(error).toMatchObject({ code: '22023', hint: 'sort_by' });
    }
  });

  it('refuses a page before the first row, an empty page or one too long', async () => {
    for (const args of [{ page_offset: -1 }, { page_size: 0 }, { page_size: 10_001 }]) {
      const { error } = await therapists(admin, args);
      expect(error).toMatchObject({ code: '22023', hint: 'page' });
    }
  });

  it('refuses the period program_insights refuses', async () => {
    const reversed = await therapists(admin, { period_from: '2026-06-14', period_to: '2026-06-01' });
    expect(reversed.error).toMatchObject({ code: '22023', hint: 'period' });
    const tooLong = await therapists(admin, { period_from: '2024-01-01', period_to: '2026-01-01' });
    expect(tooLong.error).toMatchObject({ code: '22023', hint: 'period' });
  });
});
