/**
 * Growth: the calls of `growth-calls.ts` timed on the benchmark dataset (1×) and on a platform
 * grown around the measured clinics to 5× (bench/seed-growth.sql: 2,500 clinics, 50,000
 * therapists, 1.1 million requests, 500,000 appointments). The cost of a call should depend on
 * the clinic, not on the platform: p95 at 5× ÷ p95 at 1× ≤ 1.5. Runs on stacks of its own, so the
 * other groups' writes do not move it: `.local/bench-growth` is seeded at 1× and grown to 5×, and
 * `.local/bench-growth-1x` is seeded at 1× and kept there, so each call is timed at both scales in
 * turns (the machine is shared: timed one scale after the other, minutes apart, a 1.5 ms call's
 * p95 moved 2–3× with the load while its plan and buffers did not).
 */
import type pg from 'pg';
import { record } from './figures.ts';
import { startBenchStack, type BenchStack } from './bench-stack.ts';
import { growthCalls, type GrowthContext } from './growth-calls.ts';
import { describeDifferences, keptTableDifferences } from './growth-check.ts';
import { seedLargeDataset } from './seed.ts';
import { round, timeInTurns, type Timing } from './stats.ts';

export const growthBudget = { ratio: 1.5, seedSeconds: 600 };
const callsPerFigure = 300;

/** p95 at 5× ÷ p95 at 1×, and whether it is within budget. */
export function growthRatio(at1: Timing, at5: Timing): { ratio: number; met: boolean } {
  const ratio = at5.p95 / at1.p95;
  return { ratio: round(ratio, 2), met: ratio <= growthBudget.ratio };
}

/**
 * What a seed drops before its load and builds after (each a sort instead of an index kept row by
 * row): the secondary indexes (none backing a constraint) of the tables the seeds fill most, and
 * the primary key of availability_occurrences. Its exclusion constraint stays: a GiST on (uuid,
 * range) has no sorted build, so building it again costs as much as keeping it during the load,
 * and it checks each occurrence as it goes in.
 */
async function indexesRebuiltAfterLoad(db: pg.Pool): Promise<{ drop: string; build: string }[]> {
  const { rows: indexes } = await db.query<{ name: string; def: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
     from pg_index i
     where i.indrelid in ('public.referral_requests'::regclass, 'public.appointments'::regclass,
                          'public.clients'::regclass, 'public.availability_occurrences'::regclass,
                          'public.public_profiles'::regclass)
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
  );
  const { rows: constraints } = await db.query<{ name: string; def: string }>(
    `select c.conname as name, pg_get_constraintdef(c.oid) as def
     from pg_constraint c
     where c.conrelid = 'public.availability_occurrences'::regclass and c.contype = 'p'`,
  );
  const occurrences = 'alter table public.availability_occurrences';
  return [
    ...constraints.map(({ name, def }) => ({
      drop: `${occurrences} drop constraint ${name}`,
      build: `${occurrences} add constraint ${name} ${def}`,
    })),
    ...indexes.map(({ name, def }) => ({ drop: `drop index ${name}`, build: def })),
  ];
}

/**
 * Seeds `file` (bench/seed-large.sql for 1×, then bench/seed-growth.sql for the growth to 5×) with
 * the indexes of `indexesRebuiltAfterLoad` dropped and built again after, then vacuums and
 * analyzes. Returns the seconds it took.
 */
export async function seedWithIndexesAfterLoad(db: pg.Pool, file: string): Promise<number> {
  const start = performance.now();
  const indexes = await indexesRebuiltAfterLoad(db);
  for (const { drop } of indexes) await db.query(drop);
  await seedLargeDataset(db, file);
  const rebuild = performance.now();
  // two at a time (the machine has two cores), each sorting in memory rather than on disk
  const queue = [...indexes];
  await Promise.all(
    [0, 1].map(async () => {
      const session = await db.connect();
      try {
        await session.query(`set maintenance_work_mem = '512MB'`);
        for (let next = queue.shift(); next; next = queue.shift()) await session.query(next.build);
      } finally {
        session.release(true);
      }
    }),
  );
  console.log(`  ${indexes.length} indexes built in ${round((performance.now() - rebuild) / 1000, 1)} s`);
  await db.query(`delete from public.notification_outbox where status in ('pending', 'sending')`);
  await db.query('vacuum (analyze)');
  return (performance.now() - start) / 1000;
}

/** Throws unless the tables the triggers keep equal what the triggers make (bench/growth-check.ts). */
export async function checkKeptTables(db: pg.Pool): Promise<string> {
  const start = performance.now();
  const { equal, summary } = describeDifferences(await keptTableDifferences(db));
  const line = `${summary}, checked in ${round((performance.now() - start) / 1000, 1)} s`;
  console.log(`  ${line}`);
  if (!equal) throw new Error(`growth seed: ${line}`);
  return line;
}

