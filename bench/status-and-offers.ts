/**
 * The client's status page and staff offering other times, at bench scale (bench-200: 200
 * therapists, ≥ 50,000 handled and thousands of pending requests), in SQL:
 *   - the status page's data (public.request_status_by_token) for links of requests in every
 *     state, as the client-portal function calls it (role service_role);
 *   - offering two open times with their holds (public.offer_alternative_times) as the clinic's
 *     scheduler (their token's claims, role authenticated: every policy and session check
 *     applies), each call in a transaction rolled back afterwards, so every call offers the same
 *     two open times to the same pending request (only the call is timed).
 */
import type pg from 'pg';
import { percentiles, type Timing } from './stats.ts';

export const statusPageBudgetMs = 10;
export const offerBudgetMs = 15;

export async function measureStatusAndOffers(
  db: pg.Pool,
  orgId: string,
  schedulerAccessToken: string,
  calls = 300,
): Promise<{ statusPage: Timing; offer: Timing }> {
  // status links for 200 requests of the clinic, in every state
  const { rows: links } = await db.query<{ path: string }>(
    `select private.mint_status_link(r.id) as path
     from (select id from public.referral_requests where org_id = $1 order by id limit 200) r`,
    [orgId],
  );
  const tokens = links.map((l) => l.path.replace('/request/status/', ''));
  const asService = await db.connect();
  let statusPage: Timing;
  try {
    await asService.query('set role service_role');
    const once = async (i: number) => {
      const start = performance.now();
      const { rows } = await asService.query('select public.request_status_by_token($1) as answer', [
        tokens[i % tokens.length],
      ]);
      if (rows[0].answer.outcome !== 'ok') throw new Error('a bench status link did not resolve');
      return performance.now() - start;
    };
    for (let i = 0; i < 30; i++) await once(i);
    const samples: number[] = [];
    for (let i = 0; i < calls; i++) samples.push(await once(i));
    statusPage = percentiles(samples);
  } finally {
    await asService.query('reset role').catch(() => {});
    asService.release();
  }

  // a pending request whose therapist has two open times in the next two weeks
  const { rows: candidates } = await db.query<{ id: string; therapist_id: string; starts: string[] }>(
    `select r.id, r.therapist_id,
            array(select os.slot_start::text from private.open_slots(r.therapist_id, now() + interval '2 days',
                  now() + interval '16 days', now(), 2) os) as starts
     from public.referral_requests r
     where r.org_id = $1 and r.status = 'pending' and r.expires_at > now() + interval '1 hour'
     order by r.id limit 50`,
    [orgId],
  );
  const target = candidates.find((c) => c.starts.length === 2);
  if (!target) throw new Error('bench-200 has no pending request whose therapist has two open times');
  const times = JSON.stringify(
    target.starts.map((s) => ({ therapist_id: target.therapist_id, starts_at: s })),
  );
  const claims = JSON.stringify(
    JSON.parse(Buffer.from(schedulerAccessToken.split('.')[1]!, 'base64url').toString()),
  );
  const asScheduler = await db.connect();
  let offer: Timing;
  try {
    const once = async () => {
      await asScheduler.query('begin');
      try {
        await asScheduler.query(`select set_config('request.jwt.claims', $1, true)`, [claims]);
        await asScheduler.query('set local role authenticated');
        const start = performance.now();
        await asScheduler.query('select public.offer_alternative_times($1, $2::jsonb, $3)', [
          target.id,
          times,
          'Two other times this week.',
        ]);
        return performance.now() - start;
      } finally {
        await asScheduler.query('rollback');
      }
    };
    for (let i = 0; i < 20; i++) await once();
    const samples: number[] = [];
    for (let i = 0; i < calls; i++) samples.push(await once());
    offer = percentiles(samples);
  } finally {
    asScheduler.release();
  }
  return { statusPage, offer };
}
