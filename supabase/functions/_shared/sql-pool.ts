/**
 * Direct Postgres connections (SUPABASE_DB_URL, which Supabase gives every edge function) for the
 * payer API's hot calls: the key check, the directory and the slot lists.
 *
 * Why not the data API: through it each call went gateway → function → gateway → PostgREST →
 * Postgres twice (key check, then the read), so the gateway carried three requests and PostgREST
 * two for every one a payer made; under load those hops, not the SQL, capped the directory at a
 * sixth of a bare PostgREST GET's throughput. A connection of the pool runs as `service_role`
 * (asked for when it opens: a connection that cannot take the role is refused, never used as the
 * connecting user), the same role and privileges the data API's service key gave.
 *
 * Statements are unnamed (never prepared by name), so a transaction-mode pooler in front of the
 * database (Supavisor on hosted Supabase) serves them as well as a direct connection.
 */
import pg from 'npm:pg@8.23.1';
import type { DbError } from './http.ts';

export interface SqlPool {
  /** The rows of one statement; a failure is thrown as a DbError (status 0: database unreachable). */
  rows<T>(text: string, values: unknown[]): Promise<T[]>;
}

/**
 * SQLSTATE classes and codes that mean "no database right now" rather than a refusal: connection
 * exceptions (08), shutdown and start-up (57P01–57P03), too many connections (53300).
 */
const unreachableCodes = /^(08...|57P0[1-3]|53300)$/;

/** A driver error as the API's DbError: Postgres' own refusals keep their code, hint and detail. */
export function asDbError(error: unknown): DbError {
  const e = (error ?? {}) as { code?: unknown; hint?: unknown; detail?: unknown; message?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(error);
  const code = typeof e.code === 'string' ? e.code : undefined;
  // no SQLSTATE: the socket failed (refused, reset, timed out) before Postgres could answer
  if (!code || !/^[0-9A-Z]{5}$/.test(code) || unreachableCodes.test(code))
    return { code, message, hint: null, status: 0 };
  return {
    code,
    message,
    hint: typeof e.hint === 'string' ? e.hint : null,
    details: typeof e.detail === 'string' ? e.detail : null,
  };
}

export function sqlPool(connectionString: string, max: number): SqlPool {
  const pool = new pg.Pool({
    connectionString,
    options: '-c role=service_role',
    max,
    // a call waits at most this long for a connection (e.g. while Postgres restarts): then 503
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // an idle connection lost (Postgres restarted): the pool drops it and opens a new one when needed
  pool.on('error', (error: Error) => console.error('database connection lost:', error.message));
  return {
    async rows<T>(text: string, values: unknown[]): Promise<T[]> {
      try {
        return (await pool.query(text, values)).rows as T[];
      } catch (error) {
        throw asDbError(error);
      }
    },
  };
}