async function context(b: BenchStack): Promise<GrowthContext & { release: () => Promise<void> }> {
  const one = async (sql: string) => (await b.db.query(sql)).rows[0];
  const org200 = (await one(`select id from public.organizations where slug = 'bench-200'`)).id as string;
  const orgLarge = (await one(`select id from public.organizations where slug = 'bench-large'`)).id as string;
  const payer = (await one(`select id from public.payers order by name limit 1`)).id as string;
  const {
    rows: [{ key }],
  } = await b.db.query(`select public.create_payer_api_key($1, 'bench growth', 100000) as key`, [payer]);
  const { rows: therapists } = await b.db.query<{ staff_id: string }>(
    `select staff_id from public.public_profiles where org_id = $1 and submitted_at is not null order by staff_id`,
    [org200],
  );
  const admin = await b.signIn('admin@bench-large.example.org');
  const scheduler = await b.signIn('scheduler@bench-200.example.org');
  const sessionAs = async (client: typeof admin) => {
    const {
      data: { session },
    } = await client.auth.getSession();
    const claims = Buffer.from(session!.access_token.split('.')[1]!, 'base64url').toString();
    const conn = await b.db.connect();
    await conn.query(`select set_config('request.jwt.claims', $1, false)`, [claims]);
    await conn.query('set role authenticated');
    return conn;
  };
  const sessions = { admin: await sessionAs(admin), scheduler: await sessionAs(scheduler) };
  return {
    api: b.stack.urls.api,
    payerKey: key,
    org200,
    orgLarge,
    therapists: therapists.map((t) => t.staff_id),
    admin,
    scheduler,
    db: b.db,
    sessions,
    release: async () => {
      // closed, not returned to the pool: their claims and role must not reach the growth seed
      for (const conn of Object.values(sessions)) conn.release(true);
    },
  };
}

/**
 * Each call of `growthCalls` at 1× (`at1`) and at 5× (`at5`) in turns, with the same warm-up on
 * both sides: a busy stretch of the machine weighs on both scales alike.
 */
export async function timeBothScales(at1: BenchStack, at5: BenchStack): Promise<[Timing, Timing][]> {
  const [ctx1, ctx5] = [await context(at1), await context(at5)];
  try {
    // neither side's checkpointer is still writing its seed while the calls are timed
    for (const b of [at1, at5]) await b.db.query('checkpoint');
    const timings: [Timing, Timing][] = [];
    for (const { call } of growthCalls)
      timings.push(
        await timeInTurns(
          callsPerFigure,
          (i) => call(ctx1, i),
          (i) => call(ctx5, i),
        ),
      );
    return timings;
  } finally {
    await ctx1.release();
    await ctx5.release();
  }
}

export async function measureGrowth(): Promise<void> {
  const kept = await startBenchStack('bench-growth-1x', 200);
  try {
    console.log('  the 1× side, kept at 1×');
    await seedWithIndexesAfterLoad(kept.db, 'seed-large.sql');
    const b = await startBenchStack('bench-growth', 100);
    try {
      await measureGrowthBeside(kept, b);
    } finally {
      await b.stop();
    }
  } finally {
    await kept.stop();
  }
}

/** Seeds `b` at 1× and grows it to 5× (the seeding figure), then times each call on `at1` and `b` in turns. */
async function measureGrowthBeside(at1: BenchStack, b: BenchStack): Promise<void> {
  const seed1 = await seedWithIndexesAfterLoad(b.db, 'seed-large.sql');
  const grow = await seedWithIndexesAfterLoad(b.db, 'seed-growth.sql');
  const checked = await checkKeptTables(b.db);
  const {
    rows: [counts],
  } = await b.db.query(
    `select (select count(*) from public.organizations)::int as clinics,
            (select count(*) from public.staff_members where 'therapist' = any (roles))::int as therapists,
            (select count(*) from public.referral_requests)::int as requests,
            (select count(*) from public.appointments)::int as appointments`,
  );
  const seedSeconds = round(seed1 + grow, 0);
  record({
    group: 'growth',
    figure: 'growth: seeding 5× (the 1× seed, then the growth with indexes after load)',
    value: `${seedSeconds} s (1× ${round(seed1, 0)} s, growth ${round(grow, 0)} s): ${counts.clinics} clinics, ${counts.therapists} therapists, ${counts.requests} requests, ${counts.appointments} appointments; ${checked}`,
    budget: `< ${growthBudget.seedSeconds / 60} min`,
    met: seedSeconds < growthBudget.seedSeconds,
    measure: { value: seedSeconds, better: 'lower' },
  });
  const timings = await timeBothScales(at1, b);
  growthCalls.forEach(({ name }, i) => {
    const [one, five] = timings[i]!;
    const g = growthRatio(one, five);
    record({
      group: 'growth',
      figure: `growth: ${name}, p95 at 5× ÷ at 1× (in turns)`,
      value: `${g.ratio}× (1×: p50 ${one.p50} / p95 ${one.p95} ms; 5×: p50 ${five.p50} / p95 ${five.p95} ms)`,
      budget: `≤ ${growthBudget.ratio}×`,
      met: g.met,
      measure: { value: g.ratio, better: 'lower' },
    });
  });
}
