/**
 * Writes src/types/database.types.ts with Supabase's own generator (@supabase/postgres-meta),
 * the generator behind `supabase gen types typescript`.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from './config.ts';

const run = promisify(execFile);
export const typesFile = path.join(projectRoot, 'src/types/database.types.ts');

export async function generateTypes(dbUrl: string): Promise<string> {
  const server = path.join(projectRoot, 'node_modules/@supabase/postgres-meta/dist/server/server.js');
  const { stdout } = await run(process.execPath, [server], {
    env: {
      ...process.env,
      // postgres-meta's driver takes its SSL setting from PG_META_DB_SSL_MODE, not the URL
      PG_META_DB_URL: dbUrl.replace('?sslmode=disable', ''),
      PG_META_GENERATE_TYPES: 'typescript',
      PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: 'public',
      PG_META_GENERATE_TYPES_DETECT_ONE_TO_ONE_RELATIONSHIPS: 'true',
      PG_META_POSTGREST_VERSION: '12',
    },
    maxBuffer: 32 * 1024 * 1024,
  });
  return stdout;
}

export async function writeTypes(dbUrl: string): Promise<void> {
  await writeFile(typesFile, await generateTypes(dbUrl));
}
