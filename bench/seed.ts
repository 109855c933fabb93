/** Seeds the benchmark dataset (bench/seed-large.sql, or another seed file of the bench) into a benchmark stack. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { projectRoot } from '../supabase/local/config.ts';
import { round } from './stats.ts';

/** A seed's `\ir <file>` lines (psql's include, relative to bench/) replaced by that file's text. */
export async function withIncludes(sql: string): Promise<string> {
  const includes = [...sql.matchAll(/^\\ir (\S+)$/gm)];
  let expanded = sql;
  for (const [line, file] of includes)
    expanded = expanded.replace(line, await readFile(path.join(projectRoot, 'bench', file!), 'utf8'));
  return expanded;
}

export async function seedLargeDataset(db: pg.Pool, file = 'seed-large.sql'): Promise<number> {
  console.log(`Seeding ${file}…`);
  const seedStart = performance.now();
  const seedSql = await withIncludes(await readFile(path.join(projectRoot, 'bench', file), 'utf8'));
  // one session (the seed uses temporary tables), one statement at a time, each timed
  const session = await db.connect();
  try {
    for (const statement of seedSql
      .split(/;\s*\n/)
      .map((s) => s.replace(/^(\s*--.*\n)+/g, '').trim())
      .filter(Boolean)) {
      const start = performance.now();
      await session.query(statement);
      const seconds = (performance.now() - start) / 1000;
      if (seconds > 2) console.log(`  ${round(seconds, 1)} s: ${statement.split('\n')[0]!.slice(0, 90)}`);
    }
  } finally {
    session.release();
  }
  const seconds = round((performance.now() - seedStart) / 1000, 1);
  console.log(`  seeded in ${seconds} s`);
  return seconds;
}

/** Seeds the benchmark dataset unless the stack holds it already (a stack kept between runs). */
export async function seedUnlessSeeded(db: pg.Pool): Promise<void> {
  const { rows } = await db.query<{ seeded: boolean }>(
    `select exists (select from public.organizations where slug = 'bench-200') as seeded`,
  );
  if (!rows[0]?.seeded) await seedLargeDataset(db);
}
