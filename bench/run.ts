/**
 * `npm run bench [-- --only <group>[,<group>…]]`: measures every figure of the budget table,
 * prints each with its budget, and writes `bench/results/<date>-<commit>.json` with the machine
 * it ran on, comparing it with the previous result file. A missed budget is printed as missed.
 *
 * The groups db, browser, lighthouse and load share one stack (`.local/bench`), seeded once;
 * growth seeds a stack of its own (`.local/bench-growth`) and grows it to 5×, beside one kept at
 * 1× (`.local/bench-growth-1x`) so each call is timed at both scales in turns. Order: browser
 * first (the ratios on a freshly seeded stack), then lighthouse, load, and db last (its confirm
 * and expiry figures decide or expire every pending request the others read).
 */
import { projectRoot } from '../supabase/local/config.ts';
import { startBenchStack, type BenchStack } from './bench-stack.ts';
import { measureBrowserGroup } from './browser-group.ts';
import { buildAnchors, buildApp, recordBundleSizes } from './build.ts';
import { selectedGroups, type Group } from './cli.ts';
import { describeStatsAfterCrash, measureStatsAfterCrash, statsAfterCrashBudget } from './crash-stats.ts';
import { measureDatabase } from './db-group.ts';
import { figures, record } from './figures.ts';
import { measureGrowth } from './growth.ts';
import { measureLighthouse } from './lighthouse.ts';
import { measureLoad } from './load.ts';
import { stackRssMb } from './memory.ts';
import { commitOf, describeMachine, writeResult } from './results.ts';
import { round } from './stats.ts';
import { seedLargeDataset } from './seed.ts';

/**
 * Figures are taken on a quiet stack: the emails earlier figures queued are dropped (the stack's
 * sender would deliver them, 25 a second, all through the next measurement) and the tables they
 * rewrote are vacuumed now rather than by autovacuum during it.
 */
async function quiet(b: BenchStack, before: string): Promise<void> {
  const { rowCount } = await b.db.query(
    `delete from public.notification_outbox where status in ('pending', 'sending')`,
  );
  await b.db.query(
    'vacuum (analyze) public.referral_requests, public.appointments, public.notification_outbox',
  );
  console.log(`  (${rowCount} queued emails dropped and the busy tables vacuumed before ${before})`);
}

const seconds = (since: number) => round((performance.now() - since) / 1000, 0);

async function sharedStackGroups(groups: Group[], runtime: Record<string, number>): Promise<void> {
  const b = await startBenchStack('bench');
  let stopped = false;
  try {
    if (groups.includes('db')) {
      await new Promise((r) => setTimeout(r, 5000));
      const idle = await stackRssMb();
      record({
        group: 'db',
        figure: 'memory: the whole local stack idle (RSS)',
        value: `${idle} MB`,
        budget: '≤ 600 MB',
        met: idle <= 600,
        measure: { value: idle, better: 'lower' },
      });
    }
    let since = performance.now();
    runtime.seed = await seedLargeDataset(b.db);
    // the seed's pending requests queued arrival alerts; no figure is about sending them
    await b.db.query(`delete from public.notification_outbox where template = 'request_arrived'`);

    since = performance.now();
    const dist =
      groups.includes('browser') || groups.includes('lighthouse') || groups.includes('db')
        ? await buildApp({ url: b.stack.urls.api, anonKey: b.stack.keys.anonKey })
        : null;
    runtime.build = seconds(since);
    if (groups.includes('browser')) {
      since = performance.now();
      console.log('\nbrowser: the app vs its anchors, interleaved');
      await quiet(b, 'the browser figures');
      await measureBrowserGroup(b, dist!, await buildAnchors());
      runtime.browser = seconds(since);
    }
    if (groups.includes('lighthouse')) {
      since = performance.now();
      console.log('\nlighthouse: the public request page and sign-in on a phone');
      await quiet(b, 'Lighthouse');
      await measureLighthouse(dist!, [
        { name: 'public request page', path: '/request/bench-200' },
        { name: 'sign-in page', path: '/sign-in' },
      ]);
      runtime.lighthouse = seconds(since);
    }
    if (groups.includes('load')) {
      since = performance.now();
      console.log('\nload: autocannon and the soak');
      await quiet(b, 'the load');
      await measureLoad(b);
      runtime.load = seconds(since);
    }
    if (groups.includes('db')) {
      since = performance.now();
      console.log('\ndb: round one’s figures, with round two’s budgets');
      await quiet(b, 'the database figures');
      await measureDatabase(b);
      await recordBundleSizes(dist!);
      await b.stop();
      stopped = true;
      // last, on the stopped stack's data: Postgres killed (kill -9) and restarted as the stack does
      const crash = await measureStatsAfterCrash(b.settings);
      record({
        group: 'db',
        figure: 'statistics after kill -9 of Postgres and a restart',
        value: describeStatsAfterCrash(crash),
        budget: statsAfterCrashBudget,
        met: crash.met,
      });
      runtime.db = seconds(since);
    }
  } finally {
    if (!stopped) await b.stop();
  }
}

async function main() {
  const groups = selectedGroups(process.argv.slice(2));
  const startedAt = new Date();
  const machine = describeMachine();
  const commit = await commitOf(projectRoot);
  const start = performance.now();
  console.log(
    `npm run bench: ${groups.join(', ')} on ${machine.cores} cores, load average ${machine.loadAverageAtStart.join(' ')}`,
  );
  const runtime: Record<string, number> = {};
  const shared = groups.filter((g) => g !== 'growth');
  if (shared.length) await sharedStackGroups(shared, runtime);
  if (groups.includes('growth')) {
    const since = performance.now();
    console.log('\ngrowth: 1× beside 5×, in turns');
    await measureGrowth();
    runtime.growth = seconds(since);
  }
  runtime.total = seconds(start);
  await writeResult(projectRoot, { groups, machine, runtimeSeconds: runtime, figures }, startedAt, commit);
  console.log(
    `Runtime: ${Object.entries(runtime)
      .map(([k, v]) => `${k} ${v} s`)
      .join(', ')}`,
  );
  console.table(
    figures.map((f) => ({
      figure: f.figure,
      value: f.value,
      budget: f.budget,
      result: f.met === null ? '—' : f.met ? 'met' : 'MISSED',
    })),
  );
}

await main();
process.exit(0);
