/**
 * `npm run bench:status-and-offers`: the two figures of the client's booking journey alone (the
 * status page's data and offering two times with their holds, as `npm run bench` times them), on
 * a stack of its own (`.local/bench-status`, or `.local/bench-status-<offset>` for another
 * `CRP_BENCH_PORT_OFFSET`). `--reuse` keeps the stack's data from the last run (seeded once, 10+
 * minutes), for profiling a change: a new migration is applied when the stack starts, and a run
 * changes little (the offers are rolled back; each run adds the 200 status links it reads).
 */
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import { startStack } from '../supabase/local/stack.ts';
import { benchPassword, benchSettings } from './bench-stack.ts';
import { seedLargeDataset } from './seed.ts';
import { measureStatusAndOffers, offerBudgetMs, statusPageBudgetMs } from './status-and-offers.ts';
import type { Timing } from './stats.ts';

const reuse = process.argv.includes('--reuse');
const settings = benchSettings('bench-status');

const line = (met: boolean, figure: string, t: Timing, budget: number) =>
  console.log(
    `  ${met ? '✓' : '✗'} ${figure}: p50 ${t.p50} ms, p95 ${t.p95} ms (n ${t.n}; budget p95 ≤ ${budget} ms)`,
  );

async function main() {
  console.log(`Starting the status stack (database port ${settings.ports.db}${reuse ? ', reused' : ''})…`);
  const stack = await startStack(settings, { fresh: !reuse });
  const db = new pg.Pool({ connectionString: stack.urls.db, max: 4 });
  try {
    const {
      rows: [{ seeded }],
    } = await db.query(`select exists (select from public.organizations where slug = 'bench-200') as seeded`);
    if (!seeded) await seedLargeDataset(db);
    // quiet, as `npm run bench` is before its database figures: no queued email (the seed's
    // invitations) is sent by the stack during the figures, and the busy tables are vacuumed
    await db.query(`delete from public.notification_outbox where status in ('pending', 'sending')`);
    await db.query(
      'vacuum (analyze) public.referral_requests, public.appointments, public.notification_outbox, public.request_status_links',
    );
    const scheduler = createClient(stack.urls.api, stack.keys.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: WebSocket as never },
    });
    const { data, error } = await scheduler.auth.signInWithPassword({
      email: 'scheduler@bench-200.example.org',
      password: benchPassword,
    });
    if (error || !data.session) throw new Error(`bench sign-in failed: ${error?.message}`);
    const {
      rows: [org200],
    } = await db.query<{ id: string }>(`select id from public.organizations where slug = 'bench-200'`);
    const { statusPage, offer } = await measureStatusAndOffers(db, org200!.id, data.session.access_token);
    line(statusPage.p95 <= statusPageBudgetMs, 'status page data, in SQL', statusPage, statusPageBudgetMs);
    line(offer.p95 <= offerBudgetMs, 'offering two times with holds, in SQL', offer, offerBudgetMs);
  } finally {
    await db.end();
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
