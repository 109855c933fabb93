/**
 * Program insights are read from daily rollups that triggers keep: these tests change requests the
 * ways the app and the clock do (a decline, an expiry, a removal, a clinic moving to another zone)
 * and check the figures follow; that the rollups rebuilt from the requests give the same document;
 * that the median and 90th percentile of time to decision are exact to the quarter hour; that a
 * zone change racing a request write (two connections) leaves the figures a full rebuild gives; and that
 * no API role reads the rollup tables themselves.
 *
 * The clinic is in America/New_York; the period is the week of Monday 2026-09-07.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { personasForThisFile, withDb, type Client } from './personas.ts';
import { insertInsightsRequest, programInsights } from './support/insights-requests.ts';

const personas = personasForThisFile();
let admin: Client;

const period = { period_from: '2026-09-07', period_to: '2026-09-13' };
const hour = 3_600_000;

interface Figures {
  total: number;
  weeks: { week: string; total: number }[];
  outcomes: { outcome: string; reason: string | null; count: number }[];
  decision: {
    decided: number;
    median_hours: number | null;
    p90_hours: number | null;
    within_12h_share: number | null;
  };
}

const insights = (args: Record<string, unknown> = {}) =>
  programInsights<Figures>(admin, { org_id: personas.clinic.id, ...period, ...args });

/** A payer request that arrived at `arrived`, pending, or declined `decidedAfterMinutes` later. */
const insertRequest = (arrived: string, decidedAfterMinutes?: number) =>
  insertInsightsRequest(personas, {
    arrived,
    therapist: personas.staff.therapist.id,
    decidedAfterMinutes,
    tag: 'Rollup',
  });

beforeAll(async () => {
  admin = await personas.signedInAs('orgAdmin');
});

describe('time to decision from quarter-hour bins', () => {
  it('is exact to the quarter hour, never above the exact figure', async () => {
    // 70, 140 and 230 minutes: exact median 2.333 h, p90 2.333 + 0.8 × (3.833 − 2.333) = 3.533 h;
    // binned (each at its quarter hour's start: 1, 2.25, 3.75) median 2.25, p90 3.45
    for (const [day, minutes] of [
      ['2026-09-08T14:00:00Z', 70],
      ['2026-09-09T14:00:00Z', 140],
      ['2026-09-10T14:00:00Z', 230],
    ] as const)
      await insertRequest(day, minutes);
    const { decision } = await insights();
    expect(decision.decided).toBe(3);
    expect(decision.median_hours).toBe(2.25);
    expect(decision.p90_hours).toBe(3.45);
    const pairs: [number, number][] = [
      [decision.median_hours!, 140 / 60],
      [decision.p90_hours!, 140 / 60 + 0.8 * (230 / 60 - 140 / 60)],
    ];
    for (const [binned, exact] of pairs) {
      expect(binned).toBeLessThanOrEqual(exact);
      expect(exact - binned).toBeLessThan(0.25);
    }
    // the per-therapist table's median, from the same bins
    const { data, error } = await admin.rpc('program_insights_therapists', {
      org_id: personas.clinic.id,
      ...period,
    } as never);
    expect(error).toBeNull();
    const page = data as unknown as { rows: { median_hours: number | null }[] };
    expect(page.rows[0]!.median_hours).toBe(2.25);
  });
});

describe('the rollups follow the requests', () => {
  it('a pending request declined, then one removed, change the figures at once', async () => {
    const before = await insights();
    const id = await insertRequest('2026-09-11T14:00:00Z');
    const pending = await insights();
    expect(pending.total).toBe(before.total + 1);
    expect(pending.outcomes.find((o) => o.outcome === 'pending')?.count).toBe(1);
    expect(pending.decision.decided).toBe(before.decision.decided);

    await withDb((db) =>
      db.query(
        `update public.referral_requests
         set status = 'declined', decline_reason = 'no_availability', decided_by = $2,
             decided_at = '2026-09-11T14:00:00Z'::timestamptz + interval '5 hours'
         where id = $1`,
        [id, personas.staff.scheduler.userId],
      ),
    );
    const declined = await insights();
    expect(declined.total).toBe(before.total + 1);
    expect(declined.outcomes.find((o) => o.outcome === 'pending')).toBeUndefined();
    expect(declined.outcomes.find((o) => o.reason === 'no_availability')?.count).toBe(1);
    expect(declined.decision.decided).toBe(before.decision.decided + 1);
    expect(declined.decision.within_12h_share).toBe(1);

    await withDb((db) => db.query(`delete from public.referral_requests where id = $1`, [id]));
    expect(await insights()).toEqual(before);
  });

  it('the rollups rebuilt from the requests give the same figures as the triggers kept', async () => {
    await insertRequest('2026-09-12T03:30:00Z', 15 * 60);
    const kept = await insights();
    await withDb((db) => db.query(`select private.rebuild_insights_rollups($1)`, [personas.clinic.id]));
    expect(await insights()).toEqual(kept);
  });

  it('a clinic that moves to another zone has its days counted in the new zone', async () => {
    // Saturday Sep 12, 03:30 UTC is Friday 23:30 in New York and Saturday 04:30 in London: the
    // same week either way; Sunday Sep 13, 23:30 New York time is Monday 04:30 in London
    await insertRequest('2026-09-14T03:30:00Z', 60);
    const newYork = await insights();
    try {
      await withDb((db) =>
        db.query(`update public.organizations set time_zone = 'Europe/London' where id = $1`, [
          personas.clinic.id,
        ]),
      );
      const london = await insights();
      expect(london.total).toBe(newYork.total - 1);
    } finally {
      await withDb((db) =>
        db.query(`update public.organizations set time_zone = 'America/New_York' where id = $1`, [
          personas.clinic.id,
        ]),
      );
    }
    expect(await insights()).toEqual(newYork);
  });
});

