/**
 * The alert figures of `npm run bench`: what a burst of 1,000 arriving requests costs the
 * database in alert fan-out, and the navigation badge's count query.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { percentiles, round, timeCalls, type Timing } from './stats.ts';

export const fanOutBudgetSeconds = 2;
export const badgeBudgetMs = 5;

export interface FanOutResult {
  /** the alert triggers' own time (pg_stat_user_functions), seconds */
  fanOutSeconds: number;
  /** the whole burst, inserts and fan-out, as the client saw it, seconds */
  burstSeconds: number;
  emails: number;
}

/**
 * 1,000 payer requests arrive one by one (one statement and transaction each, as 1,000 API calls
 * would) at the clinic `orgId`; the alert triggers' time is read from the function statistics of
 * the session that made them, so it is the database time of the fan-out alone.
 */
export async function measureAlertFanOut(dbUrl: string, orgId: string): Promise<FanOutResult> {
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    await db.query(`set track_functions = 'pl'`);
    const { rows: therapists } = await db.query<{ id: string; location: string }>(
      `select id, default_location_id as location from public.staff_members
       where org_id = $1 and 'therapist' = any (roles) and is_active order by id limit 200`,
      [orgId],
    );
    const { rows: payers } = await db.query<{ id: string }>(
      `select id from public.payers order by name limit 1`,
    );
    const functionTime = async () => {
      await db.query('select pg_stat_force_next_flush()');
      const { rows } = await db.query<{ ms: number | null }>(
        `select sum(total_time) as ms from pg_stat_user_functions
         where schemaname = 'private' and funcname in ('alert_inserted_requests')`,
      );
      return Number(rows[0]?.ms ?? 0);
    };
    const before = await functionTime();
    const start = performance.now();
    for (let i = 0; i < 1000; i++) {
      const therapist = therapists[i % therapists.length]!;
      await db.query(
        `insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name,
           last_name, email, phone, date_of_birth, expires_at, idempotency_key)
         select $1, $2, $3, tstzrange(ts, ts + interval '1 hour'), 'payer', $4, 'Burst', 'Client', 'burst' || $5 || '@bench.example.org',
           '617-555-0100', '1985-01-01', now() + interval '48 hours', 'bench-burst-' || $5
         from (select date_trunc('hour', now()) + interval '120 days' + $5::int * interval '2 hours' as ts) t`,
        [orgId, therapist.id, therapist.location, payers[0]!.id, i],
      );
    }
    const burstSeconds = round((performance.now() - start) / 1000, 2);
    const fanOutSeconds = round(((await functionTime()) - before) / 1000, 2);
    const { rows } = await db.query<{ emails: number }>(
      `select count(*)::int as emails from public.notification_outbox o
       where o.template = 'request_arrived' and split_part(o.idempotency_key, ':', 2)::uuid in
         (select r.id from public.referral_requests r where r.idempotency_key like 'bench-burst-%')`,
    );
    // the burst's requests leave the queue, so the figures after this one see the seed's
    await db.query(
      `update public.referral_requests set status = 'expired' where idempotency_key like 'bench-burst-%'`,
    );
    return { fanOutSeconds, burstSeconds, emails: rows[0]!.emails };
  } finally {
    await db.end();
  }
}

/**
 * The badge's call as the app makes it, through the gateway and PostgREST: the count of the
 * viewer's pending requests, no rows. Informational: most of it is the API path, not the query.
 */
export async function measureBadgeCount(viewer: SupabaseClient, orgId: string): Promise<Timing> {
  return timeCalls(300, async () => {
    const { error, data } = await viewer.rpc('pending_request_count', { org: orgId }, { get: true });
    if (error || typeof data !== 'number') throw new Error(`badge count failed: ${error?.message}`);
  });
}

/**
 * The badge's query, the budgeted figure: the function the app calls,
 * `public.pending_request_count`, in SQL as the scheduler (their token's claims, role
 * `authenticated`: every row-level policy and its session check apply), as the other database
 * budgets of this issue are measured.
 */
export async function measureBadgeCountInSql(
  db: pg.Pool,
  orgId: string,
  schedulerAccessToken: string,
  calls = 300,
): Promise<{ timing: Timing; count: number }> {
  const claims = JSON.stringify(
    JSON.parse(Buffer.from(schedulerAccessToken.split('.')[1]!, 'base64url').toString()),
  );
  const asScheduler = await db.connect();
  try {
    await asScheduler.query(`select set_config('request.jwt.claims', $1, false)`, [claims]);
    await asScheduler.query('set role authenticated');
    let count = 0;
    const once = async () => {
      const start = performance.now();
      const { rows } = await asScheduler.query<{ n: number }>(
        'select public.pending_request_count($1) as n',
        [orgId],
      );
      const ms = performance.now() - start;
      count = rows[0]!.n;
      return ms;
    };
    for (let i = 0; i < 20; i++) await once();
    const samples: number[] = [];
    for (let i = 0; i < calls; i++) samples.push(await once());
    if (count === 0)
      throw new Error('the scheduler’s badge counted no pending request: is the session live?');
    return { timing: percentiles(samples), count };
  } finally {
    await asScheduler.query('reset role').catch(() => {});
    asScheduler.release();
  }
}
