/**
 * The calls the growth figures time, at 1× and at 5×: each reads one clinic (or, for the payer
 * directory, one payer), so its cost should depend on that clinic and not on the platform. A new
 * call is one more line in `growthCalls` (`sqlAs` for one in SQL as a persona).
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { gridPageSize } from '../src/features/referral-program/lib/grid-query.ts';

export interface GrowthContext {
  api: string;
  payerKey: string;
  org200: string;
  orgLarge: string;
  /** Therapists of bench-200 with a Completed profile. */
  therapists: string[];
  admin: SupabaseClient;
  scheduler: SupabaseClient;
  /** The database as its owner (what the functions' service role can call). */
  db: pg.Pool;
  /** A database session per persona with the persona's token claims and role `authenticated`. */
  sessions: Record<'admin' | 'scheduler', pg.PoolClient>;
}

export interface GrowthCall {
  name: string;
  call: (ctx: GrowthContext, i: number) => Promise<unknown>;
}

/** A SQL call run as `persona` (their claims, role authenticated: every policy applies). */
export function sqlAs(
  persona: 'admin' | 'scheduler',
  name: string,
  sql: string,
  params: (ctx: GrowthContext, i: number) => unknown[],
): GrowthCall {
  return { name, call: (ctx, i) => ctx.sessions[persona].query(sql, params(ctx, i)) };
}

export const growthCalls: GrowthCall[] = [
  {
    name: 'payer directory GET /therapists (page of 20, next 3 slots)',
    call: async (ctx) => {
      const res = await fetch(
        `${ctx.api}/functions/v1/payer-api/therapists?specialty=anxiety,adhd&limit=20`,
        {
          headers: { authorization: `Bearer ${ctx.payerKey}` },
        },
      );
      if (res.status !== 200) throw new Error(`directory answered ${res.status}`);
      await res.json();
    },
  },
  {
    name: 'one therapist’s open slots, 60 days, in SQL',
    call: (ctx, i) =>
      ctx.db.query(`select count(*) from public.open_slots($1, now(), now() + interval '60 days')`, [
        ctx.therapists[i % ctx.therapists.length],
      ]),
  },
  {
    name: 'scheduler’s Unconfirmed queue (200 therapists) with RLS',
    call: async (ctx) => {
      const { error } = await ctx.scheduler
        .from('unconfirmed_requests')
        .select('*')
        .eq('org_id', ctx.org200)
        .order('expires_at')
        .limit(50);
      if (error) throw error;
    },
  },
  {
    name: 'program grid, 5,000 enrolled, filtered and sorted',
    call: async (ctx, i) => {
      const { error } = await ctx.admin.rpc('program_grid_page', {
        org: ctx.orgLarge,
        name_words: [['osei', 'quinn', 'moreau', 'lindgren'][i % 4]!],
        only_application_status: i % 2 ? 'completed' : 'incomplete',
        sort_column: 'staff',
        descending: false,
        page_offset: 0,
        page_size: gridPageSize,
      });
      if (error) throw error;
    },
  },
  sqlAs(
    'scheduler',
    'Handled history, first page, in SQL',
    `select * from public.handled_requests(org_id => $1, page_size => 26)`,
    (ctx) => [ctx.org200],
  ),
  sqlAs(
    'scheduler',
    'Program insights, last 90 days, in SQL',
    `select public.program_insights(org_id => $1, period_from => current_date - 89, period_to => current_date)`,
    (ctx) => [ctx.org200],
  ),
];
