import { describe, expect, it } from 'vitest';
import { canonicalJson, submissionAttempt } from './idempotency';

const counter = () => {
  let n = 0;
  return () => `key-${(n += 1)}`;
};

describe('submissionAttempt', () => {
  it('reuses the key for a retry of the same body, in any key order', () => {
    const newKey = counter();
    const first = submissionAttempt(null, { a: 1, b: 'x', note: undefined }, newKey);
    expect(first.key).toBe('key-1');
    expect(submissionAttempt(first, { b: 'x', a: 1 }, newKey)).toBe(first);
  });

  it('makes a new key when the body changes', () => {
    const newKey = counter();
    const first = submissionAttempt(null, { slot_start: '2026-05-04T13:00:00Z' }, newKey);
    const second = submissionAttempt(first, { slot_start: '2026-05-04T14:00:00Z' }, newKey);
    expect(second.key).toBe('key-2');
  });

  it('uses random UUIDs by default', () => {
    expect(submissionAttempt(null, {}).key).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('canonicalJson', () => {
  it('sorts keys and drops undefined values, deeply', () => {
    expect(canonicalJson({ b: [{ d: 1, c: undefined }], a: null })).toBe('{"a":null,"b":[{"d":1}]}');
  });
});
