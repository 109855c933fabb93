import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePostgrestSettings, loadPostgrestSettings } from './api-config.ts';
import { projectRoot } from './config.ts';

describe('the [api] settings of config.toml', () => {
  it('gives PostgREST the project’s schemas, search path and row cap', () => {
    expect(loadPostgrestSettings(path.join(projectRoot, 'supabase', 'config.toml'))).toEqual({
      PGRST_DB_SCHEMAS: 'public',
      PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
      PGRST_DB_MAX_ROWS: '1000',
    });
  });

  it('applies the Supabase CLI’s defaults to absent keys and names a wrong value', () => {
    expect(parsePostgrestSettings('[api]\nmax_rows = 50\n')).toEqual({
      PGRST_DB_SCHEMAS: 'public,graphql_public',
      PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
      PGRST_DB_MAX_ROWS: '50',
    });
    expect(() => parsePostgrestSettings('[api]\nschemas = ["public; drop"]\n')).toThrow(/api\.schemas/);
  });
});
