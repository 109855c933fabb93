/**
 * The clinic-level insights rollups (private.insights_daily_clinic and its decision bins), which
 * the clinic-wide figures read when the caller sees the whole clinic and no therapist is chosen:
 * their own triggers keep them equal to a rebuild from the requests through an insert, a decision
 * and a removal; their backfill rebuilds them from the requests; they always hold the
 * per-therapist rows summed over the therapist; and the figures read from them match the ones read
 * from the per-therapist rows.
 *
 * The clinic is in America/New_York; the period is the week of Monday 2026-08-03.
 */
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { personasForThisFile, withDb, type Client } from './personas.ts';
import { insertInsightsRequest, programInsights } from './support/insights-requests.ts';

const personas = personasForThisFile();
let admin: Client;

const period = { period_from: '2026-08-03', period_to: '2026-08-09' };

interface Figures {
  total: number;
  outcomes: { outcome: string; reason: string | null; count: number }[];
  decision: { decided: number; median_hours: number | null; p90_hours: number | null };
  payers: { name: string; volume: number; median_hours: number | null }[];
}

const insights = (args: Record<string, unknown> = {}) =>
  programInsights<Figures>(admin, { org_id: personas.clinic.id, ...period, ...args });

/** A payer request to `therapist` that arrived at `arrived`, pending, or declined `decidedAfterMinutes` later. */
const insertRequest = (arrived: string, therapist: string, decidedAfterMinutes?: number) =>
  insertInsightsRequest(personas, { arrived, therapist, decidedAfterMinutes, tag: 'Clinic' });

/** The clinic's clinic-level rollup rows, in a stable order. */
const clinicRows = (db: pg.Client) =>
  Promise.all([
    db
      .query(
        `select day::text, source, payer_id, location_id, total, confirmed, expired, answerable, within_12h, within_24h,
                slot_seconds::text, outcomes
         from private.insights_daily_clinic where org_id = $1 and total <> 0
         order by day, source, payer_id, location_id`,
        [personas.clinic.id],
      )
      .then((r) => r.rows),
    db
      .query(
        `select day::text, source, payer_id, location_id, quarter_hours, n
         from private.insights_daily_clinic_decisions where org_id = $1 and n <> 0
         order by day, source, payer_id, location_id, quarter_hours`,
        [personas.clinic.id],
      )
      .then((r) => r.rows),
  ]);

/** The per-therapist rows summed over the therapist: what the clinic-level rows must hold. */
const perTherapistSummed = (db: pg.Client) =>
  Promise.all([
    db
      .query(
        `select day::text, source, payer_id, location_id, sum(total)::int as total, sum(confirmed)::int as confirmed,
                sum(expired)::int as expired, sum(answerable)::int as answerable, sum(within_12h)::int as within_12h,
                sum(within_24h)::int as within_24h, sum(slot_seconds)::text as slot_seconds,
                (select coalesce(jsonb_object_agg(k, n) filter (where n <> 0), '{}'::jsonb)
                 from (select e.key as k, sum(e.value::int) as n
                       from unnest(array_agg(outcomes)) o, jsonb_each_text(o) e group by e.key) s) as outcomes
         from private.insights_daily where org_id = $1
         group by day, source, payer_id, location_id having sum(total) <> 0
         order by day, source, payer_id, location_id`,
        [personas.clinic.id],
      )
      .then((r) => r.rows),
    db
      .query(
        `select day::text, source, payer_id, location_id, quarter_hours, sum(n)::int as n
         from private.insights_daily_decisions where org_id = $1
         group by day, source, payer_id, location_id, quarter_hours having sum(n) <> 0
         order by day, source, payer_id, location_id, quarter_hours`,
        [personas.clinic.id],
      )
      .then((r) => r.rows),
  ]);

beforeAll(async () => {
  admin = await personas.signedInAs('orgAdmin');
});

