/**
 * The payer API's hot calls over direct database connections (sql-pool.ts): the key check, a
 * directory page and one therapist's slots. The same SQL functions, with the same arguments, as
 * through the data API, so the rows (and the answers built from them) are the same.
 */
import type { DirectoryQuery, DirectoryRow } from './directory.ts';
import { directoryArguments } from './directory-queries.ts';
import type { PayerAuth } from './payer-key.ts';
import type { SlotRow } from './referral-post.ts';
import type { SqlPool } from './sql-pool.ts';

/** `select * from fn(a => $1, b => $2, …)`: a call by argument names, as PostgREST makes it. */
export function namedCall(fn: string, args: Record<string, unknown>): { text: string; values: unknown[] } {
  const names = Object.keys(args);
  if (!names.every((n) => /^[a-z_]+$/.test(n))) throw new Error(`not an argument name: ${names.join(', ')}`);
  return {
    text: `select * from ${fn}(${names.map((n, i) => `${n} => $${i + 1}`).join(', ')})`,
    values: names.map((n) => args[n]),
  };
}

const call = <T>(sql: SqlPool, fn: string, args: Record<string, unknown>) => {
  const { text, values } = namedCall(fn, args);
  return sql.rows<T>(text, values);
};

export function payerReads(sql: SqlPool) {
  return {
    async authenticate(keyHash: string): Promise<PayerAuth> {
      const [row] = await call<{ payer_id: string; retry_after: number }>(
        sql,
        'public.payer_api_authenticate',
        { key_hash: keyHash },
      );
      return row ? { payerId: row.payer_id, retryAfter: row.retry_after } : null;
    },
    directory: (payer: string, query: DirectoryQuery) =>
      call<DirectoryRow>(
        sql,
        'public.referral_directory',
        directoryArguments({ payer, clinic: null }, query),
      ),
    slots: (payer: string, therapist: string, from: string, to: string) =>
      call<SlotRow>(sql, 'public.listed_therapist_slots', {
        payer,
        clinic: null,
        therapist,
        from_ts: from,
        to_ts: to,
      }),
  };
}