describe('a zone change racing request writes', () => {
  // Monday 2026-10-05 03:30 UTC is Sunday Oct 4 in New York and Monday Oct 5 in London: counted in
  // the wrong zone, the request falls outside the London week of Monday Oct 5
  const londonWeek = { period_from: '2026-10-05', period_to: '2026-10-11' };
  const insertOnOct5 = (db: pg.Client) =>
    db.query(
      `insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name, last_name,
         email, phone, date_of_birth, status, created_at, expires_at, idempotency_key)
       values ($1, $2, $3, tstzrange($8::timestamptz, $8::timestamptz + interval '1 hour'), 'payer', $4, 'Client', 'Race',
         $5, '617-555-0188', '1990-01-01', 'pending', '2026-10-05T03:30:00Z', $6, $7)`,
      [
        personas.clinic.id,
        personas.staff.therapist.id,
        personas.clinic.locationId,
        personas.payers.aetna,
        `race.${randomUUID().slice(0, 8)}@example.org`,
        new Date(Date.now() + 24 * hour),
        randomUUID(),
        // a pending request's slot is after its time to answer
        new Date(Date.now() + 30 * 24 * hour),
      ],
    );
  const moveTo = (db: pg.Client, zone: string) =>
    db.query(`update public.organizations set time_zone = $2 where id = $1`, [personas.clinic.id, zone]);

  /** Resolves once `pending` settles or the session `pid` waits on a lock, whichever is first. */
  async function settledOrWaiting(pending: Promise<unknown>, pid: number): Promise<void> {
    let settled = false;
    void pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    await withDb(async (watcher) => {
      for (let i = 0; i < 500 && !settled; i++) {
        const { rows } = await watcher.query(
          `select 1 from pg_stat_activity where pid = $1 and wait_event_type = 'Lock'`,
          [pid],
        );
        if (rows.length > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    });
  }

  /** Runs `first` in an open transaction, then `second` on another connection, then commits both. */
  async function race(
    first: (db: pg.Client) => Promise<unknown>,
    second: (db: pg.Client) => Promise<unknown>,
  ) {
    await withDb((a) =>
      withDb(async (b) => {
        await a.query('begin');
        await first(a);
        const {
          rows: [{ pid }],
        } = await b.query('select pg_backend_pid() as pid');
        const later = (async () => {
          await b.query('begin');
          await second(b);
          await b.query('commit');
        })();
        await settledOrWaiting(later, pid as number);
        await a.query('commit');
        await later;
      }),
    );
  }

  const figuresAfterFullRebuild = async () => {
    await withDb(async (db) => {
      await db.query(`select private.rebuild_insights_rollups($1)`, [personas.clinic.id]);
      await db.query(`select private.rebuild_insights_clinic_rollups($1)`, [personas.clinic.id]);
    });
    return insights(londonWeek);
  };

  it('a write open while the clinic moves is counted once, on its day in the new zone', async () => {
    const before = await insights(londonWeek);
    try {
      await race(insertOnOct5, (db) => moveTo(db, 'Europe/London'));
      const kept = await insights(londonWeek);
      expect(kept).toEqual(await figuresAfterFullRebuild());
      expect(kept.total).toBeGreaterThan(before.total);
    } finally {
      await withDb((db) => moveTo(db, 'America/New_York'));
    }
  });

  it('a write made while the clinic moves reads the new zone', async () => {
    const before = await insights(londonWeek);
    try {
      await race((db) => moveTo(db, 'Europe/London'), insertOnOct5);
      const kept = await insights(londonWeek);
      expect(kept).toEqual(await figuresAfterFullRebuild());
      expect(kept.total).toBeGreaterThan(before.total);
    } finally {
      await withDb((db) => moveTo(db, 'America/New_York'));
    }
  });
});

describe('the rollup tables', () => {
  it('no API role reads them: only the figures’ function does', async () => {
    for (const role of ['anon', 'authenticated']) {
      await withDb(async (db) => {
        await db.query('begin');
        try {
          await db.query(`set local role ${role}`);
          await expect(db.query('select count(*) from private.insights_daily')).rejects.toThrow(
            /permission denied/,
          );
        } finally {
          await db.query('rollback');
        }
      });
    }
  });
});
