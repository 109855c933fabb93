import { describe, expect, it } from 'vitest';
import { RestartPolicy } from './restart-policy.ts';

describe('restart policy', () => {
  it('backs off doubling up to the cap, then gives up after the limit within a minute', () => {
    const policy = new RestartPolicy({ maxPerMinute: 4, firstDelayMs: 100, maxDelayMs: 500 });
    expect([0, 1, 2, 3].map((s) => policy.next(s * 1000))).toEqual([
      { delayMs: 100, attempt: 1 },
      { delayMs: 200, attempt: 2 },
      { delayMs: 400, attempt: 3 },
      { delayMs: 500, attempt: 4 },
    ]);
    expect(policy.next(10_000)).toBeNull();
  });

  it('forgets restarts older than a minute', () => {
    const policy = new RestartPolicy({ maxPerMinute: 2, firstDelayMs: 100, maxDelayMs: 1000 });
    policy.next(0);
    policy.next(30_000);
    expect(policy.next(59_999)).toBeNull();
    expect(policy.next(60_001)).toEqual({ delayMs: 200, attempt: 2 });
    expect(policy.next(90_001)).toEqual({ delayMs: 200, attempt: 2 });
  });
});