describe('the clinic-level rollups', () => {
  it('are kept by their own triggers through an insert, a decision and a removal', async () => {
    const before = await insights();
    const pendingId = await insertRequest('2026-08-04T14:00:00Z', personas.staff.therapist.id);
    await insertRequest('2026-08-05T14:00:00Z', personas.staff.therapist.id, 95);
    // read from the clinic-level rows (the whole clinic, no therapist chosen)
    const added = await insights();
    expect(added.total).toBe(before.total + 2);
    expect(added.decision.decided).toBe(before.decision.decided + 1);

    await withDb((db) =>
      db.query(
        `update public.referral_requests
         set status = 'declined', decline_reason = 'no_availability', decided_by = $2,
             decided_at = '2026-08-04T14:00:00Z'::timestamptz + interval '3 hours'
         where id = $1`,
        [pendingId, personas.staff.scheduler.userId],
      ),
    );
    const decided = await insights();
    expect(decided.outcomes.find((o) => o.reason === 'no_availability')?.count).toBe(1);
    expect(decided.decision.decided).toBe(before.decision.decided + 2);

    await withDb(async (db) => {
      const kept = await clinicRows(db);
      await db.query(`select private.rebuild_insights_clinic_rollups($1)`, [personas.clinic.id]);
      expect(await clinicRows(db)).toEqual(kept);
    });

    await withDb((db) => db.query(`delete from public.referral_requests where id = $1`, [pendingId]));
    expect((await insights()).total).toBe(before.total + 1);
  });

  it('always hold the per-therapist rows summed over the therapist', async () => {
    await insertRequest('2026-08-06T15:00:00Z', personas.staff.otherTherapist.id, 30);
    await withDb(async (db) => {
      const [rows, decisions] = await clinicRows(db);
      const [summed, summedDecisions] = await perTherapistSummed(db);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(summed);
      expect(decisions).toEqual(summedDecisions);
    });
  });

  it('are backfilled from the requests by the migration’s rebuild', async () => {
    const kept = await insights();
    await withDb(async (db) => {
      const rows = await clinicRows(db);
      await db.query(`delete from private.insights_daily_clinic where org_id = $1`, [personas.clinic.id]);
      await db.query(`delete from private.insights_daily_clinic_decisions where org_id = $1`, [
        personas.clinic.id,
      ]);
      expect((await insights()).total).toBe(0);
      // the migration's backfill, for this clinic (the whole table would race other files' writes)
      await db.query(`select private.rebuild_insights_clinic_rollups($1)`, [personas.clinic.id]);
      expect(await clinicRows(db)).toEqual(rows);
    });
    expect(await insights()).toEqual(kept);
  });

  it('give the figures the per-therapist rows give', async () => {
    const clinic = await insights();
    const { data, error } = await admin.rpc('program_insights_therapists', {
      org_id: personas.clinic.id,
      ...period,
      page_size: 100,
      with_weekly: false,
    } as never);
    expect(error).toBeNull();
    const therapists = (data as unknown as { rows: { id: string; volume: number }[] }).rows;
    const perTherapist = await Promise.all(therapists.map((t) => insights({ therapist: t.id })));
    expect(therapists.length).toBeGreaterThan(1);
    expect(therapists.reduce((sum, t) => sum + t.volume, 0)).toBe(clinic.total);
    expect(perTherapist.reduce((sum, f) => sum + f.total, 0)).toBe(clinic.total);
    expect(perTherapist.reduce((sum, f) => sum + f.decision.decided, 0)).toBe(clinic.decision.decided);
    const outcomeCount = (figures: Figures[], reason: string | null) =>
      figures.flatMap((f) => f.outcomes).reduce((sum, o) => sum + (o.reason === reason ? o.count : 0), 0);
    expect(outcomeCount(perTherapist, 'other')).toBe(outcomeCount([clinic], 'other'));
    expect(outcomeCount(perTherapist, 'no_availability')).toBe(outcomeCount([clinic], 'no_availability'));
  });
});
