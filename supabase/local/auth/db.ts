/** The auth service's Postgres access: one pool, and every write inside a transaction. */
import pg from 'pg';

/** Anything that can run a query: the pool (single reads) or a transaction's client. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;
export type Tx = pg.PoolClient;

export function createPool(connectionString: string, log: (line: string) => void): pg.Pool {
  // a database that is down or restarting must not hold a sign-in past a few seconds
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    application_name: 'crp-local-auth',
    connectionTimeoutMillis: 4000,
  });
  // an idle client losing its connection (e.g. the database stopping first) must not crash the process
  pool.on('error', (error) => log(`idle database connection failed: ${error.message}`));
  return pool;
}

export async function inTransaction<T>(pool: pg.Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The service needs GoTrue's tables from supabase/local/bootstrap.sql; say so plainly when one is missing. */
export async function checkSchema(pool: pg.Pool): Promise<void> {
  const tables = [
    'auth.users',
    'auth.identities',
    'auth.sessions',
    'auth.refresh_tokens',
    'auth.mfa_amr_claims',
  ];
  const { rows } = await pool.query<{ name: string; found: string | null }>(
    'select name, to_regclass(name)::text as found from unnest($1::text[]) as name',
    [tables],
  );
  const missing = rows.filter((r) => r.found === null).map((r) => r.name);
  if (missing.length > 0) {
    throw new Error(
      `The database lacks ${missing.join(', ')} (created by supabase/local/bootstrap.sql on a new cluster). ` +
        'Delete the local stack data folder (under .local/) so the cluster is created again.',
    );
  }
}

/** Postgres unique_violation, e.g. two requests creating the same email at once. */
export const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === '23505';
