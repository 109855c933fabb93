/**
 * Bench step: the planner's statistics after a crash. A crash right after a bulk load leaves the
 * tables never analyzed (reltuples = -1, no pg_statistic rows) and the activity counters that
 * autovacuum goes by reset, so nothing would analyze them: the directory's SQL then took 30 ms
 * instead of 3. This step leaves the seeded bench database that way (every table's statistics
 * emptied), kills Postgres (kill -9), restarts it the way the stack does (startDatabase) and
 * measures what the planner has: reltuples, and the directory's SQL against itself once analyzed.
 *
 * `npm run bench:crash-stats` runs it alone (a fresh database of its own, seeded with the bench
 * dataset); `npm run bench` runs it last, on the bench stack's data.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { projectRoot, stackSettings, type StackSettings } from '../supabase/local/config.ts';
import { acquireDataLock } from '../supabase/local/data-lock.ts';
import { startDatabase } from '../supabase/local/database.ts';
import { seedLargeDataset } from './seed.ts';
import { round, timeCalls, type Timing } from './stats.ts';

const mainTables = ['referral_requests', 'appointments', 'availability_occurrences'];
/** The directory's SQL after the restart vs after an explicit ANALYZE: without statistics it was 10×. */
export const directoryRatioBudget = 1.5;

export interface StatsAfterCrash {
  /** reltuples of the main tables after the restart (-1: never analyzed). */
  reltuples: Record<string, number>;
  directory: Timing;
  /** The same calls once an explicit ANALYZE has run. */
  analyzed: Timing;
  ratio: number;
  met: boolean;
}

const quiet = () => {};

/** Empties the planner's statistics of every table, as a crash right after a bulk load leaves them. */
async function forgetStatistics(db: pg.Client): Promise<void> {
  const tables = `select oid from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'`;
  await db.query(`delete from pg_statistic where starelid in (${tables})`);
  await db.query(`update pg_class set reltuples = -1 where oid in (${tables})`);
}

/** Kill -9 of Postgres on a seeded database, restart, and the figure: statistics and the directory's SQL. */
export async function measureStatsAfterCrash(settings: StackSettings): Promise<StatsAfterCrash> {
  const lock = acquireDataLock(settings, 'bench: statistics after a crash');
  try {
    const before = await startDatabase(settings, quiet);
    const db = new pg.Client({ connectionString: before.url });
    await db.connect();
    await forgetStatistics(db);
    await db.end();
    process.kill(before.pid!, 'SIGKILL');
    await before.stop();

    const after = await startDatabase(settings, quiet);
    const client = new pg.Client({ connectionString: after.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ relname: string; reltuples: number }>(
        `select relname, reltuples from pg_class where relnamespace = 'public'::regnamespace and relname = any($1)`,
        [mainTables],
      );
      const reltuples = Object.fromEntries(rows.map((r) => [r.relname, r.reltuples]));
      const {
        rows: [payer],
      } = await client.query<{ id: string }>(`select id from public.payers order by name limit 1`);
      // the payer directory's SQL, as the payer API calls it (first page of 20, next 3 slots)
      const directoryCall = () =>
        client.query(
          `select * from public.referral_directory(payer => $1, clinic => null, any_specialties => array['anxiety', 'adhd'], page_size => 21, slot_count => 3)`,
          [payer!.id],
        );
      const directory = await timeCalls(100, directoryCall);
      await client.query('analyze');
      const analyzed = await timeCalls(100, directoryCall);
      const ratio = round(directory.p50 / analyzed.p50, 2);
      const met = Object.values(reltuples).every((n) => n >= 0) && ratio <= directoryRatioBudget;
      return { reltuples, directory, analyzed, ratio, met };
    } finally {
      await client.end();
      await after.stop();
    }
  } finally {
    lock.release();
  }
}

export const describeStatsAfterCrash = (r: StatsAfterCrash) =>
  `reltuples ${mainTables.map((t) => `${t} ${r.reltuples[t]}`).join(', ')}; directory SQL p50 ${r.directory.p50} ms ` +
  `(p95 ${r.directory.p95}, n=${r.directory.n}), after an explicit ANALYZE p50 ${r.analyzed.p50} ms: ratio ${r.ratio}×`;

export const statsAfterCrashBudget = `reltuples ≥ 0; ratio ≤ ${directoryRatioBudget}×`;

const seededMarker = (settings: StackSettings) => path.join(settings.stackDir, 'seeded');

/** `npm run bench:crash-stats`: the step alone, on a database of its own. */
async function main() {
  const offset = process.env.CRP_BENCH_PORT_OFFSET ?? '2000';
  const base = stackSettings('test', { ...process.env, CRP_TEST_PORT_OFFSET: offset });
  const stackDir = path.join(projectRoot, '.local', 'bench-crash');
  const settings = {
    ...base,
    stackDir,
    dataDir: path.join(stackDir, 'db'),
    inboxFile: path.join(stackDir, 'inbox.jsonl'),
  };
  const lock = acquireDataLock(settings, 'bench: statistics after a crash');
  // seeding takes minutes: a database this script seeded before is used again (CRP_BENCH_RESEED=1 starts over)
  const reseed = process.env.CRP_BENCH_RESEED === '1' || !existsSync(seededMarker(settings));
  const seeded = await startDatabase(settings, quiet, { fresh: reseed });
  const pool = new pg.Pool({ connectionString: seeded.url, max: 2 });
  try {
    if (reseed) {
      console.log(`Seeding a database of its own (.local/bench-crash, port ${settings.ports.db})…`);
      await seedLargeDataset(pool);
      writeFileSync(seededMarker(settings), '');
    }
  } finally {
    await pool.end();
    await seeded.stop();
    lock.release();
  }
  const result = await measureStatsAfterCrash(settings);
  console.log(
    `  ${result.met ? '✓' : '✗'} statistics after kill -9 of Postgres and a restart: ${describeStatsAfterCrash(result)} (budget ${statsAfterCrashBudget})`,
  );
  process.exit(result.met ? 0 : 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(projectRoot, 'bench', 'crash-stats.ts'))
  await main();
