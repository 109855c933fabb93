/**
 * `npm run bench:week`: the week-view figure alone (ours against react-big-calendar's week view),
 * on a stack of its own (`.local/bench-week`, or `.local/bench-week-<offset>`; ports `CRP_BENCH_PORT_OFFSET` above the defaults),
 * for profiling a change to the calendar without the whole browser group. `--reuse` keeps the
 * stack's data from the last run (seeded once); `--runs N` sets the timed runs (default 24, as in the browser group, so p95 is not simply the slowest run);
 * `--hold` keeps the stack up afterwards (until interrupted), e.g. to look at query plans.
 */
import { startBenchStack } from './bench-stack.ts';
import { buildAnchors, buildApp } from './build.ts';
import { measureWeekView } from './browser.ts';
import { ratioMet } from './browser-group.ts';
import { seedUnlessSeeded } from './seed.ts';
import { speedup } from './stats.ts';

const reuse = process.argv.includes('--reuse');
const hold = process.argv.includes('--hold');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 24;

const b = await startBenchStack('bench-week', 0, { fresh: !reuse, poolSize: 4 });
const { db, stack } = b;
try {
  await seedUnlessSeeded(db);
  await db.query(`delete from public.notification_outbox where status in ('pending', 'sending')`);
  await db.query('analyze');
  const dist = await buildApp({ url: stack.urls.api, anonKey: stack.keys.anonKey });
  const anchors = await buildAnchors();
  const f = await measureWeekView({
    distDir: dist,
    anchorsDir: anchors,
    apiUrl: stack.urls.api,
    db,
    runs,
  });
  const s = speedup(f.weekRender.anchor, f.weekRender.ours);
  console.log(
    `week view, 500 events: ${s.p50}× at p50, ${s.p95}× at p95 (${ratioMet(f.weekRender, 4) ? 'met' : 'missed'})`,
  );
  console.log('  ours', f.weekRender.ours, '\n  anchor', f.weekRender.anchor);
  console.log('  reopened from home in the app (code loaded, week cached), ours', f.weekReopen);
  console.log('  opened from home (code, fetch, render), ours', f.weekOpen);
  console.log('  next week, ours', f.weekNavigate);
  if (hold) {
    console.log(`Holding the stack (database ${stack.urls.db}, API ${stack.urls.api}); interrupt to stop.`);
    await new Promise((resolve) => process.once('SIGINT', resolve));
  }
} finally {
  await b.stop();
}
