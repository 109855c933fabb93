/**
 * A benchmark's own local stack: its own folder under .local (named with the offset unless it is
 * the default) and ports `CRP_BENCH_PORT_OFFSET`
 * (default 2000) above the default ones, plus `extraOffset` for a second stack (growth), so a
 * benchmark never meets the dev or test stacks.
 */
import path from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import { projectRoot, stackSettings } from '../supabase/local/config.ts';
import { startStack, type RunningStack } from '../supabase/local/stack.ts';

export interface BenchStack {
  stack: RunningStack;
  settings: ReturnType<typeof stackSettings>;
  db: pg.Pool;
  /** A supabase-js client with `key` (no session kept on disk, realtime over `ws`). */
  client: (key: string) => SupabaseClient;
  /** A client signed in through Auth as a seeded bench user (password `bench-password`). */
  signIn: (email: string) => Promise<SupabaseClient>;
  stop: () => Promise<void>;
}

export const benchPassword = 'bench-password';

const defaultOffset = 2000;

/** `.local/<name>`, or `.local/<name>-<offset>` for another offset, so two runs never share a folder. */
export function benchFolder(name: string): string {
  const offset = Number(process.env.CRP_BENCH_PORT_OFFSET ?? defaultOffset);
  return path.join(projectRoot, '.local', offset === defaultOffset ? name : `${name}-${offset}`);
}

export function benchSettings(folder: string, extraOffset = 0) {
  const offset = Number(process.env.CRP_BENCH_PORT_OFFSET ?? defaultOffset) + extraOffset;
  const base = stackSettings('test', { ...process.env, CRP_TEST_PORT_OFFSET: String(offset) });
  const stackDir = benchFolder(folder);
  return {
    ...base,
    stackDir,
    dataDir: path.join(stackDir, 'db'),
    inboxFile: path.join(stackDir, 'inbox.jsonl'),
  };
}

/**
 * Starts a benchmark stack, by default on an empty database; `fresh: false` keeps the folder's data
 * (a dataset seeded by an earlier run, a script's `--reuse`), applying only the migrations it
 * lacks. `poolSize` is the most connections `db` opens (10 unless a script wants fewer).
 */
export async function startBenchStack(
  folder: string,
  extraOffset = 0,
  { fresh = true, poolSize = 10 }: { fresh?: boolean; poolSize?: number } = {},
): Promise<BenchStack> {
  const settings = benchSettings(folder, extraOffset);
  console.log(
    `Starting a benchmark stack (database port ${settings.ports.db}, ${path.relative(projectRoot, settings.stackDir)}${fresh ? '' : ', reused'})…`,
  );
  const stack = await startStack(settings, { fresh });
  const db = new pg.Pool({ connectionString: stack.urls.db, max: poolSize });
  const client = (key: string) =>
    createClient(stack.urls.api, key, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: WebSocket as never },
    });
  const signIn = async (email: string) => {
    const c = client(stack.keys.anonKey);
    const { data, error } = await c.auth.signInWithPassword({ email, password: benchPassword });
    if (error || !data.session) throw new Error(`bench sign-in as ${email} failed: ${error?.message}`);
    return c;
  };
  return {
    stack,
    settings,
    db,
    client,
    signIn,
    stop: async () => {
      await db.end();
      await stack.stop();
    },
  };
}
