/**
 * `npm run bench:insights [-- --browser] [-- --writes]`: the program insights figures alone, on the benchmark
 * stack's data as an earlier `npm run bench` left it (`.local/bench`, or the folder of
 * `CRP_BENCH_PORT_OFFSET`; migrations it lacks are applied, so a new rollup migration backfills
 * there). With `--browser`, also the Insights tab in Chromium (a fresh production build, 4× CPU). With `--writes`, also what keeping the rollups costs the writes: the alert fan-out burst
 * (1,000 requests arriving one by one) and the confirm throughput (8 concurrent staff), each with
 * the rollup triggers on and off, interleaved, on the same data; the clinic's rollups are rebuilt
 * afterwards.
 */
import type { BenchStack } from './bench-stack.ts';
import { startBenchStack } from './bench-stack.ts';
import { recordInsightsTab } from './browser-group.ts';
import { measureInsightsTabOnly } from './browser.ts';
import { buildApp } from './build.ts';
import { ms, record } from './figures.ts';
import { insightsBudgetMs, insightsFigureName, measureInsights } from './insights.ts';
import { measureAlertFanOut } from './request-alerts.ts';
import { confirmThroughput } from './confirm-throughput.ts';
import { round } from './stats.ts';

const rollupTriggers = [
  'referral_requests_insights_rollup_on_insert_or_delete',
  'referral_requests_insights_rollup_on_update',
  'referral_requests_insights_clinic_rollup_on_insert_or_delete',
  'referral_requests_insights_clinic_rollup_on_update',
];

async function setRollupTriggers(b: BenchStack, on: boolean): Promise<void> {
  for (const trigger of rollupTriggers)
    await b.db.query(`alter table public.referral_requests ${on ? 'enable' : 'disable'} trigger ${trigger}`);
}

/** 1,000 pending requests in bench-200, five per therapist half an hour apart (overlapping slots). */
async function pendingRequests(b: BenchStack, orgId: string, run: number): Promise<string[]> {
  const { rows } = await b.db.query<{ id: string }>(
    `insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name, last_name,
       email, phone, date_of_birth, expires_at, idempotency_key)
     select t.org_id, t.id, t.default_location_id, tstzrange(ts, ts + interval '1 hour'), 'payer', p.id, 'Confirm', 'Client',
            'confirm' || $2 || '-' || g || '@bench.example.org', '617-555-0100', '1985-01-01', now() + interval '47 hours',
            'bench-rollup-confirm-' || $2 || '-' || g
     from generate_series(0, 999) g
     cross join lateral (select date_trunc('day', now()) + interval '200 days' + $2::int * interval '3 days'
                                + interval '9 hours' + (g / 200) * interval '30 minutes' as ts) x
     join (select s.id, s.org_id, s.default_location_id, row_number() over (order by s.id) - 1 as n
           from public.staff_members s where s.org_id = $1 and 'therapist' = any (s.roles) and s.is_active) t on t.n = g % 200
     cross join (select id from public.payers order by name limit 1) p
     returning id`,
    [orgId, run],
  );
  return rows.map((r) => r.id);
}

async function measureWriteCost(b: BenchStack, orgId: string): Promise<void> {
  const results: Record<'on' | 'off', { burst: number[]; confirms: number[] }> = {
    on: { burst: [], confirms: [] },
    off: { burst: [], confirms: [] },
  };
  const { rows: runs } = await b.db.query<{ n: number }>(
    `select count(*)::int as n from public.referral_requests where idempotency_key like 'bench-rollup-confirm-%-0'`,
  );
  let run = runs[0]!.n;
  try {
    for (const mode of ['off', 'on', 'on', 'off'] as const) {
      await setRollupTriggers(b, mode === 'on');
      // the fan-out's requests are named by their number: the last burst's go first
      await b.db.query(`delete from public.referral_requests where idempotency_key like 'bench-burst-%'`);
      const fanOut = await measureAlertFanOut(b.stack.urls.db, orgId);
      results[mode].burst.push(fanOut.burstSeconds);
      const ids = await pendingRequests(b, orgId, run++);
      const confirm = await confirmThroughput(b, ids);
      results[mode].confirms.push(confirm.perSecond);
      await b.db.query(`delete from public.notification_outbox where status in ('pending', 'sending')`);
      console.log(
        `  rollup triggers ${mode}: burst of 1,000 arrivals ${fanOut.burstSeconds} s; ${confirm.perSecond} confirms/s`,
      );
    }
  } finally {
    await setRollupTriggers(b, true);
    await b.db.query(`select private.rebuild_insights_rollups($1)`, [orgId]);
    await b.db.query(`select private.rebuild_insights_clinic_rollups($1)`, [orgId]);
  }
  const mean = (xs: number[]) => round(xs.reduce((a, x) => a + x, 0) / xs.length, 2);
  for (const mode of ['off', 'on'] as const)
    record({
      group: 'db',
      figure: `writes with the rollup triggers ${mode}`,
      value: `burst of 1,000 arrivals ${mean(results[mode].burst)} s; confirm ${mean(results[mode].confirms)} decisions/s`,
      budget: 'on within a little of off',
      met: null,
    });
}

async function main() {
  const b = await startBenchStack('bench', 0, { fresh: false });
  try {
    const { rows } = await b.db.query(
      `select (select id from public.organizations where slug = 'bench-200') as org200,
              (select id from public.organizations where slug = 'bench-large') as large`,
    );
    if (!rows[0].org200) throw new Error('No benchmark data here: run `npm run bench -- --only db` first.');
    const scheduler = await b.signIn('scheduler@bench-200.example.org');
    const admin = await b.signIn('admin@bench-large.example.org');
    const token = async (c: typeof scheduler) => (await c.auth.getSession()).data.session!.access_token;
    const figures = await measureInsights(b.db, {
      org200: rows[0].org200,
      schedulerToken: await token(scheduler),
      largeOrg: rows[0].large,
      adminToken: await token(admin),
    });
    for (const figure of figures)
      record({
        group: 'db',
        figure: insightsFigureName(figure),
        value: ms(figure.timing),
        budget: `p95 ≤ ${insightsBudgetMs} ms`,
        met: figure.timing.p95 <= insightsBudgetMs,
      });
    if (process.argv.includes('--browser')) {
      const dist = await buildApp({ url: b.stack.urls.api, anonKey: b.stack.keys.anonKey });
      recordInsightsTab(await measureInsightsTabOnly({ distDir: dist, apiUrl: b.stack.urls.api, db: b.db }));
    }
    if (process.argv.includes('--writes')) await measureWriteCost(b, rows[0].org200);
  } finally {
    await b.stop();
  }
}

await main();
process.exit(0);
