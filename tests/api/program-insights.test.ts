/**
 * Program insights (public.program_insights) against the real database, over a history built
 * here whose every figure was worked out by hand: the median and 90th percentile of time to
 * decision, outcome shares, the share answered within 12 and 24 hours, requests per week by
 * source with a week that holds the clinic's autumn clock change, per-therapist and per-source
 * rows, and external hours offered against hours requested. Then who is counted (RLS as the
 * caller) and the period's limits.
 *
 * The clinic is in America/New_York; clocks fell back on Sunday 2026-11-01 (02:00 EDT → 01:00 EST).
 * Period: 2026-10-19 … 2026-11-15, weeks starting Monday Oct 19, Oct 26, Nov 2 and Nov 9.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, personasForThisFile, withDb, type Client } from './personas.ts';

const personas = personasForThisFile();
let scheduler: Client, admin: Client, priya: Client, jordan: Client, otherAdmin: Client;

type Status = 'confirmed' | 'declined' | 'expired' | 'withdrawn' | 'pending' | 'unverified';
interface Made {
  therapist: 'priya' | 'jordan';
  /** when the request reached the clinic (UTC); for a client-portal request, its verification */
  arrived: string;
  status: Status;
  /** hours from arrival to the decision (confirmed, declined) */
  decidedAfter?: number;
  reason?: string;
  /** 'portal', or a payer of this file */
  source: 'aetna' | 'cigna' | 'portal';
}

/**
 * The history. Decisions, in hours: 1, 2, 5, 10, 20, 30, 44 (seven). Median 10; p90 at rank
 * 0.9 × 6 = 5.4 → 30 + 0.4 × (44 − 30) = 35.6. Answered or expired: 7 + 3 = 10; within 12 h:
 * 1, 2, 5, 10 → 0.4; within 24 h: and 20 → 0.5. Twelve requests counted.
 */
const history: Made[] = [
  // week of Oct 19: Aetna 2, Client Portal 1
  {
    therapist: 'priya',
    arrived: '2026-10-20T14:00:00Z',
    status: 'confirmed',
    decidedAfter: 10,
    source: 'aetna',
  },
  {
    therapist: 'priya',
    arrived: '2026-10-21T13:00:00Z',
    status: 'confirmed',
    decidedAfter: 30,
    source: 'aetna',
  },
  {
    therapist: 'jordan',
    arrived: '2026-10-22T15:00:00Z',
    status: 'declined',
    decidedAfter: 44,
    reason: 'other',
    source: 'portal',
  },
  // week of Oct 26: Aetna 2. Sunday Nov 1, 23:30 EST (04:30 UTC Monday) is still this week
  {
    therapist: 'priya',
    arrived: '2026-10-27T14:00:00Z',
    status: 'declined',
    decidedAfter: 5,
    reason: 'no_availability',
    source: 'aetna',
  },
  {
    therapist: 'priya',
    arrived: '2026-11-02T04:30:00Z',
    status: 'confirmed',
    decidedAfter: 2,
    source: 'aetna',
  },
  // week of Nov 2: Client Portal 2, Aetna 1. Monday 00:30 EST is 05:30 UTC
  {
    therapist: 'jordan',
    arrived: '2026-11-02T05:30:00Z',
    status: 'confirmed',
    decidedAfter: 1,
    source: 'portal',
  },
  {
    therapist: 'priya',
    arrived: '2026-11-03T15:00:00Z',
    status: 'declined',
    decidedAfter: 20,
    reason: 'not_a_clinical_fit',
    source: 'aetna',
  },
  { therapist: 'jordan', arrived: '2026-11-04T15:00:00Z', status: 'expired', source: 'portal' },
  // week of Nov 9: Aetna 2, Client Portal 1, Cigna 1
  { therapist: 'priya', arrived: '2026-11-10T15:00:00Z', status: 'expired', source: 'aetna' },
  { therapist: 'priya', arrived: '2026-11-10T18:00:00Z', status: 'withdrawn', source: 'aetna' },
  { therapist: 'jordan', arrived: '2026-11-11T15:00:00Z', status: 'expired', source: 'portal' },
  { therapist: 'jordan', arrived: '2026-11-12T15:00:00Z', status: 'pending', source: 'cigna' },
];
/** Never counted: the evening before the period (Oct 18, 23:30 EDT), and a request never verified. */
const notCounted: Made[] = [
  { therapist: 'priya', arrived: '2026-10-19T03:30:00Z', status: 'expired', source: 'aetna' },
  { therapist: 'priya', arrived: '2026-10-23T15:00:00Z', status: 'unverified', source: 'portal' },
];

