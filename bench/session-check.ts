/**
 * `npm run bench:session-check`: what checking the token's session in every policy helper costs.
 * Starts its own stack (`.local/bench-session`, or `.local/bench-session-<offset>`), seeds the
 * benchmark dataset and times the scheduler's Unconfirmed queue (the bench's RLS figure) three
 * ways in one run: with the session check, without it (`private.live_user_id()` swapped for the
 * token's user, as the helpers read it before), and as the service role. The two modes alternate
 * in blocks (a function swap between blocks, untimed, with a warm-up after each), and within a
 * block RLS and service-role calls take turns, so a noisy stretch of the machine weighs on every
 * side.
 */
import { startBenchStack } from './bench-stack.ts';
import { seedLargeDataset } from './seed.ts';
import { percentiles, round } from './stats.ts';

const blocks = 20;
const callsPerBlock = 50;

const withoutCheck = `create or replace function private.live_user_id() returns uuid language plpgsql stable security definer
  set search_path = '' as $$ begin return (select auth.uid()); end; $$`;

async function main() {
  const b = await startBenchStack('bench-session', 0, { poolSize: 4 });
  const { db, stack, client } = b;
  try {
    await seedLargeDataset(db);
    const {
      rows: [{ def: withCheck }],
    } = await db.query(`select pg_get_functiondef('private.live_user_id()'::regprocedure) as def`);
    const scheduler = await b.signIn('scheduler@bench-200.example.org');
    const service = client(stack.keys.serviceRoleKey);
    const {
      rows: [org200],
    } = await db.query(`select id from public.organizations where slug = 'bench-200'`);
    const queue = async (c: typeof service) => {
      const start = performance.now();
      const { data, error } = await c
        .from('unconfirmed_requests')
        .select('*')
        .eq('org_id', org200.id)
        .order('expires_at')
        .limit(50);
      if (error) throw error;
      if (data.length !== 50) throw new Error(`the queue read ${data.length} rows, not 50`);
      return performance.now() - start;
    };

    const samples = { with: [] as number[], without: [] as number[], service: [] as number[] };
    for (let block = 0; block < blocks; block++) {
      for (const mode of block % 2 ? (['without', 'with'] as const) : (['with', 'without'] as const)) {
        await db.query(mode === 'with' ? withCheck : withoutCheck);
        for (let i = 0; i < 10; i++) await queue(scheduler);
        for (let i = 0; i < callsPerBlock; i++) {
          samples[mode].push(await queue(scheduler));
          samples.service.push(await queue(service));
        }
      }
    }
    await db.query(withCheck);

    // the same query in SQL, as PostgREST runs it for the scheduler, without the HTTP hops
    const {
      data: { session },
    } = await scheduler.auth.getSession();
    const claims = JSON.stringify(
      JSON.parse(Buffer.from(session!.access_token.split('.')[1]!, 'base64url').toString()),
    );
    const asScheduler = await db.connect();
    const sqlSamples = { with: [] as number[], without: [] as number[] };
    try {
      await asScheduler.query(`select set_config('request.jwt.claims', $1, false)`, [claims]);
      await asScheduler.query('set role authenticated');
      const sqlQueue = async () => {
        const start = performance.now();
        const { rowCount } = await asScheduler.query(
          `select * from public.unconfirmed_requests where org_id = $1 order by expires_at limit 50`,
          [org200.id],
        );
        if (rowCount !== 50) throw new Error(`the queue read ${rowCount} rows in SQL, not 50`);
        return performance.now() - start;
      };
      for (let block = 0; block < blocks; block++) {
        for (const mode of block % 2 ? (['without', 'with'] as const) : (['with', 'without'] as const)) {
          await db.query(mode === 'with' ? withCheck : withoutCheck);
          for (let i = 0; i < 10; i++) await sqlQueue();
          for (let i = 0; i < callsPerBlock; i++) sqlSamples[mode].push(await sqlQueue());
        }
      }
    } finally {
      await asScheduler.query('reset role').catch(() => {});
      asScheduler.release();
      await db.query(withCheck);
    }

    const [checked, unchecked, platform] = [
      percentiles(samples.with),
      percentiles(samples.without),
      percentiles(samples.service),
    ];
    const line = (label: string, t: typeof checked) =>
      `  ${label}: p50 ${t.p50} ms, p95 ${t.p95} ms (n=${t.n})`;
    console.log(line('RLS with the session check   ', checked));
    console.log(line('RLS without the session check', unchecked));
    console.log(line('service role                 ', platform));
    console.log(`  p95 with / without the check: ${round(checked.p95 / unchecked.p95, 2)}×`);
    console.log(
      `  p95 RLS / service role: ${round(checked.p95 / platform.p95, 2)}× with the check (budget ≤ 1.5×), ${round(unchecked.p95 / platform.p95, 2)}× without`,
    );
    const [sqlChecked, sqlUnchecked] = [percentiles(sqlSamples.with), percentiles(sqlSamples.without)];
    console.log(line('SQL only, with the check     ', sqlChecked));
    console.log(line('SQL only, without the check  ', sqlUnchecked));
    console.log(
      `  SQL p50 with / without the check: ${round(sqlChecked.p50 / sqlUnchecked.p50, 2)}×, p95 ${round(sqlChecked.p95 / sqlUnchecked.p95, 2)}×`,
    );
  } finally {
    await b.stop();
  }
}

await main();
