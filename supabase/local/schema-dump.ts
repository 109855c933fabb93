/**
 * The schema check: `npx tsx supabase/local/schema-dump.ts [git ref]` builds a throwaway database
 * from this checkout's migrations and one from the ref's (default HEAD), each with `supabase db
 * push` from empty, describes both schemas from the catalog and prints the difference; it exits 1
 * when they differ. Use it to prove that rewriting migrations (folding, reordering, renaming files)
 * leaves the deployed schema as it was. The description covers what `public` and `private` hold
 * (schemas, types, tables with their columns, constraints, indexes, triggers, policies, views,
 * functions, statistics, comments, privileges and default privileges); privileges are listed
 * sorted (their order in an ACL means nothing). pg_dump is not used: Debian's is older than the
 * server and refuses it.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { projectRoot, stackSettings } from './config.ts';
import { acquireDataLock } from './data-lock.ts';
import { startDatabase } from './database.ts';

const run = promisify(execFile);
const schemas = `('public', 'private')`;

/** One line per fact, sorted: the same schema gives the same text. */
const queries: Record<string, string> = {
  schema: `select n.nspname, n.nspowner::regrole, array(select unnest(n.nspacl)::text order by 1)
    from pg_namespace n where n.nspname in ${schemas}`,
  extension: `select e.extname, n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace`,
  enum: `select t.typnamespace::regnamespace || '.' || t.typname,
      array(select e.enumlabel from pg_enum e where e.enumtypid = t.oid order by e.enumsortorder)::text
    from pg_type t where t.typtype = 'e' and t.typnamespace::regnamespace::text in ${schemas}`,
  relation: `select c.oid::regclass, c.relkind, c.relpersistence, c.relrowsecurity, c.relforcerowsecurity,
      c.reloptions, array(select unnest(c.relacl)::text order by 1), obj_description(c.oid, 'pg_class')
    from pg_class c where c.relnamespace::regnamespace::text in ${schemas} and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')`,
  column: `select a.attrelid::regclass, lpad(a.attnum::text, 3, '0'), a.attname, format_type(a.atttypid, a.atttypmod),
      a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attgenerated, a.attidentity,
      array(select unnest(a.attacl)::text order by 1), col_description(a.attrelid, a.attnum)
    from pg_attribute a join pg_class c on c.oid = a.attrelid
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where c.relnamespace::regnamespace::text in ${schemas} and c.relkind in ('r', 'p', 'v', 'm', 'f')
      and a.attnum > 0 and not a.attisdropped`,
  constraint: `select c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid), c.convalidated
    from pg_constraint c where c.connamespace::regnamespace::text in ${schemas} and c.conrelid <> 0`,
  index: `select pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid
    where c.relnamespace::regnamespace::text in ${schemas}`,
  trigger: `select t.tgrelid::regclass, pg_get_triggerdef(t.oid), t.tgenabled from pg_trigger t
    join pg_class c on c.oid = t.tgrelid where c.relnamespace::regnamespace::text in ${schemas} and not t.tgisinternal`,
  policy: `select p.schemaname || '.' || p.tablename, p.policyname, p.permissive, p.roles::text, p.cmd, p.qual, p.with_check
    from pg_policies p where p.schemaname in ${schemas}`,
  view: `select c.oid::regclass, pg_get_viewdef(c.oid) from pg_class c
    where c.relnamespace::regnamespace::text in ${schemas} and c.relkind in ('v', 'm')`,
  function: `select p.oid::regprocedure, pg_get_functiondef(p.oid), array(select unnest(p.proacl)::text order by 1),
      obj_description(p.oid, 'pg_proc')
    from pg_proc p where p.pronamespace::regnamespace::text in ${schemas}`,
  statistics: `select pg_get_statisticsobjdef(s.oid) from pg_statistic_ext s
    where s.stxnamespace::regnamespace::text in ${schemas}`,
  type_comment: `select t.oid::regtype, obj_description(t.oid, 'pg_type') from pg_type t
    where t.typnamespace::regnamespace::text in ${schemas} and obj_description(t.oid, 'pg_type') is not null`,
  default_privileges: `select d.defaclrole::regrole, d.defaclnamespace::regnamespace, d.defaclobjtype,
      array(select unnest(d.defaclacl)::text order by 1)
    from pg_default_acl d`,
};

/** The schema of the database at `url`, one line per fact. */
export async function describeSchema(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const lines: string[] = [];
    for (const [kind, sql] of Object.entries(queries)) {
      const { rows } = await client.query({ text: sql, rowMode: 'array' });
      const facts = rows.map((row: unknown[]) => `${kind} ${row.map((v) => JSON.stringify(v)).join(' ')}`);
      lines.push(...facts.sort());
    }
    return `${lines.join('\n')}\n`;
  } finally {
    await client.end();
  }
}

/** Builds a database from the migrations of `workdir` (a folder holding supabase/) and describes it. */
async function schemaOf(workdir: string, portShift: number): Promise<string> {
  // a throwaway database of its own beside the test stack's (db:types uses 5 above it)
  const test = stackSettings('test');
  const stackDir = `${test.stackDir}-schema-${portShift}`;
  const settings = {
    ...test,
    stackDir,
    dataDir: path.join(stackDir, 'db'),
    ports: { ...test.ports, db: test.ports.db + portShift },
  };
  await mkdir(stackDir, { recursive: true });
  const lock = acquireDataLock(settings, 'the schema check');
  try {
    const db = await startDatabase(settings, () => {}, { fresh: true, workdir });
    try {
      return await describeSchema(db.url);
    } finally {
      await db.stop();
    }
  } finally {
    lock.release();
    await rm(stackDir, { recursive: true, force: true });
  }
}

/** The ref's supabase/ (config, migrations, seed) in a temporary folder. */
async function checkOut(ref: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'schema-check-'));
  const { stdout } = await run(
    'git',
    ['archive', '--format=tar', ref, 'supabase/config.toml', 'supabase/migrations', 'supabase/seed.sql'],
    {
      cwd: projectRoot,
      encoding: 'buffer',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const archive = path.join(folder, 'supabase.tar');
  await writeFile(archive, stdout);
  await run('tar', ['-xf', archive, '-C', folder]);
  return folder;
}

const ref = process.argv[2] ?? 'HEAD';
const outDir = path.join(projectRoot, '.local', 'schema-check');
await mkdir(outDir, { recursive: true });
const refDir = await checkOut(ref);
try {
  const before = path.join(outDir, 'ref.txt');
  const after = path.join(outDir, 'worktree.txt');
  await writeFile(before, await schemaOf(refDir, 6));
  await writeFile(after, await schemaOf(projectRoot, 7));
  try {
    await run('diff', [
      '-u',
      '--label',
      `schema from ${ref}`,
      '--label',
      'schema from this checkout',
      before,
      after,
    ]);
    console.log(
      `Same schema: ${ref}'s migrations and this checkout's (${path.relative(process.cwd(), outDir)}/).`,
    );
  } catch (error) {
    const e = error as { code?: number; stdout?: string };
    if (e.code !== 1) throw error;
    console.log(e.stdout);
    console.log(`The schemas differ (${path.relative(process.cwd(), outDir)}/ref.txt and worktree.txt).`);
    process.exitCode = 1;
  }
} finally {
  await rm(refDir, { recursive: true, force: true });
}