const period = { period_from: '2026-10-19', period_to: '2026-11-15' };
const hour = 3_600_000;

async function insertRequest(made: Made) {
  const therapist =
    made.therapist === 'priya' ? personas.staff.therapist.id : personas.staff.otherTherapist.id;
  const arrived = new Date(made.arrived);
  // a request still pending has its time to answer ahead (or the stack's expiry job would expire it)
  const pending = made.status === 'pending';
  const slotStart = new Date(pending ? Date.now() + 30 * 24 * hour : arrived.getTime() + 72 * hour);
  const expiresAt = pending ? new Date(Date.now() + 24 * hour) : new Date(arrived.getTime() + 48 * hour);
  const portal = made.source === 'portal';
  const decidedAt =
    made.decidedAfter === undefined ? null : new Date(arrived.getTime() + made.decidedAfter * hour);
  await withDb(async (db) => {
    let appointment: string | null = null;
    if (made.status === 'confirmed') {
      const {
        rows: [client],
      } = await db.query(
        `insert into public.clients (org_id, first_name, last_name, email, date_of_birth)
         values ($1, 'Client', 'Insights', $2, '1990-01-01') returning id`,
        [personas.clinic.id, `insights.${randomUUID().slice(0, 8)}@example.org`],
      );
      const {
        rows: [row],
      } = await db.query(
        `insert into public.appointments (org_id, staff_id, client_id, location_id, during)
         values ($1, $2, $3, $4, tstzrange($5::timestamptz, $5::timestamptz + interval '1 hour')) returning id`,
        [personas.clinic.id, therapist, client.id, personas.clinic.locationId, slotStart],
      );
      appointment = row.id;
    }
    await db.query(
      `insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name, last_name,
         email, phone, date_of_birth, status, created_at, verified_at, expires_at, decided_by, decided_at, decline_reason,
         withdrawn_at, withdrawn_reason, appointment_id, idempotency_key)
       values ($1, $2, $3, tstzrange($4::timestamptz, $4::timestamptz + interval '1 hour'), $5::public.referral_source, $6,
         'Client', 'Insights', $7, '617-555-0188', '1990-01-01', $8::public.referral_status,
         -- a client-portal request arrives when verified; it was created an hour before
         $9::timestamptz - case when $5::text = 'client_portal' then interval '1 hour' else interval '0' end,
         case when $5::text = 'client_portal' and $8::text <> 'unverified' then $9::timestamptz end,
         $15::timestamptz,
         case when $10::timestamptz is not null then $11::uuid end, $10::timestamptz, $12,
         case when $8::text = 'withdrawn' then $9::timestamptz + interval '3 hours' end,
         case when $8::text = 'withdrawn' then 'therapist_unavailable' end, $13, $14)`,
      [
        personas.clinic.id,
        therapist,
        personas.clinic.locationId,
        slotStart,
        portal ? 'client_portal' : 'payer',
        portal ? null : personas.payers[made.source as 'aetna' | 'cigna'],
        `insights.${randomUUID().slice(0, 8)}@example.org`,
        made.status,
        arrived,
        decidedAt,
        personas.staff.scheduler.userId,
        made.reason ?? null,
        appointment,
        randomUUID(),
        expiresAt,
      ],
    );
  });
}

interface Insights {
  period: { from: string; to: string; time_zone: string };
  total: number;
  sources: string[];
  weeks: { week: string; total: number; counts: number[] }[];
  outcomes: { outcome: string; reason: string | null; count: number; share: number }[];
  decision: {
    decided: number;
    answerable: number;
    median_hours: number | null;
    p90_hours: number | null;
    within_12h_share: number | null;
    within_24h_share: number | null;
    histogram: { from_hours: number; to_hours: number; count: number }[];
  };
  payers: {
    id: string | null;
    name: string;
    volume: number;
    confirm_rate: number;
    expiry_rate: number;
    median_hours: number | null;
    weekly: number[];
  }[];
  capacity: { offered_hours: number; requested_hours: number };
}

const insights = async (c: Client, args: Record<string, unknown> = {}) => {
  const { data, error } = await c.rpc('program_insights', {
    org_id: personas.clinic.id,
    ...period,
    ...args,
  } as never);
  return { data: data as unknown as Insights | null, error };
};

interface TherapistRow {
  id: string;
  name: string;
  volume: number;
  confirm_rate: number;
  expiry_rate: number;
  median_hours: number | null;
  weekly?: number[];
}

