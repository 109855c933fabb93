/**
 * The Handled history at bench scale: the first page of `public.handled_requests` for bench-200
 * (≥ 50,000 handled requests), unfiltered and with each filter, and a page deep in the history
 * (keyset: as cheap as the first), run in SQL as the clinic's scheduler (their token's claims,
 * role `authenticated`, so every row-level policy and its session check apply).
 */
import type pg from 'pg';
import { percentiles, type Timing } from './stats.ts';

export interface HistoryFigure {
  name: string;
  timing: Timing;
}

export async function measureHistory(
  db: pg.Pool,
  orgId: string,
  schedulerAccessToken: string,
  calls = 200,
): Promise<{ handled: number; figures: HistoryFigure[] }> {
  const {
    rows: [{ handled }],
  } = await db.query(
    `select count(*)::int as handled from public.referral_requests
     where org_id = $1 and status in ('confirmed', 'declined', 'expired', 'withdrawn')`,
    [orgId],
  );
  if (handled < 50_000)
    throw new Error(`bench-200 has ${handled} handled requests; the history needs ≥ 50,000`);
  const {
    rows: [ids],
  } = await db.query(
    `select (select therapist_id from public.referral_requests where org_id = $1 and status = 'declined' limit 1) as therapist,
            (select payer_id from public.referral_requests where org_id = $1 and status = 'confirmed' and payer_id is not null limit 1) as payer,
            (select private.handled_at(decided_at, withdrawn_at, expires_at) from public.referral_requests
              where org_id = $1 and status in ('confirmed', 'declined', 'expired', 'withdrawn')
              order by private.handled_at(decided_at, withdrawn_at, expires_at) desc limit 1 offset 40000) as deep`,
    [orgId],
  );
  const claims = JSON.stringify(
    JSON.parse(Buffer.from(schedulerAccessToken.split('.')[1]!, 'base64url').toString()),
  );
  const month = new Date(Date.now() - 400 * 86_400_000);
  const cases: { name: string; args: Record<string, unknown> }[] = [
    { name: 'unfiltered', args: {} },
    { name: 'outcome = declined', args: { outcome: 'declined' } },
    { name: 'one therapist', args: { therapist: ids.therapist } },
    { name: 'one payer', args: { source_kind: 'payer', payer: ids.payer } },
    { name: 'client portal + declined', args: { source_kind: 'client_portal', outcome: 'declined' } },
    {
      name: 'a 30-day range',
      args: {
        handled_from: month.toISOString(),
        handled_before: new Date(month.getTime() + 30 * 86_400_000).toISOString(),
      },
    },
    {
      name: 'a page 40,000 rows deep',
      args: { after_handled_at: ids.deep, after_id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' },
    },
  ];
  const asScheduler = await db.connect();
  const figures: HistoryFigure[] = [];
  try {
    await asScheduler.query(`select set_config('request.jwt.claims', $1, false)`, [claims]);
    await asScheduler.query('set role authenticated');
    for (const { name, args } of cases) {
      const names = Object.keys(args);
      const sql = `select * from public.handled_requests(org_id => $1${names
        .map((n, i) => `, ${n} => $${i + 2}`)
        .join('')}, page_size => 26)`;
      const params = [orgId, ...Object.values(args)];
      const once = async () => {
        const start = performance.now();
        const { rowCount } = await asScheduler.query(sql, params);
        if (rowCount !== 26) throw new Error(`history "${name}" read ${rowCount} rows, not 26`);
        return performance.now() - start;
      };
      for (let i = 0; i < 20; i++) await once();
      const samples: number[] = [];
      for (let i = 0; i < calls; i++) samples.push(await once());
      figures.push({ name, timing: percentiles(samples) });
    }
  } finally {
    await asScheduler.query('reset role').catch(() => {});
    asScheduler.release();
  }
  return { handled, figures };
}
