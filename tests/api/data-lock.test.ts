/**
 * The stack folder's lock and Postgres's own troubles, against real parts: one running stack per
 * data folder (a second start and a reset are refused with one line, the live database keeps
 * working), a failed Postgres start says why, the initdb password never sits in a readable temp
 * file, and the planner has statistics after the seed and after a crash (kill -9) and restart.
 */
import { watch } from 'node:fs';
import { chmod, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataLockedError, livePostgresOf } from '../../supabase/local/data-lock.ts';
import { startDatabase } from '../../supabase/local/database.ts';
import { busyPorts } from '../../supabase/local/ports.ts';
import { resetDatabase } from '../../supabase/local/reset-database.ts';
import { startStack, type RunningStack } from '../../supabase/local/stack.ts';
import { sideStack } from './support/side-stack.ts';

const mainTables = ['referral_requests', 'appointments', 'availability_occurrences'];

async function reltuples(url: string): Promise<Record<string, number>> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query<{ relname: string; reltuples: number }>(
      `select relname, reltuples from pg_class where relnamespace = 'public'::regnamespace and relname = any($1)`,
      [mainTables],
    );
    return Object.fromEntries(rows.map((r) => [r.relname, r.reltuples]));
  } finally {
    await db.end();
  }
}

const caught = (promise: Promise<unknown>) =>
  promise.then(
    (value) => value,
    (error: unknown) => error,
  );

describe('one running stack per data folder', () => {
  const settings = sideStack('lock');
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startStack(settings, { fresh: true });
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('has statistics for the main tables right after the migrations and the seed', async () => {
    const statistics = await reltuples(stack.urls.db);
    expect(Object.keys(statistics).sort()).toEqual([...mainTables].sort());
    for (const [table, rows] of Object.entries(statistics)) expect(rows, table).toBeGreaterThanOrEqual(0);
  });

  it('refuses a second start on the same data folder (other ports) with one line naming the running stack', async () => {
    const other = { ...settings, ports: sideStack('lock-second-start', 'lock').ports };
    const error = await caught(startStack(other, { fresh: true }));
    expect(error).toBeInstanceOf(DataLockedError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toContain(
      `is in use by a running stack (test stack, pid ${process.pid}, API port ${settings.ports.gateway}, database port ${settings.ports.db}`,
    );
    // nothing of the second stack was started
    expect(await busyPorts(other.ports)).toEqual([]);
  });

  it('refuses a reset while the stack runs, and the live database keeps its data', async () => {
    const slug = `kept-${process.pid}-${Date.now()}`;
    const query = async (sql: string) => {
      const db = new pg.Client({ connectionString: stack.urls.db });
      await db.connect();
      try {
        return (await db.query<{ n: number }>(sql, [slug])).rows;
      } finally {
        await db.end();
      }
    };
    await query(
      `insert into public.organizations (name, slug, time_zone) values ('Kept Clinic', $1, 'America/New_York')`,
    );
    const error = await caught(resetDatabase(settings, () => {}));
    expect(error).toBeInstanceOf(DataLockedError);
    expect(await query('select count(*)::int as n from public.organizations where slug = $1')).toEqual([
      { n: 1 },
    ]);
    const health = await fetch(`${stack.urls.api}/functions/v1/health`, {
      headers: { authorization: `Bearer ${stack.keys.anonKey}` },
    });
    expect(health.status).toBe(200);
  });

  it('has statistics again after Postgres is killed (kill -9) and the stack restarted', async () => {
    // the statistics as a crash leaves them when nothing analyzed the tables before it
    const db = new pg.Client({ connectionString: stack.urls.db });
    await db.connect();
    await db.query(
      `update pg_class set reltuples = -1 where relnamespace = 'public'::regnamespace and relname = any($1)`,
      [mainTables],
    );
    await db.end();
    const pid = livePostgresOf(settings.dataDir);
    expect(pid).toBeGreaterThan(0);
    process.kill(pid!, 'SIGKILL');
    await stack.stop();
    stack = await startStack(settings);
    const statistics = await reltuples(stack.urls.db);
    expect(Object.keys(statistics).sort()).toEqual([...mainTables].sort());
    for (const [table, rows] of Object.entries(statistics)) expect(rows, table).toBeGreaterThanOrEqual(0);
  }, 120_000);
});

describe('Postgres start failures', () => {
  it('report the reason from Postgres’s log, and initdb’s password never sits in a readable temp file', async () => {
    const settings = sideStack('pg-fail');
    // the database port taken on every address Postgres listens on
    const blocker = net.createServer();
    await new Promise<void>((resolve) =>
      blocker.listen({ port: settings.ports.db, host: '::', ipv6Only: false }, resolve),
    );
    // a temp folder of this test's own: other stacks on the machine make initdb folders in the shared one
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'crp-pg-fail-test-'));
    // as the shared one, passable by the postgres user initdb may run as
    await chmod(tmp, 0o711);
    const sharedTmp = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    const seen: { name: string; mode: number | null }[] = [];
    const watcher = watch(tmp, (_event, name) => {
      if (!name || !/^(pg-password-|crp-initdb-)/.test(name)) return;
      stat(path.join(tmp, name)).then(
        (s) => seen.push({ name, mode: s.mode & 0o777 }),
        () => seen.push({ name, mode: null }),
      );
    });
    try {
      const error = await caught(startDatabase(settings, () => {}, { fresh: true }));
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(
        /^Postgres exited: .*FATAL: +could not create any TCP\/IP sockets/,
      );
    } finally {
      watcher.close();
      blocker.close();
      if (sharedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = sharedTmp;
    }
    expect(seen.length).toBeGreaterThan(0);
    for (const { name, mode } of seen) {
      expect(name).toMatch(/^crp-initdb-/);
      if (mode !== null) expect(mode, name).toBe(0o700);
    }
    expect((await readdir(tmp)).filter((name) => /^(pg-password-|crp-initdb-)/.test(name))).toEqual([]);
    await rm(tmp, { recursive: true, force: true });
  }, 60_000);
});
