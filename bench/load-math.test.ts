import { describe, expect, it } from 'vitest';
import { portalOutcome, rssFlat, soakWindows, type CallSample } from './load-math.ts';

const calls = (call: string, from: number, to: number, ms: (i: number) => number): CallSample[] =>
  Array.from({ length: 100 }, (_, i) => ({
    call,
    at: from + ((to - from) * i) / 100,
    ms: ms(i),
    status: 200,
  }));

describe('soakWindows', () => {
  it('compares the first minute with the last, per call, and ignores the minutes between', () => {
    const samples = [
      ...calls('directory', 0, 60, (i) => 10 + (i % 10)),
      ...calls('directory', 60, 240, () => 500),
      ...calls('directory', 240, 300, (i) => 10.5 + (i % 10)),
      ...calls('queue', 0, 60, () => 10),
      ...calls('queue', 240, 300, () => 12),
    ];
    const [directory, queue] = soakWindows(samples, 300);
    expect(directory).toMatchObject({ call: 'directory', within: true });
    expect(queue).toMatchObject({ call: 'queue', within: false, drift: { p50: 1.2, p95: 1.2 } });
  });
});

describe('rssFlat', () => {
  it('judges growth after the warm-up only, with 10 % and 10 MB of slack', () => {
    const parts = rssFlat(
      [
        { at: 0, parts: { postgres: 100, deno: 50 } },
        { at: 60, parts: { postgres: 300, deno: 50 } },
        { at: 120, parts: { postgres: 340, deno: 90 } },
        { at: 300, parts: { postgres: 330, deno: 95 } },
      ],
      60,
    );
    expect(parts.map((p) => [p.part, p.flat])).toEqual([
      ['postgres', true],
      ['deno', false],
    ]);
  });
});

describe('portalOutcome', () => {
  it('counts a 201 with an id as created, a 4xx with a code and message as refused with a reason', () => {
    expect(portalOutcome(201, '{"id":"a"}')).toBe('created');
    expect(portalOutcome(201, '{}')).toBe('other');
    expect(portalOutcome(409, '{"error":{"code":"slot_taken","message":"That time was just taken."}}')).toBe(
      'refused with a reason',
    );
    expect(portalOutcome(429, 'Too many')).toBe('refused without a reason');
    expect(portalOutcome(502, '{"error":{"code":"x","message":"y"}}')).toBe('server error');
  });
});
