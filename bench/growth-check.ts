/**
 * Proof that the set-based growth seed (bench/seed-growth.sql, triggers off for the big tables)
 * left the tables the triggers keep exactly as the triggers would have: for a sample of
 * therapists of both seeds, their rows are made again by the triggers' own functions and compared
 * row for row, and so are the clinic-wide rows (the clinic rollups, the external hours offered)
 * of their small clinics; the pending tally is compared whole. Runs in a transaction that is rolled back.
 */
import type pg from 'pg';

export interface KeptTableDifferences {
  occurrences: number;
  insightsDaily: number;
  insightsDecisions: number;
  insightsClinic: number;
  insightsClinicDecisions: number;
  offeredHours: number;
  pendingTally: number;
}

/** One line for the report: equal when every table has no difference, else each table that differs. */
export function describeDifferences(differences: KeptTableDifferences): { equal: boolean; summary: string } {
  const differing = Object.entries(differences).filter(([, n]) => n !== 0);
  return differing.length === 0
    ? { equal: true, summary: `kept tables equal the triggers' (${Object.keys(differences).join(', ')})` }
    : {
        equal: false,
        summary: `kept tables differ from the triggers': ${differing.map(([table, n]) => `${table} ${n} rows`).join(', ')}`,
      };
}

/** Rows in one set and not the other, both ways. */
const symmetricDifference = (a: string, b: string) =>
  `select count(*)::int as n from ((table ${a} except all table ${b}) union all (table ${b} except all table ${a})) d`;

export async function keptTableDifferences(db: pg.Pool): Promise<KeptTableDifferences> {
  const session = await db.connect();
  const count = async (sql: string) => (await session.query<{ n: number }>(sql)).rows[0]!.n;
  try {
    await session.query('begin');
    // every 500th therapist of both seeds (1× 1–10,000 by their trigger, 5× 10,001–50,000 by the
    // set-based load), and five of bench-200's (its decided requests fill the decision rollups)
    await session.query(`
      create temporary table check_therapists on commit drop as
      select s.id, s.org_id from public.staff_members s
      where s.email::text ~ '^therapist[0-9]+@bench\\.example\\.org$'
        and (substring(s.email::text from '^therapist([0-9]+)@')::int % 500 = 7
             or substring(s.email::text from '^therapist([0-9]+)@')::int between 5001 and 5005)`);

    // availability: each block written again by the function its trigger calls
    await session.query(`
      create temporary table occurrences_loaded on commit drop as
      select o.block_id, o.org_id, o.staff_id, o.during from public.availability_occurrences o
      where o.staff_id in (select id from check_therapists)`);
    await session.query(`
      select private.expand_availability_block(b) from public.availability_blocks b
      where b.staff_id in (select id from check_therapists)`);
    await session.query(`
      create temporary table occurrences_by_trigger on commit drop as
      select o.block_id, o.org_id, o.staff_id, o.during from public.availability_occurrences o
      where o.staff_id in (select id from check_therapists)`);
    const occurrences = await count(symmetricDifference('occurrences_loaded', 'occurrences_by_trigger'));

    // insights: the therapists' rollup rows emptied, then each request added by the function the
    // per-row trigger calls on insert
    for (const table of ['insights_daily', 'insights_daily_decisions']) {
      await session.query(`
        create temporary table ${table}_loaded on commit drop as
        select * from private.${table} where therapist_id in (select id from check_therapists)`);
      await session.query(
        `delete from private.${table} where therapist_id in (select id from check_therapists)`,
      );
    }
    await session.query(`
      select private.insights_rollup_add(r, 1) from public.referral_requests r
      where r.therapist_id in (select id from check_therapists)`);
    for (const table of ['insights_daily', 'insights_daily_decisions']) {
      await session.query(`
        create temporary table ${table}_by_trigger on commit drop as
        select * from private.${table} where therapist_id in (select id from check_therapists)`);
    }
    const insightsDaily = await count(
      symmetricDifference('insights_daily_loaded', 'insights_daily_by_trigger'),
    );
    const insightsDecisions = await count(
      symmetricDifference('insights_daily_decisions_loaded', 'insights_daily_decisions_by_trigger'),
    );

    // the clinic-wide rollups of the sample's clinics of up to 50 therapists (bench-large's 5,000
    // and bench-200's 60,000 handled requests would take minutes one request at a time): emptied,
    // then each request added by the clinic trigger's function and each external block's
    // occurrences by the offered hours' block function
    await session.query(`
      create temporary table check_clinics on commit drop as
      select distinct t.org_id as id from check_therapists t
      where (select count(*) from public.staff_members s where s.org_id = t.org_id) <= 50`);
    for (const table of [
      'insights_daily_clinic',
      'insights_daily_clinic_decisions',
      'insights_offered_daily_clinic',
    ]) {
      await session.query(`
        create temporary table ${table}_loaded on commit drop as
        select * from private.${table} where org_id in (select id from check_clinics)`);
      await session.query(`delete from private.${table} where org_id in (select id from check_clinics)`);
    }
    await session.query(`
      select private.insights_clinic_rollup_add(r, 1) from public.referral_requests r
      where r.org_id in (select id from check_clinics)`);
    await session.query(`
      select private.insights_offered_add_block(b, 1) from public.availability_blocks b
      where b.org_id in (select id from check_clinics)`);
    for (const table of [
      'insights_daily_clinic',
      'insights_daily_clinic_decisions',
      'insights_offered_daily_clinic',
    ]) {
      await session.query(`
        create temporary table ${table}_by_trigger on commit drop as
        select * from private.${table} where org_id in (select id from check_clinics)`);
    }
    const insightsClinic = await count(
      symmetricDifference('insights_daily_clinic_loaded', 'insights_daily_clinic_by_trigger'),
    );
    const insightsClinicDecisions = await count(
      symmetricDifference(
        'insights_daily_clinic_decisions_loaded',
        'insights_daily_clinic_decisions_by_trigger',
      ),
    );
    const offeredHours = await count(
      symmetricDifference('insights_offered_daily_clinic_loaded', 'insights_offered_daily_clinic_by_trigger'),
    );

    // the pending tally, whole: what its statement trigger sums is the count of pending requests
    const pendingTally = await count(`
      select count(*)::int as n
      from (select org_id, therapist_id, count(*)::int as pending from public.referral_requests
            where status = 'pending' group by org_id, therapist_id) counted
      full join (select * from private.pending_request_tally where pending <> 0) tally using (org_id, therapist_id)
      where counted.pending is distinct from tally.pending`);

    // the sample must hold rows of every kind, or the comparison proves nothing
    const { rows } = await session.query<Record<string, number>>(`
      select (select count(*)::int from occurrences_loaded) as occurrences,
             (select count(*)::int from insights_daily_loaded) as daily,
             (select count(*)::int from insights_daily_decisions_loaded) as decisions,
             (select count(*)::int from insights_daily_clinic_loaded) as clinic,
             (select count(*)::int from insights_offered_daily_clinic_loaded) as offered`);
    const sample = rows[0]!;
    if (Object.values(sample).some((n) => !n))
      throw new Error(`growth check: the sample is missing rows (${JSON.stringify(sample)})`);
    return {
      occurrences,
      insightsDaily,
      insightsDecisions,
      insightsClinic,
      insightsClinicDecisions,
      offeredHours,
      pendingTally,
    };
  } finally {
    await session.query('rollback');
    session.release();
  }
}