/** A page of the per-therapist table (`public.program_insights_therapists`), over the same period. */
const therapists = async (c: Client, args: Record<string, unknown> = {}) => {
  const { data, error } = await c.rpc('program_insights_therapists', {
    org_id: personas.clinic.id,
    ...period,
    ...args,
  } as never);
  return { data: data as unknown as { total: number; rows: TherapistRow[] } | null, error };
};

beforeAll(async () => {
  [scheduler, admin, priya, jordan, otherAdmin] = await Promise.all([
    personas.signedInAs('scheduler'),
    personas.signedInAs('orgAdmin'),
    personas.signedInAs('therapist'),
    personas.signedInAs('otherTherapist'),
    personas.signedInAs('otherOrgAdmin'),
  ]);
  for (const made of [...history, ...notCounted]) await insertRequest(made);
  await withDb(async (db) => {
    // another clinic's request in the same period: never counted for this clinic
    await db.query(
      `insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, first_name, last_name, email,
         phone, date_of_birth, status, created_at, expires_at, idempotency_key)
       values ($1, $2, $3, tstzrange('2026-10-25 15:00Z', '2026-10-25 16:00Z'), 'client_portal', 'Other', 'Clinic', 'other@example.org',
         '617-555-0188', '1990-01-01', 'expired', '2026-10-20 15:00Z', '2026-10-22 15:00Z', $4)`,
      [
        personas.otherClinic.id,
        personas.staff.otherOrgAdmin.id,
        personas.otherClinic.locationId,
        randomUUID(),
      ],
    );
    // Priya's external hours in the period: Tue Oct 20 13:00–15:00 and Tue Nov 3 13:00–14:30
    // (3.5 h); Nov 20 is after it; an internal block is not offered
    await db.query(
      `insert into public.availability_blocks (org_id, staff_id, location_id, valid_from, valid_until, start_time, end_time, accept_external)
       values ($1, $2, $3, '2026-10-20', '2026-10-20', '13:00', '15:00', true),
              ($1, $2, $3, '2026-11-03', '2026-11-03', '13:00', '14:30', true),
              ($1, $2, $3, '2026-11-20', '2026-11-20', '13:00', '15:00', true),
              ($1, $2, $3, '2026-10-21', '2026-10-21', '13:00', '17:00', false)`,
      [personas.clinic.id, personas.staff.therapist.id, personas.clinic.locationId],
    );
  });
});

describe('the clinic’s figures, computed by hand', () => {
  it('counts the period’s requests per week by source, a clock change inside a week', async () => {
    const { data, error } = await insights(admin);
    expect(error).toBeNull();
    expect(data!.period).toEqual({ from: '2026-10-19', to: '2026-11-15', time_zone: 'America/New_York' });
    expect(data!.total).toBe(12);
    expect(data!.sources).toEqual([personas.payerNames.aetna, 'Client Portal', personas.payerNames.cigna]);
    expect(data!.weeks).toEqual([
      { week: '2026-10-19', total: 3, counts: [2, 1, 0] },
      { week: '2026-10-26', total: 2, counts: [2, 0, 0] },
      { week: '2026-11-02', total: 3, counts: [1, 2, 0] },
      { week: '2026-11-09', total: 4, counts: [2, 1, 1] },
    ]);
  });

  it('gives each outcome’s share, declines by reason', async () => {
    const { data } = await insights(scheduler);
    const byKey = Object.fromEntries(
      data!.outcomes.map((o) => [`${o.outcome}${o.reason ? `:${o.reason}` : ''}`, [o.count, o.share]]),
    );
    expect(byKey).toEqual({
      pending: [1, 0.0833],
      confirmed: [4, 0.3333],
      'declined:no_availability': [1, 0.0833],
      'declined:not_a_clinical_fit': [1, 0.0833],
      'declined:other': [1, 0.0833],
      expired: [3, 0.25],
      withdrawn: [1, 0.0833],
    });
  });

  it('measures time to decision from arrival (verification for the client portal)', async () => {
    const { data } = await insights(admin);
    const d = data!.decision;
    expect(d).toMatchObject({
      decided: 7,
      answerable: 10,
      median_hours: 10,
      p90_hours: 35.6,
      within_12h_share: 0.4,
      within_24h_share: 0.5,
    });
    // 4-hour bins to 48 h: 1, 2 | 5 | 10 | 20 | 30 | 44
    expect(d.histogram.map((b) => b.count)).toEqual([2, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0, 1]);
    expect(d.histogram[11]).toEqual({ from_hours: 44, to_hours: 48, count: 1 });
  });

  it('gives per-therapist and per-source rows with weekly counts', async () => {
    const { data } = await insights(admin);
    const { data: page } = await therapists(admin);
    expect(page!.total).toBe(2);
    const [first, second] = page!.rows;
    expect(first).toMatchObject({
      id: personas.staff.therapist.id,
      volume: 7,
      confirm_rate: 0.4286,
      expiry_rate: 0.1429,
      median_hours: 10,
      weekly: [2, 2, 1, 2],
    });
    expect(second).toMatchObject({
      id: personas.staff.otherTherapist.id,
      volume: 5,
      confirm_rate: 0.2,
      expiry_rate: 0.4,
      median_hours: 22.5,
      weekly: [1, 0, 2, 2],
    });
    expect(
      data!.payers.map((p) => [p.name, p.volume, p.confirm_rate, p.expiry_rate, p.median_hours]),
    ).toEqual([
      [personas.payerNames.aetna, 7, 0.4286, 0.1429, 10],
      ['Client Portal', 4, 0.25, 0.5, 22.5],
      [personas.payerNames.cigna, 1, 0, 0, null],
    ]);
    expect(data!.payers[1]!.weekly).toEqual([1, 0, 2, 1]);
  });

  it('sets external hours offered in the period against hours requested', async () => {
    const { data } = await insights(admin);
    expect(data!.capacity).toEqual({ offered_hours: 3.5, requested_hours: 12 });
  });

  it('applies each filter', async () => {
    const portal = (await insights(admin, { source_kind: 'client_portal' })).data!;
    expect(portal.total).toBe(4);
    expect(portal.sources).toEqual(['Client Portal']);
    const cigna = (await insights(admin, { payer: personas.payers.cigna })).data!;
    expect(cigna.total).toBe(1);
    const jordanOnly = (await insights(admin, { therapist: personas.staff.otherTherapist.id })).data!;
    expect(jordanOnly.total).toBe(5);
    expect(jordanOnly.capacity.offered_hours).toBe(0);
    const office = (await insights(admin, { office: personas.clinic.locationId })).data!;
    expect(office.total).toBe(12);
    const nowhere = (await insights(admin, { office: personas.otherClinic.locationId })).data!;
    expect(nowhere.total).toBe(0);
  });
});

