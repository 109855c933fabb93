/**
 * `npm run bench:status-and-offers`: the two figures of the client's booking journey alone (the
 * status page's data and offering two times with their holds, as `npm run bench` times them), on
 * a stack of its own (`.local/bench-status`, or `.local/bench-status-<offset>` for another
 * `CRP_BENCH_PORT_OFFSET`). `--reuse` keeps the stack's data from the last run (seeded once, 10+
 * minutes), for profiling a change: a new migration is applied when the stack starts, and a run
 * changes little (the offers are rolled back; each run adds the 200 status links it reads).
 */
import { startBenchStack } from './bench-stack.ts';
import { seedUnlessSeeded } from './seed.ts';
import { measureStatusAndOffers, offerBudgetMs, statusPageBudgetMs } from './status-and-offers.ts';
import type { Timing } from './stats.ts';

const reuse = process.argv.includes('--reuse');

const line = (met: boolean, figure: string, t: Timing, budget: number) =>
  console.log(
    `  ${met ? '✓' : '✗'} ${figure}: p50 ${t.p50} ms, p95 ${t.p95} ms (n ${t.n}; budget p95 ≤ ${budget} ms)`,
  );

async function main() {
  const b = await startBenchStack('bench-status', 0, { fresh: !reuse, poolSize: 4 });
  const { db } = b;
  try {
    await seedUnlessSeeded(db);
    // quiet, as `npm run bench` is before its database figures: no queued email (the seed's
    // invitations) is sent by the stack during the figures, and the busy tables are vacuumed
    await db.query(`delete from public.notification_outbox where status in ('pending', 'sending')`);
    await db.query(
      'vacuum (analyze) public.referral_requests, public.appointments, public.notification_outbox, public.request_status_links',
    );
    const scheduler = await b.signIn('scheduler@bench-200.example.org');
    const { session } = (await scheduler.auth.getSession()).data;
    const {
      rows: [org200],
    } = await db.query<{ id: string }>(`select id from public.organizations where slug = 'bench-200'`);
    const { statusPage, offer } = await measureStatusAndOffers(db, org200!.id, session!.access_token);
    line(statusPage.p95 <= statusPageBudgetMs, 'status page data, in SQL', statusPage, statusPageBudgetMs);
    line(offer.p95 <= offerBudgetMs, 'offering two times with holds, in SQL', offer, offerBudgetMs);
  } finally {
    await b.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
