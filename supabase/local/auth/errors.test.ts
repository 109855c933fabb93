import { describe, expect, it } from 'vitest';
import { errorBody, isDatabaseUnavailable, serviceUnavailable } from './errors.ts';

describe('auth errors while the database is down', () => {
  it('recognises connection failures (refused, lost, timed out, shutting down) and nothing else', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:54322'), {
      code: 'ECONNREFUSED',
    });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(
      isDatabaseUnavailable({
        code: '57P01',
        message: 'terminating connection due to administrator command',
      }),
    ).toBe(true);
    expect(isDatabaseUnavailable({ code: '08006', message: 'connection failure' })).toBe(true);
    expect(isDatabaseUnavailable({ code: '23505', message: 'duplicate key' })).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it('answers 503 with Retry-After and says nothing was saved', () => {
    const error = serviceUnavailable();
    expect(error.status).toBe(503);
    expect(error.extras.headers).toEqual({ 'Retry-After': '5' });
    expect(errorBody(error, null)).toEqual({
      code: 503,
      error_code: 'service_unavailable',
      msg: expect.stringMatching(/unavailable.*nothing was saved/),
    });
  });
});
