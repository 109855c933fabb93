import { describe, expect, it } from 'vitest';
import { SlidingWindow, tooManyRequests } from './rate-limit.ts';

describe('SlidingWindow', () => {
  it('allows `limit` events in any window, then says how long to wait', () => {
    const window = new SlidingWindow(3, 1000);
    expect(window.take('a', 0)).toEqual({ allowed: true });
    expect(window.take('a', 100)).toEqual({ allowed: true });
    expect(window.take('a', 200)).toEqual({ allowed: true });
    // the oldest event (t=0) leaves the window at t=1000
    expect(window.take('a', 300)).toEqual({ allowed: false, waitMs: 700 });
    expect(window.take('b', 300)).toEqual({ allowed: true });
    expect(window.take('a', 1000)).toEqual({ allowed: true });
    expect(window.take('a', 1001)).toEqual({ allowed: false, waitMs: 99 });
  });

  it('does not count refused events, and forgets a key on request', () => {
    const window = new SlidingWindow(1, 1000);
    window.record('a', 0);
    for (let t = 1; t < 10; t += 1) expect(window.take('a', t).allowed).toBe(false);
    expect(window.waitMs('a', 500)).toBe(500);
    window.forget('a');
    expect(window.waitMs('a', 500)).toBe(0);
  });
});

describe('tooManyRequests', () => {
  it('is GoTrue’s 429 with when to try again', () => {
    const error = tooManyRequests('Request rate limit reached', 299_001);
    expect(error.status).toBe(429);
    expect(error.errorCode).toBe('over_request_rate_limit');
    expect(error.message).toBe('Request rate limit reached. Try again in 5 minutes.');
    expect(error.extras.headers).toEqual({ 'Retry-After': '300' });
    expect(tooManyRequests('x', 1).message).toBe('x. Try again in 1 second.');
    expect(tooManyRequests('x', 90_000).message).toBe('x. Try again in 90 seconds.');
  });
});