describe('who is counted', () => {
  it('a therapist gets their own figures only, and their own external hours', async () => {
    const own = (await insights(priya)).data!;
    expect(own.total).toBe(7);
    const ownRows = (await therapists(priya)).data!;
    expect(ownRows.total).toBe(1);
    expect(ownRows.rows.map((t) => t.id)).toEqual([personas.staff.therapist.id]);
    expect(own.capacity.offered_hours).toBe(3.5);
    const other = (await insights(jordan)).data!;
    expect(other.total).toBe(5);
    expect(other.decision.median_hours).toBe(22.5);
    expect(other.capacity.offered_hours).toBe(0);
  });

  it('another clinic’s admin counts nothing of this clinic', async () => {
    const { data, error } = await insights(otherAdmin);
    expect(error).toBeNull();
    expect(data!.total).toBe(0);
    expect(data).not.toHaveProperty('therapists');
    expect(data!.capacity).toEqual({ offered_hours: 0, requested_hours: 0 });
  });

  it('anon may not call it', async () => {
    const { error } = await insights(anonClient());
    expect(error).not.toBeNull();
  });
});

describe('the period', () => {
  it('an empty period has no figures that look like data', async () => {
    const { data } = await insights(admin, { period_from: '2025-01-06', period_to: '2025-01-19' });
    expect(data!.total).toBe(0);
    expect(data!.outcomes).toEqual([]);
    expect(data!.decision.median_hours).toBeNull();
    expect(data!.decision.within_12h_share).toBeNull();
    expect(data!.weeks.map((w) => w.total)).toEqual([0, 0]);
  });

  it('refuses reversed dates and a period longer than two years, naming the period', async () => {
    const reversed = await insights(admin, { period_from: '2026-11-15', period_to: '2026-10-19' });
    expect(reversed.error).toMatchObject({ code: '22023', hint: 'period' });
    expect(reversed.error!.message).toMatch(/ends before it starts/);
    const tooLong = await insights(admin, { period_from: '2024-01-01', period_to: '2026-01-01' });
    expect(tooLong.error).toMatchObject({ code: '22023', hint: 'period' });
    expect(tooLong.error!.message).toMatch(/at most two years/);
    const twoYears = await insights(admin, { period_from: '2024-01-01', period_to: '2025-12-31' });
    expect(twoYears.error).toBeNull();
  });
});
