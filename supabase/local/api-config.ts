/**
 * The `[api]` settings of supabase/config.toml (the data API: which schemas PostgREST exposes,
 * its search path and its row cap), as the local PostgREST's environment. The same file
 * configures hosted Supabase's PostgREST; absent keys get the Supabase CLI's defaults.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { z } from 'zod';

const schemaNames = z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/)).min(1);

// unknown keys are allowed (port, enabled… concern the hosted gateway); wrong types are not
const configFile = z.object({
  api: z
    .object({
      schemas: schemaNames.default(['public', 'graphql_public']),
      extra_search_path: schemaNames.default(['public', 'extensions']),
      max_rows: z.number().int().min(1).default(1000),
    })
    .prefault({}),
});

/** PostgREST's variables for config.toml's `[api]`; a wrong value names its key. */
export function parsePostgrestSettings(tomlText: string): Record<string, string> {
  const result = configFile.safeParse(parse(tomlText));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(
      `supabase/config.toml: ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid value'}`,
    );
  }
  const { api } = result.data;
  return {
    PGRST_DB_SCHEMAS: api.schemas.join(','),
    PGRST_DB_EXTRA_SEARCH_PATH: api.extra_search_path.join(','),
    PGRST_DB_MAX_ROWS: String(api.max_rows),
  };
}

export const loadPostgrestSettings = (file: string) => parsePostgrestSettings(readFileSync(file, 'utf8'));
