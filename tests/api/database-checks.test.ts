/** Checks on the migrated database itself: Supabase's security advisor and the generated types. */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../supabase/local/database.ts';
import { generateTypes, typesFile } from '../../supabase/local/generate-types.ts';
import { testEnv, withDb } from './personas.ts';

const run = promisify(execFile);

describe('database checks', () => {
  it('passes `supabase db advisors` with no ERROR or WARN', async () => {
    const result = await run('node_modules/.bin/supabase', [
      'db',
      'advisors',
      '--db-url',
      testEnv().dbUrl,
      '--level',
      'warn',
      '--fail-on',
      'warn',
      '--type',
      'all',
      '--output-format',
      'json',
    ]).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        out: `${e.stdout}\n${e.stderr}`,
      }),
    );
    expect(
      result.out.trim() === '' || !/"level":\s*"(WARN|ERROR)"/.test(result.out),
      `advisor findings:\n${result.out}`,
    ).toBe(true);
    expect(result.code, result.out).toBe(0);
  });

  it('has src/types/database.types.ts up to date with the migrations (run `npm run db:types`)', async () => {
    const expected = await generateTypes(testEnv().dbUrl);
    expect(await readFile(typesFile, 'utf8')).toBe(expected);
  }, 60_000);

  it('tells to reset a local database built from migration files this checkout no longer has', async () => {
    const gone = '20200101000000';
    await withDb((db) =>
      db.query(`insert into supabase_migrations.schema_migrations (version, name) values ($1, 'folded')`, [
        gone,
      ]),
    );
    try {
      await expect(applyMigrations(testEnv().dbUrl, false, () => {})).rejects.toThrow(
        /no longer has\. Run `npm run db:reset`/,
      );
    } finally {
      await withDb((db) =>
        db.query('delete from supabase_migrations.schema_migrations where version = $1', [gone]),
      );
    }
  });
});
