/**
 * One Idempotency-Key per submission: a retry of the same body (after a lost connection, a 429,
 * a 5xx) reuses the key, so the clinic gets at most one request; a changed body (another time,
 * a corrected field) is a new submission with a new key (the API refuses a reused key with a
 * different body).
 */
export interface SubmissionAttempt {
  body: string;
  key: string;
}

/** JSON with keys sorted and undefined values left out, so equal bodies compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The attempt for `body`: the previous one's key when the body is the same, otherwise a new key. */
export function submissionAttempt(
  previous: SubmissionAttempt | null,
  body: unknown,
  newKey: () => string = () => crypto.randomUUID(),
): SubmissionAttempt {
  const json = canonicalJson(body);
  if (previous && previous.body === json) return previous;
  return { body: json, key: newKey() };
}
