import { deepStrictEqual, equal, throws } from 'node:assert/strict';
import { namedCall } from './directory-sql.ts';
import { dbErrorResponse } from './http.ts';
import { asDbError } from './sql-pool.ts';

Deno.test(
  'a refusal raised in SQL keeps its code, hint and detail, and answers as through the data API',
  async () => {
    const error = asDbError({
      code: 'P0002',
      hint: 'unknown_therapist',
      detail: null,
      message: 'No therapist with this id accepts referrals from you.',
    });
    deepStrictEqual(error, {
      code: 'P0002',
      hint: 'unknown_therapist',
      details: null,
      message: 'No therapist with this id accepts referrals from you.',
    });
    const answer = dbErrorResponse(error);
    equal(answer.status, 404);
    deepStrictEqual(await answer.json(), {
      error: {
        code: 'unknown_therapist',
        message: 'No therapist with this id accepts referrals from you.',
        field: 'therapist_id',
      },
    });
  },
);

Deno.test('no database (refused socket, shutdown, too many connections) is a 503, not a 500', () => {
  for (const cause of [
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    new Error('Connection terminated unexpectedly'),
    { code: '57P01', message: 'terminating connection due to administrator command' },
    { code: '08006', message: 'connection failure' },
    { code: '53300', message: 'too many connections' },
  ]) {
    const error = asDbError(cause);
    equal(error.status, 0, error.message);
    equal(dbErrorResponse(error).status, 503, error.message);
  }
});

Deno.test('a function is called by its argument names, each a parameter', () => {
  deepStrictEqual(namedCall('public.f', { payer: 'p', page_size: 21, any_languages: null }), {
    text: 'select * from public.f(payer => $1, page_size => $2, any_languages => $3)',
    values: ['p', 21, null],
  });
  throws(() => namedCall('public.f', { 'x); drop table t; --': 1 }));
});
